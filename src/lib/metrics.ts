// The metric registry: one entry per statistic, stable across years (content/metrics.yaml).
import { z } from 'zod';

export const METRIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const metricSchema = z
  .object({
    id: z.string().regex(METRIC_ID, { message: '指标 id 只能用小写英文字母、数字和连字符（kebab-case），如 petitions-received' }),
    label: z.string().trim().min(1, { message: '指标名称（label）不能为空' }),
    unit: z.string().trim().default(''),
    group: z.string().trim().min(1, { message: '分组（group）不能为空' }).default('其他'),
    better: z.enum(['up', 'down', 'neutral'], { message: 'better 只能是 up（越多越好）、down（越少越好）或 neutral（中性）' }).default('neutral'),
    public: z.boolean({ message: 'public 只能是 true 或 false' }).default(false),
    description: z.string().trim().optional(),
    sumOf: z.array(z.string()).min(2, { message: 'sumOf 至少列出两个指标 id' }).optional(),
  })
  .strict();

export type Metric = z.infer<typeof metricSchema>;
export type MetricInput = z.input<typeof metricSchema>;

export interface Registry {
  metrics: Metric[];
  byId: Map<string, Metric>;
  /** Group names in the order they first appear in the registry. */
  groups: string[];
}

export function makeRegistry(metrics: Metric[]): Registry {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const groups: string[] = [];
  for (const m of metrics) if (!groups.includes(m.group)) groups.push(m.group);
  return { metrics, byId, groups };
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
