// Time of findRecurrences for growing numbers of items (a script, not a test: timing depends on the machine).
// `node bench/recurrence-time.ts` — titles made of real words from the labelled fixture, 40 items a year,
// most problems coming back year after year in varied words, as offices write them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOP_TERMS } from '../src/lib/series/matching.ts';
import { findRecurrences } from '../src/lib/series/recurrence.ts';
import { terms } from '../src/lib/series/terms.ts';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../test/fixtures/matching/pairs.json'), 'utf8')) as { items: Record<string, { text: string }> };
const words = [...new Set(Object.values(fixture.items).flatMap((i) => terms(i.text)))].filter((w) => !STOP_TERMS.has(w) && /^\p{Script=Han}{2,4}$/u.test(w));
const modifiers = ['有待加强', '仍需加强', '还不够到位', '有待提高', '还需深化'];

function site(n: number) {
  let seed = n;
  const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const topics = Array.from({ length: 120 }, () => [pick(words), pick(words), pick(words)]);
  return Array.from({ length: n }, (_, i) => ({ year: 1900 + Math.floor(i / 40), kind: 'problems' as const, title: `${(r() < 0.7 ? pick(topics) : [pick(words), pick(words), pick(words)]).join('')}${pick(modifiers)}。` }));
}

console.log('| items | title pairs scored | groups | time (ms, best of 3) |');
console.log('|---|---|---|---|');
for (const n of [500, 1000, 2000, 4000, 8000]) {
  const items = site(n);
  let best = Infinity;
  const stats = { comparisons: 0 };
  let groups = 0;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    groups = findRecurrences(items, { stats }).length;
    best = Math.min(best, performance.now() - t);
  }
  console.log(`| ${n} | ${stats.comparisons} | ${groups} | ${best.toFixed(0)} |`);
}
