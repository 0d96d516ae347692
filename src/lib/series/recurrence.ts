// Items whose titles recur across years ("加强作风建设，持续正风肃纪。" in 2019 and 2021): the same problem named
// again, or the same measure promised again. Identical titles (after normalising punctuation, width and the
// 一是/二是 ordinal) join by a hash; titles in other words ("政治理论学习有待加强" / "政治理论学习仍需加强") join when
// their terms are alike enough (src/lib/series/matching.ts, threshold tested in docs/matching.md).
import { distance } from 'fastest-levenshtein';
import { similarGroups, TermModel } from './matching.ts';
import { items, type Item, type ItemKind, type ReportStructure } from '../structure/structure.ts';

export interface Titled {
  year: number;
  kind: ItemKind;
  title: string;
}

export interface Recurrence<T extends Titled> {
  kind: ItemKind;
  /** The wording of the latest occurrence. */
  title: string;
  /** Every occurrence, ascending by year. */
  entries: T[];
  /** The distinct years, ascending (at least two). */
  years: number[];
  /** True when the wordings differ (joined as alike, 相近, not only as identical). */
  varied: boolean;
}

export type YearItem = Item & Titled;

/** A report's items of the given kinds (all kinds when omitted), ready for findRecurrences. */
export function yearItems(year: number, structure: ReportStructure, kinds?: ItemKind[]): YearItem[] {
  return items(structure)
    .filter((i) => !kinds || kinds.includes(i.item.kind))
    .map((i) => ({ ...i, year, kind: i.item.kind, title: i.item.title }));
}

// 一是… and （一）/(一): the numbering is not part of what recurs.
const ORDINAL = /^\s*(?:[一二三四五六七八九十]{1,3}是|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])[，,、：:\s]*/u;

/** The comparison key of a title: NFKC, no ordinal, no punctuation, symbols or spaces. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(ORDINAL, '')
    .replace(/[\p{P}\p{S}\s]/gu, '')
    .toLowerCase();
}

/**
 * Cosine of two titles' weighted terms from which they name the same thing (相近). Tested on labelled pairs
 * from real reports: docs/matching.md.
 */
export const NEAR = 0.25;

/**
 * And at least this many shared terms: two short titles that share one word ("基层党组织建设存在薄弱环节" /
 * "基层监督力量仍然薄弱") can score high on that word alone and still name different problems.
 */
export const NEAR_MIN_SHARED = 2;

/** Titles this long (normalised) also join when one character apart (监督质效 / 监督实效), whatever their terms. */
export const NEAR_MIN_LENGTH = 8;

export interface RecurrenceOptions {
  /** Join titles in other words too (default true); false keeps identical titles only. */
  near?: boolean;
  /** Term weights to use; by default, from the titles given (the site's own items). */
  model?: TermModel;
  /** Filled with the number of title pairs scored, for tests that the cost stays near-linear. */
  stats?: { comparisons: number };
}

const KIND_ORDER: ItemKind[] = ['problems', 'causes', 'measures', 'work', 'other'];

/**
 * Groups items of the same kind whose titles are identical or alike (NEAR), and keeps the groups that span two
 * or more years. Identical titles are one hash-map entry; alike ones are found through a term index
 * (similarGroups), so the cost grows near-linearly with the number of items, not with its square.
 */
export function findRecurrences<T extends Titled>(all: T[], options: RecurrenceOptions = {}): Recurrence<T>[] {
  const useNear = options.near ?? true;
  // kind + key → items; one doc per distinct title.
  const byKey = new Map<string, { kind: ItemKind; key: string; items: T[] }>();
  for (const item of all) {
    const key = normaliseTitle(item.title);
    if (!key) continue;
    const k = `${item.kind}\u0000${key}`;
    const entry = byKey.get(k);
    if (entry) entry.items.push(item);
    else byKey.set(k, { kind: item.kind, key, items: [item] });
  }
  const keys = [...byKey.values()];
  let group = keys.map((_, i) => i);
  if (useNear && keys.length > 1) {
    const model = options.model ?? new TermModel(all.map((i) => i.title));
    const docs = keys.map((k) => model.doc((k.items[0] as T).title));
    const oneApart = (a: string, b: string) => Math.min(a.length, b.length) >= NEAR_MIN_LENGTH && Math.abs(a.length - b.length) <= 1 && distance(a, b) <= 1;
    const result = similarGroups(docs, NEAR, {
      related: (i, j) => keys[i]!.kind === keys[j]!.kind,
      accept: (s, i, j) => (s.score >= NEAR && s.shared.length >= NEAR_MIN_SHARED) || oneApart(keys[i]!.key, keys[j]!.key),
    });
    group = result.group;
    if (options.stats) options.stats.comparisons = result.comparisons;
  }
  const groups = new Map<number, { kind: ItemKind; keys: Set<string>; entries: T[] }>();
  keys.forEach((k, i) => {
    const g = groups.get(group[i] as number) ?? { kind: k.kind, keys: new Set<string>(), entries: [] };
    g.keys.add(k.key);
    g.entries.push(...k.items);
    groups.set(group[i] as number, g);
  });
  const out: Recurrence<T>[] = [];
  for (const g of groups.values()) {
    const years = [...new Set(g.entries.map((e) => e.year))].sort((a, b) => a - b);
    if (years.length < 2) continue;
    const entries = [...g.entries].sort((a, b) => a.year - b.year);
    out.push({ kind: g.kind, title: (entries.at(-1) as T).title, entries, years, varied: g.keys.size > 1 });
  }
  return out.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      b.years.length - a.years.length ||
      (b.years.at(-1) as number) - (a.years.at(-1) as number) ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
}
