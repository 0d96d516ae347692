// The metric registry: one entry per statistic, stable across years (content/metrics.yaml), and the
// sum rules that tie the statistics together (a metric's `sumOf`, or a `rule:` entry of its own).
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';

export const METRIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A header cell path, written as one label or a list from the outermost header to the cell's own. */
const headerPath = (what: string) =>
  z
    .union([z.string(), z.array(z.string())], { message: `${what}写成一个标签，或从外到内的标签列表，如 [法人或其他组织, 商业企业]` })
    .transform((v) => (typeof v === 'string' ? [v] : v).map((s) => s.trim()).filter(Boolean))
    .refine((v) => v.length > 0, { message: `${what}不能为空` });

/** A layout id as written in metrics.yaml: `2019` reads as a number in YAML, so numbers are taken as their text. */
const layoutId = z
  .union([z.string(), z.number().int()], { message: 'layout 写格式版本的名称，如 2021、2019、pre-2019' })
  .transform((v) => String(v).trim())
  .refine((v) => v.length > 0, { message: 'layout 不能为空' });

const layoutList = (what: string) => z.array(layoutId, { message: `${what}写成格式版本的列表，如 [2019, 2021]` }).min(1, { message: `${what}至少列出一个格式版本` });

/** Where a figure sits in one layout's table, when that layout labels it otherwise (or in more than one way). */
const placeSchema = z
  .object({
    layout: layoutId,
    row: headerPath('row（所在行）').optional(),
    column: headerPath('column（所在列）').optional(),
  })
  .strict();

/** The layout from which a figure is counted differently: trend pages show 口径变化 there instead of a change. */
const breakSchema = z
  .object({
    layout: layoutId,
    note: z.string({ message: 'note 写口径怎样变化，如 2019年起按新格式统计' }).trim().min(1, { message: 'note 不能为空' }),
  })
  .strict();

export const metricSchema = z
  .object({
    id: z.string().regex(METRIC_ID, { message: '指标 id 只能用小写英文字母、数字和连字符（kebab-case），如 petitions-received' }),
    label: z.string().trim().min(1, { message: '指标名称（label）不能为空' }),
    unit: z.string().trim().default(''),
    group: z.string().trim().min(1, { message: '分组（group）不能为空' }).default('其他'),
    better: z.enum(['up', 'down', 'neutral'], { message: 'better 只能是 up（越多越好）、down（越少越好）或 neutral（中性）' }).default('neutral'),
    public: z.boolean({ message: 'public 只能是 true 或 false' }).default(false),
    /** A figure that can be below zero (本年增/减): a report may write -18 for it. Every other figure is 0 or more. */
    signed: z.boolean({ message: 'signed 只能是 true 或 false' }).optional(),
    /** A key figure: headlined on the home page and the report page. */
    key: z.boolean({ message: 'key 只能是 true 或 false' }).default(false),
    description: z.string().trim().optional(),
    /** Where the figure sits in its group's table: the row's header cells and the column's. */
    row: headerPath('row（所在行）').optional(),
    column: headerPath('column（所在列）').optional(),
    sumOf: z.array(z.string()).min(2, { message: 'sumOf 至少列出两个指标 id' }).optional(),
    /** The layouts (formats) whose tables have this figure; absent: every layout. */
    layouts: layoutList('layouts（所属格式）').optional(),
    /** Its place in a layout that labels it otherwise; matched besides `row`/`column`. */
    places: z.array(placeSchema, { message: 'places 写成列表，每项有 layout 和 row/column' }).optional(),
    /** Where its definition changed: from that layout on, the years before are not compared with it. */
    breaks: z.array(breakSchema, { message: 'breaks 写成列表，每项有 layout 和 note' }).optional(),
  })
  .strict();

export type Metric = z.infer<typeof metricSchema>;
export type MetricInput = z.input<typeof metricSchema>;

const idList = (side: string) =>
  z
    .array(z.string({ message: `${side} 中每一项都是指标 id` }), { message: `${side} 写成指标 id 的列表，如 [a, b]` })
    .min(1, { message: `${side} 至少列出一个指标 id` });

/** `- rule: …` in metrics.yaml: the figures in `left` add up to the figures in `right`. */
export const ruleSchema = z
  .object({
    rule: z.string({ message: 'rule 写这条规则的名称，如 第一项加第二项之和等于第三项加第四项之和' }).trim().min(1, { message: '规则名称（rule）不能为空' }),
    left: idList('left'),
    right: idList('right'),
    description: z.string().trim().optional(),
    /** The layouts whose tables this rule belongs to; absent: every layout. */
    layouts: layoutList('layouts（适用格式）').optional(),
  })
  .strict();

export type RuleInput = z.input<typeof ruleSchema>;

export interface SumRule {
  /** How messages name the rule. */
  name: string;
  /** The sum of these figures equals the sum of `right`. */
  left: string[];
  right: string[];
  description?: string;
  /** The layouts it applies to; absent: every layout. */
  layouts?: string[];
  /** A `rule:` entry of metrics.yaml (its index), a metric's `sumOf`, or a rule of the kind (`of`: its name) that metrics.yaml lacks. */
  source: { kind: 'rule'; index?: number } | { kind: 'sumOf'; metric: string } | { kind: 'builtIn'; of: string };
}

export interface Registry {
  metrics: Metric[];
  byId: Map<string, Metric>;
  /** Group names in the order they first appear in the registry. */
  groups: string[];
  /** Every sum rule: each metric's sumOf first, in registry order, then the rule entries. */
  rules: SumRule[];
  /** The line of each metric's entry in metrics.yaml, when read from a file. */
  lines?: Map<string, number>;
}

export function sumOfRule(m: Pick<Metric, 'id' | 'label' | 'sumOf'>): SumRule | undefined {
  return m.sumOf ? { name: `${m.label}等于各分项之和`, left: [m.id], right: m.sumOf, source: { kind: 'sumOf', metric: m.id } } : undefined;
}

export function makeRegistry(metrics: Metric[], rules: SumRule[] = []): Registry {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const groups: string[] = [];
  for (const m of metrics) if (!groups.includes(m.group)) groups.push(m.group);
  const fromSumOf = metrics.map(sumOfRule).filter((r): r is SumRule => !!r);
  return { metrics, byId, groups, rules: [...fromSumOf, ...rules] };
}

/** Metrics grouped in registry order, for tables. */
export function groupMetrics<T extends { group: string }>(metrics: T[]): { group: string; metrics: T[] }[] {
  const out: { group: string; metrics: T[] }[] = [];
  for (const m of metrics) {
    let g = out.find((x) => x.group === m.group);
    if (!g) out.push((g = { group: m.group, metrics: [] }));
    g.metrics.push(m);
  }
  return out;
}

/** The closest registry id, when it is close enough to be a typo. */
export function closestId(id: string, ids: Iterable<string>): string | undefined {
  const all = [...ids];
  if (all.length === 0) return undefined;
  const best = closest(id, all);
  return distance(id, best) <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}

/** One problem with an entry of metrics.yaml: the path starts with the entry's index. */
export interface RegistryIssue {
  path: PropertyKey[];
  message: string;
  hint?: string;
  /** zod's own issue, when the entry failed its schema. */
  zod?: z.core.$ZodIssue;
}

export const ENTRY_KINDS_HINT = '每一项要么是指标（以“- id: …”开头，带 label 等），要么是合计规则（以“- rule: …”开头，带 left 和 right）';

function isRuleEntry(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) && Object.hasOwn(entry, 'rule');
}

/**
 * Every entry of metrics.yaml, read as far as it can be: the valid metrics and rules, and every
 * problem at once (bad fields, duplicate ids, rules naming an unknown id or the same figure twice).
 * `parse` lets the caller pass its localised safeParse.
 */
export function readRegistryEntries(
  entries: unknown[],
  parse: <T extends z.ZodType>(schema: T, data: unknown) => z.ZodSafeParseResult<z.output<T>> = (schema, data) => schema.safeParse(data),
): { registry: Registry; issues: RegistryIssue[] } {
  const issues: RegistryIssue[] = [];
  const metrics: Metric[] = [];
  const ruleEntries: { index: number; rule: z.output<typeof ruleSchema> }[] = [];
  const firstIndex = new Map<string, number>();
  // Ids that an entry claims, even when the rest of it is invalid: a rule naming one is not "unknown".
  const claimed = new Set<string>();
  entries.forEach((entry) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string') claimed.add(id.trim());
  });

  entries.forEach((entry, i) => {
    if (isRuleEntry(entry)) {
      if (Object.hasOwn(entry as object, 'id')) {
        issues.push({ path: [i], message: '这一项同时写了 id 和 rule，不知道它是指标还是规则', hint: ENTRY_KINDS_HINT });
        return;
      }
      const r = parse(ruleSchema, entry);
      if (!r.success) {
        for (const zi of r.error.issues) issues.push({ path: [i, ...zi.path], message: zi.message, zod: zi });
        return;
      }
      ruleEntries.push({ index: i, rule: r.data });
      return;
    }
    const r = parse(metricSchema, entry);
    if (!r.success) {
      for (const zi of r.error.issues) {
        const noId = zi.path.length === 1 && zi.path[0] === 'id' && zi.code === 'invalid_type';
        issues.push({ path: [i, ...zi.path], message: noId ? '这一项没有 id' : zi.message, hint: noId ? ENTRY_KINDS_HINT : undefined, zod: noId ? undefined : zi });
      }
      return;
    }
    const seen = firstIndex.get(r.data.id);
    if (seen !== undefined) {
      issues.push({ path: [i, 'id'], message: `指标 id ${r.data.id} 重复（第 ${seen + 1} 项已用过）`, hint: '每个指标 id 只能登记一次；改名或删除重复的一项' });
      return;
    }
    firstIndex.set(r.data.id, i);
    metrics.push(r.data);
  });

  const unknown = (ref: string, path: PropertyKey[], where: string) => {
    if (firstIndex.has(ref) || claimed.has(ref)) return false;
    const near = closestId(ref, claimed);
    issues.push({ path, message: `${where}引用了未登记的指标 ${ref}`, hint: near ? `是否应为 ${near}？只能写本文件中已登记的指标 id` : '只能写本文件中已登记的指标 id' });
    return true;
  };

  for (const m of metrics) {
    const i = firstIndex.get(m.id)!;
    const seen = new Set<string>();
    m.sumOf?.forEach((part, j) => {
      const path = [i, 'sumOf', j];
      if (part === m.id) issues.push({ path, message: `指标 ${m.id} 的 sumOf 中包含它自己`, hint: 'sumOf 只列出组成本指标的各分项，不能包含本指标' });
      else if (seen.has(part)) issues.push({ path, message: `指标 ${m.id} 的 sumOf 中 ${part} 写了两次`, hint: '每个分项只写一次' });
      else unknown(part, path, `指标 ${m.id} 的 sumOf `);
      seen.add(part);
    });
  }

  const rules: SumRule[] = [];
  for (const { index, rule } of ruleEntries) {
    let ok = true;
    const sideOf = new Map<string, 'left' | 'right'>();
    for (const side of ['left', 'right'] as const) {
      rule[side].forEach((ref, j) => {
        const path = [index, side, j];
        const before = sideOf.get(ref);
        if (before) {
          ok = false;
          issues.push({
            path,
            message: before === side ? `规则“${rule.rule}”的 ${side} 中 ${ref} 写了两次` : `规则“${rule.rule}”的两边都有 ${ref}：规则不能引用它自己要核对的数`,
            hint: before === side ? '每个指标只写一次' : 'left 与 right 各列不同的指标：left 各项之和应等于 right 各项之和',
          });
          return;
        }
        sideOf.set(ref, side);
        if (unknown(ref, path, `规则“${rule.rule}”`)) ok = false;
      });
    }
    if (ok) rules.push({ name: rule.rule, left: rule.left, right: rule.right, ...(rule.description && { description: rule.description }), ...(rule.layouts && { layouts: rule.layouts }), source: { kind: 'rule', index } });
  }

  // A sumOf naming an unknown id is not checked: its rule would compare against nothing.
  const known = (r: SumRule) => [...r.left, ...r.right].every((id) => firstIndex.has(id));
  const registry = makeRegistry(metrics, rules.filter(known));
  registry.rules = registry.rules.filter((r) => known(r) && !(r.source.kind === 'sumOf' && r.right.includes(r.left[0]!)));
  return { registry, issues };
}

/** The whole of metrics.yaml, for `.safeParse`: a list of metric and rule entries, cross-checked. */
export const registrySchema = z
  .array(z.unknown(), { message: `metrics.yaml 必须是一个列表：${ENTRY_KINDS_HINT}` })
  .transform((entries, ctx) => {
    const { registry, issues } = readRegistryEntries(entries);
    for (const issue of issues) {
      if (issue.zod) ctx.addIssue({ ...issue.zod, path: issue.path } as z.core.$ZodRawIssue);
      else ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, params: { hint: issue.hint } });
    }
    return registry;
  });
