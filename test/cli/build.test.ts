// `npm run build` with content that does not pass the check: a Chinese list of problems, nothing written.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
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
    expect(readdirSync(ROOT).filter((f) => f.startsWith('dist.'))).toEqual([]);
    expect(existsSync(dist) ? statSync(dist).mtimeMs : undefined).toBe(before);
  });
});

describe('npm run build -- --outDir DIR', () => {
  it('builds beside DIR and swaps the finished site in: the old contents go, nothing is left beside it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'nianbao-outdir-'));
    try {
      const out = join(parent, 'site');
      mkdirSync(out);
      writeFileSync(join(out, 'old.txt'), 'the previous build');
      const r = runNode(join(ROOT, 'src/cli/astro.ts'), ['build', '--outDir', out], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') });
      expect(r.status, r.output.slice(-2000)).toBe(0);
      expect(existsSync(join(out, 'old.txt'))).toBe(false);
      expect(existsSync(join(out, '2021/index.html'))).toBe(true);
      expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
      expect(readdirSync(parent)).toEqual(['site']);
      expect(r.stdout).toContain(`网站已生成到 ${out}`);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
