// The kind's derived rates across offices (/figures/, src/lib/kinds/portal-rules.ts for the definitions): for
// gov-info-disclosure 实质公开率 =（予以公开 + 部分公开）÷ 办理结果总计 and 复议纠错率 = 行政复议结果纠正 ÷ 行政复议总计,
// each office's per year, the portal's per year, and the ranking of a year.
//
// A rate is a number only when every input is exact. An input masked → 已遮蔽 (checked first: nothing is computed
// once one input is hidden); an input not given → no value, naming it; an input that is a lower bound (30余) → no
// value (a ratio of bounds is bounded neither way); a denominator of 0 → no value, with the reason.
// The portal's rate of a year is the rate of the sums over the offices whose inputs are all exact; an office with a
// masked input makes it 已遮蔽, and offices without the inputs are left out and counted.
import { MISSING, ownStat, type StatValue } from '../content/stat.ts';
import { exactSum } from '../content/sum-rules.ts';
import type { KindId } from '../kinds/index.ts';
import { portalRules, type RateDefinition, type RateInput } from '../kinds/portal-rules.ts';
import { byGroup, officeRef, type Office, type OfficeRef } from './offices.ts';
import { officesOfKind, rankYear, type Rankable, type YearRanking } from './figures.ts';

export type { RateDefinition, RateInput };

export type RateState = 'value' | 'masked' | 'missing' | 'approx' | 'zero' | 'no-report';

export interface RateResult {
  state: RateState;
  /** Percent (0–100 for a share), only when state is 'value'. */
  value?: number;
  shown: string;
  /** Why there is no value: the inputs masked, not given or approximate, or the denominator 0. */
  reason?: string;
  /** The sums the rate is computed from (state 'value' or 'zero'). */
  numerator?: number;
  denominator?: number;
}

/** The kind's rates (none for most kinds). */
export function kindRates(kind: KindId): RateDefinition[] {
  return portalRules(kind).rates;
}

/** 87.5%: one decimal, as assessors' tables print a rate. */
export function formatRate(percent: number): string {
  return `${Number((Math.round(percent * 10) / 10).toFixed(1))}%`;
}

const names = (xs: readonly RateInput[]) => xs.map((x) => x.name).join('、');

/** One report's rate. `stats` as the edition shows them. */
export function computeRate(def: RateDefinition, stats: Readonly<Record<string, StatValue>>): RateResult {
  const inputs = [...def.numerator, ...def.denominator];
  const value = (x: RateInput) => ownStat(stats, x.id) ?? MISSING;
  const hidden = inputs.filter((x) => value(x).kind === 'masked');
  if (hidden.length) return { state: 'masked', shown: '已遮蔽', reason: `${names(hidden)}已遮蔽` };
  const absent = inputs.filter((x) => value(x).kind === 'missing');
  if (absent.length) return { state: 'missing', shown: '—', reason: `未报告${names(absent)}` };
  const rough = inputs.filter((x) => value(x).kind === 'atLeast');
  if (rough.length) return { state: 'approx', shown: '—', reason: `${names(rough)}是约数，无法计算${def.label}` };
  const num = (xs: RateInput[]) => exactSum(xs.map((x) => (value(x) as { value: number }).value));
  return ratio(def, num(def.numerator), num(def.denominator));
}

function ratio(def: RateDefinition, numerator: number, denominator: number): RateResult {
  if (denominator === 0) return { state: 'zero', shown: '—', reason: `${names(def.denominator)}为 0，无法计算${def.label}`, numerator, denominator };
  const value = (numerator / denominator) * 100;
  return { state: 'value', value, shown: formatRate(value), numerator, denominator };
}

export interface RateCell extends RateResult {
  year: number;
}

export interface RateRow extends OfficeRef {
  cells: RateCell[];
}

export interface PortalRate extends RateCell {
  /** Offices whose inputs are summed. */
  summed: number;
  /** Offices with a report that year left out: inputs not given, approximate, or masked. */
  without: OfficeRef[];
}

export interface RateFigures {
  definition: RateDefinition;
  kind: KindId;
  /** Years in which at least one office's rate is not just missing (a value, masked, approximate or over 0). */
  years: number[];
  rows: RateRow[];
  groups: { name: string; rows: RateRow[] }[];
  /** The portal's rate per year: of the sums over the offices with every input exact. */
  overall: PortalRate[];
  rankings: YearRanking[];
}

/** The portal's rate of a year from its offices' results: masked if any is; else of the sums of the computable. */
export function portalRate(def: RateDefinition, year: number, results: readonly { ref: OfficeRef; result: RateResult }[]): PortalRate {
  const hidden = results.filter((r) => r.result.state === 'masked');
  const usable = results.filter((r) => r.result.state === 'value' || r.result.state === 'zero');
  const without = results.filter((r) => !usable.includes(r) && r.result.state !== 'no-report').map((r) => r.ref);
  if (hidden.length) return { year, state: 'masked', shown: '已遮蔽', reason: `${hidden.length} 个单位的数字已遮蔽，不计算全部单位的${def.label}`, summed: 0, without };
  if (usable.length === 0) return { year, state: 'missing', shown: '—', reason: '没有可计算的单位', summed: 0, without };
  const r = ratio(def, exactSum(usable.map((u) => u.result.numerator!)), exactSum(usable.map((u) => u.result.denominator!)));
  return { year, ...r, summed: usable.length, without, ...(without.length > 0 && !r.reason ? { reason: `${usable.length} 个单位合计；${without.length} 个单位缺少数字，不计入` } : {}) };
}

/** /figures/ rate section: each office's rate per year, the portal's, and each year's ranking. undefined for an unknown rate. */
export function rateFigures(offices: readonly Office[], kind: KindId, rateId: string, opts: { groups?: readonly string[] } = {}): RateFigures | undefined {
  const definition = kindRates(kind).find((r) => r.id === rateId);
  if (!definition) return undefined;
  const ofKind = officesOfKind(offices, kind, opts.groups);
  const allYears = [...new Set(ofKind.flatMap((o) => o.reports.map((r) => r.year)))].sort((a, b) => a - b);
  const results = ofKind.map((o) => {
    const byYear = new Map(o.reports.map((r) => [r.year, r]));
    return { office: o, cells: allYears.map((year): RateCell => {
      const r = byYear.get(year);
      return r ? { year, ...computeRate(definition, r.stats) } : { year, state: 'no-report', shown: '无报告' };
    }) };
  });
  const keep = allYears.map((_, i) => results.some((r) => !['missing', 'no-report'].includes(r.cells[i]!.state)));
  const years = allYears.filter((_, i) => keep[i]);
  const offered = results.filter((r) => r.cells.some((c, i) => keep[i] && !['missing', 'no-report'].includes(c.state)));
  const rows = offered.map((r): RateRow => ({ ...officeRef(r.office), cells: r.cells.filter((_, i) => keep[i]) }));
  const column = (i: number) => rows.map((row) => ({ ref: ref(row), result: row.cells[i]! }));
  return {
    definition,
    kind,
    years,
    rows,
    groups: byGroup(rows, opts.groups ?? []).map((g) => ({ name: g.name, rows: g.offices })),
    overall: years.map((year, i) => portalRate(definition, year, column(i))),
    rankings: years.map((year, i) => rankYear(year, column(i).map((c) => rankable(c.ref, c.result)))),
  };
}

/** A rate as the ranking reads it: a number only when computed; masked stays masked; anything else is unreported. */
function rankable(r: OfficeRef, result: RateResult): Rankable {
  if (result.state === 'value') return { ref: r, value: { kind: 'exact', value: result.value! }, number: result.value!, shown: result.shown };
  if (result.state === 'masked') return { ref: r, value: { kind: 'masked', digits: 0, atLeast: false }, shown: result.shown };
  return { ref: r, value: MISSING, shown: result.shown };
}

function ref(row: OfficeRef): OfficeRef {
  return { series: row.series, ...(row.organization !== undefined && { organization: row.organization }), ...(row.group !== undefined && { group: row.group }) };
}

/** The rates listed on /figures/ for a kind: those that at least `minOffices` (2) offices have in some year. */
export function sharedRates(offices: readonly Office[], kind: KindId, opts: { groups?: readonly string[]; minOffices?: number } = {}): RateFigures[] {
  return kindRates(kind)
    .map((def) => rateFigures(offices, kind, def.id, opts)!)
    .filter((f) => f.rows.length >= (opts.minOffices ?? 2));
}
