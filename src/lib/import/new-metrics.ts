// `npm run import -- 报告.docx --add-metrics`: the counts that matched no metric become metrics of their
// own — a label read from the sentence (./metric-label.ts), an id from the label (./metric-id.ts), the
// count's unit and a group from the section's heading — and are bound like any other stat. A label the
// registry already has (a metric added by last year's import) is reused instead, so importing each
// year's report with --add-metrics builds one series per figure, not a new metric every year.
import { makeRegistry, metricSchema, type Metric, type Registry } from '../content/metrics.ts';
import { formatStat } from '../content/stat.ts';
import type { BodyBlock } from './blocks.ts';
import { sentenceAround, type Count } from './counts.ts';
import { unitFits, type CountInText } from './match.ts';
import { labelForCount } from './metric-label.ts';
import { hasRedaction, withoutMarkers } from './redaction.ts';
import { metricId } from './metric-id.ts';
import type { UnboundTableCell } from './tables.ts';

export interface NewMetricsOptions {
  /** `public` of every metric added: shown unmasked in the public edition. */
  public: boolean;
}

/** One count and the metric it was bound to. */
export interface BoundCount {
  metric: Metric;
  written: string;
  unit: string;
  sentence: string;
}

export interface NewMetrics {
  /** Metrics registered for this report, in the order of their first count. */
  added: BoundCount[];
  /** Counts bound to a metric of the registry by its label (the same words as when it was added). */
  reused: BoundCount[];
  /** Counts that got no metric, and why. */
  skipped: { written: string; unit: string; sentence: string; reason: string }[];
}

/** What assignMetrics gives per count: only `metric` matters here. */
export interface Assignment {
  metric?: Metric;
  coverage: number;
}

/** The count's sentence with its number in 【】, at most about 60 characters around it: for finding it in the source. */
export function markedSentence(text: string, c: Count): string {
  const sentence = sentenceAround(text, c);
  const at = text.lastIndexOf(sentence, c.start);
  const from = c.start - at;
  const to = c.end - at;
  const chars = (s: string) => [...s];
  let head = chars(sentence.slice(0, from));
  let tail = chars(sentence.slice(to));
  const lead = head.length > 40 ? '…' : '';
  const trail = tail.length > 20 ? '…' : '';
  head = head.slice(-40);
  tail = tail.slice(0, 20);
  return `${lead}${head.join('')}【${c.written}】${tail.join('')}${trail}`;
}

/** Labels compare without spaces, punctuation and full-/half-width differences: “三公”经费 = 三公经费. */
export function labelKey(label: string): string {
  return label.normalize('NFKC').replace(/[\p{P}\p{S}\s]/gu, '');
}

const HEADING_ORDINAL = /^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十]{1,3}(?:部分|章|节)?[、，：:\s])\s*/;

/**
 * A group from a section heading: its words without the ordinal, the year or closing punctuation —
 * "一、2022年工作总结" → 工作总结, so that every year's metrics fall in the same group.
 */
export function groupFromHeading(heading: string | undefined): string {
  const words = (heading ?? '')
    .replace(HEADING_ORDINAL, '')
    .replace(/(?:19|20)\d{2}\s*(?:年度|年)/g, '')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
    .trim();
  return words || '其他';
}

/** The ## heading each block stands under (undefined before the first one). */
function sectionsOf(blocks: BodyBlock[]): (string | undefined)[] {
  let current: string | undefined;
  return blocks.map((b) => {
    if (b.type === 'heading' && b.depth === 2) current = b.text;
    return current;
  });
}

/**
 * Metrics for the counts `assigned` left without one. Returns the assignments with those bound, the
 * registry with the new metrics appended, and what was added, reused and skipped.
 */
export function addNewMetrics<A extends Assignment>(
  counts: CountInText[],
  assigned: A[],
  blocks: BodyBlock[],
  registry: Registry,
  opts: NewMetricsOptions,
): { assigned: A[]; registry: Registry; result: NewMetrics } {
  const section = sectionsOf(blocks);
  const metrics = [...registry.metrics];
  const ids = new Set(metrics.map((m) => m.id));
  // The value each metric has in this report so far: a metric holds one figure a year.
  const valueOf = new Map<string, string>();
  counts.forEach((ct, at) => {
    const m = assigned[at]?.metric;
    if (m) valueOf.set(m.id, formatStat((ct.counts[ct.index] as Count).value));
  });
  const result: NewMetrics = { added: [], reused: [], skipped: [] };
  const out = assigned.map((a) => ({ ...a }));

  counts.forEach((ct, at) => {
    if (out[at]?.metric) return;
    const c = ct.counts[ct.index] as Count;
    const sentence = withoutMarkers(markedSentence(ct.text, c));
    const named = labelForCount(ct.text, ct.counts, ct.index);
    if ('skip' in named) {
      result.skipped.push({ written: c.written, unit: c.unit, sentence, reason: named.skip });
      return;
    }
    // A metric's name and id are shown in every edition: words the clerk marked secret never make one.
    if (hasRedaction(markedSentence(ct.text, c)) || hasRedaction(section[ct.block] ?? '')) {
      result.skipped.push({ written: c.written, unit: c.unit, sentence, reason: '所在句子（或所在部分的标题）有标为隐去的文字：指标名称在公开版中也会显示，不能用它命名；需要的话请在 metrics.yaml 中手动登记' });
      return;
    }
    const value = formatStat(c.value);
    // The label, or 标签（2）, 标签（3）… when a metric of that name already holds another figure this year.
    for (let n = 1; ; n++) {
      const label = n === 1 ? named.label : `${named.label}（${n}）`;
      const same = metrics.find((m) => labelKey(m.label) === labelKey(label));
      if (same && unitFits(same, c) && (!valueOf.has(same.id) || valueOf.get(same.id) === value)) {
        out[at] = { ...(out[at] as A), metric: same, coverage: 1 };
        if (!valueOf.has(same.id) && registry.byId.has(same.id)) result.reused.push({ metric: same, written: c.written, unit: c.unit, sentence });
        valueOf.set(same.id, value);
        return;
      }
      if (same) continue;
      const metric = metricSchema.parse({ id: metricId(label, ids), label, unit: c.unit, group: groupFromHeading(section[ct.block]), public: opts.public });
      metrics.push(metric);
      ids.add(metric.id);
      valueOf.set(metric.id, value);
      out[at] = { ...(out[at] as A), metric, coverage: 1 };
      result.added.push({ metric, written: c.written, unit: c.unit, sentence });
      return;
    }
  });

  if (result.added.length === 0) return { assigned: out, registry, result };
  const next = makeRegistry(metrics);
  // Whatever else the registry carries (its sum rules, where each entry stands in the file) stays.
  return { assigned: out, registry: { ...registry, metrics: next.metrics, byId: next.byId, groups: next.groups }, result };
}

/**
 * `public` for new metrics unless the author says otherwise: a 政府信息公开工作年度报告 is published whole
 * (its kind's registry is all public); any other report may hold figures only the intranet should see.
 */
export function defaultPublic(kind: string | undefined): boolean {
  return kind === 'gov-info-disclosure';
}

/**
 * Metrics for the table cells no metric fits (reason no-metric): labelled by the cell's row and column
 * labels ("行政许可 · 本年处理决定数量"), with those labels as the metric's row and column, so that next
 * year's table binds to it by its place like any registered cell. Cells whose labels fit a metric that
 * is taken, ambiguous or in another unit are left for the author: a second metric there would make the
 * place ambiguous.
 */
export function addTableMetrics(cells: UnboundTableCell[], blocks: BodyBlock[], registry: Registry, opts: NewMetricsOptions): { registry: Registry; added: BoundCount[] } {
  const section = sectionsOf(blocks);
  const tableBlock = blocks.map((b, i) => (b.type === 'table' ? i : -1)).filter((i) => i >= 0);
  const metrics = [...registry.metrics];
  const ids = new Set(metrics.map((m) => m.id));
  const added: BoundCount[] = [];
  for (const cell of cells) {
    if (cell.reason !== 'no-metric') continue;
    const row = cell.labels.row.map((l) => l.text.trim()).filter(Boolean);
    const column = cell.labels.column.map((l) => l.text.trim()).filter((t) => t && [...t].length <= 40);
    if (row.length + column.length === 0) continue;
    if ([...row, ...column, section[tableBlock[cell.table - 1] ?? -1] ?? ''].some(hasRedaction)) continue;
    let label = [...row, ...column].join(' · ');
    for (let n = 2; metrics.some((m) => labelKey(m.label) === labelKey(label)); n++) label = `${[...row, ...column].join(' · ')}（${n}）`;
    const metric = metricSchema.parse({
      id: metricId(label, ids),
      label,
      unit: cell.number.unit,
      group: groupFromHeading(section[tableBlock[cell.table - 1] ?? -1]),
      public: opts.public,
      ...(row.length && { row }),
      ...(column.length && { column }),
    });
    metrics.push(metric);
    ids.add(metric.id);
    added.push({ metric, written: cell.written, unit: cell.number.unit, sentence: `第 ${cell.table} 个表格第 ${cell.row} 行第 ${cell.col} 列：${cell.name}` });
  }
  if (added.length === 0) return { registry, added };
  const next = makeRegistry(metrics);
  return { registry: { ...registry, metrics: next.metrics, byId: next.byId, groups: next.groups }, added };
}

/** The new metrics as metrics.yaml entries: only what import decided, the rest left to the defaults. */
export function registryEntries(added: BoundCount[]): Record<string, unknown>[] {
  return added.map(({ metric: m }) => ({ id: m.id, label: m.label, unit: m.unit, group: m.group, ...(m.row && { row: m.row }), ...(m.column && { column: m.column }), public: m.public }));
}

/** The import summary's lines on the new metrics: each with its id, label, unit, group and sentence. */
export function newMetricsSummary(r: NewMetrics, ctx: { metricsFile: string; dryRun?: boolean }): string[] {
  const out: string[] = [];
  if (r.added.length) {
    const where = ctx.dryRun ? `将追加到 ${ctx.metricsFile} 末尾（--dry-run：没有写入）` : `已追加到 ${ctx.metricsFile} 末尾`;
    out.push(`新增指标：${r.added.length} 个，${where}，报告中已改写为 <Stat id="…" />：`);
    for (const a of r.added) {
      out.push(`    ${a.metric.id}　${a.metric.label}（单位：${a.metric.unit || '无'}；分组：${a.metric.group}）`);
      out.push(`        ← “${a.sentence}”`);
    }
    const pub = r.added[0]?.metric.public;
    out.push(pub
      ? '  · 这些指标是 public: true：对外公开版显示真实数字（导入时加 --no-public 则不显示）'
      : '  · 这些指标是 public: false：对外公开版中数字以 * 号隐去；确定可以公开的，在 metrics.yaml 中改为 public: true（或导入时加 --public）');
    out.push('  · 名称（label）由原句自动截取，构建前请逐个核对，不合适的直接在 metrics.yaml 中修改');
    out.push('  · 要改 id，须同时改 metrics.yaml 和报告中的 stats 与 <Stat id="…" />；网站发布后就不要再改 id');
  }
  if (r.reused.length) {
    out.push(`按名称沿用已有指标：${r.reused.length} 处`);
    for (const u of r.reused) out.push(`    ${u.metric.id}（${u.metric.label}）← “${u.sentence}”`);
  }
  return out;
}
