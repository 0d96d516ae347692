// --add-metrics inside the import: what gets registered, under which group, and what is reused next year.
import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/lib/import/index.ts';
import { readDocx, readText } from '../../../src/lib/import/source.ts';
import { loadReal } from '../../helpers/real-fixtures.ts';
import { realDocx } from '../../helpers/real-docx.ts';
import { groupFromHeading, labelKey, markedSentence } from '../../../src/lib/import/new-metrics.ts';
import { findCounts } from '../../../src/lib/import/counts.ts';
import { makeRegistry, metricSchema, type Metric } from '../../../src/lib/content/metrics.ts';

const REPORT_2022 = [
  'XX县纪委监委',
  '2022年度落实全面从严治党主体责任情况报告',
  '2022年，县纪委监委认真履行监督责任。现将有关情况汇报如下：',
  '一、2022年履行主体责任情况',
  '一是加强教育。全年召开党风廉政建设专题会议12次，开展廉政谈话86人次。',
  '二是严肃执纪。全年受理来信来访30件次，查结28件次。',
  '二、存在的问题',
  '一是学习不够深入。召开党风廉政建设专题会议的质量有待提高，全年仅有2次专题研究。',
].join('\n');

const metric = (m: Partial<Metric> & Pick<Metric, 'id' | 'label'>): Metric => metricSchema.parse(m);
const REGISTRY = makeRegistry([metric({ id: 'petitions-received', label: '受理来信来访', unit: '件次', group: '执纪问责' })]);

function run(text: string, registry = REGISTRY, pub = false) {
  return importSource(readText(new TextEncoder().encode(text)), { registry, fileName: '报告', addMetrics: { public: pub } });
}

describe('--add-metrics in the import', () => {
  it('registers each count no metric matched, bound in the text and valued in the stats', () => {
    const r = run(REPORT_2022);
    const added = r.added!.added.map((a) => a.metric);
    expect(added.map((m) => m.label)).toEqual(['党风廉政建设专题会议', '廉政谈话', '查结', '专题研究']);
    for (const m of added) {
      expect(r.body).toContain(`<Stat id="${m.id}" />`);
      expect(m.public).toBe(false);
    }
    const meetings = added[0]!;
    expect(meetings).toMatchObject({ id: 'dangfeng-lianzheng-jianshe-huiyi', unit: '次', group: '履行主体责任情况' });
    expect(r.stats[meetings.id]).toEqual({ kind: 'exact', value: 12 });
    // What the registry knew is matched as before, not registered again.
    expect(r.stats['petitions-received']).toEqual({ kind: 'exact', value: 30 });
    expect(added.some((m) => m.label === '受理来信来访')).toBe(false);
    // Nothing is left unmatched, and the report's own frontmatter lists the new ids.
    expect(r.unmatched).toEqual([]);
    expect(r.mdx).toContain(`${meetings.id}: 12`);
  });

  it('takes the group from the section heading, without its ordinal or year', () => {
    const r = run(REPORT_2022);
    expect(r.added!.added.find((a) => a.metric.label === '专题研究')?.metric.group).toBe('存在的问题');
    expect(groupFromHeading('一、2022年工作总结')).toBe('工作总结');
    expect(groupFromHeading('二、2023年度工作思路')).toBe('工作思路');
    expect(groupFromHeading('（三）主动公开政府信息情况')).toBe('主动公开政府信息情况');
    expect(groupFromHeading('第二部分　存在的问题：')).toBe('存在的问题');
    expect(groupFromHeading(undefined)).toBe('其他');
    expect(groupFromHeading('一、')).toBe('其他');
  });

  it('makes new metrics public when asked (a 政府信息公开 report), and never otherwise', () => {
    expect(run(REPORT_2022, REGISTRY, true).added!.added.every((a) => a.metric.public)).toBe(true);
  });

  it('reuses the metrics a first import added when the next year is imported, by their label', () => {
    const first = run(REPORT_2022);
    const registry = makeRegistry([...REGISTRY.metrics, ...first.added!.added.map((a) => a.metric)]);
    const next = run(REPORT_2022.replaceAll('2022', '2023').replace('专题会议12次', '专题会议15次').replace('廉政谈话86人次', '廉政谈话90人次'), registry);
    expect(next.added!.added).toEqual([]);
    expect(next.stats['dangfeng-lianzheng-jianshe-huiyi']).toEqual({ kind: 'exact', value: 15 });
    const ids = Object.keys(next.stats).sort();
    expect(ids).toEqual(Object.keys(first.stats).sort());
  });

  it('gives the same label another name when it holds another figure, and binds the same figure twice to one metric', () => {
    const text = '2022年工作报告\n一、教育情况\n开展廉政谈话86人次。\n二、监督情况\n开展廉政谈话40人次。\n三、其他\n如前所述，开展廉政谈话86人次。';
    const r = run(text);
    const added = r.added!.added.map((a) => a.metric);
    expect(added.map((m) => m.label)).toEqual(['廉政谈话', '廉政谈话（2）']);
    expect(new Set(added.map((m) => m.id)).size).toBe(2);
    expect(r.stats[added[0]!.id]).toEqual({ kind: 'exact', value: 86 });
    expect(r.stats[added[1]!.id]).toEqual({ kind: 'exact', value: 40 });
    expect(r.body.split(`<Stat id="${added[0]!.id}" />`).length - 1).toBe(2);

    // The next year: both metrics are found again, the repeated figure binds to the first, nothing is added.
    const registry = makeRegistry([...REGISTRY.metrics, ...added]);
    const next = run(text.replace('2022', '2023').replaceAll('86人次', '90人次').replace('40人次', '45人次'), registry);
    expect(next.added!.added).toEqual([]);
    expect(next.stats[added[0]!.id]).toEqual({ kind: 'exact', value: 90 });
    expect(next.stats[added[1]!.id]).toEqual({ kind: 'exact', value: 45 });
    expect(next.unmatched).toEqual([]);
  });

  it('keeps ids unique against the registry', () => {
    const registry = makeRegistry([metric({ id: 'lianzheng-tanhua', label: '廉政谈话（旧口径）', unit: '次' })]);
    const r = run('2022年工作报告\n一、工作情况\n开展廉政谈话86人次。', registry);
    expect(r.added!.added[0]!.metric.id).toBe('lianzheng-tanhua-2');
  });

  it('leaves shares and changes in the text, with the reason for the summary', () => {
    const r = run('2022年工作报告\n一、工作情况\n受理政府信息公开申请75件，同比增长12%，办结率100%。');
    expect(r.added!.added.map((a) => a.metric.label)).toEqual(['受理政府信息公开申请', '办结率']);
    expect(r.added!.skipped).toEqual([expect.objectContaining({ written: '12', unit: '%', reason: expect.stringMatching(/增减幅度/) })]);
    expect(r.unmatched.map((u) => `${u.written}${u.unit}`)).toEqual(['12%']);
  });

  it('compares labels without punctuation or width differences', () => {
    expect(labelKey('“三公”经费')).toBe(labelKey('三公经费'));
    expect(labelKey('党风廉政（扩大）会议')).toBe(labelKey('党风廉政(扩大)会议'));
  });

  it('shows the count in its sentence, marked', () => {
    const text = '一是加强教育。全年召开党风廉政建设专题会议12次，开展廉政谈话86人次。';
    const counts = findCounts(text);
    expect(markedSentence(text, counts[1]!)).toBe('全年召开党风廉政建设专题会议12次，开展廉政谈话【86】人次。');
  });
});

describe('--add-metrics for table cells', () => {
  // 平潭综合实验区 2022 and 2023 政府信息公开工作年度报告 as Word files (test/fixtures/real/, test/helpers/real-docx.ts).
  const docx = async (slug: string) => readDocx(new Uint8Array(await realDocx(loadReal(slug))));

  it('registers each number cell no metric fits by its row and column labels, and binds it in the table', async () => {
    const r = importSource(await docx('gov-2023-pingtan'), { registry: makeRegistry([]), fileName: '报告', addMetrics: { public: false } });
    const cells = r.added!.added.filter((a) => a.metric.row || a.metric.column);
    expect(cells.length).toBe(r.tables.bound.length);
    expect(r.tables.unbound).toEqual([]);
    const permits = cells.find((a) => a.metric.label === '行政许可 · 第二十条第（五）项 · 本年处理决定数量')!;
    expect(permits.metric).toMatchObject({ row: ['行政许可'], column: ['第二十条第（五）项', '本年处理决定数量'], public: false });
    expect(permits.sentence).toMatch(/^第 1 个表格第 \d+ 行第 2 列：行政许可 × /);
    expect(r.body).toContain(`<Stat id="${permits.metric.id}" />`);
    expect(r.stats[permits.metric.id]).toEqual(r.tables.bound.find((b) => b.metric.id === permits.metric.id)!.value);
    expect(new Set(cells.map((a) => a.metric.id)).size).toBe(cells.length);
  });

  it('binds the next year\'s table to those metrics by row and column, adding none for its cells', async () => {
    const first = importSource(await docx('gov-2023-pingtan'), { registry: makeRegistry([]), fileName: '报告', addMetrics: { public: false } });
    const registry = makeRegistry(first.added!.added.map((a) => a.metric));
    const next = importSource(await docx('gov-2022-pingtan'), { registry, fileName: '报告', addMetrics: { public: false } });
    expect(next.added!.added.filter((a) => a.metric.row || a.metric.column)).toEqual([]);
    expect(next.tables.unbound).toEqual([]);
    expect(next.tables.bound.length).toBe(first.tables.bound.length);
  });
});
