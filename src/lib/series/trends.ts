// What the trend, compare and metric pages show in a cell, in words: the value, why there is none
// (已遮蔽 / 未报告), and the change. The pages render these; the rules live in series.ts.
import type { Metric } from '../content/metrics.ts';
import { describeChange, type Change, type Series, type SeriesRow, type Tone } from './series.ts';
import { formatStat, type StatValue } from '../content/stat.ts';

export type ValueNote = '已遮蔽' | '未报告';

export interface ChangeView {
  text: string;
  /** A full sentence for the tooltip and screen readers. */
  label: string;
  arrow: '↑' | '↓' | '→' | '';
  /** CSS hook; colour is never the only signal (text and arrow carry it too). */
  tone: Tone | 'none';
}

export interface CellView {
  shown: string;
  kind: StatValue['kind'];
  /** Why no number is shown. */
  note?: ValueNote;
  change?: ChangeView;
  /** The cell's tooltip: the year, the value or why there is none, and the change. */
  title: string;
}

export function changeView(change: Change, unit: string): ChangeView {
  const d = describeChange(change, unit);
  return { ...d, tone: change.kind === 'none' ? 'none' : change.tone };
}

/** A change between two chosen years (the compare page): "本年" in the sentences becomes the later year. */
export function pairChangeView(change: Change, unit: string, later: number): ChangeView {
  const v = changeView(change, unit);
  return { ...v, label: v.label.replaceAll('本年', `${later}年`) };
}

export function valueNote(value: StatValue): ValueNote | undefined {
  if (value.kind === 'masked') return '已遮蔽';
  if (value.kind === 'missing') return '未报告';
  return undefined;
}

/**
 * One year of one metric. A masked or missing value says so instead of a change (its change could
 * only repeat the reason); a value after a masked or unreported year says why it cannot be compared.
 */
export function cellView(year: number, value: StatValue, change: Change | undefined, metric: Pick<Metric, 'unit'>): CellView {
  const shown = formatStat(value);
  const note = valueNote(value);
  if (note) {
    const why = note === '已遮蔽' ? '数值已遮蔽，不显示具体数字' : '本年未报告此项';
    return { shown, kind: value.kind, note, title: `${year}年：${why}` };
  }
  const cv = change ? changeView(change, metric.unit) : undefined;
  const approx = value.kind === 'atLeast' ? `（至少${value.value}${metric.unit}）` : '';
  const head = `${year}年：${shown}${metric.unit}${approx}`;
  return { shown, kind: value.kind, change: cv, title: cv ? `${head}；${cv.label}` : head };
}

/** A cell of the series grid. The first year of the series has nothing to compare with, so it shows no change. */
export function seriesCellView(row: SeriesRow, index: number): CellView {
  const c = row.cells[index];
  if (!c) throw new RangeError(`第 ${index} 列不存在`);
  const change = index === 0 && c.change.kind === 'none' && c.change.reason === 'first' ? undefined : c.change;
  return cellView(c.year, c.value, change, row.metric);
}

export const BETTER_TEXT: Record<Metric['better'], { short: string; long: string }> = {
  up: { short: '越多越好', long: '数值增加视为向好（绿色），减少视为需关注（红色）。' },
  down: { short: '越少越好', long: '数值减少视为向好（绿色），增加视为需关注（红色）。' },
  neutral: { short: '中性', long: '中性指标：增减只说明变化，不代表好坏，不着色。' },
};

/**
 * The figures to headline for a year. When the registry marks key figures (`key: true`), those — the
 * author chose them — that have something to show that year, in registry order. Otherwise: first, per
 * registry group, the first metric with a number to show that year (a masked one only when the group
 * has nothing else); then other metrics with a number, in registry order, up to `max`. Unreported
 * metrics are never headlined.
 */
export function keyFigures(series: Series, year: number, max = 6): SeriesRow[] {
  const i = series.years.indexOf(year);
  if (i < 0) return [];
  const kind = (r: SeriesRow) => r.cells[i]?.value.kind;
  const marked = series.rows.filter((r) => r.metric.key);
  if (marked.length) return marked.filter((r) => kind(r) !== undefined && kind(r) !== 'missing');
  const hasNumber = (r: SeriesRow) => kind(r) === 'exact' || kind(r) === 'atLeast';
  const picked = new Set<SeriesRow>();
  for (const g of series.groups) {
    const pick = g.rows.find(hasNumber) ?? g.rows.find((r) => kind(r) === 'masked');
    if (pick) picked.add(pick);
  }
  for (const r of series.rows) {
    if (picked.size >= max) break;
    if (hasNumber(r)) picked.add(r);
  }
  // Registry order, whatever order they were picked in.
  return series.rows.filter((r) => picked.has(r)).slice(0, max);
}

/** Zero, or not given: a value that says nothing happened. A masked value is not quiet — its digit could be anything. */
function quiet(v: StatValue): boolean {
  return v.kind === 'missing' || (v.kind === 'exact' && v.value === 0);
}

export interface Folded<T> {
  shown: T[];
  /** Rows that are 0 or not given in every year shown; listed behind `note`, never dropped. */
  folded: T[];
  note?: string;
}

/**
 * Split rows into those worth reading and those that are 0 (or not given) in every year. With ~200
 * figures, most of a 政府信息公开 table is zero every year; folding them keeps the page readable.
 */
export function foldQuietRows<T>(rows: T[], values: (row: T) => StatValue[]): Folded<T> {
  const shown: T[] = [];
  const folded: T[] = [];
  let zero = 0;
  for (const r of rows) {
    const vs = values(r);
    if (vs.length && vs.every(quiet)) {
      folded.push(r);
      if (vs.some((v) => v.kind === 'exact')) zero++;
    } else shown.push(r);
  }
  if (!folded.length) return { shown, folded };
  const n = folded.length;
  const note = zero === n ? `${n} 项各年均为 0，已折叠` : zero === 0 ? `${n} 项各年均未填报，已折叠` : `${n} 项各年均为 0 或未填报，已折叠`;
  return { shown, folded, note };
}

export interface GroupSection<T> extends Folded<T> {
  group: string;
  /** The group's anchor on the page, stable while the registry's group order is. */
  id: string;
  count: number;
}

/** The groups of a series (or of a pair of years) as the sections of a page, each with its quiet rows folded. */
export function groupSections<T>(groups: { group: string; rows: T[] }[], values: (row: T) => StatValue[]): GroupSection<T>[] {
  return groups.map((g, i) => ({ group: g.group, id: `group-${i + 1}`, count: g.rows.length, ...foldQuietRows(g.rows, values) }));
}

/** The compare pages that exist, as "a-b" keys (a < b), for the picker. */
export function pairKey(a: number, b: number): string {
  return `${Math.min(a, b)}-${Math.max(a, b)}`;
}

export interface PairWith {
  other: number;
  pair: [number, number];
}

/**
 * Each year's pre-rendered pairs, as [other year, [a, b]] in year order: built once for the site, so a
 * page's picker reads its own years' lists instead of scanning every pair (which, on every page, grew with
 * the square of the years).
 */
export type PairIndex = ReadonlyMap<number, readonly PairWith[]>;

export function indexPairs(pairs: [number, number][]): PairIndex {
  const index = new Map<number, PairWith[]>();
  const add = (year: number, entry: PairWith) => {
    const list = index.get(year);
    if (list) list.push(entry);
    else index.set(year, [entry]);
  };
  for (const pair of pairs) {
    add(pair[0], { other: pair[1], pair });
    add(pair[1], { other: pair[0], pair });
  }
  for (const list of index.values()) list.sort((x, y) => x.other - y.other);
  return index;
}

/** The pre-rendered pairs involving `year`, in year order. */
export function pairsWith(year: number, index: PairIndex): readonly PairWith[] {
  return index.get(year) ?? [];
}

/**
 * At most this many links per year in the picker: every pair up to 30 years (29 others each). Beyond that
 * only the latest year pairs with more, and every one of its pairs is also linked from the other year's page.
 */
export const PICKER_LINKS = 29;

/**
 * The picker's links for `year`: every built pair involving it, or, when there are more than PICKER_LINKS
 * (the latest year of a long series), the ones whose other year is nearest `near` (the page's other year,
 * or the year itself; the earlier year on a tie), in year order, with how many were left out. The page never
 * grows with the years, nor does the work for it: the nearest are a window of the year's list, widened
 * from where `near` would stand.
 */
export function pickerLinks(year: number, near: number, index: PairIndex, limit = PICKER_LINKS): { links: PairWith[]; more: number } {
  const all = pairsWith(year, index);
  if (all.length <= limit) return { links: [...all], more: 0 };
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as PairWith).other < near) lo = mid + 1;
    else hi = mid;
  }
  // [lo, hi) is the window; it grows by whichever neighbour is nearer to `near`.
  hi = lo;
  while (hi - lo < limit) {
    const left = lo > 0 ? near - (all[lo - 1] as PairWith).other : Infinity;
    const right = hi < all.length ? (all[hi] as PairWith).other - near : Infinity;
    if (left <= right) lo--;
    else hi++;
  }
  return { links: all.slice(lo, hi), more: all.length - limit };
}

/** /compare/pairs.json: every year, and every built pair (pairsToPrerender) as an "a-b" key, for the picker's selects. */
export function comparePairsDocument(years: number[], pairs: [number, number][]): { years: number[]; pairs: string[] } {
  return { years, pairs: pairs.map(([a, b]) => pairKey(a, b)) };
}

/** Parses a compare URL segment "2019-2023"; undefined unless it is two years, ascending. */
export function parsePair(segment: string): [number, number] | undefined {
  const m = /^(\d{4})-(\d{4})$/.exec(segment);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a < b ? [a, b] : undefined;
}
