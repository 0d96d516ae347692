// Exact elimination for the leak warning: which unknowns a set of sum rules pins down.
import { describe, expect, it } from 'vitest';
import { determinedUnknowns, essentialEquations, knownTerms, type Equation } from '../../../src/lib/content/linear-system.ts';

const eq = (terms: Record<string, number>): Equation => new Map(Object.entries(terms));

describe('determinedUnknowns', () => {
  it('finds an unknown fixed by one equation, none when two share it', () => {
    expect(determinedUnknowns([eq({ t: 1, a: -1, b: -1 })], new Set(['b'])).map((d) => d.variable)).toEqual(['b']);
    expect(determinedUnknowns([eq({ t: 1, a: -1, b: -1 })], new Set(['a', 'b']))).toEqual([]);
  });

  it('combines equations, with their weights', () => {
    // x + y = p, y + z = q, x + z = r  →  2x = p − q + r
    const eqs = [eq({ x: 1, y: 1, p: -1 }), eq({ y: 1, z: 1, q: -1 }), eq({ x: 1, z: 1, r: -1 })];
    const d = determinedUnknowns(eqs, new Set(['x', 'y', 'z']));
    expect(d.map((x) => x.variable).sort()).toEqual(['x', 'y', 'z']);
    const x = d.find((v) => v.variable === 'x')!;
    expect(x.combination.map((c) => c.equation)).toEqual([0, 1, 2]);
    expect(knownTerms('x', eqs, [0, 1, 2], new Set(['x', 'y', 'z']))).toEqual(new Map([['p', 1n], ['q', -1n], ['r', 1n]]));
  });

  it('stays exact with many equations and large coefficients (no float rounding decides)', () => {
    // A chain v0 = 3·v1, v1 = 3·v2, …: only the last is known; every vi is determined.
    const n = 60;
    const eqs = Array.from({ length: n }, (_, i) => eq({ [`v${i}`]: 1, [`v${i + 1}`]: -3 }));
    const unknowns = new Set(Array.from({ length: n }, (_, i) => `v${i}`));
    expect(determinedUnknowns(eqs, unknowns)).toHaveLength(n);
    // Break the chain's end: nothing is determined any more.
    expect(determinedUnknowns(eqs, new Set([...unknowns, `v${n}`]))).toEqual([]);
  });

  it('a dependent equation adds nothing, and the essential ones are what a message names', () => {
    const eqs = [eq({ t: 1, a: -1, b: -1, c: -1 }), eq({ d: 1, e: -1 }), eq({ s: 1, a: -1, b: -1 }), eq({ t: 1, s: -1, c: -1 })];
    const unknowns = new Set(['a', 'b', 'c', 'd', 'e']);
    const d = determinedUnknowns(eqs, unknowns);
    expect(d.map((x) => x.variable)).toEqual(['c']);
    expect(essentialEquations('c', eqs, [0, 1, 2, 3], unknowns)).toEqual([3]);
    expect(essentialEquations('c', eqs, [0, 1, 2], unknowns)).toEqual([0, 2]);
  });
});
