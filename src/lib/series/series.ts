// A series of reports over the years: the metric × year grid, changes between years, and year pairs.
import { groupMetrics, type Metric } from '../content/metrics.ts';
import { decimalPlaces, formatStat, MISSING, statNumber, type StatValue } from '../content/stat.ts';

/** A metric absent from `stats` counts as missing. */
export interface YearStats {
  year: number;
  stats: Record<string, StatValue>;
  /** The layout (format) the year's report was written in, for a kind that has layouts. */
  layout?: string;
}

export type Tone = 'good' | 'bad' | 'neutral';
export type Direction = 'up' | 'down' | 'same';

export type Change =
  /** `percent` is null against 0, or against a negative figure (`negativeBase`, a signed metric such as 本年增/减). */
  | { kind: 'exact'; delta: number; percent: number | null; direction: Direction; tone: Tone; fromYear: number; negativeBase?: true }
  /** At least one side is a lower bound, so the numbers are only indicative. */
  | { kind: 'approx'; delta: number; percent: number | null; direction: Direction; tone: Tone; fromYear: number; negativeBase?: true }
  /**
   * `side` tells which value is missing: 'cur' in a series cell, or 'prev' when two chosen
   * years are compared directly (the compare page) and the earlier one did not report.
   */
  | { kind: 'none'; reason: 'masked' | 'missing' | 'first'; fromYear?: number; side?: 'prev' | 'cur' }
  /** The figure's definition changed between the two years (a metric's `breaks`): 口径变化, not a rise or fall. */
  | { kind: 'none'; reason: 'break'; fromYear: number; note: string };

// 3.5 - 1.2 must be 2.3, not 2.3000000000000003.
function subtract(a: number, b: number): number {
  const d = Math.max(decimalPlaces(a), decimalPlaces(b));
  const r = Number((a - b).toFixed(Math.min(d, 20)));
  return r === 0 ? 0 : r;
}

function toneOf(direction: Direction, better: Metric['better']): Tone {
  if (direction === 'same' || better === 'neutral') return 'neutral';
  return (direction === 'up') === (better === 'up') ? 'good' : 'bad';
}

/** The change from `prev` (the value of `fromYear`) to `cur`. */
export function compareStats(prev: StatValue, cur: StatValue, better: Metric['better'], fromYear: number): Change {
  if (cur.kind === 'missing') return { kind: 'none', reason: 'missing', fromYear, side: 'cur' };
  if (prev.kind === 'missing') return { kind: 'none', reason: 'missing', fromYear, side: 'prev' };
  if (prev.kind === 'masked' || cur.kind === 'masked') return { kind: 'none', reason: 'masked', fromYear };
  const p = statNumber(prev) as number;
  const c = statNumber(cur) as number;
  const delta = subtract(c, p);
  const direction: Direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
  return {
    kind: prev.kind === 'exact' && cur.kind === 'exact' ? 'exact' : 'approx',
    delta,
    // Against zero or a negative base (a signed figure) a percentage says nothing.
    percent: p <= 0 ? null : (delta / p) * 100,
    ...(p < 0 && { negativeBase: true as const }),
    direction,
    tone: toneOf(direction, better),
    fromYear,
  };
}

export interface SeriesCell {
  year: number;
  value: StatValue;
  shown: string;
  change: Change;
}
/** One cell per year in `Series.years`, ascending. */
export interface SeriesRow {
  metric: Metric;
  cells: SeriesCell[];
}
export interface Series {
  years: number[];
  /** Each year's layout, for a kind with layouts; and the layouts oldest first. */
  layouts?: { byYear: Map<number, string>; order: readonly string[] };
  rows: SeriesRow[];
  groups: { group: string; rows: SeriesRow[] }[];
}

/**
 * The break a metric declares between a year written in layout `from` and a later one in layout `to`: one whose
 * layout came in after `from` and by `to` (`order`: the kind's layouts, oldest first). Without an order, only a
 * break at `to` itself counts.
 */
export function layoutBreak(metric: Pick<Metric, 'breaks'>, from: string | undefined, to: string | undefined, order: readonly string[] = []): { layout: string; note: string } | undefined {
  if (!metric.breaks || from === undefined || to === undefined || from === to) return undefined;
  const at = (l: string) => order.indexOf(l);
  return metric.breaks.find((b) => (b.layout === to ? true : at(b.layout) >= 0 && at(from) >= 0 && at(to) >= 0 && at(from) < at(b.layout) && at(b.layout) <= at(to)));
}

/**
 * Builds the metric × year grid once, in O(metrics × years). Each cell's change is against
 * the most recent earlier year that reported the metric (masked counts as reported) — unless the
 * metric's definition changed in between (`breaks`), which the cell says instead of a change.
 * Stats whose id is not in `metrics` are ignored: validating them is `check`'s job.
 */
export function buildSeries(metrics: Metric[], reports: YearStats[], opts: { layoutOrder?: readonly string[] } = {}): Series {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const years = sorted.map((r) => r.year);
  years.forEach((y, i) => {
    if (i > 0 && y === years[i - 1]) throw new Error(`年份 ${y} 有多份报告`);
  });

  const rowOf = new Map<Metric, SeriesRow>();
  const rows = metrics.map((metric) => {
    const cells: SeriesCell[] = [];
    let last: { year: number; value: StatValue; layout?: string } | undefined;
    for (const report of sorted) {
      // hasOwn: a metric id such as "constructor" must not pick up Object.prototype members.
      const value = (Object.hasOwn(report.stats, metric.id) ? report.stats[metric.id] : undefined) ?? MISSING;
      let change: Change;
      if (value.kind === 'missing') change = { kind: 'none', reason: 'missing', ...(last && { fromYear: last.year }), side: 'cur' };
      else if (!last) change = { kind: 'none', reason: 'first' };
      else {
        const broke = layoutBreak(metric, last.layout, report.layout, opts.layoutOrder);
        change = broke ? { kind: 'none', reason: 'break', fromYear: last.year, note: broke.note } : compareStats(last.value, value, metric.better, last.year);
      }
      cells.push({ year: report.year, value, shown: formatStat(value), change });
      if (value.kind !== 'missing') last = { year: report.year, value, ...(report.layout !== undefined && { layout: report.layout }) };
    }
    const row = { metric, cells };
    rowOf.set(metric, row);
    return row;
  });

  const groups = groupMetrics(metrics).map((g) => ({ group: g.group, rows: g.metrics.map((m) => rowOf.get(m) as SeriesRow) }));
  const byYear = new Map(sorted.filter((r) => r.layout !== undefined).map((r) => [r.year, r.layout as string]));
  return { years, rows, groups, ...(byYear.size > 0 && { layouts: { byYear, order: opts.layoutOrder ?? [] } }) };
}

/**
 * The `/compare/<a>-<b>/` pages to build, each with a < b: every pair up to 30 years;
 * beyond that, adjacent years plus each year against the latest, so the count stays linear (2n − 3).
 */
export function pairsToPrerender(years: number[]): [number, number][] {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const n = ys.length;
  const pairs: [number, number][] = [];
  if (n <= 30) {
    ys.forEach((x, i) => {
      for (const y of ys.slice(i + 1)) pairs.push([x, y]);
    });
    return pairs;
  }
  const latest = ys[n - 1] as number;
  ys.forEach((x, i) => {
    const next = ys[i + 1];
    if (next === undefined) return;
    pairs.push([x, next]);
    if (next !== latest) pairs.push([x, latest]);
  });
  return pairs;
}

export interface PairRow {
  metric: Metric;
  a: StatValue;
  b: StatValue;
  shownA: string;
  shownB: string;
  /** Computed directly between the two years, not through the years in between. */
  change: Change;
}
export interface PairComparison {
  a: number;
  b: number;
  rows: PairRow[];
  groups: { group: string; rows: PairRow[] }[];
}

/**
 * Two years side by side for `/compare/<a>-<b>/`. Takes the already-built series so that
 * building every compare page stays linear in the number of years.
 */
export function pairChanges(series: Series, a: number, b: number): PairComparison {
  if (!(a < b)) throw new RangeError(`比较的年份须前小后大：${a}-${b}`);
  const ia = series.years.indexOf(a);
  const ib = series.years.indexOf(b);
  if (ia < 0 || ib < 0) throw new RangeError(`没有 ${ia < 0 ? a : b} 年的报告`);

  const toPair = (row: SeriesRow): PairRow => {
    const va = row.cells[ia]?.value ?? MISSING;
    const vb = row.cells[ib]?.value ?? MISSING;
    const broke = va.kind !== 'missing' && vb.kind !== 'missing' && series.layouts ? layoutBreak(row.metric, series.layouts.byYear.get(a), series.layouts.byYear.get(b), series.layouts.order) : undefined;
    const change: Change = broke ? { kind: 'none', reason: 'break', fromYear: a, note: broke.note } : compareStats(va, vb, row.metric.better, a);
    return { metric: row.metric, a: va, b: vb, shownA: formatStat(va), shownB: formatStat(vb), change };
  };
  const pairOf = new Map<SeriesRow, PairRow>();
  const rows = series.rows.map((r) => {
    const p = toPair(r);
    pairOf.set(r, p);
    return p;
  });
  const groups = series.groups.map((g) => ({ group: g.group, rows: g.rows.map((r) => pairOf.get(r) as PairRow) }));
  return { a, b, rows, groups };
}

// Below 10% one decimal still says something (3.4%); above it, decimals are noise.
export function formatPercent(percent: number): string {
  const abs = Math.abs(percent);
  if (abs === 0) return '0%';
  if (abs < 0.05) return '不足0.1%';
  const rounded = abs < 9.95 ? Math.round(abs * 10) / 10 : Math.round(abs);
  // A fall of 99.5% is not a fall to zero: never round a partial change up to 100%.
  if (rounded >= 100 && abs < 100) return `${Math.min(99.9, Math.floor(abs * 10) / 10)}%`;
  return `${rounded}%`;
}

function formatDelta(n: number): string {
  return String(Math.abs(n));
}

function yearText(year: number | undefined): string {
  return year === undefined ? '上年' : `${year}年`;
}

/**
 * `text` fits a table cell; `label` is a full sentence for a tooltip or screen reader.
 * The arrow and the words carry the direction, so colour (tone) is never the only signal.
 */
export function describeChange(change: Change, unit: string): { text: string; label: string; arrow: '↑' | '↓' | '→' | '' } {
  if (change.kind === 'none') {
    const from = yearText(change.fromYear);
    switch (change.reason) {
      case 'first':
        return { text: '首次报告', label: '首次报告，此前各年均未报告，无可比较的数据', arrow: '' };
      case 'break':
        return { text: '口径变化', label: `与${from}统计口径不同，不直接比较：${change.note}`, arrow: '' };
      case 'masked':
        return { text: '已遮蔽', label: `${from}或本年数值已遮蔽，无法比较`, arrow: '' };
      case 'missing':
        return change.side === 'prev'
          ? { text: `${from}未报告`, label: `${from}未报告，无法比较`, arrow: '' }
          : { text: '未报告', label: '本年未报告', arrow: '' };
    }
  }

  const from = yearText(change.fromYear);
  const approx = change.kind === 'approx';
  const arrow = change.direction === 'up' ? '↑' : change.direction === 'down' ? '↓' : '→';
  // A rate's change is in percentage points; "增加3%" would read as a relative change.
  const u = unit === '%' ? '个百分点' : unit;
  const amount = `${formatDelta(change.delta)}${u}`;

  if (change.direction === 'same') {
    return approx
      ? { text: '约 → 持平', label: `与${from}大致持平（含约数，仅供参考）`, arrow }
      : { text: '→ 持平', label: `与${from}持平`, arrow };
  }

  const sign = change.direction === 'up' ? '+' : '-';
  const verb = change.direction === 'up' ? '增加' : '减少';
  if (approx) {
    return { text: `约 ${arrow} ${sign}${formatDelta(change.delta)}`, label: `较${from}约${verb}${amount}（含约数，仅供参考）`, arrow };
  }
  if (change.percent === null && change.negativeBase) {
    return { text: `${arrow} ${sign}${formatDelta(change.delta)}`, label: `较${from}${verb}${amount}（${from}为负数，不计算增幅）`, arrow };
  }
  if (change.percent === null) {
    return {
      text: `${arrow} ${sign}${formatDelta(change.delta)}（基数为0）`,
      label: `较${from}${verb}${amount}（${from}为0，无法计算增幅）`,
      arrow,
    };
  }
  const pct = formatPercent(change.percent);
  const pctSigned = pct.startsWith('不足') ? pct : `${sign}${pct}`;
  const rate = change.direction === 'up' ? '增长' : '下降';
  return {
    text: `${arrow} ${sign}${formatDelta(change.delta)}（${pctSigned}）`,
    label: `较${from}${verb}${amount}，${rate}${pct}`,
    arrow,
  };
}
