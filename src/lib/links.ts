// Site URLs (DESIGN.md "URLs"), relative to the deploy base.
import { baseJoiner } from './paths.ts';

// Every component of every page asks for the links (hundreds of times a page, thousands of pages):
// one set per base, with the base normalised once (frozen: every page shares it).
const byBase = new Map<string, ReturnType<typeof make>>();

export function links(base: string) {
  let made = byBase.get(base);
  if (!made) byBase.set(base, (made = make(base)));
  return made;
}

function make(base: string) {
  const u = baseJoiner(base);
  return Object.freeze({
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
  });
}

export type Links = ReturnType<typeof links>;
