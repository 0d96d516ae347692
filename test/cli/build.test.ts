// `npm run build` with content that does not pass the check: a Chinese list of problems, nothing written.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftInCheckout, runNode } from '../helpers/astro-cli.ts';
import { otherFilesystemDir } from '../helpers/filesystems.ts';
import { ROOT } from '../helpers/sites.ts';

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

  it('builds beside DIR and swaps the finished site in; a rebuild replaces the earlier site; nothing is left beside it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      const out = join(parent, 'site');
      const first = build(out);
      expect(first.status, first.output.slice(-2000)).toBe(0);
      // Astro's own per-report directive warning (withastro/astro#18087) is filtered out: it says nothing about the reports.
      expect(first.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
      expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
      writeFileSync(join(out, 'old.txt'), 'left over from the previous build');
      const second = build(out);
      expect(second.status, second.output.slice(-2000)).toBe(0);
      expect(existsSync(join(out, 'old.txt'))).toBe(false);
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
      expect(readdirSync(parent)).toEqual(['site']);
      expect(second.stdout).toContain(`网站已生成到 ${out}`);
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
