import { describe, it, expect } from 'vitest';
import type { Metric } from '../../../src/lib/content/metrics.ts';
import { MISSING, type StatValue } from '../../../src/lib/content/stat.ts';
import {
  buildSeries,
  compareStats,
  describeChange,
  formatPercent,
  pairChanges,
  pairsToPrerender,
  type Change,
  type Tone,
  type YearStats,
} from '../../../src/lib/series/series.ts';

const exact = (value: number): StatValue => ({ kind: 'exact', value });
const atLeast = (value: number): StatValue => ({ kind: 'atLeast', value });
const masked = (digits: number, lower = false): StatValue => ({ kind: 'masked', digits, atLeast: lower });

function metric(id: string, group: string, better: Metric['better'] = 'neutral', unit = '次'): Metric {
  return { id, label: id, unit, group, better, public: false, key: false };
}

type Better = Metric['better'];
type Dir = 'up' | 'down' | 'same';
const BETTERS: Better[] = ['up', 'down', 'neutral'];

// The tone rule, written out as a table rather than re-derived.
const TONE: Record<Better, Record<Dir, Tone>> = {
  up: { up: 'good', down: 'bad', same: 'neutral' },
  down: { up: 'bad', down: 'good', same: 'neutral' },
  neutral: { up: 'neutral', down: 'neutral', same: 'neutral' },
};

describe('compareStats: exact → exact', () => {
  const moves: [Dir, number, number, number, number][] = [
    // direction, prev, cur, delta, percent
    ['up', 12, 15, 3, 25],
    ['down', 12, 9, -3, -25],
    ['same', 12, 12, 0, 0],
  ];
  const cases = BETTERS.flatMap((better) => moves.map(([dir, p, c, delta, percent]) => [better, dir, p, c, delta, percent] as const));
  it.each(cases)('better=%s, %s: %d → %d', (better, dir, p, c, delta, percent) => {
    expect(compareStats(exact(p), exact(c), better, 2021)).toEqual({
      kind: 'exact',
      delta,
      percent,
      direction: dir,
      tone: TONE[better][dir],
      fromYear: 2021,
    });
  });

  it.each<[number, number, number, number | null, Dir]>([
    [0, 3, 3, null, 'up'],
    [0, 0, 0, null, 'same'],
    [3, 0, -3, -100, 'down'],
    [3.5, 1.2, -2.3, (-2.3 / 3.5) * 100, 'down'],
    [0.1, 0.3, 0.2, 200, 'up'],
    [10000, 10001, 1, 0.01, 'up'],
  ])('%d → %d: delta %d, percent %o (never Infinity/NaN)', (p, c, delta, percent, dir) => {
    const ch = compareStats(exact(p), exact(c), 'up', 2021);
    expect(ch.kind).toBe('exact');
    if (ch.kind !== 'exact') return;
    expect(ch.delta).toBe(delta);
    expect(ch.direction).toBe(dir);
    if (percent === null) expect(ch.percent).toBeNull();
    else expect(ch.percent).toBeCloseTo(percent, 9);
  });
});

describe('compareStats: a lower bound on either side is approximate', () => {
  const shapes: [string, (p: number) => StatValue, (c: number) => StatValue][] = [
    ['atLeast → exact', atLeast, exact],
    ['exact → atLeast', exact, atLeast],
    ['atLeast → atLeast', atLeast, atLeast],
  ];
  const moves: [Dir, number, number, number][] = [
    ['up', 20, 30, 10],
    ['down', 30, 20, -10],
    ['same', 30, 30, 0],
  ];
  const cases = shapes.flatMap(([shape, mp, mc]) =>
    BETTERS.flatMap((better) => moves.map(([dir, p, c, delta]) => [shape, better, dir, mp(p), mc(c), delta] as const)),
  );
  it.each(cases)('%s, better=%s, %s', (_shape, better, dir, prev, cur, delta) => {
    const ch = compareStats(prev, cur, better, 2020);
    expect(ch).toMatchObject({ kind: 'approx', delta, direction: dir, tone: TONE[better][dir], fromYear: 2020 });
  });

  it('a lower bound of 0 gives no percent', () => {
    expect(compareStats(atLeast(0), exact(3), 'up', 2020)).toMatchObject({ kind: 'approx', delta: 3, percent: null });
  });
});

describe('compareStats: masked and missing', () => {
  it.each<[string, StatValue, StatValue, Change]>([
    ['masked → exact', masked(2), exact(12), { kind: 'none', reason: 'masked', fromYear: 2021 }],
    ['exact → masked', exact(12), masked(2), { kind: 'none', reason: 'masked', fromYear: 2021 }],
    ['masked → masked', masked(2), masked(2), { kind: 'none', reason: 'masked', fromYear: 2021 }],
    ['masked lower bound → atLeast', masked(2, true), atLeast(30), { kind: 'none', reason: 'masked', fromYear: 2021 }],
    ['atLeast → masked lower bound', atLeast(30), masked(2, true), { kind: 'none', reason: 'masked', fromYear: 2021 }],
    ['exact → missing', exact(12), MISSING, { kind: 'none', reason: 'missing', fromYear: 2021, side: 'cur' }],
    ['masked → missing (missing wins)', masked(2), MISSING, { kind: 'none', reason: 'missing', fromYear: 2021, side: 'cur' }],
    ['missing → missing', MISSING, MISSING, { kind: 'none', reason: 'missing', fromYear: 2021, side: 'cur' }],
    ['missing → exact (direct pair)', MISSING, exact(12), { kind: 'none', reason: 'missing', fromYear: 2021, side: 'prev' }],
    ['missing → masked (direct pair)', MISSING, masked(2), { kind: 'none', reason: 'missing', fromYear: 2021, side: 'prev' }],
  ])('%s', (_name, prev, cur, expected) => {
    for (const better of BETTERS) expect(compareStats(prev, cur, better, 2021)).toEqual(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, string]>([
    [0, '0%'],
    [0.01, '不足0.1%'],
    [0.049, '不足0.1%'],
    [0.06, '0.1%'],
    [3.44, '3.4%'],
    [5, '5%'],
    [8.333, '8.3%'],
    [9.94, '9.9%'],
    [9.96, '10%'],
    [10.4, '10%'],
    [25, '25%'],
    [33.333, '33%'],
    [100, '100%'],
    [99.4, '99%'],
    [99.5, '99.5%'],
    [-99.51, '99.5%'],
    [99.97, '99.9%'],
    [250.6, '251%'],
    [-25, '25%'],
    [-3.44, '3.4%'],
  ])('%d → %s (sign is added by the caller)', (p, s) => {
    expect(formatPercent(p)).toBe(s);
  });
});

describe('describeChange', () => {
  const c = (prev: StatValue, cur: StatValue, better: Better = 'up') => compareStats(prev, cur, better, 2021);
  it.each<[string, Change, string, string, string, '↑' | '↓' | '→' | '']>([
    ['exact increase', c(exact(12), exact(15)), '次', '↑ +3（+25%）', '较2021年增加3次，增长25%', '↑'],
    ['exact decrease', c(exact(12), exact(9)), '次', '↓ -3（-25%）', '较2021年减少3次，下降25%', '↓'],
    ['exact same', c(exact(12), exact(12)), '次', '→ 持平', '与2021年持平', '→'],
    ['small percent, one decimal', c(exact(12), exact(13)), '件', '↑ +1（+8.3%）', '较2021年增加1件，增长8.3%', '↑'],
    ['tiny percent', c(exact(10000), exact(10001)), '人', '↑ +1（不足0.1%）', '较2021年增加1人，增长不足0.1%', '↑'],
    ['to zero', c(exact(3), exact(0)), '次', '↓ -3（-100%）', '较2021年减少3次，下降100%', '↓'],
    ['from zero', c(exact(0), exact(3)), '次', '↑ +3（基数为0）', '较2021年增加3次（2021年为0，无法计算增幅）', '↑'],
    ['zero to zero', c(exact(0), exact(0)), '次', '→ 持平', '与2021年持平', '→'],
    ['decimal delta', c(exact(3.5), exact(1.2)), '', '↓ -2.3（-66%）', '较2021年减少2.3，下降66%', '↓'],
    ['no unit', c(exact(12), exact(15)), '', '↑ +3（+25%）', '较2021年增加3，增长25%', '↑'],
    ['percentage unit is in points', c(exact(40), exact(42)), '%', '↑ +2（+5%）', '较2021年增加2个百分点，增长5%', '↑'],
    ['approx increase', c(atLeast(20), exact(30)), '次', '约 ↑ +10', '较2021年约增加10次（含约数，仅供参考）', '↑'],
    ['approx decrease', c(exact(30), atLeast(20)), '次', '约 ↓ -10', '较2021年约减少10次（含约数，仅供参考）', '↓'],
    ['approx same', c(atLeast(30), atLeast(30)), '次', '约 → 持平', '与2021年大致持平（含约数，仅供参考）', '→'],
    ['approx from zero', c(atLeast(0), exact(3)), '次', '约 ↑ +3', '较2021年约增加3次（含约数，仅供参考）', '↑'],
    ['masked', c(masked(2), exact(12)), '次', '已遮蔽', '2021年或本年数值已遮蔽，无法比较', ''],
    ['missing', c(exact(12), MISSING), '次', '未报告', '本年未报告', ''],
    ['earlier year missing (direct pair)', c(MISSING, exact(12)), '次', '2021年未报告', '2021年未报告，无法比较', ''],
    ['first', { kind: 'none', reason: 'first' }, '次', '首次报告', '首次报告，此前各年均未报告，无可比较的数据', ''],
    ['masked without a year', { kind: 'none', reason: 'masked' }, '次', '已遮蔽', '上年或本年数值已遮蔽，无法比较', ''],
    ['missing without a year', { kind: 'none', reason: 'missing' }, '次', '未报告', '本年未报告', ''],
  ])('%s', (_name, change, unit, text, label, arrow) => {
    expect(describeChange(change, unit)).toEqual({ text, label, arrow });
  });

  it('the description does not depend on tone: better only colours', () => {
    for (const [p, q] of [[12, 15], [12, 9], [12, 12]] as const) {
      const d = BETTERS.map((b) => describeChange(compareStats(exact(p), exact(q), b, 2021), '次'));
      expect(d[1]).toEqual(d[0]);
      expect(d[2]).toEqual(d[0]);
    }
  });

  it('every comparable change carries its arrow in the text; approximate ones always say 约', () => {
    const values = [exact(0), exact(5), exact(12), atLeast(5), atLeast(12)];
    for (const p of values)
      for (const q of values) {
        const ch = compareStats(p, q, 'up', 2021);
        const d = describeChange(ch, '次');
        expect(d.arrow).not.toBe('');
        expect(d.text).toContain(d.arrow);
        if (ch.kind === 'approx') {
          expect(d.text.startsWith('约')).toBe(true);
          expect(d.label).toContain('约');
          expect(d.text).not.toContain('%');
        } else {
          expect(d.text).not.toContain('约');
        }
        expect(d.text).not.toMatch(/Infinity|NaN|undefined/);
        expect(d.label).not.toMatch(/Infinity|NaN|undefined/);
      }
  });
});

describe('buildSeries', () => {
  const a = metric('a', '执纪问责', 'down');
  const b = metric('b', '教育监督', 'up', '人次');
  const c = metric('c', '执纪问责');
  const metrics = [a, b, c];

  const reports: YearStats[] = [
    { year: 2021, stats: { a: exact(12), b: masked(2), c: atLeast(30) } },
    { year: 2019, stats: { a: exact(10), b: exact(40), unknown: exact(1) } },
    { year: 2020, stats: { a: MISSING, b: exact(50) } },
    { year: 2022, stats: { a: exact(9), b: exact(60), c: exact(35) } },
  ];
  const s = buildSeries(metrics, reports);

  it('sorts years ascending and keeps registry order for rows and groups', () => {
    expect(s.years).toEqual([2019, 2020, 2021, 2022]);
    expect(s.rows.map((r) => r.metric.id)).toEqual(['a', 'b', 'c']);
    expect(s.groups.map((g) => [g.group, g.rows.map((r) => r.metric.id)])).toEqual([
      ['执纪问责', ['a', 'c']],
      ['教育监督', ['b']],
    ]);
    // The same row objects, so a page can use either view.
    expect(s.groups[0].rows[0]).toBe(s.rows[0]);
    expect(s.groups[0].rows[1]).toBe(s.rows[2]);
  });

  it('has one cell per year, with the shown text; unknown stat ids are ignored', () => {
    for (const r of s.rows) expect(r.cells.map((x) => x.year)).toEqual(s.years);
    expect(s.rows.map((r) => r.cells.map((x) => x.shown))).toEqual([
      ['10', '—', '12', '9'],
      ['40', '50', '**', '60'],
      ['—', '—', '30余', '35'],
    ]);
  });

  it('compares against the most recent earlier year that reported (skipping missing years)', () => {
    expect(s.rows[0].cells.map((x) => x.change)).toEqual([
      { kind: 'none', reason: 'first' },
      { kind: 'none', reason: 'missing', fromYear: 2019, side: 'cur' },
      { kind: 'exact', delta: 2, percent: 20, direction: 'up', tone: 'bad', fromYear: 2019 },
      { kind: 'exact', delta: -3, percent: -25, direction: 'down', tone: 'good', fromYear: 2021 },
    ]);
  });

  it('a masked year counts as reported', () => {
    expect(s.rows[1].cells.map((x) => x.change)).toEqual([
      { kind: 'none', reason: 'first' },
      { kind: 'exact', delta: 10, percent: 25, direction: 'up', tone: 'good', fromYear: 2019 },
      { kind: 'none', reason: 'masked', fromYear: 2020 },
      { kind: 'none', reason: 'masked', fromYear: 2021 },
    ]);
  });

  it('missing years before the first report are missing, then first, then approx from a lower bound', () => {
    expect(s.rows[2].cells.map((x) => x.change)).toEqual([
      { kind: 'none', reason: 'missing', side: 'cur' },
      { kind: 'none', reason: 'missing', side: 'cur' },
      { kind: 'none', reason: 'first' },
      { kind: 'approx', delta: 5, percent: (5 / 30) * 100, direction: 'up', tone: 'neutral', fromYear: 2021 },
    ]);
  });

  it('treats a metric absent from stats as missing', () => {
    expect(s.rows[2].cells[0].value).toEqual(MISSING);
  });

  it('does not mistake Object.prototype members for stats (a metric may be called "constructor")', () => {
    const odd = buildSeries([metric('constructor', 'x'), metric('to-string', 'x')], [{ year: 2022, stats: {} }]);
    expect(odd.rows.map((r) => r.cells[0].value)).toEqual([MISSING, MISSING]);
  });

  it('handles no reports and no metrics', () => {
    expect(buildSeries(metrics, [])).toEqual({
      years: [],
      rows: metrics.map((m) => ({ metric: m, cells: [] })),
      groups: [
        { group: '执纪问责', rows: [{ metric: a, cells: [] }, { metric: c, cells: [] }] },
        { group: '教育监督', rows: [{ metric: b, cells: [] }] },
      ],
    });
    expect(buildSeries([], reports)).toEqual({ years: [2019, 2020, 2021, 2022], rows: [], groups: [] });
  });

  it('rejects two reports for the same year', () => {
    expect(() => buildSeries(metrics, [reports[0], { year: 2021, stats: {} }])).toThrow(/2021/);
  });

  it('does not modify its input', () => {
    const input = structuredClone(reports);
    buildSeries(metrics, input);
    expect(input).toEqual(reports);
  });

  it('scales linearly: 200 years × 50 metrics', () => {
    const many = Array.from({ length: 50 }, (_, i) => metric(`m${i}`, `g${i % 5}`, 'up'));
    const years: YearStats[] = Array.from({ length: 200 }, (_, y) => ({
      year: 1900 + y,
      stats: Object.fromEntries(many.map((m, i) => [m.id, (y + i) % 7 === 0 ? MISSING : exact(y + i)])),
    }));
    const big = buildSeries(many, years);
    expect(big.rows).toHaveLength(50);
    expect(big.rows.every((r) => r.cells.length === 200)).toBe(true);
    expect(big.groups.map((g) => g.rows.length)).toEqual([10, 10, 10, 10, 10]);
  });
});

describe('pairChanges', () => {
  const a = metric('a', '执纪问责', 'down');
  const b = metric('b', '教育监督', 'up');
  const c = metric('c', '执纪问责', 'neutral');
  const s = buildSeries(
    [a, b, c],
    [
      { year: 2019, stats: { a: exact(10), b: exact(40) } },
      { year: 2020, stats: { a: masked(2), b: MISSING, c: exact(1) } },
      { year: 2021, stats: { a: exact(15), b: atLeast(50) } },
    ],
  );

  it('compares the two years directly, not through the years in between', () => {
    const p = pairChanges(s, 2019, 2021);
    expect(p.a).toBe(2019);
    expect(p.b).toBe(2021);
    expect(p.rows).toEqual([
      {
        metric: a,
        a: exact(10),
        b: exact(15),
        shownA: '10',
        shownB: '15',
        // In the series 2021 is "masked" (against 2020); directly it is +5.
        change: { kind: 'exact', delta: 5, percent: 50, direction: 'up', tone: 'bad', fromYear: 2019 },
      },
      {
        metric: b,
        a: exact(40),
        b: atLeast(50),
        shownA: '40',
        shownB: '50余',
        change: { kind: 'approx', delta: 10, percent: 25, direction: 'up', tone: 'good', fromYear: 2019 },
      },
      {
        metric: c,
        a: MISSING,
        b: MISSING,
        shownA: '—',
        shownB: '—',
        change: { kind: 'none', reason: 'missing', fromYear: 2019, side: 'cur' },
      },
    ]);
    expect(s.rows[0].cells[2].change).toMatchObject({ kind: 'none', reason: 'masked' });
  });

  it('says when the earlier year did not report', () => {
    const p = pairChanges(s, 2019, 2020);
    expect(p.rows[2].change).toEqual({ kind: 'none', reason: 'missing', fromYear: 2019, side: 'prev' });
    expect(describeChange(p.rows[2].change, '次').text).toBe('2019年未报告');
    expect(p.rows[1].change).toMatchObject({ reason: 'missing', side: 'cur' });
    expect(p.rows[0].change).toMatchObject({ reason: 'masked' });
  });

  it('keeps the series groups, with the same row objects', () => {
    const p = pairChanges(s, 2020, 2021);
    expect(p.groups.map((g) => [g.group, g.rows.map((r) => r.metric.id)])).toEqual([
      ['执纪问责', ['a', 'c']],
      ['教育监督', ['b']],
    ]);
    expect(p.groups[0].rows[1]).toBe(p.rows[2]);
  });

  it.each<[number, number, RegExp]>([
    [2021, 2019, /前小后大/],
    [2020, 2020, /前小后大/],
    [2018, 2021, /2018/],
    [2019, 2030, /2030/],
  ])('rejects %d-%d', (x, y, message) => {
    expect(() => pairChanges(s, x, y)).toThrow(message);
  });
});

describe('pairsToPrerender', () => {
  const range = (n: number, from = 2000) => Array.from({ length: n }, (_, i) => from + i);
  const key = ([x, y]: [number, number]) => `${x}-${y}`;

  function checkShape(pairs: [number, number][], years: number[]) {
    for (const [x, y] of pairs) {
      expect(x).toBeLessThan(y);
      expect(years).toContain(x);
      expect(years).toContain(y);
    }
    expect(new Set(pairs.map(key)).size).toBe(pairs.length);
  }

  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [2, 1],
    [5, 10],
    [30, 435],
  ])('%d years → every pair (%d)', (n, count) => {
    const years = range(n);
    const pairs = pairsToPrerender(years);
    expect(pairs).toHaveLength(count);
    checkShape(pairs, years);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(pairs.map(key)).toContain(`${years[i]}-${years[j]}`);
  });

  it('lists 2 and 5 years exactly', () => {
    expect(pairsToPrerender([2021, 2022])).toEqual([[2021, 2022]]);
    expect(pairsToPrerender([2018, 2019, 2020, 2021, 2022])).toEqual([
      [2018, 2019], [2018, 2020], [2018, 2021], [2018, 2022],
      [2019, 2020], [2019, 2021], [2019, 2022],
      [2020, 2021], [2020, 2022],
      [2021, 2022],
    ]);
  });

  it.each<[number, number]>([
    [31, 59],
    [200, 397],
  ])('%d years → adjacent pairs plus each against the latest (%d = 2n − 3)', (n, count) => {
    const years = range(n);
    const latest = years[n - 1];
    const pairs = pairsToPrerender(years);
    expect(pairs).toHaveLength(count);
    checkShape(pairs, years);
    const expected = new Set<string>();
    for (let i = 0; i + 1 < n; i++) {
      expected.add(`${years[i]}-${years[i + 1]}`);
      expected.add(`${years[i]}-${latest}`);
    }
    expect(new Set(pairs.map(key))).toEqual(expected);
  });

  it('is linear beyond 30 years: doubling the years doubles the pairs, and only the latest is in more than 3 pairs', () => {
    const p200 = pairsToPrerender(range(200));
    const p400 = pairsToPrerender(range(400));
    expect(p200.length).toBeLessThanOrEqual(2 * 200);
    expect(p400.length).toBe(2 * p200.length + 3);
    const uses = new Map<number, number>();
    for (const [x, y] of p200) for (const v of [x, y]) uses.set(v, (uses.get(v) ?? 0) + 1);
    for (const [year, n] of uses) if (year !== 2199) expect(n).toBeLessThanOrEqual(3);
  });

  it('sorts and de-duplicates its input, and allows gaps between years', () => {
    expect(pairsToPrerender([2022, 2019, 2022, 2015])).toEqual([
      [2015, 2019],
      [2015, 2022],
      [2019, 2022],
    ]);
    const gappy = Array.from({ length: 40 }, (_, i) => 1950 + i * 2);
    const pairs = pairsToPrerender([...gappy].reverse());
    expect(pairs).toHaveLength(77);
    expect(pairs[0]).toEqual([1950, 1952]);
    expect(pairs[1]).toEqual([1950, 2028]);
  });
});

describe('changes of a signed figure (本年增/减 can be below zero)', () => {
  it('from −18 to −15 is up 3, with no percentage against a negative base', () => {
    const c = compareStats({ kind: 'exact', value: -18 }, { kind: 'exact', value: -15 }, 'neutral', 2019);
    expect(c).toMatchObject({ kind: 'exact', delta: 3, direction: 'up', percent: null, negativeBase: true });
    expect(describeChange(c, '项')).toEqual({ text: '↑ +3', label: '较2019年增加3项（2019年为负数，不计算增幅）', arrow: '↑' });
  });
  it('from 4 to −2 is down 6, with its percentage against the positive base', () => {
    const c = compareStats({ kind: 'exact', value: 4 }, { kind: 'exact', value: -2 }, 'neutral', 2019);
    expect(c).toMatchObject({ delta: -6, direction: 'down', percent: -150 });
    expect(c.kind === 'exact' && c.negativeBase).toBeFalsy();
  });
});
