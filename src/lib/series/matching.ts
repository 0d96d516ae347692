// How alike two items are, by the terms they share, weighted by how rare each term is on this site.
// Terms every report uses whatever it is about (加强, 工作, 进一步 …) carry no weight: a short hand list
// for the words of the genre, and, once the site has enough items to tell, every term found in too large
// a share of its own items. The score always comes with the shared terms that made it, so a page can
// show why two items were put together.
import { terms, type TermMode } from './terms.ts';

/**
 * The genre's own words: how reports say "do more, better" or "not enough", whatever the subject.
 * Subjects never belong here (宣传, 培训, 监督 …): those are what matching is about.
 */
export const STOP_TERMS: ReadonlySet<string> = new Set([
  // doing more, better
  '加强', '强化', '加大', '进一步', '深入', '推进', '推动', '落实', '持续', '不断', '切实', '坚持', '全面', '提高', '提升', '做好', '抓好', '开展', '继续', '努力', '积极', '认真', '扎实', '严格', '着力', '注重', '确保', '更加', '有效', '力度',
  // not enough yet
  '有待', '仍需', '还需', '需要', '不够', '不足', '存在', '还有', '差距', '欠缺', '薄弱', '问题', '一定', '个别', '部分', '仍然', '还是', '比较',
  // the report talking about itself
  '工作', '方面', '情况', '下一步', '我局', '我们', '本单位', '单位', '年度', '全年', '今年', '本年', '本年度', '以来', '主要', '相关', '有关', '各项', '进行', '按照', '根据', '通过', '结合', '实际', '要求', '同时', '以及', '其中', '之一',
  // function words the segmenter keeps as words
  '的', '和', '与', '及', '在', '对', '将', '把', '为', '是', '了', '等', '并', '从', '以', '于', '其', '也', '都', '还', '又', '就', '这', '那', '之', '个', '些', '上', '中', '下',
]);

export interface TermModelOptions {
  mode?: TermMode;
  /** A term found in more than this share of the site's items is a stop-word for this site. */
  maxShare?: number;
  /** With fewer items than this, shares say too little; only the hand list applies. */
  minDocs?: number;
}

/** An item's terms with their weights, heaviest (rarest) first, ties by the term itself: one order for all items. */
export interface TermDoc {
  terms: string[];
  weights: number[];
  total: number;
}

export interface Similarity {
  score: number;
  /** The terms both share, heaviest first. */
  shared: string[];
}

export class TermModel {
  readonly mode: TermMode;
  readonly docs: number;
  private readonly df = new Map<string, number>();
  private readonly maxDf: number;
  /** Each text's terms, from the counting pass: doc() asks again for the same texts, and splitting words is the cost. */
  private readonly termsOf = new Map<string, string[]>();

  constructor(texts: Iterable<string>, options: TermModelOptions = {}) {
    this.mode = options.mode ?? 'words';
    let n = 0;
    for (const text of texts) {
      n++;
      for (const t of this.termsFor(text)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.docs = n;
    const minDocs = options.minDocs ?? 30;
    // A term in at least two items can be a stop-word; one found once is never "too common".
    this.maxDf = n >= minDocs ? Math.max(2, Math.floor((options.maxShare ?? 0.15) * n)) : Infinity;
  }

  /** Document frequency on this site (0 for a term it has never seen). */
  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  isStop(term: string): boolean {
    return STOP_TERMS.has(term) || this.frequency(term) > this.maxDf;
  }

  /** Inverse document frequency; 0 for a stop-word. */
  weight(term: string): number {
    if (this.isStop(term)) return 0;
    return Math.log(1 + (this.docs + 1) / Math.max(1, this.frequency(term)));
  }

  private termsFor(text: string): string[] {
    let list = this.termsOf.get(text);
    if (!list) this.termsOf.set(text, (list = terms(text, this.mode)));
    return list;
  }

  doc(text: string): TermDoc {
    const weighted = this.termsFor(text)
      .map((t) => ({ t, w: this.weight(t) }))
      .filter((x) => x.w > 0)
      .sort((a, b) => b.w - a.w || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    return { terms: weighted.map((x) => x.t), weights: weighted.map((x) => x.w), total: weighted.reduce((s, x) => s + x.w, 0) };
  }
}

function sharedWeight(a: TermDoc, b: TermDoc): { weight: number; shared: string[] } {
  const inB = new Set(b.terms);
  let weight = 0;
  const shared: string[] = [];
  a.terms.forEach((t, i) => {
    if (inB.has(t)) {
      weight += a.weights[i] as number;
      shared.push(t);
    }
  });
  return { weight, shared };
}

/** Weighted Dice: twice the shared weight over both totals. 1 = the same terms, 0 = nothing in common. */
export function dice(a: TermDoc, b: TermDoc): Similarity {
  if (a.total === 0 || b.total === 0) return { score: 0, shared: [] };
  const { weight, shared } = sharedWeight(a, b);
  return { score: (2 * weight) / (a.total + b.total), shared };
}

/**
 * Weighted cosine of the two term sets: shared weight squared over the norms. Unlike Dice it does not
 * punish the longer item for its length as hard, which suits a short measure against a long work item.
 */
export function cosine(a: TermDoc, b: TermDoc): Similarity {
  if (a.total === 0 || b.total === 0) return { score: 0, shared: [] };
  const inB = new Set(b.terms);
  let dot = 0;
  const shared: string[] = [];
  a.terms.forEach((t, i) => {
    if (inB.has(t)) {
      dot += (a.weights[i] as number) ** 2;
      shared.push(t);
    }
  });
  const norm = (d: TermDoc) => Math.sqrt(d.weights.reduce((s, w) => s + w * w, 0));
  return { score: dot / (norm(a) * norm(b)), shared };
}

/**
 * How much of `a` (a measure) `b` (a work item) covers: the shared weight over a's total. A short measure is
 * fully covered by a long work item that names what it promised, however much else that item reports.
 */
export function coverage(a: TermDoc, b: TermDoc): Similarity {
  if (a.total === 0 || b.total === 0) return { score: 0, shared: [] };
  const { weight, shared } = sharedWeight(a, b);
  return { score: weight / a.total, shared };
}

export interface GroupsResult {
  /** The group of each doc: docs with the same number recur together. */
  group: number[];
  /** How many pairs were scored: the cost that must stay near-linear in the number of docs. */
  comparisons: number;
}

/** A term that opens more candidates than this is too common to find them by: only its first docs are probed. */
export const MAX_POSTINGS = 64;

/**
 * Groups docs whose cosine reaches the threshold (directly or through other docs), without scoring every pair.
 * Prefix filtering, as in set-similarity joins: in the common rare-first order, two docs with cosine ≥ t share
 * a term among the first few of each — the shortest run whose rest has less than t² of the doc's squared
 * weight — so only docs sharing such a term are scored. Two shortcuts keep the cost near-linear: a doc already
 * joined to a group is not scored against that group's other members (it cannot join it twice), and a term
 * indexes at most MAX_POSTINGS docs (a term that common describes no one item). An `accept` stricter than the
 * threshold is fine; one looser than it may miss pairs that share no prefix term.
 */
export interface GroupOptions {
  /** Rules a pair out before scoring (another kind, the same year). */
  related?: (i: number, j: number) => boolean;
  /** Decides on a scored pair; by default, a cosine of at least the threshold. */
  accept?: (similarity: Similarity, i: number, j: number) => boolean;
}

export function similarGroups(docs: TermDoc[], threshold: number, options: GroupOptions = {}): GroupsResult {
  const related = options.related ?? (() => true);
  const accept = options.accept ?? ((s: Similarity) => s.score >= threshold);
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const postings = new Map<string, number[]>();
  let comparisons = 0;
  const factor = threshold * threshold * (1 - 1e-9);
  docs.forEach((doc, i) => {
    if (doc.total === 0) return;
    const squares = doc.weights.map((w) => w * w);
    const bound = factor * squares.reduce((s, x) => s + x, 0);
    let rest = bound / factor;
    const prefix: string[] = [];
    for (let k = 0; k < doc.terms.length && rest >= bound; k++) {
      prefix.push(doc.terms[k] as string);
      rest -= squares[k] as number;
    }
    const tried = new Set<number>();
    for (const t of prefix) {
      for (const j of postings.get(t) ?? []) {
        if (tried.has(j)) continue;
        tried.add(j);
        if (find(j) === find(i) || !related(j, i)) continue;
        comparisons++;
        if (accept(cosine(docs[j] as TermDoc, doc), j, i)) parent[find(i)] = find(j);
      }
    }
    for (const t of prefix) {
      const list = postings.get(t);
      if (!list) postings.set(t, [i]);
      else if (list.length < MAX_POSTINGS) list.push(i);
    }
  });
  return { group: docs.map((_, i) => find(i)), comparisons };
}
