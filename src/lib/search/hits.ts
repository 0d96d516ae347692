// From pagefind's candidates to results: keep the records that really contain the phrase(s).
import { matchLevel, matchText, type MatchLevel, type TextMatch } from './match.ts';

/** What the search page needs from a loaded pagefind record (its `data()`). */
export interface RecordData {
  /** The paragraph text as this edition shows it (pagefind already removed the zero-width separators). */
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

export interface Hit {
  year: string;
  kind: string;
  /** In a portal: the series id, its group and its office (all '' in a single content folder). */
  series: string;
  group: string;
  office: string;
  anchor: string;
  section: string;
  title: string;
  /** An item (一是/二是…) rather than a plain paragraph. */
  item: boolean;
  pos: number;
  text: string;
  match: TextMatch;
  level: MatchLevel;
}

export interface Classified {
  /** Records containing every term as a phrase: the results. */
  exact: Hit[];
  /** Records containing some of the terms but not all (only for several terms): shown apart, labelled. */
  related: Hit[];
}

export function toHit(data: RecordData, terms: string[]): Hit {
  const text = data.content;
  const match = matchText(text, terms);
  const meta = data.meta;
  return {
    year: meta.year ?? data.filters?.year?.[0] ?? '',
    kind: data.filters?.kind?.[0] ?? 'other',
    series: meta.series ?? data.filters?.series?.[0] ?? '',
    group: data.filters?.group?.[0] ?? '',
    office: meta.office ?? '',
    anchor: meta.anchor ?? '',
    section: meta.section ?? '',
    title: meta.title ?? '',
    item: meta.item === '1',
    pos: Number(meta.pos ?? 0),
    text,
    match,
    level: matchLevel(match),
  };
}

/** Newest year first, then by series id (in a portal), then in reading order. */
export function byYearThenPosition(a: Hit, b: Hit): number {
  return Number(b.year) - Number(a.year) || (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) || a.pos - b.pos;
}

/** Sort candidates into exact and related results; everything else pagefind offered is dropped. */
export function classify(records: RecordData[], terms: string[]): Classified {
  const exact: Hit[] = [];
  const related: Hit[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const hit = toHit(r, terms);
    const key = `${hit.series}/${hit.year}#${hit.anchor}#${hit.pos}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (hit.level === 'exact') exact.push(hit);
    else if (hit.level === 'related' && terms.length > 1) related.push(hit);
  }
  return { exact: exact.sort(byYearThenPosition), related: related.sort(byYearThenPosition) };
}

/** The distinct series of some hits ('' for a single content folder's), in the order of the hits. */
export function hitSeries(hits: Hit[]): string[] {
  return [...new Set(hits.map((h) => h.series))];
}

/** The distinct years of some hits, newest first. */
export function hitYears(hits: Hit[]): string[] {
  return [...new Set(hits.map((h) => h.year))].sort((a, b) => Number(b) - Number(a));
}
