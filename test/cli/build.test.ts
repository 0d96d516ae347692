// `npm run build` with content that does not pass the check: a Chinese list of problems, nothing written.
import { existsSync, readdirSync, statSync } from 'node:fs';
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
