// Build-time chart geometry for one metric over the years: sparklines for tables and the full chart
// on a metric page. Pure (d3-scale + d3-shape); the Astro components only turn the model into SVG.
// Masked and missing years are gaps with a marker, never a point at zero: the line breaks there. So does a
// change of definition (口径变化, a metric's `breaks`): two segments with a marked line between them.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatStat, statNumber, type StatValue } from '../content/stat.ts';

export interface ChartInput {
  year: number;
  value: StatValue;
  /**
   * The year's change against the year before (a series cell's): when it is a break (口径变化), the line is not
   * drawn from the earlier years to this one.
   */
  change?: { kind: string; reason?: string; fromYear?: number; note?: string };
}

/** What a layout break is called on the chart, in the legend and in the text alternative. */
export const BREAK_TEXT = '口径变化';

/** A change of definition between two report years: the line stops before it and starts again after. */
export interface ChartBreak {
  /** The first year counted the new way, and the last year before it that reported. */
  year: number;
  fromYear: number;
  /** Halfway between the two years. */
  x: number;
  /** For a tooltip: 2015年与2019年之间口径变化：…… */
  label: string;
  note: string;
}

export type PointKind = 'exact' | 'atLeast';
export type GapReason = 'masked' | 'missing';

export const GAP_TEXT: Record<GapReason, string> = { masked: '已遮蔽', missing: '未报告' };

export interface ChartPoint {
  year: number;
  x: number;
  y: number;
  kind: PointKind;
  /** The value as a reader sees it (12, 30余). */
  shown: string;
  /** For a tooltip: 2021年：30余次（至少30次，为约数） */
  label: string;
}

export interface ChartGap {
  year: number;
  x: number;
  reason: GapReason;
  label: string;
}

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  pos: number;
  label: string;
}

export interface ChartModel {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot area, inside the margins. */
  plot: { x0: number; x1: number; y0: number; y1: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** The line through the reported values; broken (a new `M`) at every masked or missing year and every 口径变化. */
  path: string;
  /** Number of separate line segments in `path` (a lone point between gaps is a segment of one). */
  segments: number;
  points: ChartPoint[];
  gaps: ChartGap[];
  breaks: ChartBreak[];
  /** The text alternative: every year's value or why there is none, and where the definition changed. */
  description: string;
  /** Set when no year has a number to draw. */
  empty: boolean;
}

export interface SparklineModel {
  width: number;
  height: number;
  path: string;
  points: ChartPoint[];
  gaps: ChartGap[];
  breaks: ChartBreak[];
  description: string;
  empty: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

function valueLabel(year: number, value: StatValue, unit: string): string {
  switch (value.kind) {
    case 'exact':
      return `${year}年：${formatStat(value)}${unit}`;
    case 'atLeast':
      return `${year}年：${formatStat(value)}${unit}（至少${value.value}${unit}，为约数）`;
    case 'masked':
      return `${year}年：${GAP_TEXT.masked}`;
    case 'missing':
      return `${year}年：${GAP_TEXT.missing}`;
  }
}

function yearRange(inputs: ChartInput[]): string {
  const first = inputs[0]?.year;
  const last = inputs.at(-1)?.year;
  if (first === undefined || last === undefined) return '';
  return first === last ? `${first}年` : `${first}—${last}年`;
}

/**
 * One sentence naming every year: "理论学习中心组集中学习（次），2019—2023年：2019年12次；2020年已遮蔽；…。"
 * Masked years say 已遮蔽 and never carry a number, so the sentence is safe in any edition.
 */
export function describeSeries(label: string, unit: string, inputs: ChartInput[], opts: { notes?: boolean } = {}): string {
  const sorted = [...inputs].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) return `${label}：没有年度报告。`;
  const parts = sorted.map((p) => {
    if (p.value.kind === 'masked') return `${p.year}年${GAP_TEXT.masked}`;
    if (p.value.kind === 'missing') return `${p.year}年${GAP_TEXT.missing}`;
    return `${p.year}年${formatStat(p.value)}${unit}`;
  });
  const drawable = sorted.filter((p) => statNumber(p.value) !== undefined).length;
  const note = drawable === 0 ? '（各年均无可显示的数字）' : '';
  const breaks = sorted
    .filter(isBreak)
    .map((p) => `${p.year}年起${BREAK_TEXT}${opts.notes !== false && p.change?.note ? `（${p.change.note}）` : ''}，与此前各年不直接比较，折线在此断开。`)
    .join('');
  return `${label}${unit ? `（${unit}）` : ''}，${yearRange(sorted)}：${parts.join('；')}。${note}${breaks}`;
}

/** A year whose definition differs from the reported year before it (its change is a layout break). */
export function isBreak(p: ChartInput): boolean {
  return p.change?.kind === 'none' && p.change.reason === 'break';
}

/** Integer-valued data gets integer ticks only: "2.5 次" is not a thing. */
function yTicksFor(max: number, integers: boolean, count: number): { domainMax: number; ticks: number[] } {
  const y = scaleLinear().domain([0, max > 0 ? max : 1]).nice(count);
  let domainMax = y.domain()[1] as number;
  let ticks = y.ticks(count);
  if (integers) {
    if (domainMax < count) {
      // Small counts (0–3): one tick per unit, domain rounded up to a whole number.
      domainMax = Math.max(1, Math.ceil(domainMax));
      ticks = Array.from({ length: domainMax + 1 }, (_, i) => i);
    } else {
      ticks = ticks.filter((t) => Number.isInteger(t));
    }
  }
  return { domainMax, ticks };
}

function formatTick(n: number): string {
  // Plain digits, as the reports write them: no thousands separators, no exponent.
  return String(Number(n.toPrecision(12)));
}

function sortedInputs(inputs: ChartInput[]): ChartInput[] {
  const sorted = [...inputs].sort((a, b) => a.year - b.year);
  sorted.forEach((p, i) => {
    if (i > 0 && p.year === sorted[i - 1]?.year) throw new Error(`年份 ${p.year} 出现了两次`);
  });
  return sorted;
}

interface Layout {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Ticks for an axis; without them the scale runs from zero to the largest value exactly. */
  yTickCount?: number;
  /** Space between the y axis (and the right edge) and the first (last) year, so markers fit. */
  inset?: number;
}

function geometry(inputs: ChartInput[], unit: string, layout: Layout) {
  const sorted = sortedInputs(inputs);
  const numbers = sorted.map((p) => statNumber(p.value));
  const drawn = numbers.filter((n): n is number => n !== undefined);
  const max = drawn.length ? Math.max(...drawn) : 0;
  const integers = drawn.every((n) => Number.isInteger(n));
  const { domainMax, ticks } = layout.yTickCount ? yTicksFor(max, integers, layout.yTickCount) : { domainMax: max > 0 ? max : 1, ticks: [] };
  const y = scaleLinear().domain([0, domainMax]).range([layout.y1, layout.y0]);

  const first = sorted[0]?.year ?? 0;
  const last = sorted.at(-1)?.year ?? 0;
  // Years are placed on a time axis, so a year without a report leaves visible space; one year sits in the middle.
  const inset = layout.inset ?? 0;
  const x = first === last
    ? () => (layout.x0 + layout.x1) / 2
    : scaleLinear().domain([first, last]).range([layout.x0 + inset, layout.x1 - inset]);

  const points: ChartPoint[] = [];
  const gaps: ChartGap[] = [];
  for (const p of sorted) {
    const n = statNumber(p.value);
    if (n === undefined) {
      const reason: GapReason = p.value.kind === 'masked' ? 'masked' : 'missing';
      gaps.push({ year: p.year, x: round(x(p.year)), reason, label: valueLabel(p.year, p.value, unit) });
    } else {
      points.push({
        year: p.year,
        x: round(x(p.year)),
        y: round(y(n)),
        kind: p.value.kind === 'atLeast' ? 'atLeast' : 'exact',
        shown: formatStat(p.value),
        label: valueLabel(p.year, p.value, unit),
      });
    }
  }

  // d3's `defined` breaks the line at every undefined value: a gap, never a dip to zero. A 口径变化 starts a new
  // run: the line is drawn run by run, so nothing joins the years before it to the years after.
  const gen = line<{ year: number; n: number | undefined }>()
    .defined((d) => d.n !== undefined)
    .x((d) => round(x(d.year)))
    .y((d) => round(y(d.n as number)));
  const runs: { year: number; n: number | undefined }[][] = [];
  sorted.forEach((p, i) => {
    if (i === 0 || isBreak(p)) runs.push([]);
    runs.at(-1)!.push({ year: p.year, n: numbers[i] });
  });
  const path = runs.map((r) => gen(r) ?? '').join('');

  let segments = 0;
  numbers.forEach((n, i) => {
    if (n !== undefined && (i === 0 || numbers[i - 1] === undefined || isBreak(sorted[i]!))) segments++;
  });

  const breaks: ChartBreak[] = sorted.filter(isBreak).map((p) => {
    const fromYear = p.change?.fromYear ?? p.year;
    const note = p.change?.note ?? '';
    return {
      year: p.year,
      fromYear,
      x: round((x(fromYear) + x(p.year)) / 2),
      label: `${fromYear}年与${p.year}年之间${BREAK_TEXT}${note ? `：${note}` : ''}`,
      note,
    };
  });

  return { sorted, y, x, ticks, points, gaps, breaks, path, segments, empty: drawn.length === 0 };
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** At most this many year labels on the x axis; the rest keep their tick mark only. */
  maxYearLabels?: number;
  yTicks?: number;
  inset?: number;
}

/** The full chart on a metric page: y axis from zero with real ticks, one x tick per report year. */
export function chartModel(label: string, unit: string, inputs: ChartInput[], options: ChartOptions = {}): ChartModel {
  const width = options.width ?? 640;
  const height = options.height ?? 300;
  const margin = { top: 40, right: 12, bottom: 36, left: 44 };
  const plot = { x0: margin.left, x1: width - margin.right, y0: margin.top, y1: height - margin.bottom };
  const g = geometry(inputs, unit, { ...plot, yTickCount: options.yTicks ?? 5, inset: options.inset ?? 24 });

  const maxLabels = options.maxYearLabels ?? 12;
  const every = Math.max(1, Math.ceil(g.sorted.length / maxLabels));
  const lastIndex = g.sorted.length - 1;
  const xTicks: Tick[] = g.sorted.map((p, i) => ({
    value: p.year,
    pos: round(g.x(p.year)),
    // Thinned labels always keep the latest year.
    label: i % every === 0 || i === lastIndex ? String(p.year) : '',
  }));
  const yTicks: Tick[] = g.ticks.map((t) => ({ value: t, pos: round(g.y(t)), label: formatTick(t) }));

  return {
    width,
    height,
    margin,
    plot,
    xTicks,
    yTicks,
    path: g.path,
    segments: g.segments,
    points: g.points,
    gaps: g.gaps,
    breaks: g.breaks,
    description: describeSeries(label, unit, g.sorted),
    empty: g.empty,
  };
}

/** A small line for a table row: same rules (zero baseline, breaks at gaps and at 口径变化), no axes. */
export function sparklineModel(label: string, unit: string, inputs: ChartInput[], options: { width?: number; height?: number } = {}): SparklineModel {
  const width = options.width ?? 96;
  const height = options.height ?? 28;
  const pad = 4;
  const g = geometry(inputs, unit, { x0: pad, x1: width - pad, y0: pad, y1: height - pad });
  // A table row's text alternative names the break but leaves its long note to the metric page.
  return { width, height, path: g.path, points: g.points, gaps: g.gaps, breaks: g.breaks, description: describeSeries(label, unit, g.sorted, { notes: false }), empty: g.empty };
}
