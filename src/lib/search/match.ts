// Phrase matching: does a text contain each query term as a contiguous phrase, and where.
import { normalise, type Normalised } from './normalise.ts';

/** [start, end) in the source text. */
export type Range = [number, number];

export interface TextMatch {
  /** found[i]: term i occurs in the text. */
  found: boolean[];
  /** Every occurrence of every term, in source positions, sorted and merged. */
  ranges: Range[];
  /** Where the earliest occurrence starts, or -1. */
  first: number;
}

export type MatchLevel = 'exact' | 'related' | 'none';

function occurrences(n: Normalised, term: string): Range[] {
  const out: Range[] = [];
  if (!term) return out;
  for (let at = n.text.indexOf(term); at !== -1; at = n.text.indexOf(term, at + 1)) {
    out.push([n.starts[at], n.ends[at + term.length - 1]]);
  }
  return out;
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Match folded terms (from parseQuery) against a source text. */
export function matchText(source: string, terms: string[]): TextMatch {
  const n = normalise(source);
  const found: boolean[] = [];
  const all: Range[] = [];
  for (const term of terms) {
    const occ = occurrences(n, term);
    found.push(occ.length > 0);
    all.push(...occ);
  }
  const ranges = mergeRanges(all);
  return { found, ranges, first: ranges.length ? ranges[0][0] : -1 };
}

/** Exact: every term occurs. Related: some term occurs but not all (only possible with several terms). */
export function matchLevel(m: Pick<TextMatch, 'found'>): MatchLevel {
  if (m.found.length > 0 && m.found.every(Boolean)) return 'exact';
  if (m.found.some(Boolean)) return 'related';
  return 'none';
}
