// Filters and their counts over the exact results. Counts are faceted the usual way: the year counts
// honour the chosen kind (but not the chosen year), the kind counts honour the chosen year.
import type { ItemKind } from '../structure/structure.ts';

/** The kinds the search page offers as filters, in this order. */
export const FILTER_KINDS = ['work', 'problems', 'causes', 'measures'] as const satisfies readonly ItemKind[];
export type FilterKind = (typeof FILTER_KINDS)[number];

export interface Filters {
  year?: string;
  kind?: string;
}

export interface Facetable {
  year: string;
  kind: string;
}

export interface FacetCounts {
  /** Results with the chosen kind, per year. */
  year: Map<string, number>;
  /** Results in the chosen year, per kind. */
  kind: Map<string, number>;
  /** Results with no filter at all. */
  all: number;
}

export function matchesFilters(r: Facetable, f: Filters): boolean {
  return (!f.year || r.year === f.year) && (!f.kind || r.kind === f.kind);
}

export function applyFilters<T extends Facetable>(results: T[], f: Filters): T[] {
  return results.filter((r) => matchesFilters(r, f));
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function facetCounts(results: Facetable[], f: Filters): FacetCounts {
  const year = new Map<string, number>();
  const kind = new Map<string, number>();
  for (const r of results) {
    if (!f.kind || r.kind === f.kind) bump(year, r.year);
    if (!f.year || r.year === f.year) bump(kind, r.kind);
  }
  return { year, kind, all: results.length };
}
