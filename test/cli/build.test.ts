// `npm run build` with content that does not pass the check: a Chinese list of problems, nothing written.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftInCheckout, runNode } from '../helpers/astro-cli.ts';
import { otherFilesystemDir } from '../helpers/filesystems.ts';
import { ROOT } from '../helpers/sites.ts';
import { SITE_FILES } from '../../src/lib/publish/site-files.ts';

/** Every path below `dir` with its size and modification time: what “left exactly as it was” means. */
function snapshot(dir: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(join(dir, at))) {
      const path = join(at, name);
      const st = lstatSync(join(dir, path));
      out[path] = [st.size, st.mtimeMs];
      if (st.isDirectory()) walk(path);
    }
  };
  walk('');
  return out;
}

describe('npm run build on broken content', () => {
  it('lists every problem, says dist/ is kept, and leaves no half-built folder', () => {
    const dist = join(ROOT, 'dist');
    const before = existsSync(dist) ? statSync(dist).mtimeMs : undefined;
    const r = runNode(join(ROOT, 'src/cli/astro.ts'), ['build'], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/broken') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('reports/2021.mdx');
    expect(r.stderr).toContain('是否应为 petitions-received');
    expect(r.stderr).toContain('没有生成网站（dist/ 保持原样）');
    expect(r.output).not.toMatch(/Stack trace|unhandled error/i);
    // Astro starts beside the check; stopped when the check fails, none of its own output is shown.
    expect(r.output).not.toMatch(/\[(content|build|vite|types|config)\]|astro/i);
    expect(leftInCheckout(r.pid)).toEqual([]);
    expect(existsSync(dist) ? statSync(dist).mtimeMs : undefined).toBe(before);
  });
});

describe('npm run build -- --outDir DIR', () => {
  const build = (out: string) => runNode(join(ROOT, 'src/cli/astro.ts'), ['build', '--outDir', out], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') });

  it('builds beside DIR and swaps the finished site in; a rebuild replaces the earlier site, but never one that gained or changed files', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      const out = join(parent, 'site');
      const first = build(out);
      expect(first.status, first.output.slice(-2000)).toBe(0);
      // Astro's own per-report directive warning (withastro/astro#18087) is filtered out: it says nothing about the reports.
      expect(first.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
      expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
      expect(existsSync(join(out, SITE_FILES))).toBe(true);
      const second = build(out);
      expect(second.status, second.output.slice(-2000)).toBe(0);
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
      expect(readdirSync(parent)).toEqual(['site']);
      expect(second.stdout).toContain(`网站已生成到 ${out}`);

      // A web root that held the build and gained an OA system and uploads: refused before building, nothing touched.
      mkdirSync(join(out, 'oa'));
      writeFileSync(join(out, 'oa/index.php'), '<?php echo 1;');
      mkdirSync(join(out, 'uploads'));
      writeFileSync(join(out, 'uploads/合同.pdf'), '%PDF-1.4');
      const before = snapshot(out);
      const third = build(out);
      expect(third.status).toBe(1);
      expect(third.stderr).toContain('不是 nianbao 生成的：oa/、uploads/');
      expect(third.output).not.toMatch(/Stack trace|at \S+ \(/);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(parent)).toEqual(['site']);
      expect(leftInCheckout(third.pid)).toEqual([]);

      // One of the build's own pages edited by hand: refused too.
      rmSync(join(out, 'oa'), { recursive: true });
      rmSync(join(out, 'uploads'), { recursive: true });
      appendFileSync(join(out, '2021/index.html'), '<!-- 手工改过 -->');
      const fourth = build(out);
      expect(fourth.status).toBe(1);
      expect(fourth.stderr).toContain('构建之后被修改过：2021/index.html');
      expect(readFileSync(join(out, '2021/index.html'), 'utf8')).toContain('手工改过');

      // An older build (no list of its files) with the generator tag: refused, with the way out.
      rmSync(join(out, SITE_FILES));
      const fifth = build(out);
      expect(fifth.status).toBe(1);
      expect(fifth.stderr).toContain('旧版 nianbao 生成的网站');
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 240_000);

  it('never replaces a link (publish’s web root), nor builds into a release, the content folder or the checkout', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      // What publish leaves: www → www.releases/<release>.
      const release = join(parent, 'www.releases/20250116-093000-123');
      mkdirSync(release, { recursive: true });
      writeFileSync(join(release, 'index.html'), '<meta name="generator" content="nianbao">');
      writeFileSync(join(release, '.nianbao-release.json'), '{}');
      const www = join(parent, 'www');
      symlinkSync('www.releases/20250116-093000-123', www);
      const linked = build(www);
      expect(linked.status).toBe(1);
      expect(linked.stderr).toContain('是一个链接');
      expect(linked.stderr).toContain(`npm run publish -- --to ${www}`);
      expect(lstatSync(www).isSymbolicLink()).toBe(true);
      expect(readlinkSync(www)).toBe('www.releases/20250116-093000-123');

      const inRelease = build(release);
      expect(inRelease.status).toBe(1);
      expect(inRelease.stderr).toContain('版本目录 www.releases');
      expect(readdirSync(release).sort()).toEqual(['.nianbao-release.json', 'index.html']);

      for (const dir of [join(ROOT, 'test/fixtures/minimal/reports'), ROOT]) {
        const r = build(dir);
        expect(r.status, dir).toBe(1);
        expect(r.stderr).toMatch(/内容目录|本项目/);
        expect(r.output).not.toMatch(/Stack trace|at \S+ \(/);
      }
      expect(existsSync(join(ROOT, 'test/fixtures/minimal/reports/2021.mdx'))).toBe(true);
      expect(leftInCheckout(linked.pid)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('a file saved into DIR while the site is being built is kept: the swap is refused', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      const out = join(parent, 'site');
      mkdirSync(out);
      const child = spawn(process.execPath, [join(ROOT, 'src/cli/astro.ts'), 'build', '--outDir', out], {
        cwd: ROOT,
        env: { ...process.env, NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let seen = '';
      child.stdout.on('data', (b: Buffer) => {
        seen += b;
        if (seen.includes('generating static routes') && !existsSync(join(out, '工作笔记.docx'))) writeFileSync(join(out, '工作笔记.docx'), '不能丢');
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b));
      const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
      expect(code, stderr).toBe(1);
      expect(stderr).toContain('不是空文件夹，也不是 nianbao 生成的网站（里面有 工作笔记.docx）');
      expect(readdirSync(out)).toEqual(['工作笔记.docx']);
      expect(readFileSync(join(out, '工作笔记.docx'), 'utf8')).toBe('不能丢');
      expect(readdirSync(parent)).toEqual(['site']);
      expect(leftInCheckout(child.pid)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 240_000);

  it('refuses a folder that holds something else, and leaves it exactly as it was', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      const out = join(parent, 'notes');
      mkdirSync(out);
      writeFileSync(join(out, '会议记录.txt'), '不能丢');
      const r = build(out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('不是空文件夹，也不是 nianbao 生成的网站');
      expect(r.output).not.toMatch(/Stack trace|at \S+ \(/);
      expect(readdirSync(out)).toEqual(['会议记录.txt']);
      expect(readdirSync(parent)).toEqual(['notes']);
      expect(leftInCheckout(r.pid)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('npm run build piped to a reader that stops early (npm run build | head)', () => {
  it('stops, leaving no half-built folder and no site', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-pipe-'));
    try {
      const out = join(parent, 'site');
      const child = spawn(process.execPath, [join(ROOT, 'src/cli/astro.ts'), 'build', '--outDir', out], {
        cwd: ROOT,
        env: { ...process.env, NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // The reader goes away once Astro is writing the site into the folder beside the target, as `head` does.
      let seen = '';
      child.stdout.on('data', (b: Buffer) => {
        seen += b;
        if (seen.includes('generating static routes')) {
          expect(leftInCheckout(child.pid)).toEqual([`dist.building-${child.pid}`]);
          child.stdout.destroy();
        }
      });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b));
      const code = await new Promise<number | string | null>((done) => child.on('close', (c, signal) => done(c ?? signal)));
      expect(code, stderr).not.toBe(0);
      expect(stderr).not.toMatch(/EPIPE|Unhandled|at \S+ \(/);
      expect(readdirSync(parent)).toEqual([]);
      expect(leftInCheckout(child.pid)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 240_000);
});
