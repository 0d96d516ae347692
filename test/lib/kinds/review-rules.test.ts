// Every check that finds one of the evaluator's kinds of problem says so in `rule` (src/lib/content/problems.ts),
// which the portal's review page sorts by; nothing else carries a rule. Read through `npm run check` itself.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import { govInfoDisclosure } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { layoutYearProblems } from '../../../src/lib/kinds/layouts.ts';
import { GOV_INFO_LAYOUTS } from '../../../src/lib/kinds/gov-info-registry.ts';
import { registryYaml } from '../../../src/lib/scaffold/init.ts';

function folder(reports: Record<number, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-rules-'));
  writeFileSync(join(dir, 'site.yaml'), 'title: 某某县财政局政府信息公开工作年度报告\norganization: 某某县财政局\nkind: gov-info-disclosure\n');
  writeFileSync(join(dir, 'metrics.yaml'), registryYaml(govInfoDisclosure));
  mkdirSync(join(dir, 'reports'));
  for (const [year, text] of Object.entries(reports)) writeFileSync(join(dir, 'reports', `${year}.mdx`), text);
  return dir;
}

const report = (year: number, stats: string, body = '## 一、总体情况\n\n本年工作平稳。\n', extra = '') => `---\nyear: ${year}\ntitle: ${year}年报告\n${extra}stats:\n${stats}---\n\n${body}`;

describe('the checks that find the evaluator’s problems set their rule', () => {
  const dir = folder({
    // 2021 in the 2019 tables; 行政复议 总计 that its outcomes do not add up to; the other tables left out.
    2021: report(2021, '  review-upheld: 1\n  review-corrected: 1\n  review-other: 0\n  review-pending: 0\n  review-total: 5\n  requests-carried-forward-total: 3\n', undefined, 'layout: 2019\n'),
    // carries over 4 where 2021 carried forward 3; the text says 9 件 行政复议 where the table has 2.
    2022: report(2022, '  requests-carried-over-total: 4\n  review-upheld: 1\n  review-corrected: 1\n  review-other: 0\n  review-pending: 0\n  review-total: 2\n', '## 一、总体情况\n\n本年度因政府信息公开工作被申请行政复议9件。\n'),
  });
  const { problems } = checkContent(dir);
  const withRule = (rule: string) => problems.filter((p) => p.rule === rule);

  it('勾稽关系不符: a broken sum rule', () => {
    expect(withRule('sum')).toEqual([expect.objectContaining({ file: 'reports/2021.mdx', field: 'stats.review-total' })]);
  });
  it('表格缺失: a table of the format with figures left out', () => {
    expect(withRule('table-missing').length).toBeGreaterThan(0);
    expect(withRule('table-missing').every((p) => p.message.includes('没有填写'))).toBe(true);
  });
  it('上年结转与上年报告不符', () => {
    expect(withRule('carried-over')).toEqual([expect.objectContaining({ file: 'reports/2022.mdx', field: 'stats.requests-carried-over-total' })]);
  });
  it('版式与年份不符: a report that names another year’s layout, on its layout field (not on a stats line)', () => {
    expect(withRule('layout-year')).toEqual([expect.objectContaining({ file: 'reports/2021.mdx', field: 'layout', line: undefined })]);
    expect(withRule('layout-year')[0]!.message).toContain('国办公开办函〔2021〕30号格式');
  });
  it('文字与表格数字不一致', () => {
    expect(withRule('text-table')).toEqual([expect.objectContaining({ file: 'reports/2022.mdx', field: 'stats.review-total' })]);
  });
  it('every other problem has no rule (其他)', () => {
    const ruled = new Set(['sum', 'table-missing', 'carried-over', 'layout-year', 'text-table']);
    expect(problems.every((p) => p.rule === undefined || ruled.has(p.rule))).toBe(true);
    expect(problems.some((p) => p.rule === undefined)).toBe(true);
  });
});

describe('版式与年份不符', () => {
  it('says nothing of a report in its own year’s layout, written or not', () => {
    expect(layoutYearProblems(GOV_INFO_LAYOUTS, { file: 'reports/2021.mdx', year: 2021, data: {} })).toEqual([]);
    expect(layoutYearProblems(GOV_INFO_LAYOUTS, { file: 'reports/2020.mdx', year: 2020, data: { layout: '2019' } })).toEqual([]);
    expect(layoutYearProblems([], { file: 'reports/2020.mdx', year: 2020, data: { layout: '2019' } })).toEqual([]);
  });
  it('names both layouts when they differ', () => {
    const [p] = layoutYearProblems(GOV_INFO_LAYOUTS, { file: 'reports/2018.mdx', year: 2018, data: { layout: '2019' } });
    expect(p).toMatchObject({ severity: 'warning', rule: 'layout-year', field: 'layout' });
    expect(p!.message).toBe('2018年报告按国办公开办函〔2019〕60号格式（layout: 2019）填写，但2018年度报告应使用政府信息公开情况统计表（2019年以前）（layout: pre-2019）');
  });
});
