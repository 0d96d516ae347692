// Compiled reports kept between builds (src/integrations/mdx-cache.ts): a rebuild of the same content
// reuses them and writes the same site; a changed report is compiled afresh; the other edition never
// gets this edition's compiled modules, so a public rebuild after an internal one leaks nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const work = mkdtempSync(join(tmpdir(), 'nianbao-mdx-cache-'));
const content = join(work, 'content');
cpSync(join(ROOT, 'test/fixtures/minimal'), content, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const build = (edition: 'public' | 'internal', out: string) => {
  const r = runNode(join(ROOT, 'src/cli/astro.ts'), ['build', '--outDir', join(work, out)], { NIANBAO_CONTENT: content, NIANBAO_EDITION: edition });
  expect(r.status, r.output.slice(-3000)).toBe(0);
  return { log: r.output, page: readFileSync(join(work, out, '2021/index.html'), 'utf8') };
};
const reused = (log: string) => /(\d+) 份报告沿用上次编译的结果/.exec(log)?.[1];

describe('compiled reports kept between builds', () => {
  it('reuses them for the same content, compiles a changed report again, and keeps the editions apart', () => {
    const first = build('public', 'a');
    expect(reused(first.log)).toBeUndefined();

    const again = build('public', 'b');
    expect(reused(again.log)).toBe('1');
    expect(again.page).toBe(first.page);

    const file = join(content, 'reports/2021.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('研究部署党风廉政建设工作。', '研究部署党风廉政建设工作，新增一句用来检验缓存。'));
    const changed = build('public', 'c');
    expect(reused(changed.log)).toBeUndefined();
    expect(changed.page).toContain('新增一句用来检验缓存');

    const internal = build('internal', 'd');
    expect(reused(internal.log)).toBeUndefined();
    expect(internal.page).toContain('6184');
    expect(internal.page).toContain('东湖社区赵某某挪用公款案');

    const publicAgain = build('public', 'e');
    expect(reused(publicAgain.log)).toBe('1');
    expect(publicAgain.page).not.toContain('6184');
    expect(publicAgain.page).not.toContain('东湖社区赵某某挪用公款案');
    expect(publicAgain.page).toBe(changed.page);
  }, 300_000);
});
