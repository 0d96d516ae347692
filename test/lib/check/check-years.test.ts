import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigChange, crossYearProblems, structureProblems, titleKey } from '../../../src/lib/check/check-years.ts';
import { checkContent } from '../../../src/lib/check/check.ts';
import { loadContent, type ReportSource } from '../../../src/lib/content/content.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { parseStat, type StatValue } from '../../../src/lib/content/stat.ts';
import { ROOT } from '../../helpers/sites.ts';

const fixture = (name: string) => join(ROOT, 'test/fixtures', name);
const v = (raw: unknown): StatValue => {
  const p = parseStat(raw);
  if (!p.ok) throw new Error(p.message);
  return p.value;
};

const registry = makeRegistry([
  metricSchema.parse({ id: 'a', label: '集中学习', unit: '次' }),
  metricSchema.parse({ id: 'b', label: '监督检查', unit: '次' }),
]);

/** An in-memory report (no file: lines are then unknown). */
function report(year: number, stats: Record<string, unknown>, body = ''): ReportSource {
  const data = { year, title: `${year}年度报告`, stats: Object.fromEntries(Object.entries(stats).map(([k, raw]) => [k, v(raw)])) } as ReportSource['data'];
  return { file: `reports/${year}.mdx`, path: `/nonexistent/${year}.mdx`, year, raw: { stats }, data, body, bodyLineOffset: 5 };
}

describe('a change worth confirming', () => {
  it('more than threefold either way and by at least 10, or from or to zero by at least 10, or an order of magnitude', () => {
    expect(bigChange(v(12), v(40))).toBe('增至3.3倍');
    expect(bigChange(v(400), v(12))).toBe('减至1/33');
    expect(bigChange(v(15), v(0))).toBe('降为 0');
    expect(bigChange(v(0), v(40))).toBe('此前为 0');
    expect(bigChange(v('30+'), v(100))).toBe('增至约3.3倍');
    expect(bigChange(v(1), v(9))).toBeUndefined();
    expect(bigChange(v(1), v(12))).toBe('增至12倍');
    expect(bigChange(v(60), v(6))).toBe('减至1/10');
  });
  it('not what an ordinary year of small counts does: 0 → 3 件, 2 → 9 件, 5 → 0 件', () => {
    expect(bigChange(v(0), v(3))).toBeUndefined();
    expect(bigChange(v(0), v(4))).toBeUndefined();
    expect(bigChange(v(2), v(9))).toBeUndefined();
    expect(bigChange(v(5), v(0))).toBeUndefined();
    expect(bigChange(v(9), v(0))).toBeUndefined();
  });
  it('not exactly threefold, not smaller changes, not masks or zero to zero', () => {
    expect(bigChange(v(10), v(30))).toBeUndefined();
    expect(bigChange(v(30), v(10))).toBeUndefined();
    expect(bigChange(v(10), v(25))).toBeUndefined();
    expect(bigChange(v('**'), v(400))).toBeUndefined();
    expect(bigChange(v(0), v(0))).toBeUndefined();
  });
  it('not a change by one or two, however large the ratio (small counts, as in the 政府信息公开 tables)', () => {
    expect(bigChange(v(0), v(1))).toBeUndefined();
    expect(bigChange(v(1), v(0))).toBeUndefined();
    expect(bigChange(v(1), v(3))).toBeUndefined();
    expect(bigChange(v(1), v(4))).toBeUndefined();
  });
});

describe('across years', () => {
  it('warns when last year’s figure is missing now, absent or null', () => {
    const problems = crossYearProblems([report(2021, { a: 3, b: 4 }), report(2022, { a: null })], registry);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => [p.file, p.field, p.message])).toEqual([
      ['reports/2022.mdx', 'stats.a', '集中学习：2021年为 3次，本年为 null（未填数字）'],
      ['reports/2022.mdx', 'stats.b', '监督检查：2021年为 4次，本年没有这一项'],
    ]);
  });

  it('warns once, in the year a figure stops, not every later year', () => {
    const problems = crossYearProblems([report(2020, { a: 3 }), report(2021, {}), report(2022, {})], registry);
    expect(problems.map((p) => p.file)).toEqual(['reports/2021.mdx']);
  });

  it('compares a figure with the last year that reported it', () => {
    const problems = crossYearProblems([report(2020, { a: 3 }), report(2021, {}), report(2022, { a: 30 })], registry);
    expect(problems.find((p) => p.severity === 'notice')).toMatchObject({ file: 'reports/2022.mdx', field: 'stats.a', message: '集中学习从2020年的 3次 变为 30次（增至10倍）' });
  });

  it('has nothing to say about a single year', () => {
    expect(crossYearProblems([report(2022, { a: 3 })], registry)).toEqual([]);
  });

  it('finds every rule of the cross-year fixture, with lines (see its README)', () => {
    const c = checkContent(fixture('cross-year'));
    const got = c.problems.map((p) => `${p.severity} ${p.file}:${p.line} ${p.field ?? ''}`.trim()).sort();
    expect(got).toEqual([
      'notice reports/2022.mdx:11 stats.petitions-pending',
      'notice reports/2023.mdx:10 stats.petitions-pending',
      'notice reports/2023.mdx:5 stats.study-sessions',
      'warning reports/2022.mdx:24',
      'warning reports/2022.mdx:6 stats.warning-education',
      'warning reports/2023.mdx:27',
      'warning reports/2023.mdx:4 stats.inspections',
      'warning reports/2023.mdx:8 stats.petitions-received',
    ]);
  });

  it('the series fixture has no errors; its 2020 masks hide changes', () => {
    const c = checkContent(fixture('series'));
    expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // problems-found 2019 4817 → 2020 "**" → 2021 44: nothing to compare in 2021.
    expect(c.problems.some((p) => p.file === 'reports/2021.mdx' && p.field === 'stats.problems-found')).toBe(false);
  });
});

describe('structure of one report', () => {
  it('warns about two items with the same title in one section, with both lines', () => {
    const body = '\n## 一、情况\n\n一是加强学习。组织学习。\n\n二是加强学习。观看警示片。\n\n## 二、措施\n\n一是加强学习！\n';
    const problems = structureProblems(report(2022, {}, body));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: 11, message: '“一、情况”中有两条事项标题相同：“二是”与第 9 行的“一是”都是“加强学习。”' });
  });

  it('warns about a heading with nothing under it', () => {
    const problems = structureProblems(report(2022, {}, '\n## 一、情况\n\n## 二、措施\n\n一是加强学习。\n'));
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 7, message: '“一、情况”下面还没有内容' })]);
  });

  it('a section that holds only a table (as 二、主动公开政府信息情况 often does) is not empty', () => {
    const body = '\n## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 |\n| --- | --- |\n| 规章 | 0 |\n\n## 三、收到和处理政府信息公开申请情况\n\n- 列表也是内容\n\n## 四、其他\n';
    expect(structureProblems(report(2022, {}, body)).map((p) => p.message)).toEqual(['“四、其他”下面还没有内容']);
  });

  it('compares titles without numbering (一是, （一）), punctuation or width', () => {
    expect(titleKey('一是加强学习，持续正风肃纪。')).toBe(titleKey('三是 加强学习,持续正风肃纪.'));
    expect(titleKey('（二）加强学习。')).toBe(titleKey('(三)加强学习.'));
  });

  it('warns about two items with the same title in any form, inline ones included', () => {
    const body = '\n## 一、情况\n\n### （一）主动公开方面\n\n主要做法：一是加强学习；二是加强学习；三是强化监督。\n';
    const problems = structureProblems(report(2022, {}, body));
    expect(problems).toEqual([expect.objectContaining({ line: 11, message: '“一、情况”中有两条事项标题相同：“二是”与前面的“一是”都是“加强学习；”' })]);
  });

  it('warns about numbering that skips, repeats or starts late, in every form, with the line and the fix', () => {
    // gov-2023-pingtan writes 一是、三是、三是: the first 三是 should be 二是.
    const typo = structureProblems(report(2023, {}, '\n## 五、存在的主要问题及改进情况\n\n存在的问题主要有以下几个方面：一是部分栏目存在信息噪音；三是开拓创新不够有力；三是政策解读的质量有待提高。\n'));
    expect(typo).toEqual([
      expect.objectContaining({ severity: 'warning', line: 9, message: '“五、存在的主要问题及改进情况”中“一是”之后的一条编号是“三是”，按顺序应为“二是”', hint: '把这一条的“三是”改为“二是”' }),
    ]);
    const gap = structureProblems(report(2022, {}, '\n## 一、情况\n\n（一）加强学习。\n\n（三）强化监督。\n\n## 二、措施\n\n一是甲。\n\n二是乙。\n\n二是丙。\n'));
    expect(gap.map((p) => [p.line, p.message])).toEqual([
      [11, '“一、情况”中“（一）”之后是“（三）”，缺少“（二）”'],
      [19, '“二、措施”中“二是”之后又是“二是”，编号重复或倒序'],
    ]);
    const late = structureProblems(report(2022, {}, '\n## 一、情况\n\n二是甲。\n\n四是乙。\n'));
    expect(late.map((p) => p.message)).toEqual(['“一、情况”中事项从“二是”开始编号，前面没有“一是”', '“一、情况”中“二是”之后是“四是”，缺少“三是”']);
  });

  it('a list may start again at 一是: problems then measures, or each sub-point’s own', () => {
    const body = '\n## 五、存在的主要问题及改进情况\n\n存在问题：一是甲；二是乙。\n\n2024年，我区将采取以下措施加以改进：一是丙。二是丁。\n\n## 三、2023年工作计划\n\n### （一）重点工作\n\n1.优化机制。一是戊。二是己。\n\n2.数字赋能。一是庚。二是辛。\n';
    expect(structureProblems(report(2022, {}, body))).toEqual([]);
  });

  it('the committed report has none of these problems', () => {
    const c = loadContent(join(ROOT, 'content'));
    expect(c.reports.flatMap((r) => structureProblems(r))).toEqual([]);
  });
});

describe('figures gone since last year, grouped', () => {
  const table = makeRegistry(Array.from({ length: 8 }, (_, i) => metricSchema.parse({ id: `cell-${i}`, label: `表格第${i + 1}格`, unit: '件', group: '收到和处理政府信息公开申请情况' })).concat([metricSchema.parse({ id: 'talks', label: '谈话', unit: '次', group: '日常监督' })]));
  const all = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`cell-${i}`, i + 1]));

  it('a table left out of this year is one warning naming the group and the count; a few figures stay one each', () => {
    const problems = crossYearProblems([report(2021, { ...all(8), talks: 3 }), report(2022, { talks: 4 })], table).filter((p) => p.severity === 'warning');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('收到和处理政府信息公开申请情况：上一年有、本年没有的数字 8 个（表格第1格；表格第2格；表格第3格；表格第4格 等）');
    const few = crossYearProblems([report(2021, { ...all(8), talks: 3 }), report(2022, { ...all(8), 'cell-0': null, 'cell-1': null, talks: null })], table).filter((p) => p.severity === 'warning');
    expect(few.map((p) => p.field).sort()).toEqual(['stats.cell-0', 'stats.cell-1', 'stats.talks']);
  });
});
