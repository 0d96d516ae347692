// Site URLs (DESIGN.md "URLs"), relative to the deploy base.
import { joinBase } from './paths.ts';

export function links(base: string) {
  const u = (path: string) => joinBase(base, path);
  return {
    home: u(''),
    year: (year: number, anchor?: string) => u(`${year}/`) + (anchor ? `#${anchor}` : ''),
    trends: u('trends/'),
    compare: (a: number, b: number) => u(`compare/${Math.min(a, b)}-${Math.max(a, b)}/`),
    /** The years and built pairs, for the compare picker's selects (one file, not a copy in every page). */
    comparePairs: u('compare/pairs.json'),
    metric: (id: string) => u(`metrics/${id}/`),
    metrics: u('metrics/'),
    measures: u('measures/'),
    search: u('search/'),
    statsJson: u('data/stats.json'),
    statsCsv: u('data/stats.csv'),
    asset: u,
  };
}

export type Links = ReturnType<typeof links>;
