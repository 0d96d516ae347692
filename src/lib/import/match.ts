// Which registry metric does a count in the prose report? The words before a count (and the noun
// right after its unit, as in `*个方面`) name what is counted; a metric's label says the same thing,
// though rarely word for word ("召开党风廉政（扩大）会议专题研究党风廉政工作*次" for 党风廉政（扩大）会议).
//
// Score of a label for a count = the share of the label's characters found in the words around the
// count, where
//  - words are common substrings of two or more characters (punctuation, digits and masks ignored);
//  - a word counts less the more unexplained characters lie between it and the count, the more
//    clause boundaries (，；：) and other counts it lies beyond, and nothing beyond the sentence (。);
//  - characters many labels share (监督检查, 问题) weigh less than those only this label has (小微权力).
// The unit must fit (正在办理 counts 件次, not 件). Counts and metrics are then paired one-to-one, best
// score first, so "查结*件次" cannot take 受理来信来访 from the count before it. A near miss may still match
// when the metric's description explains the clause well (`剩余**件正在推进中`). Every match is listed in
// the import summary for the author to confirm.
import type { Metric, Registry } from '../content/metrics.ts';
import type { Count } from './counts.ts';

/** A label must be at least this much covered by nearby words to match. */
export const MATCH_THRESHOLD = 0.5;
/** Below the threshold but this close, a metric's description may tip the balance (second pass). */
export const NEAR_MISS = 0.4;

/** Sentence ends: the words of another sentence never name this count. */
const SENTENCE_END = /[。！？!?\n]/;
/** Clause boundaries: words beyond them still count, but less. `、` separates list items inside a clause. */
const CLAUSE_END = /[，；：,;:]/;
/** Characters that carry no meaning for matching: punctuation, symbols, spaces, digits, masks. */
const NOISE = /[\p{P}\p{S}\s\d*]/u;

/** Weight lost per clause boundary and per other count crossed on the way back from a count. */
const CLAUSE_FACTOR = 0.7;
const COUNT_FACTOR = 0.5;
/**
 * Words right after the unit weigh as much as those before the number: they are the counted noun
 * (`*个方面`) or what is happening to the counted things (`剩余**件正在推进中`).
 */
const AFTER_FACTOR = 1;
/** Unmatched characters between a matched word and the count: weight = 1 / (1 + gap / GAP_SCALE). */
const GAP_SCALE = 10;

interface Piece {
  ch: string;
  /** Weight factor from clause and count boundaries crossed. */
  factor: number;
}

/** The meaningful characters around a count: `before` nearest-first reversed back to reading order, `after` in reading order. */
export interface CountContext {
  before: Piece[];
  after: Piece[];
}

export function countContext(text: string, counts: Count[], index: number): CountContext {
  const c = counts[index] as Count;
  const before: Piece[] = [];
  let factor = 1;
  let k = index - 1;
  for (let i = c.start - 1; i >= 0; i--) {
    const prev = counts[k];
    if (prev && i < prev.unitEnd) {
      // Skip over the previous count itself (number and unit); words before it belong to it first.
      i = prev.start;
      factor *= COUNT_FACTOR;
      k--;
      continue;
    }
    const ch = text[i] as string;
    if (SENTENCE_END.test(ch)) break;
    if (CLAUSE_END.test(ch)) {
      factor *= CLAUSE_FACTOR;
      continue;
    }
    if (!NOISE.test(ch)) before.push({ ch, factor });
  }
  before.reverse();
  const after: Piece[] = [];
  const next = counts[index + 1];
  const stop = next ? next.start : text.length;
  for (let i = c.unitEnd; i < stop; i++) {
    const ch = text[i] as string;
    // After 、 the next item of a list begins: "行政复议案件2件、行政诉讼案件7件".
    if (SENTENCE_END.test(ch) || CLAUSE_END.test(ch) || ch === '、') break;
    if (!NOISE.test(ch)) after.push({ ch, factor: AFTER_FACTOR });
  }
  return { before, after };
}

export function labelChars(label: string): string[] {
  return [...label].filter((ch) => !NOISE.test(ch));
}

/**
 * Per label character, the best weight of a nearby word that covers it. Words are common substrings
 * of two or more characters (a one- or two-character label must appear whole).
 */
function coverSide(label: string[], side: Piece[], fromEnd: boolean, cover: number[]): void {
  const n = label.length;
  const m = side.length;
  if (n === 0 || m === 0) return;
  const minLen = Math.min(2, n);
  const occurrences: { i: number; j: number; k: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (label[i] !== side[j]?.ch) continue;
      if (i > 0 && j > 0 && label[i - 1] === side[j - 1]?.ch) continue; // not maximal on the left
      let k = 1;
      while (i + k < n && j + k < m && label[i + k] === side[j + k]?.ch) k++;
      if (k >= minLen) occurrences.push({ i, j, k });
    }
  }
  if (occurrences.length === 0) return;
  // Characters explained by the label shorten the distance between a word and the count.
  const matched = new Uint8Array(m);
  for (const o of occurrences) matched.fill(1, o.j, o.j + o.k);
  // gapAfter[j]: unmatched characters from j to the count (before side); gapBefore[j]: from the unit to j (after side).
  const gap = new Array<number>(m + 1).fill(0);
  if (fromEnd) for (let j = m - 1; j >= 0; j--) gap[j] = (gap[j + 1] as number) + (matched[j] ? 0 : 1);
  else for (let j = 0; j < m; j++) gap[j + 1] = (gap[j] as number) + (matched[j] ? 0 : 1);
  for (const o of occurrences) {
    const distance = fromEnd ? (gap[o.j + o.k] as number) : (gap[o.j] as number);
    const edge = side[fromEnd ? o.j + o.k - 1 : o.j] as Piece;
    const weight = edge.factor / (1 + distance / GAP_SCALE);
    for (let p = o.i; p < o.i + o.k; p++) cover[p] = Math.max(cover[p] as number, weight);
  }
}

export interface LabelScore {
  /** Weighted share of the label's characters found near the count, 0–1. */
  coverage: number;
  /** Ranking score: coverage, with a little preference for longer (more specific) labels. */
  score: number;
}

/**
 * How many labels of the registry use each character. A character many labels share (监督检查 in both
 * 重要时间节点监督检查 and “小微权力”监督检查) says less about which metric is meant than one only this label has.
 */
export type Rarity = Map<string, number>;

export function labelRarity(labels: string[]): Rarity {
  const df = new Map<string, number>();
  for (const label of labels) for (const ch of new Set(labelChars(label))) df.set(ch, (df.get(ch) ?? 0) + 1);
  return df;
}

export function scoreLabel(label: string, ctx: CountContext, rarity?: Rarity): LabelScore {
  const chars = labelChars(label);
  if (chars.length === 0) return { coverage: 0, score: 0 };
  const cover = new Array<number>(chars.length).fill(0);
  coverSide(chars, ctx.before, true, cover);
  coverSide(chars, ctx.after, false, cover);
  const weight = chars.map((ch) => 1 / Math.sqrt(rarity?.get(ch) ?? 1));
  const total = weight.reduce((a, b) => a + b, 0);
  const coverage = cover.reduce((sum, c, i) => sum + c * (weight[i] as number), 0) / total;
  const covered = cover.filter((w) => w > 0).length;
  return { coverage, score: coverage + 0.01 * Math.min(covered, 20) };
}

export function unitFits(metric: Metric, count: Count): boolean {
  return !metric.unit || metric.unit === count.unit;
}

/**
 * How much of the clause around a count a metric's description explains (0–1): a second opinion for
 * counts no label matched, e.g. `剩余**件正在推进中` against "…仍在推进中的群众急难愁盼问题件数".
 */
export function scoreDescription(description: string | undefined, ctx: CountContext): number {
  if (!description) return 0;
  const clause = [...ctx.before.filter((p) => p.factor === 1), ...ctx.after].map((p) => p.ch);
  if (clause.length < 2) return 0;
  const desc = labelChars(description).join('');
  const covered = new Uint8Array(clause.length);
  for (let j = 0; j < clause.length - 1; j++) {
    // The longest run starting at j that occurs in the description.
    let k = 0;
    while (j + k < clause.length && desc.includes(clause.slice(j, j + k + 1).join(''))) k++;
    if (k >= 2) covered.fill(1, j, j + k);
  }
  return covered.reduce((a, b) => a + b, 0) / clause.length;
}

export interface CountInText {
  /** Which block (paragraph) it is in, and its place among that block's counts. */
  block: number;
  text: string;
  counts: Count[];
  index: number;
}

export interface Candidate {
  metric: Metric;
  coverage: number;
  score: number;
}

/** The candidate metrics for one count, best first (unit must fit; any coverage). */
export function candidates(count: CountInText, registry: Registry, rarity = labelRarity(registry.metrics.map((m) => m.label))): Candidate[] {
  const c = count.counts[count.index] as Count;
  const ctx = countContext(count.text, count.counts, count.index);
  return registry.metrics
    .filter((m) => unitFits(m, c))
    .map((metric) => ({ metric, ...scoreLabel(metric.label, ctx, rarity) }))
    .filter((x) => x.coverage > 0)
    .sort((a, b) => b.score - a.score);
}

/**
 * One metric per count and one count per metric: the pair with the best score is fixed first, so
 * "查结*件次" cannot take 受理来信来访 from the count right before it. Returns, per count, the metric or undefined.
 */
export function assignMetrics(counts: CountInText[], registry: Registry, threshold = MATCH_THRESHOLD): { metric?: Metric; coverage: number; best?: Candidate }[] {
  const pairs: { at: number; cand: Candidate }[] = [];
  const rarity = labelRarity(registry.metrics.map((m) => m.label));
  const bests = counts.map((count, at) => {
    const cands = candidates(count, registry, rarity);
    for (const cand of cands) if (cand.coverage >= threshold) pairs.push({ at, cand });
    return cands[0];
  });
  pairs.sort((a, b) => b.cand.score - a.cand.score || a.at - b.at);
  const result: { metric?: Metric; coverage: number; best?: Candidate }[] = counts.map((_, at) => ({ coverage: 0, best: bests[at] }));
  const taken = new Set<string>();
  const assign = (list: { at: number; cand: Candidate }[]) => {
    for (const { at, cand } of list) {
      const r = result[at] as (typeof result)[number];
      if (r.metric || taken.has(cand.metric.id)) continue;
      r.metric = cand.metric;
      r.coverage = cand.coverage;
      taken.add(cand.metric.id);
    }
  };
  assign(pairs);
  // Second pass, for near misses only: half the label's coverage, half how well the description explains the clause.
  const second: { at: number; cand: Candidate }[] = [];
  counts.forEach((count, at) => {
    if (result[at]?.metric) return;
    const c = count.counts[count.index] as Count;
    const ctx = countContext(count.text, count.counts, count.index);
    for (const metric of registry.metrics) {
      if (taken.has(metric.id) || !unitFits(metric, c)) continue;
      const label = scoreLabel(metric.label, ctx, rarity);
      if (label.coverage < NEAR_MISS) continue;
      const blended = (label.coverage + scoreDescription(metric.description, ctx)) / 2;
      if (blended >= threshold) second.push({ at, cand: { metric, coverage: blended, score: blended } });
    }
  });
  second.sort((a, b) => b.cand.score - a.cand.score || a.at - b.at);
  assign(second);
  return result;
}
