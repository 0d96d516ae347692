import { describe, expect, it } from 'vitest';
import { metricFigures, rankYear, sharedMetrics, yearTotal } from '../../../src/lib/across-offices/figures.ts';
import { atLeast, masked, MISSING, n, office } from './helpers.ts';

const GROUPS = ['区政府', '部门', '街道乡镇'];
const ID = 'requests-new-total';

const offices = [
  office('czj', { organization: '某某县财政局', group: '部门', reports: [{ year: 2023, stats: { [ID]: n(12) } }, { year: 2024, stats: { [ID]: n(30) } }] }),
  office('xzf', { organization: '某某县人民政府', group: '区政府', reports: [{ year: 2023, stats: { [ID]: n(40) } }, { year: 2024, stats: { [ID]: n(30) } }] }),
  office('gaj', { organization: '某某县公安局', group: '部门', reports: [{ year: 2024, stats: { [ID]: masked(2) } }] }),
  office('jd', { organization: '某某县东湖街道办事处', group: '街道乡镇', reports: [{ year: 2023, stats: { [ID]: atLeast(5) } }, { year: 2024, stats: {} }] }),
  office('jwb', { kind: 'party-governance', organization: '某某县纪委监委', group: '部门', reports: [{ year: 2024, stats: { 'cases-filed': n(3) } }] }),
  office('zzb', { kind: 'party-governance', organization: '某某县委组织部', group: '部门', reports: [{ year: 2024, stats: { 'study-sessions': n(3) } }] }),
];

describe('/figures/: which metrics', () => {
  const index = sharedMetrics(offices, { groups: GROUPS });
  it('lists a metric two or more series of one kind report, by kind and registry group', () => {
    expect([...index.byKey.keys()]).toEqual([ID]);
    expect(index.kinds.map((k) => k.kind)).toEqual(['gov-info-disclosure']);
    expect(index.byKey.get(ID)).toMatchObject({ offices: 4, years: [2023, 2024], kindName: '政府信息公开工作年度报告' });
  });
  it('a metric only one series reports is not listed; the threshold can be lowered', () => {
    expect(sharedMetrics(offices, { minOffices: 1 }).byKey.has('cases-filed')).toBe(true);
  });
});

describe('/figures/<metric>/', () => {
  const f = metricFigures(offices, ID, { groups: GROUPS })!;
  const year = (y: number) => f.years.indexOf(y);

  it('offices × years in the portal’s order, each row naming its series, organization and group', () => {
    expect(f.rows.map((r) => [r.series, r.organization, r.group])).toEqual([
      ['xzf', '某某县人民政府', '区政府'],
      ['czj', '某某县财政局', '部门'],
      ['gaj', '某某县公安局', '部门'],
      ['jd', '某某县东湖街道办事处', '街道乡镇'],
    ]);
    expect(f.groups.map((g) => g.name)).toEqual(GROUPS);
    expect(f.rows.find((r) => r.series === 'gaj')!.cells.map((c) => [c.state, c.shown])).toEqual([['no-report', '无报告'], ['masked', '**']]);
  });

  it('a year with a masked value has no total, and says why', () => {
    expect(f.totals![year(2024)]).toMatchObject({ state: 'masked', shown: '已遮蔽', masked: 1 });
    expect(f.totals![year(2024)]!.value).toBeUndefined();
  });

  it('a lower bound makes the total a lower bound; an office without a value is left out and named', () => {
    const t = f.totals![year(2023)]!;
    expect(t).toMatchObject({ state: 'atLeast', value: 57, shown: '57余', summed: 3 });
    expect(t.without.map((o) => o.series)).toEqual(['gaj']);
    expect(t.note).toContain('1 个单位未报告，不计入');
  });

  it('ranks exact and 至少 values, equal ones sharing a rank; masked values are listed apart, unranked', () => {
    const r = f.rankings[year(2024)]!;
    expect(r.ranked.map((e) => [e.series, e.rank])).toEqual([['xzf', 1], ['czj', 1]]);
    expect(r.masked.map((e) => [e.series, e.shown])).toEqual([['gaj', '**']]);
    expect(r.unreported.map((e) => e.series)).toEqual(['jd']);
    const r23 = f.rankings[year(2023)]!;
    expect(r23.ranked.map((e) => [e.series, e.rank, e.approx])).toEqual([['xzf', 1, false], ['czj', 2, false], ['jd', 3, true]]);
  });

  it('an unknown key has no page', () => {
    expect(metricFigures(offices, 'no-such-metric')).toBeUndefined();
  });
});

describe('masking: nothing is computed from a hidden figure', () => {
  const ref = (series: string) => ({ series });
  it('masked values never reach a total, however many exact ones there are', () => {
    expect(yearTotal(2024, [{ ref: ref('a'), value: n(1) }, { ref: ref('b'), value: masked(3) }])).toMatchObject({ state: 'masked', summed: 0 });
    expect(yearTotal(2024, [{ ref: ref('a'), value: { kind: 'masked', digits: 1, atLeast: true } }])).toMatchObject({ state: 'masked' });
  });
  it('the order of masked values says nothing of their size: it is the order given, whatever their digits', () => {
    const r = rankYear(2024, [
      { ref: ref('a'), value: masked(1), shown: '*' },
      { ref: ref('b'), value: masked(3), shown: '***' },
      { ref: ref('c'), value: masked(2), shown: '**' },
    ]);
    expect(r.ranked).toEqual([]);
    expect(r.masked.map((e) => e.series)).toEqual(['a', 'b', 'c']);
  });
  it('no value at all: no total', () => {
    expect(yearTotal(2024, [{ ref: ref('a'), value: MISSING }])).toMatchObject({ state: 'none', shown: '—' });
  });
  it('decimals add up as written (万元)', () => {
    expect(yearTotal(2024, [{ ref: ref('a'), value: n(0.1) }, { ref: ref('b'), value: n(0.2) }]).value).toBe(0.3);
  });
});

describe('totals only where the kind adds the figure up', () => {
  it('a rate-like figure (unit %) has no total', () => {
    const reg = office('x').registry;
    const rateMetric = { ...reg.byId.get(ID)!, unit: '%' };
    const registry = { ...reg, metrics: reg.metrics.map((m) => (m.id === ID ? rateMetric : m)), byId: new Map([...reg.byId].map(([k, m]) => [k, k === ID ? rateMetric : m])) };
    const two = [office('a', { registry, reports: [{ year: 2024, stats: { [ID]: n(50) } }] }), office('b', { registry, reports: [{ year: 2024, stats: { [ID]: n(60) } }] })];
    expect(metricFigures(two, ID)!.totals).toBeUndefined();
  });
});
