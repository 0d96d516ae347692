// What the portal's cross-office pages (/coverage/, /figures/, /review/, cross-office /compare/) read of each
// series: one office's one kind of report, its registry, and its reports with their figures already as this
// edition shows them. The models in this folder never see a hidden figure: `officesFromPortal` masks by edition
// before anything else reads the stats, and the models still refuse to compute from a masked value.
import type { Edition } from '../content/edition.ts';
import { visibleStat } from '../content/edition.ts';
import type { Registry } from '../content/metrics.ts';
import type { StatValue } from '../content/stat.ts';
import { kindById, type KindId } from '../kinds/index.ts';
import { reportLayoutId } from '../kinds/layouts.ts';
import { UNGROUPED } from '../portal/model.ts';
import type { LoadedPortal } from '../portal/portal.ts';
import type { ReportStructure } from '../structure/structure.ts';

export { UNGROUPED };

export interface OfficeReport {
  year: number;
  title?: string;
  /** The frontmatter's `published`, YYYY-MM-DD, when known. */
  published?: string;
  /** The layout it is read in (its frontmatter's, else its year's), for a kind with layouts. */
  layout?: string;
  /** As this edition shows them: a hidden figure is already masked. */
  stats: Record<string, StatValue>;
  /** Its sections and items, for the text side of a comparison (the page's compiled structure). */
  structure?: ReportStructure;
}

/** One series of the portal: one office's one kind of report. */
export interface Office {
  /** The series id (its folder, its URL `/<id>/`). */
  id: string;
  organization?: string;
  title?: string;
  /** One of portal.yaml's groups; undefined when missing or unknown (listed under 未分组). */
  group?: string;
  kind: KindId;
  registry: Registry;
  /** Oldest first, one per year. */
  reports: OfficeReport[];
}

/** How every cross-office row names its office. */
export interface OfficeRef {
  series: string;
  organization?: string;
  group?: string;
}

export function officeRef(o: Pick<Office, 'id' | 'organization' | 'group'>): OfficeRef {
  return { series: o.id, ...(o.organization !== undefined && { organization: o.organization }), ...(o.group !== undefined && { group: o.group }) };
}

/** A report's figures as `edition` shows them (public: every figure not `public: true` masked). */
export function visibleStats(registry: Registry, stats: Readonly<Record<string, StatValue>>, edition: Edition): Record<string, StatValue> {
  const out: Record<string, StatValue> = {};
  for (const id of Object.keys(stats)) out[id] = visibleStat(registry.byId.get(id), stats[id]!, edition);
  return out;
}

/**
 * The offices of a loaded portal, figures masked for `edition`. `structures` gives a report's structure when the
 * caller has it (the pages have the compiled one): keyed by series id, then year.
 */
export function officesFromPortal(portal: Pick<LoadedPortal, 'series'>, edition: Edition, structures?: (series: string, year: number) => ReportStructure | undefined): Office[] {
  return portal.series.map((s) => {
    const kind = kindById(s.site?.kind);
    const registry = s.content.registry;
    const reports = [...s.content.reports]
      .sort((a, b) => a.year - b.year)
      .map((r): OfficeReport => {
        const layout = reportLayoutId(kind.layouts, r);
        const structure = structures?.(s.id, r.year);
        return {
          year: r.year,
          title: r.data.title,
          ...(r.data.published !== undefined && { published: r.data.published }),
          ...(layout !== undefined && { layout }),
          stats: visibleStats(registry, r.data.stats, edition),
          ...(structure && { structure }),
        };
      });
    return { id: s.id, organization: s.site?.organization, title: s.site?.title, group: s.group, kind: kind.id as KindId, registry, reports };
  });
}

/**
 * Offices in the portal's order: by portal.yaml's groups, then those of no known group (未分组), each group by
 * organization (zh-CN collation), then series id — the order of the portal's home page (src/lib/portal/model.ts).
 */
export function orderOffices<T extends Orderable>(offices: readonly T[], groups: readonly string[]): T[] {
  const rank = (g: string | undefined) => {
    const i = g === undefined ? -1 : groups.indexOf(g);
    return i < 0 ? groups.length : i;
  };
  const key = (o: T) => o.id ?? o.series ?? '';
  return [...offices].sort((a, b) => rank(a.group) - rank(b.group) || (a.organization ?? '').localeCompare(b.organization ?? '', 'zh-CN') || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** An office (`id`) or a row naming one (`series`). */
export interface Orderable {
  id?: string;
  series?: string;
  group?: string;
  organization?: string;
}

/** Offices by portal group, in portal.yaml's order, then 未分组 when any; empty groups kept (as the home page does). */
export function byGroup<T extends Orderable>(offices: readonly T[], groups: readonly string[]): { name: string; offices: T[] }[] {
  const ordered = orderOffices(offices, groups);
  const out = groups.map((name) => ({ name, offices: ordered.filter((o) => o.group === name) }));
  const rest = ordered.filter((o) => o.group === undefined || !groups.includes(o.group));
  if (rest.length) out.push({ name: UNGROUPED, offices: rest });
  return out;
}
