// Filters and their counts over the exact results. Counts are faceted the usual way: each filter's counts
// honour every other chosen filter but not its own — the year counts honour the chosen kind (and in a
// portal the chosen office and group), the kind counts the chosen year, and so on.
import type { ItemKind } from '../structure/structure.ts';

/** The kinds the search page offers as filters, in this order. */
export const FILTER_KINDS = ['work', 'problems', 'causes', 'measures'] as const satisfies readonly ItemKind[];
export type FilterKind = (typeof FILTER_KINDS)[number];

/** What a result can be filtered by: series and group only in a portal. */
export const FACETS = ['year', 'kind', 'series', 'group'] as const;
export type Facet = (typeof FACETS)[number];

export type Filters = { [F in Facet]?: string };

export interface Facetable {
  year: string;
  kind: string;
  /** In a portal: the series id and its group; absent (or '') in a single content folder. */
  series?: string;
  group?: string;
}

export type FacetCounts = {
  /** Per value of the facet: results that pass every other chosen filter. */
  [F in Facet]: Map<string, number>;
} & {
  /** Results with no filter at all. */
  all: number;
};

const valueOf = (r: Facetable, f: Facet): string => r[f] ?? '';

export function matchesFilters(r: Facetable, f: Filters): boolean {
  return FACETS.every((k) => !f[k] || valueOf(r, k) === f[k]);
}

export function applyFilters<T extends Facetable>(results: T[], f: Filters): T[] {
  return results.filter((r) => matchesFilters(r, f));
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

export function facetCounts(results: Facetable[], f: Filters): FacetCounts {
  const counts: FacetCounts = { year: new Map(), kind: new Map(), series: new Map(), group: new Map(), all: results.length };
  const chosen = FACETS.filter((k) => f[k]);
  for (const r of results) {
    // The chosen filters this result fails: counted under a facet only when that facet is the one failed, or none is.
    const failed = chosen.filter((k) => valueOf(r, k) !== f[k]);
    if (failed.length > 1) continue;
    for (const k of FACETS) {
      // A single folder's results have no series or group: nothing to count there.
      if ((failed.length === 0 || failed[0] === k) && valueOf(r, k)) bump(counts[k], valueOf(r, k));
    }
  }
  return counts;
}
