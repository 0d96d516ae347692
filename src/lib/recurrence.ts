// Items whose titles recur across years ("加强作风建设，持续正风肃纪。" in 2019 and 2021): the same
// problem named again, or the same measure promised again. Titles are compared after normalising
// punctuation, width and the 一是/二是 ordinal; near-identical titles (one character apart) join too.
import { distance } from 'fastest-levenshtein';
import { items, type Item, type ItemKind, type ReportStructure } from './structure.ts';

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
  /** True when the wordings differ (joined as near-identical, not as identical). */
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

/** Shortest key that may join a near-identical one; shorter titles must match exactly. */
export const NEAR_MIN_LENGTH = 8;

function near(a: string, b: string): boolean {
  if (a.length < NEAR_MIN_LENGTH || b.length < NEAR_MIN_LENGTH) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  return distance(a, b) <= 1;
}

/**
 * Groups items of the same kind whose normalised titles are identical or one edit apart, and keeps
 * the groups that span two or more years. Exact grouping is a hash map (linear); near matching
 * compares only distinct titles of the same kind and length ±1.
 */
export function findRecurrences<T extends Titled>(items: T[], options: { near?: boolean } = {}): Recurrence<T>[] {
  const useNear = options.near ?? true;
  // kind → key → items
  const byKind = new Map<ItemKind, Map<string, T[]>>();
  for (const item of items) {
    const key = normaliseTitle(item.title);
    if (!key) continue;
    let keys = byKind.get(item.kind);
    if (!keys) byKind.set(item.kind, (keys = new Map()));
    const list = keys.get(key);
    if (list) list.push(item);
    else keys.set(key, [item]);
  }

  const out: Recurrence<T>[] = [];
  for (const [kind, keys] of byKind) {
    const list = [...keys.keys()];
    // Union-find over distinct keys.
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    if (useNear) {
      const byLength = new Map<number, number[]>();
      list.forEach((k, i) => {
        const l = byLength.get(k.length);
        if (l) l.push(i);
        else byLength.set(k.length, [i]);
      });
      list.forEach((k, i) => {
        for (const len of [k.length, k.length + 1]) {
          for (const j of byLength.get(len) ?? []) {
            if (j <= i && len === k.length) continue;
            if (near(k, list[j] as string)) parent[find(i)] = find(j);
          }
        }
      });
    }
    const groups = new Map<number, T[]>();
    list.forEach((k, i) => {
      const root = find(i);
      const g = groups.get(root) ?? [];
      g.push(...(keys.get(k) as T[]));
      groups.set(root, g);
    });
    for (const entries of groups.values()) {
      const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b);
      if (years.length < 2) continue;
      entries.sort((a, b) => a.year - b.year);
      const latest = entries.at(-1) as T;
      out.push({
        kind,
        title: latest.title,
        entries,
        years,
        varied: new Set(entries.map((e) => normaliseTitle(e.title))).size > 1,
      });
    }
  }
  const kindOrder: ItemKind[] = ['problems', 'causes', 'measures', 'work', 'other'];
  return out.sort(
    (a, b) =>
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      b.years.length - a.years.length ||
      (b.years.at(-1) as number) - (a.years.at(-1) as number) ||
      a.title.localeCompare(b.title, 'zh-CN'),
  );
}

/** The closest year before and the closest after `year` in `years` (ascending), for a short "see also". */
export function nearestYears(years: number[], year: number): number[] {
  const before = years.filter((y) => y < year).at(-1);
  const after = years.find((y) => y > year);
  return [before, after].filter((y): y is number => y !== undefined);
}
