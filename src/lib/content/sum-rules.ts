// Sum rules against a year's figures: which rules a report breaks (in words an author can act on), and
// which hidden figures the public edition would give away through rules whose other figures are public.
import type { Metric, MetricInput, Registry, RuleInput, SumRule } from './metrics.ts';
import { determinedUnknowns, essentialEquations, knownTerms, type Equation } from './linear-system.ts';
import type { Problem } from './problems.ts';
import { decimalPlaces, MINUS, type StatValue } from './stat.ts';

/** 0.1 + 0.2 is 0.3 here: sums are rounded to the most decimals any term has. */
export function exactSum(values: number[]): number {
  const d = Math.min(20, Math.max(0, ...values.map(decimalPlaces)));
  return Number(values.reduce((a, b) => a + b, 0).toFixed(d));
}

export interface BrokenRule {
  rule: SumRule;
  left: number[];
  right: number[];
  leftSum: number;
  rightSum: number;
  difference: number;
}

/**
 * The rules a year's figures break. A rule is checked only when every one of its figures is exact:
 * a lower bound (30余) or a masked figure cannot be summed honestly, and a figure not given that
 * year (null or absent) is not taken as 0 — nianbao cannot know that the author meant 0.
 */
export function brokenRules(rules: SumRule[], stats: Record<string, StatValue>): BrokenRule[] {
  const out: BrokenRule[] = [];
  const exact = (id: string): number | undefined => {
    const v = Object.hasOwn(stats, id) ? stats[id] : undefined;
    return v?.kind === 'exact' ? v.value : undefined;
  };
  for (const rule of rules) {
    const left = rule.left.map(exact);
    const right = rule.right.map(exact);
    if ([...left, ...right].some((v) => v === undefined)) continue;
    const leftSum = exactSum(left as number[]);
    const rightSum = exactSum(right as number[]);
    if (leftSum === rightSum) continue;
    out.push({ rule, left: left as number[], right: right as number[], leftSum, rightSum, difference: Math.abs(exactSum([leftSum, -rightSum])) });
  }
  return out;
}

/** "总计列 一、本年新收政府信息公开申请数量": a table cell by its column and row (or its column path alone); otherwise the label. */
export function cellName(m: Metric): string {
  if (!m.row) return m.column ? m.column.join(' ') : m.label;
  return m.column ? `${m.column.at(-1)}列 ${m.row.join(' ')}` : m.row.join(' ');
}

/** The table a rule's figures all sit in (their shared group), when they are table cells. */
function tableOf(ids: string[], registry: Registry): string | undefined {
  const ms = ids.map((id) => registry.byId.get(id)).filter((m): m is Metric => !!m);
  const group = ms[0]?.group;
  return group && ms.every((m) => m.group === group) && ms.some((m) => m.row || m.column) ? group : undefined;
}

/** A figure in a message: a negative one (a signed figure, 本年增/减) with a true minus sign. */
const shown = (n: number) => (n < 0 ? `${MINUS}${-n}` : String(n));

/**
 * Table cells are summed as bare numbers (their place is in the message); other figures with their labels. A
 * negative term is subtracted (3−18, not 3+-18).
 */
function expression(ids: string[], values: number[], registry: Registry): string {
  const cells = ids.every((id) => {
    const m = registry.byId.get(id);
    return m?.row || m?.column;
  });
  if (cells) return values.map((v, i) => (i === 0 ? shown(v) : v < 0 ? `${MINUS}${-v}` : `+${v}`)).join('');
  return ids.map((id, i) => `${i === 0 ? '' : (values[i] ?? 0) < 0 ? ' − ' : ' + '}${registry.byId.get(id)?.label ?? id} ${i === 0 ? shown(values[i]!) : Math.abs(values[i]!)}`).join('');
}

/** A broken rule as the author reads it: the year, the table, the cell, the figures and the difference. */
export function describeBroken(b: BrokenRule, year: number, registry: Registry): { message: string; hint: string } {
  const { rule } = b;
  const ids = [...rule.left, ...rule.right];
  const table = tableOf(ids, registry);
  const head = `${year}年 ${table ? `${table}：` : ''}`;
  const named = ids.map((id, i) => `${id}（${[...b.left, ...b.right][i]}）`);
  const check = ids.length <= 8 ? `请核对：${named.join('、')}` : `请核对这 ${ids.length} 个数（${ids.slice(0, 3).join('、')} 等）`;
  const where = rule.source.kind === 'sumOf' ? `metrics.yaml 中 ${rule.left[0]} 的 sumOf` : `metrics.yaml 中的规则“${rule.name}”`;
  const hint = `${where}要求两边相等；${check}。数字无误而规则不适用本单位的，可修改或删除这条规则`;
  if (rule.left.length === 1) {
    const whole = registry.byId.get(rule.left[0]!)!;
    return {
      message: `${head}${cellName(whole)} 应为 ${expression(rule.right, b.right, registry)} = ${shown(b.rightSum)}，报告为 ${shown(b.leftSum)}，相差 ${b.difference}`,
      hint,
    };
  }
  return {
    message: `${head}${rule.name}，但 ${expression(rule.left, b.left, registry)} = ${b.leftSum}，而 ${expression(rule.right, b.right, registry)} = ${b.rightSum}，相差 ${b.difference}`,
    hint,
  };
}

/**
 * Rules that cannot hold whatever the blank cells are: one side complete, the other with blanks (not reported)
 * but its filled figures already more than the complete side — the figures are counts, so a blank adds
 * nothing negative. Offices leave zeros blank; such a table still breaks the format's 勾稽关系. Signed
 * figures (本年增/减) and masked or approximate ones are never reasoned about.
 */
function brokenDespiteBlanks(rules: SumRule[], stats: Record<string, StatValue>, registry: Registry): (BrokenRule & { blanks: number })[] {
  const out: (BrokenRule & { blanks: number })[] = [];
  const valueOf = (id: string): StatValue | undefined => (Object.hasOwn(stats, id) ? stats[id] : undefined);
  const usable = (id: string) => {
    const v = valueOf(id);
    return (v === undefined || v.kind === 'exact' || v.kind === 'missing') && !registry.byId.get(id)?.signed;
  };
  const num = (id: string) => {
    const v = valueOf(id);
    return v?.kind === 'exact' ? v.value : 0;
  };
  const blank = (id: string) => valueOf(id)?.kind !== 'exact';
  for (const rule of rules) {
    const ids = [...rule.left, ...rule.right];
    if (!ids.every(usable) || !ids.some(blank) || ids.every(blank)) continue;
    const leftBlank = rule.left.filter(blank).length;
    const rightBlank = rule.right.filter(blank).length;
    if (leftBlank && rightBlank) continue;
    const left = rule.left.map(num);
    const right = rule.right.map(num);
    const leftSum = exactSum(left);
    const rightSum = exactSum(right);
    // The side with blanks can only grow: broken when it is already larger than the complete side.
    const over = leftBlank ? leftSum > rightSum : rightSum > leftSum;
    if (!over) continue;
    out.push({ rule, left, right, leftSum, rightSum, difference: Math.abs(exactSum([leftSum, -rightSum])), blanks: leftBlank + rightBlank });
  }
  return out;
}

/** One warning per broken rule of one report, on the line of the rule's first figure. */
export function sumRuleProblems(report: { file: string; year: number; data: { stats: Record<string, StatValue> } }, registry: Registry): Problem[] {
  const problem = (b: BrokenRule, tail = ''): Problem => {
    const d = describeBroken(b, report.year, registry);
    return { severity: 'warning', file: report.file, field: `stats.${b.rule.left[0]}`, message: `${d.message}${tail}`, hint: d.hint, rule: 'sum' };
  };
  return [
    ...brokenRules(registry.rules, report.data.stats).map((b) => problem(b)),
    ...brokenDespiteBlanks(registry.rules, report.data.stats, registry).map((b) => problem(b, `（其中 ${b.blanks} 格空白，按 0 计：填上什么数，两边也不会相等）`)),
  ];
}

export interface Leak {
  metric: Metric;
  /** The rules that, together, give it away (one rule, or a system of them). */
  rules: SumRule[];
  /** The public figures it is computed from (they do not cancel out in the rules' combination). */
  from: string[];
  /** Years whose public edition would give the figure away. */
  years: number[];
  /** Public figures to hide so that no year gives it away (one will usually do). */
  hide: string[];
  /** Other single figures whose hiding would do as well as `hide`, when `hide` is one figure. */
  orHide: string[];
}

/** A rule as an equation: its left side minus its right side is 0. */
function equation(rule: SumRule): Equation {
  const e: Equation = new Map();
  for (const id of rule.left) e.set(id, (e.get(id) ?? 0) + 1);
  for (const id of rule.right) e.set(id, (e.get(id) ?? 0) - 1);
  return e;
}

/** The same equation written either way round, for spotting a built-in rule the registry already has. */
function ruleKey(rule: SumRule): string {
  const sides = [[...rule.left].sort().join(','), [...rule.right].sort().join(',')].sort();
  return sides.join('=');
}

/**
 * A kind's own sum rules (its registry's sumOf and rule entries, e.g. the national format's 勾稽关系) over the
 * folder's metrics, when metrics.yaml no longer has them: a reader knows the format's rules whether or not
 * the office kept them, so they still give figures away. They count only in years whose figures obey them.
 */
export function builtInRules(kind: { name: string; metrics: MetricInput[]; rules: RuleInput[] }, registry: Registry): SumRule[] {
  const source = { kind: 'builtIn', of: kind.name } as const;
  const all: SumRule[] = [
    ...kind.metrics.flatMap((m) => (m.sumOf ? [{ name: `${m.label}等于各分项之和`, left: [m.id], right: m.sumOf, source }] : [])),
    ...kind.rules.map((r) => ({ name: r.rule, left: r.left, right: r.right, source, ...(r.layouts && { layouts: r.layouts.map(String) }) })),
  ];
  const have = new Set(registry.rules.map(ruleKey));
  return all.filter((r) => [...r.left, ...r.right].every((id) => registry.byId.has(id)) && !have.has(ruleKey(r)));
}

/** The equations a reader has in some years: years with the same usable rules share one system. */
interface YearSystem {
  years: number[];
  rules: SumRule[];
  equations: Equation[];
  hidden: Set<string>;
}

/**
 * Hidden figures the public edition gives away. Per year, a reader knows the public exact figures and the
 * rules; each rule whose figures are all exact that year is an equation, and the hidden figures are the
 * unknowns. A hidden figure is given away when the equations determine it — by one rule, a chain of them,
 * or several together (total = a+b+c with subtotal = a+b public gives c). A figure masked, a lower bound
 * or left out that year takes its rules out of that year's system: nianbao does not know that they hold.
 */
export function findLeaks(registry: Registry, years: { year: number; stats: Record<string, StatValue> }[], extraRules: SumRule[] = []): Leak[] {
  const hidden = new Set(registry.metrics.filter((m) => !m.public).map((m) => m.id));
  const candidates = [...registry.rules, ...extraRules].filter((r) => [...r.left, ...r.right].some((id) => hidden.has(id)));
  const extra = new Set(extraRules);
  // Most years use the same rules: solve each distinct system once.
  const systems = new Map<string, YearSystem>();
  for (const { year, stats } of years) {
    const exact = (id: string) => (Object.hasOwn(stats, id) ? stats[id] : undefined)?.kind === 'exact';
    const usable = candidates.map((r, i) => ({ r, i })).filter(({ r }) => [...r.left, ...r.right].every(exact) && !(extra.has(r) && brokenRules([r], stats).length));
    const key = usable.map(({ i }) => i).join(',');
    const sys = systems.get(key);
    if (sys) sys.years.push(year);
    else systems.set(key, { years: [year], rules: usable.map(({ r }) => r), equations: usable.map(({ r }) => equation(r)), hidden });
  }

  const leaks = new Map<string, Leak & { systems: YearSystem[] }>();
  for (const sys of systems.values()) {
    for (const d of determinedUnknowns(sys.equations, sys.hidden)) {
      const used = essentialEquations(d.variable, sys.equations, d.combination.map((c) => c.equation), sys.hidden);
      const rules = used.map((i) => sys.rules[i]!);
      const key = `${d.variable}\n${rules.map(ruleKey).join('\n')}`;
      const leak = leaks.get(key) ?? { metric: registry.byId.get(d.variable)!, rules, from: [...(knownTerms(d.variable, sys.equations, used, sys.hidden)?.keys() ?? [])], years: [], hide: [], orHide: [], systems: [] };
      leak.years.push(...sys.years);
      leak.systems.push(sys);
      leaks.set(key, leak);
    }
  }
  return [...leaks.values()].map(({ systems: ss, ...leak }) => ({ ...leak, years: leak.years.sort((a, b) => a - b), ...closing(leak.metric.id, leak.from, ss) }));
}

/** Whether any of `ids` is still given away in one of the years once the figures in `hide` are hidden too. */
function exposed(ids: string[], hide: string[], systems: YearSystem[]): { sys: YearSystem; id: string } | undefined {
  for (const sys of systems) {
    const unknowns = new Set([...sys.hidden, ...hide]);
    const d = determinedUnknowns(sys.equations, unknowns, false).find((x) => ids.includes(x.variable));
    if (d) return { sys, id: d.variable };
  }
  return undefined;
}

/**
 * The public figures to hide so that `id` is no longer given away in any of its years, without giving away
 * a newly hidden one instead. One figure the leak is computed from usually does it (a total first, as the
 * rules list it). Otherwise greedy: hide a figure that what is still given away is computed from, look
 * again, and finally drop every figure the set can do without, the last added first.
 */
function closing(id: string, from: string[], systems: YearSystem[]): { hide: string[]; orHide: string[] } {
  const closes = (hide: string[]) => !exposed([id, ...hide], hide, systems);
  const singles = from.filter((v) => closes([v]));
  if (singles.length) return { hide: [singles[0]!], orHide: singles.slice(1) };
  let hide: string[] = [];
  for (let left = exposed([id], hide, systems); left; left = exposed([id, ...hide], hide, systems)) {
    const unknowns = new Set([...left.sys.hidden, ...hide]);
    const d = determinedUnknowns(left.sys.equations, unknowns).find((x) => x.variable === left!.id)!;
    const used = essentialEquations(left.id, left.sys.equations, d.combination.map((c) => c.equation), unknowns);
    const next = [...(knownTerms(left.id, left.sys.equations, used, unknowns)?.keys() ?? [])].find((v) => !hide.includes(v));
    if (!next) break;
    hide.push(next);
  }
  for (const v of [...hide].reverse()) {
    const without = hide.filter((h) => h !== v);
    if (closes(without)) hide = without;
  }
  return { hide, orHide: [] };
}

/** How a message names a rule. */
function ruleName(rule: SumRule): string {
  if (rule.source.kind === 'sumOf') return `${rule.left[0]} 的 sumOf`;
  if (rule.source.kind === 'builtIn') return `${rule.source.of}格式的勾稽关系“${rule.name}”（metrics.yaml 中已删去，读者仍然知道）`;
  return `规则“${rule.name}”`;
}

/** The leaks as warnings on metrics.yaml, each saying which rules give the figure away and how to close it. */
export function leakProblems(
  registry: Registry,
  years: { year: number; stats: Record<string, StatValue> }[],
  lineOf: (id: string) => number | undefined = () => undefined,
  extraRules: SumRule[] = [],
): Problem[] {
  return findLeaks(registry, years, extraRules).map(({ metric, rules, from, years: ys, hide, orHide }) => {
    const when = `${ys.join('、')}年`;
    const how =
      rules.length === 1
        ? `${when}按 ${ruleName(rules[0]!)}，其余各数（${[...rules[0]!.left, ...rules[0]!.right].filter((id) => id !== metric.id).join('、')}）都已公开`
        : `${when}把 ${rules.map(ruleName).join('、')} 这 ${rules.length} 条联立，${from.length ? `由已公开的 ${from.join('、')} 即可算出` : '即可算出（必为 0）'}`;
    const fix =
      hide.length <= 1
        ? `把 ${hide[0] ?? from[0]} 也设为 public: false${orHide.length ? `（改为隐藏 ${orHide.join('、')}${orHide.length > 1 ? ' 中任一个' : ''}也可以）` : ''}（或在报告中把它写成星号）`
        : `把 ${hide.join('、')} 都设为 public: false（或在报告中把它们写成星号）`;
    return {
      severity: 'warning',
      file: 'metrics.yaml',
      field: `${metric.id}.public`,
      line: lineOf(metric.id),
      message: `${metric.label}（${metric.id}）不公开，但公开版可以算出它：${how}`,
      hint: `二选一：这个数可以公开的，把 ${metric.id} 设为 public: true；不能公开的，${fix}`,
    };
  });
}
