import { describe, expect, it } from 'vitest';
import { registrySchema } from '../../../src/lib/content/metrics.ts';
import type { Problem } from '../../../src/lib/content/problems.ts';
import { govInfoDisclosure } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { buildStructure } from '../../../src/lib/structure/structure.ts';
import { reportAnchor, reviewModel, REVIEW_TERM_LABELS } from '../../../src/lib/across-offices/review.ts';

const GROUPS = ['区政府', '部门', '街道乡镇'];
const p = (file: string, fields: Partial<Problem> = {}): Problem => ({ severity: 'warning', file, message: fields.message ?? file, ...fields });

describe('/review/', () => {
  const m = reviewModel(
    {
      groups: GROUPS,
      series: [
        {
          series: 'czj',
          organization: '某某县财政局',
          group: '部门',
          problems: [
            p('czj/reports/2023.mdx', { rule: 'sum', field: 'stats.review-total', line: 12 }),
            p('czj/reports/2024.mdx', { rule: 'carried-over', field: 'stats.requests-carried-over-total' }),
            p('czj/reports/2024.mdx', { severity: 'notice', message: '变化较大' }),
            p('czj/reports/2024.mdx', { rule: 'table-missing', field: 'stats.review-upheld' }),
            p('czj/site.yaml', { field: 'group' }),
          ],
        },
        { series: 'xzf', organization: '某某县人民政府', group: '区政府', problems: [p('xzf/reports/2024.mdx', { rule: 'layout-year', field: 'layout' }), p('xzf/reports/2024.mdx', { rule: 'text-table', line: 30 })] },
        { series: 'clean', organization: '某某县审计局', group: '部门', problems: [] },
      ],
      portalProblems: [p('portal.yaml', { severity: 'error' })],
    },
    { anchor: (series, year, problem) => (series === 'czj' && year === 2023 && problem.field === 'stats.review-total' ? 's4-t1' : undefined) },
  );

  it('groups by portal group → office → year; offices without problems are left out', () => {
    expect(m.groups.map((g) => [g.name, g.offices.map((o) => o.series)])).toEqual([['区政府', ['xzf']], ['部门', ['czj']], ['街道乡镇', []]]);
    const czj = m.groups[1]!.offices[0]!;
    expect(czj.years.map((y) => y.year)).toEqual([undefined, 2024, 2023]);
  });

  it('names each problem in the evaluator’s terms from its rule, in the terms’ order; the rest is 其他', () => {
    const y2024 = m.groups[1]!.offices[0]!.years[1]!;
    expect(y2024.entries.map((e) => e.label)).toEqual(['表格缺失', '上年结转与上年报告不符', '其他']);
    expect(m.groups[0]!.offices[0]!.years[0]!.entries.map((e) => e.label)).toEqual(['版式与年份不符', '文字与表格数字不一致']);
    expect(REVIEW_TERM_LABELS.sum).toBe('勾稽关系不符');
  });

  it('counts per term: per year, office, group and in all', () => {
    expect(m.groups[1]!.offices[0]!.counts).toMatchObject({ sum: 1, 'table-missing': 1, 'carried-over': 1, other: 2 });
    expect(m.groups[1]!.counts.other).toBe(2);
    expect(m.counts).toEqual({ sum: 1, 'table-missing': 1, 'carried-over': 1, 'layout-year': 1, 'text-table': 1, other: 3 });
    expect(m.total).toBe(8);
  });

  it('links each entry to its report year and anchor; a series-level problem to the series', () => {
    const czj = m.groups[1]!.offices[0]!;
    expect(czj.years[2]!.entries[0]!.link).toEqual({ series: 'czj', year: 2023, anchor: 's4-t1' });
    expect(czj.years[1]!.entries[0]!.link).toEqual({ series: 'czj', year: 2024 });
    expect(czj.years[0]!.entries[0]).toMatchObject({ file: 'site.yaml', link: { series: 'czj' } });
    expect(m.portal).toEqual([expect.objectContaining({ file: 'portal.yaml', label: '其他' })]);
  });

  it('can keep errors and warnings only', () => {
    expect(reviewModel({ series: [{ series: 'a', problems: [p('reports/2024.mdx', { severity: 'notice' })] }] }, { severities: ['error', 'warning'] }).total).toBe(0);
  });
});

describe('the anchor of a problem in its report', () => {
  const registry = registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
  // The blocks as the report page's pipeline gives them (src/markdown/report-structure.ts): cited stats and file lines.
  const { structure } = buildStructure([
    { type: 'heading', depth: 2, text: '一、总体情况', line: 11 },
    { type: 'paragraph', text: '本年度收到申请3件。', stats: ['requests-new-total'], line: 13 },
    { type: 'heading', depth: 2, text: '四、政府信息公开行政复议、行政诉讼情况', line: 15 },
    { type: 'table', text: '结果维持　结果纠正　总计\n1　1　2', stats: ['review-upheld', 'review-corrected', 'review-total'], line: 17 },
    { type: 'paragraph', text: '复议均已审结。', line: 21 },
  ]);
  const anchor = reportAnchor(structure, { registry, lineOffset: 10 });

  it('a figure’s problem goes to the table that cites it, or the paragraph', () => {
    expect(anchor({ field: 'stats.review-total' })).toBe('s2-t1');
    expect(anchor({ field: 'stats.requests-new-total' })).toBe(structure.sections[0]!.paragraphs[0]!.id);
  });
  it('a figure left out of a table goes to the table of its registry group', () => {
    expect(anchor({ field: 'stats.review-pending' })).toBe('s2-t1');
  });
  it('a problem on a line goes to the block that line falls in (file lines, less the offset)', () => {
    expect(anchor({ line: 32 })).toBe(structure.sections[1]!.paragraphs.at(-1)!.id);
    expect(anchor({ line: 26 })).toBe(structure.sections[1]!.id);
    expect(anchor({ field: 'layout' })).toBeUndefined();
  });
});
