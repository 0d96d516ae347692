// Two reports of any two series side by side (/compare/… in a portal): two offices in the same year, or one office
// against another's earlier year. Built from the pieces the one-series compare page uses (src/lib/series/series.ts):
// rows in PairRow's shape, each change by compareStats (a masked side is 已遮蔽, never a difference) and layoutBreak
// (口径变化 between layouts), and the text side by itemsOfKind. Same kind: figures and text; different kinds: their
// figures are not the same metrics, so the text side only.
import { groupMetrics, type Metric } from '../content/metrics.ts';
import { formatStat, MISSING, ownStat } from '../content/stat.ts';
import { kindById, type KindId } from '../kinds/index.ts';
import { compareStats, layoutBreak, type Change, type PairRow } from '../series/series.ts';
import { itemsOfKind, KIND_LABELS, type Item, type ItemKind } from '../structure/structure.ts';
import { officeRef, type Office, type OfficeReport, type OfficeRef } from './offices.ts';

export type { PairRow };

export interface CompareSide extends OfficeRef {
  kind: KindId;
  kindName: string;
  year: number;
  title?: string;
  layout?: string;
}

export interface CrossComparison {
  a: CompareSide;
  b: CompareSide;
  sameKind: boolean;
  /**
   * Same kind only: each metric either report gives, a's registry order then b's own, `change` from a to b (its
   * `fromYear` is a's year; for two offices of one year it is the difference between them, not a change in time).
   */
  figures?: { rows: PairRow[]; groups: { group: string; rows: PairRow[] }[] };
  /** Problems, causes, measures (by default): each report's items of that kind, in report order. */
  text: { kind: ItemKind; label: string; a: Item[]; b: Item[] }[];
}

export interface CompareOptions {
  /** Item kinds of the text side; default problems, causes, measures (as the one-series compare page). */
  kinds?: readonly ItemKind[];
  /** Every metric of the registries, not only those either report gives. */
  allMetrics?: boolean;
}

const DEFAULT_KINDS: ItemKind[] = ['problems', 'causes', 'measures'];

function side(office: Office, report: OfficeReport): CompareSide {
  return { ...officeRef(office), kind: office.kind, kindName: kindById(office.kind).name, year: report.year, ...(report.title !== undefined && { title: report.title }), ...(report.layout !== undefined && { layout: report.layout }) };
}

function reportOf(office: Office, year: number): OfficeReport {
  const r = office.reports.find((x) => x.year === year);
  if (!r) throw new RangeError(`${office.organization ?? office.id} 没有 ${year} 年的报告`);
  return r;
}

/** The 口径变化 between the two reports' layouts, whichever is the earlier year (both ways for one year). */
function breakBetween(metric: Metric, ra: OfficeReport, rb: OfficeReport, order: readonly string[]) {
  const [early, late] = ra.year <= rb.year ? [ra, rb] : [rb, ra];
  return layoutBreak(metric, early.layout, late.layout, order) ?? (ra.year === rb.year ? layoutBreak(metric, late.layout, early.layout, order) : undefined);
}

/** Two reports side by side: `a` and `b` name a series and a year each. Throws RangeError for a year a series lacks. */
export function compareReports(a: { office: Office; year: number }, b: { office: Office; year: number }, opts: CompareOptions = {}): CrossComparison {
  const ra = reportOf(a.office, a.year);
  const rb = reportOf(b.office, b.year);
  const sameKind = a.office.kind === b.office.kind;
  const out: CrossComparison = { a: side(a.office, ra), b: side(b.office, rb), sameKind, text: [] };
  if (sameKind) {
    const order = kindById(a.office.kind).layouts.map((l) => l.id);
    const seen = new Set<string>();
    const metrics = [...a.office.registry.metrics, ...b.office.registry.metrics].filter((m) => !seen.has(m.id) && seen.add(m.id));
    const rows = metrics
      .map((metric): PairRow => {
        const va = ownStat(ra.stats, metric.id) ?? MISSING;
        const vb = ownStat(rb.stats, metric.id) ?? MISSING;
        const broke = va.kind !== 'missing' && vb.kind !== 'missing' ? breakBetween(metric, ra, rb, order) : undefined;
        const change: Change = broke ? { kind: 'none', reason: 'break', fromYear: ra.year, note: broke.note } : compareStats(va, vb, metric.better, ra.year);
        return { metric, a: va, b: vb, shownA: formatStat(va), shownB: formatStat(vb), change };
      })
      .filter((r) => opts.allMetrics || r.a.kind !== 'missing' || r.b.kind !== 'missing');
    const byMetric = new Map(rows.map((r) => [r.metric, r]));
    const groups = groupMetrics(rows.map((r) => r.metric)).map((g) => ({ group: g.group, rows: g.metrics.map((m) => byMetric.get(m)!) }));
    out.figures = { rows, groups };
  }
  out.text = (opts.kinds ?? DEFAULT_KINDS).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    a: ra.structure ? itemsOfKind(ra.structure, kind) : [],
    b: rb.structure ? itemsOfKind(rb.structure, kind) : [],
  }));
  return out;
}
