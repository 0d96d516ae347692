// /figures/ and /figures/<metric>/: a figure across offices. Series of one kind share the kind's metric ids, so a
// metric that two or more series of a kind report is a row of offices × years, with the total over offices where
// the kind adds the figure up, and each year's ranking.
//
// Values arrive as the edition shows them; nothing here is computed from a masked value:
// - a total is exact when every summed value is exact, 至少 (…余) when one is a lower bound, and 已遮蔽 (no number)
//   when any office's value that year is masked — a sum would give the hidden figures away in aggregate;
// - an office with no value that year (no report, or the figure not given) is left out of the sum and named: the
//   total then says 几个单位合计 — it is not the portal's total, and nianbao does not take a blank for 0;
// - a ranking ranks exact and 至少 values (a 至少 value by its bound, marked 约); masked values are listed apart, in
//   the portal's office order, so the order of hidden figures is never shown.
import { groupMetrics, type Metric } from '../content/metrics.ts';
import { formatStat, MISSING, ownStat, type StatValue } from '../content/stat.ts';
import { exactSum } from '../content/sum-rules.ts';
import { kindById, type KindId } from '../kinds/index.ts';
import { portalRules } from '../kinds/portal-rules.ts';
import { byGroup, officeRef, orderOffices, type Office, type OfficeRef } from './offices.ts';

/** A metric several series report: its key is its URL segment under /figures/. */
export interface SharedMetric {
  /** The metric id, or `<kind>.<id>` when two kinds share the id (metric ids never hold a dot). */
  key: string;
  kind: KindId;
  kindName: string;
  metric: Metric;
  /** How many series give it in at least one year (a masked value counts as given). */
  offices: number;
  /** Years in which at least one of them gives it. */
  years: number[];
}

export interface FiguresIndex {
  /** Kinds with shared metrics, each with its metrics by registry group (registry order). */
  kinds: { kind: KindId; kindName: string; groups: { group: string; metrics: SharedMetric[] }[] }[];
  byKey: Map<string, SharedMetric>;
}

const given = (v: StatValue | undefined) => v !== undefined && v.kind !== 'missing';

/** Whether `office` gives `id` in any year. */
function reports(office: Office, id: string): boolean {
  return office.reports.some((r) => given(ownStat(r.stats, id)));
}

/**
 * The metrics reported by at least `minOffices` (2) series of one kind, in the registry order of the first such
 * series (portal order) — the list on /figures/.
 */
export function sharedMetrics(offices: readonly Office[], opts: { groups?: readonly string[]; minOffices?: number } = {}): FiguresIndex {
  const min = opts.minOffices ?? 2;
  const ordered = orderOffices(offices, opts.groups ?? []);
  const kinds = [...new Set(ordered.map((o) => o.kind))];
  const found: SharedMetric[] = [];
  for (const kind of kinds) {
    const ofKind = ordered.filter((o) => o.kind === kind);
    const seen = new Set<string>();
    for (const o of ofKind) {
      for (const metric of o.registry.metrics) {
        if (seen.has(metric.id)) continue;
        seen.add(metric.id);
        const giving = ofKind.filter((x) => reports(x, metric.id));
        if (giving.length < min) continue;
        const years = [...new Set(giving.flatMap((x) => x.reports.filter((r) => given(ownStat(r.stats, metric.id))).map((r) => r.year)))].sort((a, b) => a - b);
        // The metric as the first series that gives it defines it (its label, unit, group).
        const own = giving[0]!.registry.byId.get(metric.id) ?? metric;
        found.push({ key: metric.id, kind, kindName: kindById(kind).name, metric: own, offices: giving.length, years });
      }
    }
  }
  const count = new Map<string, number>();
  for (const m of found) count.set(m.metric.id, (count.get(m.metric.id) ?? 0) + 1);
  for (const m of found) if ((count.get(m.metric.id) ?? 0) > 1) m.key = `${m.kind}.${m.metric.id}`;
  const byKey = new Map(found.map((m) => [m.key, m]));
  return {
    kinds: kinds
      .map((kind) => {
        const list = found.filter((m) => m.kind === kind);
        const groups = groupMetrics(list.map((m) => ({ ...m, group: m.metric.group }))).map((g) => ({ group: g.group, metrics: g.metrics.map(({ group: _g, ...m }) => m as SharedMetric) }));
        return { kind, kindName: kindById(kind).name, groups };
      })
      .filter((k) => k.groups.length > 0),
    byKey,
  };
}

export type FigureState = StatValue['kind'] | 'no-report';

export interface FigureCell {
  year: number;
  /** MISSING when there is no report that year (state says which). */
  value: StatValue;
  shown: string;
  state: FigureState;
}

export interface FigureRow extends OfficeRef {
  /** One per `MetricFigures.years`. */
  cells: FigureCell[];
}

export interface YearTotal {
  year: number;
  /** exact, atLeast (a lower bound is summed), masked (no number: some value is hidden), none (no office gives it). */
  state: 'exact' | 'atLeast' | 'masked' | 'none';
  value?: number;
  shown: string;
  /** Offices whose values are summed. */
  summed: number;
  /** Offices with a masked value (then nothing is summed). */
  masked: number;
  /** Offices listed that give no value that year (left out of the sum). */
  without: OfficeRef[];
  note: string;
}

export interface RankEntry extends OfficeRef {
  /** 1-based; equal values share a rank (1, 2, 2, 4). */
  rank: number;
  value: StatValue;
  shown: string;
  /** Ranked by a lower bound (30余): its place is approximate. */
  approx: boolean;
}

export interface YearRanking {
  year: number;
  /** Largest first. */
  ranked: RankEntry[];
  /** 已遮蔽: not ranked, in the portal's office order. */
  masked: (OfficeRef & { shown: string })[];
  /** No value that year. */
  unreported: OfficeRef[];
}

export interface MetricFigures extends SharedMetric {
  /** Years in which at least one office gives the figure, ascending. */
  years: number[];
  /** The offices of the kind that give it in some year, in the portal's order. */
  rows: FigureRow[];
  groups: { name: string; rows: FigureRow[] }[];
  /** One per year; undefined when the kind does not add this figure up over offices (a rate). */
  totals?: YearTotal[];
  /** One per year. */
  rankings: YearRanking[];
  unit: string;
}

/** A value of the ranking: a number only for exact and 至少 values; never read from a masked one. */
export interface Rankable {
  ref: OfficeRef;
  value: StatValue;
  /** For a derived value (a rate): its number when computable; else read from `value`. */
  number?: number;
  shown: string;
}

/** The ranking of one year's values: numbers largest first, masked apart in the given order, the rest unreported. */
export function rankYear(year: number, entries: readonly Rankable[]): YearRanking {
  const numbered: { e: Rankable; n: number; approx: boolean }[] = [];
  const masked: (OfficeRef & { shown: string })[] = [];
  const unreported: OfficeRef[] = [];
  for (const e of entries) {
    if (e.value.kind === 'masked') masked.push({ ...e.ref, shown: e.shown });
    else if (e.value.kind === 'missing') unreported.push(e.ref);
    else numbered.push({ e, n: e.number ?? e.value.value, approx: e.value.kind === 'atLeast' });
  }
  // Stable: equal values keep the portal's order.
  numbered.sort((a, b) => b.n - a.n);
  const ranked: RankEntry[] = [];
  numbered.forEach((x, i) => {
    const rank = i > 0 && numbered[i - 1]!.n === x.n ? ranked[i - 1]!.rank : i + 1;
    ranked.push({ ...x.e.ref, rank, value: x.e.value, shown: x.e.shown, approx: x.approx });
  });
  return { year, ranked, masked, unreported };
}

/**
 * The total of one year's values over offices. Masked anywhere → 已遮蔽, with no number; else the sum of the values
 * given (exact, or 至少 when one is a lower bound); offices without a value are left out and named.
 */
export function yearTotal(year: number, values: readonly { ref: OfficeRef; value: StatValue }[], unit = ''): YearTotal {
  const masked = values.filter((v) => v.value.kind === 'masked').length;
  const without = values.filter((v) => v.value.kind === 'missing').map((v) => v.ref);
  const summable = values.filter((v) => v.value.kind === 'exact' || v.value.kind === 'atLeast');
  if (masked > 0) return { year, state: 'masked', shown: '已遮蔽', summed: 0, masked, without, note: `${masked} 个单位的数字已遮蔽，合计不显示` };
  if (summable.length === 0) return { year, state: 'none', shown: '—', summed: 0, masked: 0, without, note: '各单位均未报告' };
  const value = exactSum(summable.map((v) => (v.value as { value: number }).value));
  const atLeast = summable.some((v) => v.value.kind === 'atLeast');
  const shownValue: StatValue = atLeast ? { kind: 'atLeast', value } : { kind: 'exact', value };
  const part = without.length ? `${summable.length} 个单位合计（${without.length} 个单位未报告，不计入）` : `${summable.length} 个单位合计`;
  return { year, state: atLeast ? 'atLeast' : 'exact', value, shown: formatStat(shownValue), summed: summable.length, masked: 0, without, note: `${part}${atLeast ? '，含约数，合计为至少' : ''}${unit ? `，单位：${unit}` : ''}` };
}

/** Offices of `kind`, in portal order. */
export function officesOfKind(offices: readonly Office[], kind: KindId, groups: readonly string[] = []): Office[] {
  return orderOffices(offices.filter((o) => o.kind === kind), groups);
}

/** /figures/<key>/: the offices × years table, totals and rankings of one shared metric; undefined for an unknown key. */
export function metricFigures(offices: readonly Office[], key: string, opts: { groups?: readonly string[]; index?: FiguresIndex } = {}): MetricFigures | undefined {
  const index = opts.index ?? sharedMetrics(offices, opts);
  const shared = index.byKey.get(key);
  if (!shared) return undefined;
  const id = shared.metric.id;
  const ofKind = officesOfKind(offices, shared.kind, opts.groups).filter((o) => reports(o, id));
  const years = shared.years;
  const rows = ofKind.map((o): FigureRow => {
    const byYear = new Map(o.reports.map((r) => [r.year, r]));
    return {
      ...officeRef(o),
      cells: years.map((year) => {
        const r = byYear.get(year);
        const value = r ? (ownStat(r.stats, id) ?? MISSING) : MISSING;
        return { year, value, shown: r ? formatStat(value) : '无报告', state: r ? value.kind : 'no-report' };
      }),
    };
  });
  const column = (i: number) => rows.map((row) => ({ ref: refOf(row), value: row.cells[i]!.value, shown: row.cells[i]!.shown }));
  const summable = portalRules(shared.kind).summable(shared.metric);
  return {
    ...shared,
    unit: shared.metric.unit,
    rows,
    groups: byGroup(rows, opts.groups ?? []).map((g) => ({ name: g.name, rows: g.offices })),
    ...(summable && { totals: years.map((year, i) => yearTotal(year, column(i), shared.metric.unit)) }),
    rankings: years.map((year, i) => rankYear(year, column(i))),
  };
}

function refOf(row: OfficeRef): OfficeRef {
  return { series: row.series, ...(row.organization !== undefined && { organization: row.organization }), ...(row.group !== undefined && { group: row.group }) };
}
