// The three layouts of the gov-info-disclosure kind against real tables of one office over the years
// (test/fixtures/real: 平潭综合实验区 2015 统计表, 2019 and 2020 in the 2019 layout, 2022 and 2023 in the 2021 one):
// each year's tables bind by their place in that year's layout, each layout's own sum rules hold or fail as the
// published figures do, check asks each year only for its own layout's figures, and a figure that continues
// across layouts is one series with 口径变化 where its definition changed.
import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { registrySchema, type Registry } from '../../../src/lib/content/metrics.ts';
import { govInfoDisclosure, TABLE_STATISTICS } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { layoutForYear, layoutRegistry, registryForReport } from '../../../src/lib/kinds/layouts.ts';
import { bindTable } from '../../../src/lib/tables/bind.ts';
import { gridFromSpans } from '../../../src/lib/tables/grid.ts';
import { sumRuleProblems } from '../../../src/lib/content/sum-rules.ts';
import { buildSeries, describeChange } from '../../../src/lib/series/series.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';
import { loadRealTables, type RealTable } from '../../helpers/real-fixtures.ts';
import { reportFrontmatterSchema } from '../../../src/lib/content/report-schema.ts';
import { registryYaml } from '../../../src/lib/scaffold/init.ts';
import { parse as parseYaml } from 'yaml';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initFiles } from '../../../src/lib/scaffold/init.ts';
import { checkContent } from '../../../src/lib/check/check.ts';

const parsed = registrySchema.safeParse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
const registry = parsed.data!;
const layouts = govInfoDisclosure.layouts;

function grid(t: RealTable) {
  const text = (s: string): PhrasingContent[] => (s ? [{ type: 'text', value: s }] : []);
  return gridFromSpans(t.rows.map((row) => row.map((c) => ({ content: text(c.text), rowSpan: c.rowspan ?? 1, colSpan: c.colspan ?? 1 })))).grid;
}

/** Bind a fixture's tables against one layout's part of the registry: figures bound / figures, and the stats. */
function bindFixture(slug: string, view: Registry) {
  const taken = new Set<string>();
  const cells = loadRealTables(slug).flatMap((t) => bindTable(grid(t), view, taken));
  const figures = cells.filter((c) => c.binding.kind !== 'blank');
  const stats: Record<string, StatValue> = {};
  for (const c of cells) if (c.binding.kind === 'bound') stats[c.binding.metric.id] = c.binding.number.value;
  const unbound = cells.filter((c) => c.binding.kind === 'unbound');
  return { bound: Object.keys(stats).length, figures: figures.length, stats, unbound };
}

const view = (year: number) => layoutRegistry(registry, layoutForYear(layouts, year)!.id);

describe('the gov-info-disclosure registry over three layouts', () => {
  it('is a valid metrics.yaml holding every layout’s figures: 2021 (200), 2019, and the 统计表', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(layoutRegistry(registry, '2021').metrics).toHaveLength(200);
    expect(layoutRegistry(registry, '2019').metrics).toHaveLength(22 + 23 * 7 + 15);
    expect(layoutRegistry(registry, 'pre-2019').metrics).toHaveLength(32);
    expect(registry.groups).toContain(TABLE_STATISTICS);
  });

  it('tells each year’s layout: 统计表 until 2018, the 2019 format for 2019 and 2020, the 2021 format after', () => {
    expect([2015, 2018, 2019, 2020, 2021, 2024].map((y) => layoutForYear(layouts, y)!.id)).toEqual(['pre-2019', 'pre-2019', '2019', '2019', '2021', '2021']);
    expect(registryForReport(registry, govInfoDisclosure, { year: 2023, data: { layout: '2019' } })).toBe(layoutRegistry(registry, '2019'));
  });

  it('one metric across layouts: 本年新收申请 is the 统计表’s 受理依申请公开信息总数 (年度), with the break marked', () => {
    const m = registry.byId.get('requests-new-total')!;
    expect(m.layouts).toEqual(['pre-2019', '2019', '2021']);
    expect(m.places!.map((p) => p.row![0])).toContain('受理依申请公开信息总数');
    expect(m.breaks![0]!.layout).toBe('2019');
    expect(registry.byId.get('normative-documents-issued')!.places).toEqual([{ layout: '2019', row: ['第二十条第（一）项', '规范性文件'], column: ['本年新制作数量'] }]);
  });
});

describe('real tables bind by their place in their year’s layout (平潭综合实验区)', () => {
  it.each([
    ['gov-2015-pingtan', 2015, 32, 32],
    ['gov-2019-pingtan', 2019, 198, 198],
    // 198 with the two negative 本年增/减 (−18, −15): signed metrics take them.
    ['gov-2020-pingtan', 2020, 198, 198],
    ['gov-2022-pingtan', 2022, 200, 200],
    ['gov-2023-pingtan', 2023, 200, 200],
  ])('%s: %i — %i of %i figures bound', (slug, year, bound, figures) => {
    const r = bindFixture(slug, view(year));
    expect(r.unbound.map((c) => c.labels.row.map((l) => l.text).join('/') + ' × ' + c.labels.column.map((l) => l.text).join('/'))).toEqual([]);
    expect([r.bound, r.figures]).toEqual([bound, figures]);
  });

  it('a 统计表 read against the 2021 format binds nothing — the layout matters', () => {
    expect(bindFixture('gov-2015-pingtan', view(2023)).bound).toBe(0);
  });
});

describe('check: each year against its own layout', () => {
  const report = (slug: string, year: number) => ({ file: `reports/${year}.mdx`, year, data: { stats: bindFixture(slug, view(year)).stats } });

  it('2020 (2019 layout): the published 自然人 and 总计 columns do not add up, and check says so', () => {
    const r = report('gov-2020-pingtan', 2020);
    const messages = sumRuleProblems(r, view(2020)).map((p) => p.message);
    expect(messages).toEqual([
      '2020年 收到和处理政府信息公开申请情况：自然人列 三、本年度办理结果 （七）总计 应为 6+6+0+0+0+0+0+0+0+0+4+0+3+0+3+0+0+0+4 = 26，报告为 20，相差 6',
      '2020年 收到和处理政府信息公开申请情况：总计列 三、本年度办理结果 （七）总计 应为 7+6+0+0+0+0+0+0+0+0+4+0+3+0+3+0+0+0+4 = 27，报告为 21，相差 6',
    ]);
  });

  it('2019 (2019 layout) and the 统计表 of 2015 break none of their layout’s rules', () => {
    expect(sumRuleProblems(report('gov-2019-pingtan', 2019), view(2019))).toEqual([]);
    expect(sumRuleProblems(report('gov-2015-pingtan', 2015), view(2015))).toEqual([]);
  });

  it('a 2015 report is asked only for its 统计表: no warning about the 2021 tables', () => {
    const [completeTables] = govInfoDisclosure.checks;
    const r = report('gov-2015-pingtan', 2015);
    expect(completeTables!(r, registryForReport(registry, govInfoDisclosure, r))).toEqual([]);
    // 2020 is asked for the 2019 tables and misses none: its two negative 本年增/减 (−18, −15) are signed figures.
    const r2020 = report('gov-2020-pingtan', 2020);
    expect(completeTables!(r2020, registryForReport(registry, govInfoDisclosure, r2020))).toEqual([]);
    expect(r2020.data.stats['penalty-items-change']).toEqual({ kind: 'exact', value: -18 });
    expect(r2020.data.stats['fees-items-change']).toEqual({ kind: 'exact', value: -15 });
  });
});

describe('one series across layouts', () => {
  const years = ([['gov-2015-pingtan', 2015], ['gov-2019-pingtan', 2019], ['gov-2020-pingtan', 2020], ['gov-2022-pingtan', 2022], ['gov-2023-pingtan', 2023]] as const).map(([slug, year]) => ({
    year,
    stats: bindFixture(slug, view(year)).stats,
    layout: layoutForYear(layouts, year)!.id,
  }));
  const series = buildSeries(registry.metrics, years, { layoutOrder: layouts.map((l) => l.id) });
  const row = (id: string) => series.rows.find((r) => r.metric.id === id)!;

  it('本年新收申请 has a figure every year, 统计表 years included, and 口径变化 where the 2019 format came in', () => {
    const r = row('requests-new-total');
    expect(r.cells.map((c) => c.shown)).toEqual(['0', '23', '21', expect.any(String), expect.any(String)]);
    expect(r.cells[1]!.change).toMatchObject({ kind: 'none', reason: 'break', fromYear: 2015 });
    expect(describeChange(r.cells[1]!.change, '件').text).toBe('口径变化');
    expect(r.cells[2]!.change).toMatchObject({ kind: 'exact', delta: -2 });
  });

  it('规范性文件 本年新制作数量 (2019) continues as 本年制发件数 (2021) with 口径变化; a 统计表-only figure is shown only for its years', () => {
    const issued = row('normative-documents-issued');
    expect(issued.cells.map((c) => c.shown)).toEqual(['—', '89', '77', expect.any(String), expect.any(String)]);
    expect(issued.cells[3]!.change).toMatchObject({ reason: 'break', fromYear: 2020 });
    expect(row('proactive-published').cells.map((c) => c.shown)).toEqual(['2949', '—', '—', '—', '—']);
  });
});

describe('a report’s layout: in its frontmatter', () => {
  const schema = reportFrontmatterSchema(registry);
  it('takes layout: 2019 (a number in YAML) or "pre-2019", and refuses a layout metrics.yaml does not know', () => {
    expect(schema.safeParse({ year: 2023, title: 't', layout: 2019 }).data?.layout).toBe('2019');
    expect(schema.safeParse({ year: 2016, title: 't', layout: 'pre-2019' }).success).toBe(true);
    const bad = schema.safeParse({ year: 2023, title: 't', layout: '2018' });
    expect(bad.error?.issues[0]?.message).toBe('layout 只能是 2019、2021、pre-2019 之一（metrics.yaml 中登记的格式）');
  });
});

describe('npm run init writes a registry with every layout', () => {
  it('metrics.yaml from the kind parses back to the same three layouts, places and breaks', () => {
    const back = registrySchema.safeParse(parseYaml(registryYaml(govInfoDisclosure)));
    expect(back.error?.issues ?? []).toEqual([]);
    for (const l of ['2021', '2019', 'pre-2019']) expect(layoutRegistry(back.data!, l).metrics.length).toBe(layoutRegistry(registry, l).metrics.length);
    expect(back.data!.byId.get('requests-new-total')).toEqual(registry.byId.get('requests-new-total'));
  });
});

describe('npm run check on a folder of three layouts (init registry, 平潭 2015, 2020, 2023)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-layouts-'));
  for (const f of initFiles(govInfoDisclosure, '')) writeFileSync(join(dir, f.path), f.text);
  mkdirSync(join(dir, 'reports'));
  for (const [slug, year] of [['gov-2015-pingtan', 2015], ['gov-2020-pingtan', 2020], ['gov-2023-pingtan', 2023]] as const) {
    const stats = Object.entries(bindFixture(slug, view(year)).stats).map(([id, v]) => `  ${id}: ${v.kind === 'exact' ? v.value : 'null'}`);
    writeFileSync(join(dir, 'reports', `${year}.mdx`), `---\nyear: ${year}\ntitle: 平潭综合实验区${year}年度政府信息公开工作年度报告\nstats:\n${stats.join('\n')}\n---\n\n## 一、总体情况\n\n正文。\n`);
  }
  const { problems } = checkContent(dir);
  const of = (year: number) => problems.filter((p) => p.file === `reports/${year}.mdx`).map((p) => p.message);

  it('2015 is held to its 统计表 only: no “175 个数字” warning, no broken rule', () => {
    expect(of(2015).filter((m) => /个数字中有|应为|相差/u.test(m))).toEqual([]);
  });

  it('2020 reports its broken 自然人 and 总计 columns, by the 2019 layout’s rules', () => {
    expect(problems.filter((p) => p.file === 'metrics.yaml').slice(0, 3)).toEqual([]);
    expect(of(2020).filter((m) => m.includes('（七）总计 应为'))).toHaveLength(2);
  });

  it('no year is told a figure is missing that its layout does not have', () => {
    expect(problems.filter((p) => p.message.includes('没有这一项') && /proactive-published|requests-otherwise|regulations-new-published/u.test(p.field ?? ''))).toEqual([]);
  });
});

describe('signed figures: 本年增/减 of the 2019 layout', () => {
  it('the kind marks the 本年增/减 metrics signed: true, and only those', () => {
    const signed = registry.metrics.filter((m) => m.signed).map((m) => m.id);
    expect(signed).toEqual(['licensing-items-change', 'other-services-items-change', 'penalty-items-change', 'enforcement-items-change', 'fees-items-change']);
    // init writes it into metrics.yaml, and it reads back.
    const back = registrySchema.safeParse(parseYaml(registryYaml(govInfoDisclosure))).data!;
    expect(back.byId.get('penalty-items-change')!.signed).toBe(true);
    expect(back.byId.get('penalty-decisions')!.signed).toBeUndefined();
  });

  it('a report may write −18 for a signed figure, not for an ordinary one', () => {
    const schema = reportFrontmatterSchema(registry);
    const ok = schema.safeParse({ year: 2020, title: 't', stats: { 'penalty-items-change': '−18', 'fees-items-change': -15, 'licensing-items-change': '－3' } });
    expect(ok.data?.stats).toEqual({ 'penalty-items-change': { kind: 'exact', value: -18 }, 'fees-items-change': { kind: 'exact', value: -15 }, 'licensing-items-change': { kind: 'exact', value: -3 } });
    const bad = schema.safeParse({ year: 2020, title: 't', stats: { 'penalty-decisions': -18 } });
    expect(bad.error?.issues[0]?.message).toBe('统计值不能为负数：-18');
  });

  it('a negative figure in a cell whose metric is not signed stays unbound, and says why', () => {
    const unsigned = registrySchema.safeParse([...govInfoDisclosure.metrics.map((m) => ({ ...m, signed: undefined })), ...govInfoDisclosure.rules]).data!;
    const r = bindFixture('gov-2020-pingtan', layoutRegistry(unsigned, '2019'));
    expect(r.unbound.map((c) => [c.binding.kind === 'unbound' && c.binding.reason, c.binding.kind === 'unbound' && c.binding.number.written])).toEqual([
      ['negative', '-18'],
      ['negative', '-15'],
    ]);
  });

  it('a sum rule over a signed figure sums it with its sign and writes it with a minus', () => {
    const rule = { name: '上一年项目数量加本年增减等于本年项目数量', left: ['penalty-items-last-year', 'penalty-items-change'], right: ['penalty-decisions'], source: { kind: 'rule' as const } };
    const view2019 = layoutRegistry(registry, '2019');
    const stats = { 'penalty-items-last-year': { kind: 'exact', value: 30 }, 'penalty-items-change': { kind: 'exact', value: -18 }, 'penalty-decisions': { kind: 'exact', value: 12 } } as const;
    expect(sumRuleProblems({ file: 'x', year: 2020, data: { stats } }, { ...view2019, rules: [rule] })).toEqual([]);
    const [p] = sumRuleProblems({ file: 'x', year: 2020, data: { stats: { ...stats, 'penalty-decisions': { kind: 'exact', value: 14 } } } }, { ...view2019, rules: [rule] });
    expect(p!.message).toContain('30\u221218 = 12');
  });
});
