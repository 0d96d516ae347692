// Which unknowns a set of linear equations pins down, exactly. The leak warning (sum-rules.ts) asks this
// of the sum rules: with the public figures known, is a hidden figure determined? Subtracting one rule at a
// time misses figures that only several rules together give away (total = a+b+c and subtotal = a+b give c),
// so the rules are solved as a system. Coefficients are integers and stay exact as BigInt: a float
// elimination could call a figure determined (or not) by a rounding error.

/** One equation: Σ coefficient × variable = (something known). Only the unknowns' coefficients matter. */
export type Equation = Map<string, number>;

/** An unknown the equations determine, and how the equations combine to give it (index, weight; ascending; empty when not tracked). */
export interface Determined {
  variable: string;
  combination: { equation: number; weight: bigint }[];
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

/**
 * Every unknown that `equations` determine, given that every variable not in `unknowns` is known.
 * Gauss–Jordan elimination on the unknowns' columns, with each row carrying which equations it is
 * made of; an unknown is determined exactly when a reduced row has it as its only unknown.
 */
export function determinedUnknowns(equations: Equation[], unknowns: ReadonlySet<string>, track = true): Determined[] {
  const columns = [...new Set(equations.flatMap((e) => [...e.keys()].filter((v) => unknowns.has(v))))];
  const width = columns.length;
  // Row = [coefficients of the unknowns…, how many of each equation it is made of…]; the second part only
  // when asked for: a yes/no question is answered faster without it.
  let rows: bigint[][] = equations.map((e, i) => [
    ...columns.map((v) => BigInt(e.get(v) ?? 0)),
    ...(track ? equations.map((_, j) => (i === j ? 1n : 0n)) : []),
  ]);
  rows = rows.filter((r) => r.slice(0, width).some((c) => c !== 0n));
  const pivots: number[] = [];
  let top = 0;
  for (let col = 0; col < width && top < rows.length; col++) {
    const at = rows.findIndex((r, i) => i >= top && r[col] !== 0n);
    if (at < 0) continue;
    [rows[top], rows[at]] = [rows[at]!, rows[top]!];
    const pivot = rows[top]!;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (i === top || row[col] === 0n) continue;
      // Fraction-free: row × p − pivot × c clears the column; dividing by the gcd keeps numbers small.
      const p = pivot[col]!;
      const c = row[col]!;
      const next = row.map((x, k) => x * p - pivot[k]! * c);
      const g = next.reduce(gcd, 0n);
      rows[i] = g > 1n ? next.map((x) => x / g) : next;
    }
    pivots.push(col);
    top++;
  }
  const out: Determined[] = [];
  pivots.forEach((col, i) => {
    const row = rows[i]!;
    if (row.slice(0, width).some((x, k) => k !== col && x !== 0n)) return;
    const combination = row.slice(width).flatMap((weight, equation) => (weight !== 0n ? [{ equation, weight }] : []));
    out.push({ variable: columns[col]!, combination });
  });
  return out;
}

/** Whether `variable` is determined by `equations` with only `unknowns` unknown. */
export function isDetermined(variable: string, equations: Equation[], unknowns: ReadonlySet<string>): boolean {
  return determinedUnknowns(equations, unknowns, false).some((d) => d.variable === variable);
}

/**
 * A smallest-by-removal set of the given equations that still determines `variable`: the elimination's
 * combination may carry equations that cancel out, and a message should name only the ones that matter.
 */
export function essentialEquations(variable: string, equations: Equation[], among: number[], unknowns: ReadonlySet<string>): number[] {
  let keep = [...among];
  for (const i of among) {
    const without = keep.filter((j) => j !== i);
    if (isDetermined(variable, without.map((j) => equations[j]!), unknowns)) keep = without;
  }
  return keep;
}

/**
 * What `variable` is made of, using only `among` of the equations: each known variable with its weight w in
 * k·variable = Σ w·known (k > 0; those that cancel out are left out). Undefined when they do not determine it.
 */
export function knownTerms(variable: string, equations: Equation[], among: number[], unknowns: ReadonlySet<string>): Map<string, bigint> | undefined {
  const d = determinedUnknowns(among.map((i) => equations[i]!), unknowns).find((x) => x.variable === variable);
  if (!d) return undefined;
  const net = new Map<string, bigint>();
  let k = 0n;
  for (const { equation, weight } of d.combination) {
    for (const [v, c] of equations[among[equation]!]!) {
      if (v === variable) k += weight * BigInt(c);
      else if (!unknowns.has(v)) net.set(v, (net.get(v) ?? 0n) + weight * BigInt(c));
    }
  }
  // The combination reads k·variable + Σ net = 0; turn it round so the variable's side is positive.
  for (const [v, w] of net) {
    if (w === 0n) net.delete(v);
    else net.set(v, k > 0n ? -w : w);
  }
  return net;
}
