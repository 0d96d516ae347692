// The search page's use of Pagefind: load the bundle from the site itself (under the deploy base),
// ask it for candidates, load their records and keep the real phrase matches.
import { classify, type Classified, type RecordData } from '../lib/search/hits.ts';
import { unbundle } from '../lib/search/bundles.ts';
import { pagefindQuery, type Query } from '../lib/search/normalise.ts';

/** The parts of pagefind.js this page uses. */
interface PagefindResult {
  id: string;
  data(): Promise<RecordData & { url: string }>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
}

export class IndexMissing extends Error {}

let loading: Promise<Pagefind> | undefined;

/** Load `<base>pagefind/pagefind.js` once. Rejects with IndexMissing when the site has no index yet. */
export function loadPagefind(base: string): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    let pf: Pagefind;
    try {
      pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    } catch (e) {
      loading = undefined;
      throw new IndexMissing(`无法加载搜索索引 ${url}：${(e as Error).message}`);
    }
    await pf.options({ baseUrl: base });
    await pf.init();
    return pf;
  })();
  return loading;
}

export interface Found extends Classified {
  /** How many paragraphs pagefind's candidates held (before the phrase check). */
  candidates: number;
  /** No term has a character the index knows (only punctuation or symbols). */
  unsearchable: boolean;
}

const cache = new Map<string, Promise<Found>>();

/**
 * Candidates per term: pagefind returns every record holding all of the term's characters, a superset
 * of the records holding the phrase (the index stores single characters, so nothing can be missed);
 * the union over terms is loaded and checked phrase by phrase.
 */
export function find(pf: Pagefind, query: Query): Promise<Found> {
  const key = query.terms.join('\u0000');
  let found = cache.get(key);
  if (!found) {
    found = run(pf, query);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

async function run(pf: Pagefind, query: Query): Promise<Found> {
  const asks = query.terms.map(pagefindQuery).filter((q): q is string => q !== undefined);
  if (asks.length === 0) return { exact: [], related: [], candidates: 0, unsearchable: true };
  const responses = await Promise.all(asks.map((q) => pf.search(q)));
  const byId = new Map<string, PagefindResult>();
  for (const r of responses) for (const result of r.results) byId.set(result.id, result);
  // Each candidate is a bundle of paragraphs; the phrase check runs on the paragraphs.
  const records = (await Promise.all([...byId.values()].map((r) => r.data()))).flatMap(unbundle);
  return { ...classify(records, query.terms), candidates: records.length, unsearchable: false };
}
