// Sum rules against a year's figures: which rules a report breaks (in words an author can act on), and
// which hidden figures the public edition would give away through a rule whose other figures are public.
import type { Metric, Registry, SumRule } from './metrics.ts';
import type { Problem } from './problems.ts';
import { decimalPlaces, type StatValue } from './stat.ts';

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

/** Table cells are summed as bare numbers (their place is in the message); other figures with their labels. */
function expression(ids: string[], values: number[], registry: Registry): string {
  const cells = ids.every((id) => {
    const m = registry.byId.get(id);
    return m?.row || m?.column;
  });
  if (cells) return values.join('+');
  return ids.map((id, i) => `${registry.byId.get(id)?.label ?? id} ${values[i]}`).join(' + ');
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
      message: `${head}${cellName(whole)} 应为 ${expression(rule.right, b.right, registry)} = ${b.rightSum}，报告为 ${b.leftSum}，相差 ${b.difference}`,
      hint,
    };
  }
  return {
    message: `${head}${rule.name}，但 ${expression(rule.left, b.left, registry)} = ${b.leftSum}，而 ${expression(rule.right, b.right, registry)} = ${b.rightSum}，相差 ${b.difference}`,
    hint,
  };
}

/** One warning per broken rule of one report, on the line of the rule's first figure. */
export function sumRuleProblems(report: { file: string; year: number; data: { stats: Record<string, StatValue> } }, registry: Registry): Problem[] {
  return brokenRules(registry.rules, report.data.stats).map((b) => ({
    severity: 'warning',
    file: report.file,
    field: `stats.${b.rule.left[0]}`,
    ...describeBroken(b, report.year, registry),
  }));
}

export interface Leak {
  metric: Metric;
  rule: SumRule;
  /** Years whose public edition would give the figure away. */
  years: number[];
}

/**
 * Hidden figures the public edition gives away by subtraction. Per year, the figures a reader knows are
 * the public exact ones; a rule whose figures are all known but one hidden exact figure reveals that
 * one, which is then known too — so a chain of rules is followed to its end.
 */
export function findLeaks(registry: Registry, years: { year: number; stats: Record<string, StatValue> }[]): Leak[] {
  const leaks = new Map<string, Leak>();
  for (const { year, stats } of years) {
    const exact = (id: string) => (Object.hasOwn(stats, id) ? stats[id] : undefined)?.kind === 'exact';
    const known = new Set(registry.metrics.filter((m) => m.public && exact(m.id)).map((m) => m.id));
    for (let changed = true; changed; ) {
      changed = false;
      for (const rule of registry.rules) {
        const terms = [...rule.left, ...rule.right];
        const unknown = terms.filter((id) => !known.has(id));
        if (unknown.length !== 1 || !terms.every(exact)) continue;
        const id = unknown[0]!;
        known.add(id);
        changed = true;
        const leak = leaks.get(id) ?? { metric: registry.byId.get(id)!, rule, years: [] };
        if (!leak.years.includes(year)) leak.years.push(year);
        leaks.set(id, leak);
      }
    }
  }
  return [...leaks.values()];
}

/** The leaks as warnings on metrics.yaml, each saying how to close it. */
export function leakProblems(registry: Registry, years: { year: number; stats: Record<string, StatValue> }[], lineOf: (id: string) => number | undefined = () => undefined): Problem[] {
  return findLeaks(registry, years).map(({ metric, rule, years: ys }) => {
    const others = [...rule.left, ...rule.right].filter((id) => id !== metric.id);
    const publicOthers = others.filter((id) => registry.byId.get(id)?.public);
    // Masking the total closes the gap for its parts; for a hidden total, any one public part will do.
    const toMask = rule.left.length === 1 && rule.left[0] !== metric.id && publicOthers.includes(rule.left[0]!) ? rule.left[0]! : publicOthers[0] ?? others[0]!;
    const rel = rule.source.kind === 'sumOf' ? `${rule.left[0]} 的 sumOf` : `规则“${rule.name}”`;
    return {
      severity: 'warning',
      file: 'metrics.yaml',
      field: `${metric.id}.public`,
      line: lineOf(metric.id),
      message: `${metric.label}（${metric.id}）不公开，但公开版可以算出它：${ys.sort((a, b) => a - b).join('、')}年按 ${rel}，其余各数（${others.join('、')}）都已${publicOthers.length === others.length ? '公开' : '公开或可由其他规则算出'}`,
      hint: `二选一：这个数可以公开的，把 ${metric.id} 设为 public: true；不能公开的，把 ${toMask} 也设为 public: false（或在报告中把它写成星号）`,
    };
  });
}
