import { describe, expect, it } from 'vitest';
import { chartModel, describeSeries, sparklineModel, type ChartInput } from '../../../src/lib/series/chart.ts';
import { MISSING, type StatValue } from '../../../src/lib/content/stat.ts';

const exact = (value: number): StatValue => ({ kind: 'exact', value });
const atLeast = (value: number): StatValue => ({ kind: 'atLeast', value });
const masked = (digits: number, lower = false): StatValue => ({ kind: 'masked', digits, atLeast: lower });
const series = (...values: StatValue[]): ChartInput[] => values.map((value, i) => ({ year: 2019 + i, value }));

/** The separate runs of a d3 line path: each starts with M. */
function runs(path: string): string[] {
  return path.split('M').filter(Boolean);
}
function pointsOf(run: string): [number, number][] {
  return run
    .replace(/Z$/, '')
    .split('L')
    .map((p) => p.split(',').map(Number) as [number, number]);
}

describe('chartModel: axes', () => {
  const m = chartModel('学习', '次', series(exact(12), exact(14), exact(18), exact(24), exact(31)));

  it('starts the y axis at zero with round, evenly spaced ticks that cover the largest value', () => {
    const values = m.yTicks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBeGreaterThanOrEqual(31);
    const steps = values.slice(1).map((v, i) => v - (values[i] as number));
    expect(new Set(steps).size).toBe(1);
    expect([1, 2, 5, 10, 20, 50]).toContain(steps[0]);
    expect(m.yTicks.map((t) => t.label)).toEqual(values.map(String));
  });

  it('places tick 0 on the baseline and higher values higher up', () => {
    expect(m.yTicks[0]?.pos).toBe(m.plot.y1);
    const pos = m.yTicks.map((t) => t.pos);
    expect([...pos].sort((a, b) => b - a)).toEqual(pos);
  });

  it('has one labelled x tick per report year, left to right', () => {
    expect(m.xTicks.map((t) => t.label)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    const pos = m.xTicks.map((t) => t.pos);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    expect(pos[0]).toBeGreaterThan(m.plot.x0);
    expect(pos.at(-1)).toBeLessThan(m.plot.x1);
  });

  it('spaces years by time, so a year without a report leaves a wider gap', () => {
    const g = chartModel('x', '次', [{ year: 2019, value: exact(1) }, { year: 2020, value: exact(2) }, { year: 2023, value: exact(3) }]);
    const [a, b, c] = g.xTicks.map((t) => t.pos) as [number, number, number];
    expect(c - b).toBeCloseTo(3 * (b - a), 5);
  });

  it('gives integer data integer ticks only, even for small counts', () => {
    for (const max of [1, 2, 3, 4, 7]) {
      const g = chartModel('x', '人', series(exact(0), exact(max)));
      expect(g.yTicks.every((t) => Number.isInteger(t.value)), `max ${max}`).toBe(true);
      expect(g.yTicks.length).toBeGreaterThanOrEqual(2);
      expect(g.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(max);
    }
  });

  it('keeps decimals for rates', () => {
    const g = chartModel('x', '%', series(exact(0.4), exact(1.2)));
    expect(g.yTicks.some((t) => !Number.isInteger(t.value))).toBe(true);
    expect(g.yTicks.every((t) => !/e|,/.test(t.label))).toBe(true);
  });

  it('writes large ticks as plain digits (no thousands separator)', () => {
    const g = chartModel('x', '元', series(exact(12000), exact(48000)));
    expect(g.yTicks.map((t) => t.label)).toContain('10000');
  });

  it('thins year labels when there are many years but keeps every tick and the latest year', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ year: 1993 + i, value: exact(i) }));
    const g = chartModel('x', '次', many, { maxYearLabels: 8 });
    expect(g.xTicks).toHaveLength(31);
    const labelled = g.xTicks.filter((t) => t.label);
    expect(labelled.length).toBeLessThanOrEqual(9);
    expect(labelled.at(-1)?.label).toBe('2023');
    expect(labelled[0]?.label).toBe('1993');
  });
});

describe('chartModel: masked and missing years are gaps, never zero', () => {
  const inputs = series(exact(12), masked(2), atLeast(30), exact(0), MISSING, exact(5));
  const m = chartModel('学习', '次', inputs);

  it('draws no point for a masked or missing year', () => {
    expect(m.points.map((p) => p.year)).toEqual([2019, 2021, 2022, 2024]);
    expect(m.gaps).toEqual([
      expect.objectContaining({ year: 2020, reason: 'masked', label: '2020年：已遮蔽' }),
      expect.objectContaining({ year: 2023, reason: 'missing', label: '2023年：未报告' }),
    ]);
  });

  it('breaks the line at each gap instead of dropping to the baseline', () => {
    const parts = runs(m.path);
    expect(parts).toHaveLength(3);
    expect(m.segments).toBe(3);
    const xOf = (year: number) => m.xTicks.find((t) => t.value === year)!.pos;
    // 2019 alone; 2021–2022; 2024 alone.
    expect(pointsOf(parts[0]!).map(([x]) => x)).toEqual([xOf(2019)]);
    expect(pointsOf(parts[1]!).map(([x]) => x)).toEqual([xOf(2021), xOf(2022)]);
    expect(pointsOf(parts[2]!).map(([x]) => x)).toEqual([xOf(2024)]);
    // No vertex sits at a gap year.
    const xs = parts.flatMap((r) => pointsOf(r).map(([x]) => x));
    expect(xs).not.toContain(xOf(2020));
    expect(xs).not.toContain(xOf(2023));
  });

  it('draws a real zero on the baseline: zero is a value, not a gap', () => {
    const zero = m.points.find((p) => p.year === 2022)!;
    expect(zero.y).toBe(m.plot.y1);
    expect(zero.shown).toBe('0');
  });

  it('draws a lower bound at its bound, marked as approximate', () => {
    const p = m.points.find((q) => q.year === 2021)!;
    expect(p.kind).toBe('atLeast');
    expect(p.shown).toBe('30余');
    expect(p.label).toBe('2021年：30余次（至少30次，为约数）');
    const tick30 = m.yTicks.find((t) => t.value === 30);
    if (tick30) expect(p.y).toBeCloseTo(tick30.pos, 5);
  });

  it('scales to the drawable values only: a masked year does not stretch the axis', () => {
    const g = chartModel('x', '次', series(exact(3), masked(4), exact(5)));
    expect(g.yTicks.at(-1)!.value).toBeLessThan(10);
  });

  it('describes every year in words, with 已遮蔽/未报告 and no digits for masked years', () => {
    expect(m.description).toBe('学习（次），2019—2024年：2019年12次；2020年已遮蔽；2021年30余次；2022年0次；2023年未报告；2024年5次。');
  });
});

describe('chartModel: edge cases', () => {
  it('a single year sits in the middle', () => {
    const g = chartModel('x', '次', [{ year: 2022, value: exact(4) }]);
    expect(g.xTicks).toHaveLength(1);
    expect(g.xTicks[0]!.pos).toBeCloseTo((g.plot.x0 + g.plot.x1) / 2, 5);
    expect(g.points).toHaveLength(1);
    expect(runs(g.path)).toHaveLength(1);
  });

  it('every year masked: no line, no points, gaps marked, still has an axis from 0', () => {
    const g = chartModel('x', '次', series(masked(2), masked(3, true), MISSING));
    expect(g.empty).toBe(true);
    expect(g.path).toBe('');
    expect(g.points).toEqual([]);
    expect(g.gaps.map((x) => x.reason)).toEqual(['masked', 'masked', 'missing']);
    expect(g.yTicks[0]!.value).toBe(0);
    expect(g.description).toContain('各年均无可显示的数字');
  });

  it('all zeros: a flat line on the baseline, not a division by zero', () => {
    const g = chartModel('x', '次', series(exact(0), exact(0), exact(0)));
    expect(g.points.every((p) => p.y === g.plot.y1)).toBe(true);
    expect(g.path).not.toMatch(/NaN|Infinity/);
  });

  it('no years at all', () => {
    const g = chartModel('x', '次', []);
    expect(g.path).toBe('');
    expect(g.xTicks).toEqual([]);
    expect(g.empty).toBe(true);
  });

  it('sorts years and rejects a year given twice', () => {
    const g = chartModel('x', '次', [{ year: 2021, value: exact(2) }, { year: 2019, value: exact(1) }]);
    expect(g.xTicks.map((t) => t.value)).toEqual([2019, 2021]);
    expect(() => chartModel('x', '次', [{ year: 2021, value: exact(2) }, { year: 2021, value: exact(1) }])).toThrow(/2021/);
  });
});

describe('sparklineModel', () => {
  it('fits the box, breaks at gaps and puts zero on the bottom edge', () => {
    const s = sparklineModel('x', '次', series(exact(6), masked(1, true), exact(9), exact(0), MISSING), { width: 96, height: 28 });
    expect(s.width).toBe(96);
    expect(runs(s.path)).toHaveLength(2);
    for (const p of s.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(96);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(28);
    }
    const max = s.points.find((p) => p.year === 2021)!;
    const zero = s.points.find((p) => p.year === 2022)!;
    expect(zero.y).toBeGreaterThan(max.y);
    expect(zero.y).toBe(24);
    expect(s.gaps.map((g) => [g.year, g.reason])).toEqual([[2020, 'masked'], [2023, 'missing']]);
  });

  it('uses the full height for the largest value', () => {
    const s = sparklineModel('x', '次', series(exact(1), exact(10)), { height: 28 });
    expect(Math.min(...s.points.map((p) => p.y))).toBe(4);
  });
});

describe('describeSeries', () => {
  it('names the metric, unit and range', () => {
    expect(describeSeries('监督检查', '次', series(exact(15), exact(22)))).toBe('监督检查（次），2019—2020年：2019年15次；2020年22次。');
  });
  it('never carries the digits of a masked value', () => {
    const text = describeSeries('x', '件', series(masked(4), masked(2, true)));
    expect(text).not.toMatch(/\*|\d{3,}件/);
    expect(text).toContain('2019年已遮蔽；2020年已遮蔽');
  });
});

describe('a change of definition (口径变化): the line is broken there, marked, and said', () => {
  const note = '2019年起按国办公开办函〔2019〕60号格式统计';
  // 2015 in the 统计表, 2019 on in the 2019 format: 2019's change against 2015 is a break.
  const inputs: ChartInput[] = [
    { year: 2015, value: exact(0) },
    { year: 2019, value: exact(23), change: { kind: 'none', reason: 'break', fromYear: 2015, note } },
    { year: 2020, value: exact(21), change: { kind: 'exact', fromYear: 2019 } },
    { year: 2023, value: exact(40) },
  ];

  it('chart: two segments, none joining 2015 to 2019; a break marker halfway between them', () => {
    const m = chartModel('本年新收申请', '件', inputs);
    const parts = runs(m.path);
    expect(m.segments).toBe(2);
    expect(parts).toHaveLength(2);
    const x = (year: number) => m.xTicks.find((t) => t.value === year)!.pos;
    expect(pointsOf(parts[0]!).map(([px]) => px)).toEqual([x(2015)]);
    expect(pointsOf(parts[1]!).map(([px]) => px)).toEqual([x(2019), x(2020), x(2023)]);
    expect(m.breaks).toEqual([{ year: 2019, fromYear: 2015, x: (x(2015) + x(2019)) / 2, note, label: `2015年与2019年之间口径变化：${note}` }]);
    // Every year still has its point: the break hides nothing.
    expect(m.points.map((p) => p.year)).toEqual([2015, 2019, 2020, 2023]);
  });

  it('the text alternative says where the definition changed and that the line is broken there', () => {
    const m = chartModel('本年新收申请', '件', inputs);
    expect(m.description).toBe(`本年新收申请（件），2015—2023年：2015年0件；2019年23件；2020年21件；2023年40件。2019年起口径变化（${note}），与此前各年不直接比较，折线在此断开。`);
  });

  it('sparkline: the same two runs and the marker; its text alternative names the break without the long note', () => {
    const s = sparklineModel('本年新收申请', '件', inputs);
    expect(runs(s.path)).toHaveLength(2);
    expect(s.breaks.map((b) => [b.fromYear, b.year])).toEqual([[2015, 2019]]);
    expect(s.breaks[0]!.x).toBeGreaterThan(s.points[0]!.x);
    expect(s.breaks[0]!.x).toBeLessThan(s.points[1]!.x);
    expect(s.description).toContain('2019年起口径变化，与此前各年不直接比较，折线在此断开。');
    expect(s.description).not.toContain(note);
  });

  it('a break next to a gap: the gap and the break each end the line once', () => {
    const m = chartModel('x', '件', [
      { year: 2018, value: exact(3) },
      { year: 2019, value: MISSING },
      { year: 2020, value: exact(5), change: { kind: 'none', reason: 'break', fromYear: 2018, note } },
      { year: 2021, value: exact(6) },
    ]);
    expect(m.segments).toBe(2);
    expect(runs(m.path)).toHaveLength(2);
  });

  it('without breaks nothing changes: one run through consecutive years', () => {
    const m = chartModel('x', '件', inputs.map(({ year, value }) => ({ year, value })));
    expect(m.breaks).toEqual([]);
    expect(runs(m.path)).toHaveLength(1);
  });
});
