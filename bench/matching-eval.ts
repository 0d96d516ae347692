// Precision and recall of the matchers on the hand-labelled pairs from real reports
// (test/fixtures/matching/pairs.json), for each way of cutting text into terms and each score.
// `node bench/matching-eval.ts` prints the tables docs/matching.md quotes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cosine, coverage, dice, TermModel, type Similarity, type TermDoc } from '../src/lib/series/matching.ts';
import type { TermMode } from '../src/lib/series/terms.ts';
import { FOLLOW_UP, NEAR } from '../src/lib/series/across-years.ts';
import { NEAR_MIN_SHARED } from '../src/lib/series/recurrence.ts';

// What nianbao uses: coverage of the measure for follow-ups, cosine of titles for recurrences.
const USED = { 'follow-up': { score: 'coverage', threshold: FOLLOW_UP.fair }, recurrence: { score: 'cosine', threshold: NEAR } } as const;
import { itemTitle } from '../src/lib/structure/structure.ts';

interface Fixture {
  items: Record<string, { kind: string; text: string }>;
  pairs: { task: 'follow-up' | 'recurrence'; a: string; b: string; match: boolean }[];
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/matching/pairs.json'), 'utf8')) as Fixture;

type Score = (a: TermDoc, b: TermDoc) => Similarity;
const scores: Record<string, Score> = { dice, cosine, coverage };

function evaluate(task: 'follow-up' | 'recurrence', mode: TermMode, score: Score, threshold: number, minShared = NEAR_MIN_SHARED) {
  const text = (id: string) => (task === 'recurrence' ? itemTitle(fixture.items[id]!.text) : fixture.items[id]!.text);
  const model = new TermModel(Object.keys(fixture.items).map(text), { mode });
  let tp = 0, fp = 0, fn = 0;
  for (const p of fixture.pairs.filter((p) => p.task === task)) {
    const sim = score(model.doc(text(p.a)), model.doc(text(p.b)));
    const s = sim.score >= threshold && (task === 'follow-up' || sim.shared.length >= minShared);
    if (s && p.match) tp++;
    else if (s) fp++;
    else if (p.match) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
for (const task of ['follow-up', 'recurrence'] as const) {
  const n = fixture.pairs.filter((p) => p.task === task);
  console.log(`\n## ${task}: ${n.length} pairs, ${n.filter((p) => p.match).length} should match`);
  console.log('| terms | score | best threshold | precision | recall | F1 | at nianbao\'s threshold |');
  console.log('|---|---|---|---|---|---|---|');
  for (const mode of ['words', 'bigrams'] as TermMode[]) {
    for (const [name, score] of Object.entries(scores)) {
      let best = { t: 0.05, r: evaluate(task, mode, score, 0.05) };
      for (let t = 0.05; t <= 0.9; t += 0.01) {
        const r = evaluate(task, mode, score, t);
        if (r.f1 > best.r.f1 + 1e-9) best = { t, r };
      }
      const used = USED[task].threshold;
      const u = evaluate(task, mode, score, used);
      const mark = name === USED[task].score && mode === 'words' ? ' **(used)**' : '';
      console.log(`| ${mode} | ${name}${mark} | ${best.t.toFixed(2)} | ${pct(best.r.precision)} | ${pct(best.r.recall)} | ${best.r.f1.toFixed(2)} | ${used}: P ${pct(u.precision)} R ${pct(u.recall)} (tp ${u.tp} fp ${u.fp} fn ${u.fn}) |`);
    }
  }
}

console.log('\n## sweep of what nianbao uses (words)');
for (const task of ['follow-up', 'recurrence'] as const) {
  const row: string[] = [];
  for (let t = 0.05; t <= 0.5; t += 0.05) {
    const r = evaluate(task, 'words', scores[USED[task].score]!, t);
    row.push(`${t.toFixed(2)}: P ${pct(r.precision)} R ${pct(r.recall)}`);
  }
  console.log(`- ${task} (${USED[task].score}): ${row.join(' · ')}`);
}

console.log('\n## recurrence (cosine, words) without the two-shared-terms rule');
console.log([0.2, 0.25, 0.3].map((t) => { const r = evaluate('recurrence', 'words', cosine, t, 1); return `${t}: P ${pct(r.precision)} R ${pct(r.recall)}`; }).join(' · '));
