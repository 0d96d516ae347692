// Linearity, measured without a wall-clock budget: the time at size n and at 4n. A linear step takes
// about 4 times as long on the larger input, a quadratic one 16 times; the bound below sits between
// them with room for a busy 2-core machine. Each size is timed as the best of a few runs (a pause for
// garbage collection or another process only ever makes a run slower), after a warm-up run so the JIT has
// compiled the code, and a short run's ratio over the bound is measured again before the test fails.
import { expect } from 'vitest';

/** Growth over which a step is taken to be worse than linear (linear ≈ 4, quadratic ≈ 16). */
export const MAX_GROWTH = 9;

/** The fastest of up to `times` runs; one that takes a quarter of a second is long enough to time once. */
function best(run: () => void, times: number): number {
  let least = Infinity;
  let spent = 0;
  for (let i = 0; i < times && spent < 250; i++) {
    const t = performance.now();
    run();
    const took = performance.now() - t;
    least = Math.min(least, took);
    spent += took;
  }
  return least;
}

/** How many times longer `run(make(4n))` takes than `run(make(n))`, and the two times in ms. */
export function growth<T>(make: (n: number) => T, run: (input: T) => void, n: number, times = 3): { ratio: number; small: number; large: number } {
  const small = make(n);
  const large = make(4 * n);
  run(small);
  const ts = best(() => run(small), times);
  const tl = best(() => run(large), times);
  return { ratio: tl / Math.max(ts, 0.05), small: ts, large: tl };
}

/** Shortest small run worth timing: below it the ratio is mostly timer and scheduling noise. */
const MIN_MS = 4;

/**
 * Expect `run` to take time linear in n over inputs `make(n)` and `make(4n)`. n is doubled (up to 16
 * times) until the small run takes a few milliseconds, so a fast step is still timed meaningfully.
 */
export function expectLinear<T>(make: (n: number) => T, run: (input: T) => void, n: number, what = ''): void {
  let g = growth(make, run, n);
  for (let k = 0; k < 4 && g.small < MIN_MS; k++) g = growth(make, run, (n *= 2));
  // Measured again only while a noisy machine could explain it: a step that took a second is slow, not unlucky.
  for (let attempt = 1; attempt < 3 && g.ratio > MAX_GROWTH && g.large < 1000; attempt++) g = growth(make, run, n);
  expect(g.ratio, `${what}: ${g.small.toFixed(1)} ms at n=${n}, ${g.large.toFixed(1)} ms at 4n`).toBeLessThan(MAX_GROWTH);
}
