import { describe, expect, it } from 'vitest';
import { computeRate, kindRates, portalRate, rateFigures, sharedRates } from '../../../src/lib/across-offices/rates.ts';
import { atLeast, masked, n, office, kindRegistry } from './helpers.ts';

const [disclosure, review] = kindRates('gov-info-disclosure');
const granted = (g: number, p: number, total: number) => ({ 'requests-granted-total': n(g), 'requests-partly-granted-total': n(p), 'requests-results-total-total': n(total) });

describe('the kind’s rates', () => {
  it('are defined over metrics of the kind’s registry, with the formula in words', () => {
    const registry = kindRegistry('gov-info-disclosure');
    for (const def of kindRates('gov-info-disclosure')) for (const x of [...def.numerator, ...def.denominator]) expect(registry.byId.has(x.id), x.id).toBe(true);
    expect(disclosure!.formula).toBe('实质公开率 = （予以公开 + 部分公开） ÷ 办理结果总计 × 100%');
    expect(review!.formula).toBe('复议纠错率 = 行政复议结果纠正 ÷ 行政复议总计 × 100%');
    expect(review!.numerator.map((x) => x.id)).toEqual(['review-corrected']);
    expect(kindRates('party-governance')).toEqual([]);
  });

  it('实质公开率 of one report', () => {
    expect(computeRate(disclosure!, granted(30, 5, 40))).toMatchObject({ state: 'value', value: 87.5, shown: '87.5%', numerator: 35, denominator: 40 });
  });

  it('a masked input gives no rate, whatever the other inputs are', () => {
    const r = computeRate(disclosure!, { ...granted(30, 5, 40), 'requests-partly-granted-total': masked(1) });
    expect(r).toEqual({ state: 'masked', shown: '已遮蔽', reason: '部分公开已遮蔽' });
  });

  it('division by zero gives no value, with the reason', () => {
    expect(computeRate(review!, { 'review-corrected': n(0), 'review-total': n(0) })).toMatchObject({ state: 'zero', shown: '—', reason: '行政复议总计为 0，无法计算复议纠错率' });
  });

  it('an input not given or approximate gives no value, naming it', () => {
    expect(computeRate(review!, { 'review-total': n(3) })).toMatchObject({ state: 'missing', reason: '未报告行政复议结果纠正' });
    expect(computeRate(review!, { 'review-corrected': n(1), 'review-total': atLeast(3) })).toMatchObject({ state: 'approx' });
  });
});

describe('rates across offices', () => {
  const offices = [
    office('a', { group: '部门', organization: '甲局', reports: [{ year: 2023, stats: granted(9, 1, 10) }, { year: 2024, stats: granted(1, 1, 4) }] }),
    office('b', { group: '部门', organization: '乙局', reports: [{ year: 2023, stats: granted(5, 0, 10) }, { year: 2024, stats: { ...granted(1, 0, 1), 'requests-granted-total': masked(1) } }] }),
    office('c', { group: '部门', organization: '丙局', reports: [{ year: 2023, stats: { 'requests-results-total-total': n(0), 'requests-granted-total': n(0), 'requests-partly-granted-total': n(0) } }] }),
  ];
  const f = rateFigures(offices, 'gov-info-disclosure', 'disclosure-rate', { groups: ['部门'] })!;

  it('each office per year, and the portal’s rate of the sums', () => {
    expect(f.years).toEqual([2023, 2024]);
    expect(f.rows.find((r) => r.series === 'a')!.cells.map((c) => c.shown)).toEqual(['100%', '50%']);
    expect(f.overall[0]).toMatchObject({ state: 'value', numerator: 15, denominator: 20, shown: '75%', summed: 3 });
  });

  it('a year with a masked input anywhere has no portal rate, and its office is not ranked', () => {
    expect(f.overall[1]).toMatchObject({ state: 'masked', shown: '已遮蔽' });
    expect(f.overall[1]!.value).toBeUndefined();
    expect(f.rankings[1]!.ranked.map((e) => e.series)).toEqual(['a']);
    expect(f.rankings[1]!.masked.map((e) => e.series)).toEqual(['b']);
  });

  it('a rate with a zero denominator is not ranked', () => {
    expect(f.rankings[0]!.ranked.map((e) => [e.series, e.rank])).toEqual([['a', 1], ['b', 2]]);
    expect(f.rankings[0]!.unreported.map((e) => e.series)).toEqual(['c']);
  });

  it('offices with no inputs are left out of the portal’s rate and counted', () => {
    const r = portalRate(disclosure!, 2024, [
      { ref: { series: 'a' }, result: computeRate(disclosure!, granted(1, 0, 2)) },
      { ref: { series: 'b' }, result: computeRate(disclosure!, {}) },
    ]);
    expect(r).toMatchObject({ state: 'value', shown: '50%', summed: 1, reason: '1 个单位合计；1 个单位缺少数字，不计入' });
  });

  it('/figures/ lists the rates two offices have', () => {
    expect(sharedRates(offices, 'gov-info-disclosure').map((r) => r.definition.id)).toEqual(['disclosure-rate']);
  });
});
