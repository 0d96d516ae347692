// What `npm run import` prints: what was found, which numbers became which stats, what to check.
import { KIND_LABELS, itemCounts, items as allItems } from '../structure/structure.ts';
import { formatStat } from '../content/stat.ts';
import type { ImportResult } from './index.ts';
import { newMetricsSummary } from './new-metrics.ts';

export interface SummaryContext {
  input: string;
  format: string;
  output: string;
  overwritten: boolean;
  /** True when the output is the content folder's `reports/<year>.mdx`. */
  inContent: boolean;
  /** `--dry-run`: nothing was written. */
  dryRun?: boolean;
  /** Where `--add-metrics` appends, as shown. */
  metricsFile?: string;
}

function sectionLine(s: ImportResult['structure']['sections'][number]): string {
  const parts = [...itemCounts(s)].map(([kind, n]) => `${KIND_LABELS[kind]} ${n} 条`);
  const plain = s.paragraphs.filter((p) => !p.item && !p.inline?.length && p.block !== 'table').length;
  if (plain) parts.push(`其他段落 ${plain} 段`);
  const tables = s.paragraphs.filter((p) => p.block === 'table').length;
  if (tables) parts.push(`表格 ${tables} 张`);
  return `    ${s.title}——${parts.join('，') || '（无内容）'}`;
}

export function formatSummary(r: ImportResult, ctx: SummaryContext): string {
  const out: string[] = [];
  out.push(`✓ 已导入 ${ctx.input}（${ctx.format}）`);
  out.push(ctx.dryRun ? `  将写入 ${ctx.output}（--dry-run：没有写入任何文件）` : `  写入 ${ctx.output}${ctx.overwritten ? '（已覆盖原文件）' : ''}`);
  out.push('');
  const yearFrom = { option: '按 --year 指定', title: '取自标题', text: '取自正文中第一处年份' }[r.yearFrom];
  out.push(`年份：${r.year}（${yearFrom}）`);
  const titleNote = { text: '', previous: '（原文没有标题，沿用上一年报告的标题并改为本年，请核对）', file: '（原文没有标题，暂用文件名作标题，请改为正式标题）' }[r.titleFrom];
  out.push(`标题：${r.title}${titleNote}`);
  if (r.published) out.push(`印发日期：${r.published}`);
  const { written, hidden, places } = r.redactions;
  if (written + hidden) {
    const from = [written && `原文中写的 <Redact> ${written} 处`, hidden && `Word 隐藏文字 ${hidden} 处`].filter(Boolean).join('，');
    out.push(`隐去文字：${from}，已写成 <Redact>…</Redact>——对外公开版不显示，只有内部版显示。所在：${places.join('、')}`);
  }

  const items = allItems(r.structure).length;
  out.push('');
  out.push(`结构：导语 ${r.structure.intro.length} 段，${r.structure.sections.length} 个部分（## 标题），共 ${items} 条事项（“一是、二是……”“（一）（二）……”）${r.subheadings.length ? `，${r.subheadings.length} 个小标题（### ）` : ''}`);
  for (const s of r.structure.sections) out.push(sectionLine(s));
  if (r.structure.sections.length === 0) out.push('    没有找到“一、二、三、”式的大标题：全文都在导语中。请检查原文的标题写法，或在 MDX 中给各部分标题加上“## ”');

  out.push('');
  const total = r.matched.length + r.unmatched.length;
  out.push(`统计数字：文中 ${total} 处，${r.matched.length} 处已对应指标（改写为 <Stat id="…" />，数值写入 stats）`);
  const fresh = new Set(r.added?.added.map((a) => a.metric.id));
  for (const m of r.matched) {
    if (fresh.has(m.metric.id)) continue; // listed with the new metrics below
    out.push(`    ${m.metric.id}（${m.metric.label}）← “${m.excerpt}”${m.shownAs ? `，将显示为 ${m.shownAs}` : ''}`);
  }
  if (r.added && (r.added.added.length || r.added.reused.length)) {
    out.push('');
    out.push(...newMetricsSummary(r.added, { metricsFile: ctx.metricsFile ?? 'metrics.yaml', dryRun: ctx.dryRun }));
  }
  if (r.unmatched.length) {
    out.push('');
    out.push(`未对应指标的数字：${r.unmatched.length} 处，已按原样保留在正文中：`);
    for (const u of r.unmatched) {
      const near = u.nearest ? `；最接近的指标是 ${u.nearest.metric.id}（${u.nearest.metric.label}），但不够接近或已被前文的数字用掉` : '';
      const skipped = r.added?.skipped.find((s) => s.written === u.written && s.unit === u.unit && s.sentence === u.sentence);
      out.push(`    “${u.written}${u.unit}”，所在句子：${u.sentence}${near}${skipped ? `（没有自动登记：${skipped.reason}）` : ''}`);
    }
    out.push(r.added
      ? '    → 需要作为统计数字的：在 metrics.yaml 中登记指标（label 写数字前面的说法，unit 写单位），再加 --force 重新导入'
      : '    → 需要作为统计数字的：加 --add-metrics 重新导入（自动登记为新指标），或在 metrics.yaml 中手动登记（label 写数字前面的说法，unit 写单位）后加 --force 重新导入');
  }
  out.push(...tableLines(r));
  if (r.notMentioned.length) {
    out.push('');
    out.push(`文中没有出现的指标（${r.notMentioned.length} 个，本年视为未报告）：${r.notMentioned.map((m) => `${m.id}（${m.label}）`).join('、')}`);
  }
  if (r.notes.length) {
    out.push('');
    out.push('请注意：');
    for (const n of r.notes) out.push(`  · ${n}`);
  }
  out.push('');
  if (ctx.dryRun) {
    out.push('下一步：确认以上结果无误后，去掉 --dry-run 再运行一次，才会写入文件');
    return out.join('\n');
  }
  out.push('下一步：');
  out.push(`  1. 打开 ${ctx.output}，核对标题、分段和上面列出的数字对应关系`);
  if (ctx.inContent) {
    out.push('  2. npm run check    检查内容（含与往年数字的对比）');
    out.push('  3. npm run dev      在浏览器中预览');
  } else {
    out.push(`  2. 确认无误后，把它放到内容目录的 reports/${r.year}.mdx，再运行 npm run check`);
  }
  return out.join('\n');
}

const REASON: Record<ImportResult['tables']['unbound'][number]['reason'], (names: string) => string> = {
  'no-metric': () => '没有指标的行列标题与它相符',
  ambiguous: (names) => `有几个指标同样相符（${names}），无法确定`,
  taken: (names) => `相符的指标 ${names} 已被前面的格用掉`,
  unit: (names) => `相符的指标（${names}）单位不同`,
  negative: (names) => `是负数，而相符的指标（${names}）不能为负；确实可以为负的，在 metrics.yaml 中为它写 signed: true`,
};

/** What became of the tables: found, their figures bound, the number cells not bound and the blank cells, each by table, row and column. */
function tableLines(r: ImportResult): string[] {
  const t = r.tables;
  if (t.tables.length === 0) return [];
  const out = [''];
  const numbers = t.bound.length + t.unbound.length;
  out.push(`表格：${t.tables.length} 个，合并单元格已保留（写成 ^ 和 >）；表中数字 ${numbers} 格，${t.bound.length} 格已对应指标，${t.unbound.length} 格未对应，空白格 ${t.blank.length} 个`);
  for (const table of t.tables) {
    const parts = table.parts.length > 1 ? `，由 Word 中第 ${table.parts.join('、')} 个表格合并` : '';
    out.push(`    第 ${table.number} 个表格：${table.rows} 行 × ${table.columns} 列，数字 ${table.numbers} 格${parts}，已对应指标 ${table.bound} 格`);
  }
  const where = (c: { table: number; row: number; col: number; name: string }) => `表${c.table} 第${c.row}行第${c.col}列（${c.name}）`;
  for (const b of t.bound) out.push(`    ${b.metric.id}（${b.metric.label}）← ${where(b)}【${b.written}】${b.shownAs ? `，将显示为 ${b.shownAs}` : ''}`);
  if (t.unbound.length) {
    out.push('');
    out.push(`表中未对应指标的数字：${t.unbound.length} 格，已按原样保留在表中：`);
    for (const u of t.unbound) out.push(`    ${where(u)}【${u.written}】：${REASON[u.reason](u.candidates.map((m) => m.id).join('、'))}`);
    out.push('    → 需要作为统计数字的：在 metrics.yaml 中登记指标（label 写“行标题 · 列标题”，如“行政许可 · 本年处理决定数量”），再加 --force 重新导入');
  }
  if (t.blank.length) {
    out.push('');
    out.push(`表中的空白格：${t.blank.length} 个，保持空白（没有当作 0）：`);
    for (const b of t.blank) out.push(`    ${where(b)}${b.written ? `【${b.written}】` : ''}`);
  }
  return out;
}

/** Stats as a short list for tests and logs: id = shown value. */
export function statsList(r: ImportResult): string[] {
  return Object.entries(r.stats).map(([id, v]) => `${id}=${formatStat(v)}`);
}
