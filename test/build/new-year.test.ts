// Publishing a new year starts with `npm run new`: the scaffold, still without text, must already build.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

describe('a freshly scaffolded year', () => {
  // A build waits for any other build in the checkout (src/integrations/one-build.ts): allow for that.
  it('builds, with its page, a search index and the filled years still searchable', { timeout: 240_000 }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'nianbao-newyear-'));
    const content = join(tmp, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const scaffold = runNode(join(ROOT, 'src/cli/new.ts'), ['2023'], { NIANBAO_CONTENT: content });
    expect(scaffold.status, scaffold.output).toBe(0);
    const out = join(tmp, 'dist');
    const build = astroBuild(out, { NIANBAO_CONTENT: content });
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(readFileSync(join(out, '2023/index.html'), 'utf8')).toContain('一、履行主体责任情况');
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(build.output).toMatch(/搜索索引：2 份报告/);
  });
});
