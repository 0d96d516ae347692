// Import a written report: shape its paragraphs, turn its counts into stats, write the MDX, and
// prove the MDX reads back to the same text before anyone writes it to disk.
import type { Metric, MetricInput, Registry } from '../content/metrics.ts';
import { knownLayouts, layoutForYear, layoutRegistry, type Layout } from '../kinds/layouts.ts';
import { formatStat, writeStat, type StatValue } from '../content/stat.ts';
import { reportFrontmatterSchema } from '../content/report-schema.ts';
import { bodyProblems, parseBody } from '../content/report-body.ts';
import { buildStructure, structureBlocks, type ReportStructure, type SectionWords } from '../structure/structure.ts';
import { safeParseZh } from '../content/zod-problems.ts';
import { shapeDocument, type BodyBlock } from './blocks.ts';
import { findCounts, sentenceAround, type Count } from './counts.ts';
import { assignMetrics, type CountInText } from './match.ts';
import { expectedText, serializeReport, type DocBlock, type Inline } from './mdx.ts';
import { renderBody, type RenderedBlock } from '../structure/report-text.ts';
import { ImportError, type Source, type SourceBlock } from './source.ts';
import { importTables, joinSplitTables, type ImportedTables } from './tables.ts';
import { hasRedaction, inlineOf, markWrittenRedactions, redactedAt, withoutMarkers, type RedactionCount } from './redaction.ts';
import { addNewMetrics, addTableMetrics, type NewMetrics, type NewMetricsOptions } from './new-metrics.ts';

export { ImportError } from './source.ts';

export interface MatchedStat {
  metric: Metric;
  written: string;
  value: StatValue;
  unit: string;
  /** The words around the count, the count in 【】: `…传达相关会议精神【**】次`. */
  excerpt: string;
  /** Shown differently from the source (e.g. 30多 → 30余). */
  shownAs?: string;
}

export interface UnmatchedCount {
  written: string;
  unit: string;
  sentence: string;
  /** The closest metric, when one came near. */
  nearest?: { metric: Metric; coverage: number };
}

export interface ImportOptions {
  registry: Registry;
  /** `--year`; otherwise the year in the title, else the first `20xx年` in the text. */
  year?: number;
  /** The name of the file being imported, without its folder and extension: the title when the document has none. */
  fileName: string;
  /** Last year's title moved to this year, when the content folder has one: preferred to the file name. */
  previousTitle?: (year: number) => string | undefined;
  /** The content folder's kind's heading words, so the summary shows the sections as the site will. */
  sectionWords?: SectionWords;
  /** The content folder's office (site.yaml organization): the 落款 naming it is the signature, not a paragraph. */
  organization?: string;
  /** `--add-metrics`: counts that match no metric get metrics of their own (new-metrics.ts). */
  addMetrics?: NewMetricsOptions;
  /** The kind's layouts (and its own metrics' layouts): the tables are read in the layout they fit best. */
  kind?: { layouts: readonly Layout[]; metrics: readonly MetricInput[] };
}

export interface ImportResult {
  year: number;
  yearFrom: 'option' | 'title' | 'text';
  title: string;
  /** `text`: the document's own title; `previous`: last year's title with this year; `file`: the file name. */
  titleFrom: 'text' | 'previous' | 'file';
  published?: string;
  /** The layout the tables were read in, for a kind with layouts. */
  layout?: string;
  mdx: string;
  body: string;
  stats: Record<string, StatValue>;
  matched: MatchedStat[];
  unmatched: UnmatchedCount[];
  /** Registry metrics the text never mentions. */
  notMentioned: Metric[];
  structure: ReportStructure;
  /** ### sub-headings found, in order. */
  subheadings: string[];
  rendered: RenderedBlock[];
  /** The report's tables: their figures bound to metrics, and the cells that were not. */
  tables: Omit<ImportedTables, 'docs' | 'notes'>;
  notes: string[];
  /** With `addMetrics`: the metrics registered for this report (to append to metrics.yaml), reused and skipped. */
  added?: NewMetrics;
  /** What the file marked secret (a written <Redact>, Word hidden text), now <Redact> in the report. */
  redactions: RedactionCount;
}

const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年/;

/**
 * The words around one count, the count in 【】: `…召开集体廉政谈话会【*】次`, `…淡薄等【*】个方面排查问题`.
 * Starts after the previous count or clause boundary (at most `before` characters back).
 */
function excerptOf(text: string, counts: Count[], index: number, before = 14): string {
  const c = counts[index] as Count;
  const prevEnd = counts[index - 1]?.unitEnd ?? 0;
  let from = Math.max(prevEnd, c.start - before);
  const boundary = Math.max(...[...'，；。：！？'].map((ch) => text.lastIndexOf(ch, c.start - 1)));
  if (boundary + 1 > from) from = boundary + 1;
  const next = counts[index + 1]?.start ?? text.length;
  const rest = text.slice(c.unitEnd, next);
  const stop = rest.search(/[，；。：！？、]/);
  const after = (stop < 0 ? rest : rest.slice(0, stop)).slice(0, 8);
  const lead = from > 0 && from === c.start - before ? '…' : '';
  return `${lead}${text.slice(from, c.start)}【${c.written}】${text.slice(c.end, c.unitEnd)}${after}`;
}

export function importSource(read: Source, opts: ImportOptions): ImportResult {
  let { registry } = opts;
  const { source, count: redactions } = markWrittenRedactions(read);
  const shaped = shapeDocument(source.blocks, { organization: opts.organization });
  const split = joinSplitTables(shaped.blocks);
  shaped.blocks = split.blocks;
  const notes = [...(source.notes ?? []), ...shaped.notes];
  if (shaped.blocks.length === 0) throw new ImportError('文件中没有找到正文文字', '请确认选对了文件；如果是扫描件或图片，需要先把文字录入或识别出来');

  // The year.
  let year: number | undefined = opts.year;
  let yearFrom: ImportResult['yearFrom'] = 'option';
  const titleYear = shaped.title ? YEAR_IN_TEXT.exec(shaped.title)?.[1] : undefined;
  const textYear = shaped.blocks.map((b) => YEAR_IN_TEXT.exec(b.text)?.[1]).find(Boolean);
  if (year === undefined) {
    if (titleYear) [year, yearFrom] = [Number(titleYear), 'title'];
    else if (textYear) [year, yearFrom] = [Number(textYear), 'text'];
    else throw new ImportError('没有在文中找到报告年份（如“2023年”）', '用 --year 指定年份，如：npm run import -- 报告.docx --year 2023');
  } else if ((titleYear ?? textYear) && Number(titleYear ?? textYear) !== year) {
    notes.push(`按 --year 使用 ${year} 年；文中${titleYear ? '标题' : '第一处年份'}是 ${titleYear ?? textYear} 年，请确认没有弄错`);
  }

  // The title: the document's own, never one made up from a kind of report. Without one, last year's title
  // moved to this year, else the file name — and the summary says which.
  let title = shaped.title;
  let titleFrom: ImportResult['titleFrom'] = 'text';
  if (!title) {
    const previous = opts.previousTitle?.(year);
    [title, titleFrom] = previous ? [previous, 'previous'] : [opts.fileName.trim(), 'file'];
  }
  if (!title) throw new ImportError('文件中没有找到标题，文件名也是空的', '请在正文第一行写上报告标题（如“XX局2023年政府信息公开工作年度报告”）后再导入');
  if (hasRedaction(title)) {
    throw new ImportError(`标题“${withoutMarkers(title)}”中有标为隐去的文字（<Redact> 或 Word 隐藏文字）：标题在公开版的浏览器标签、首页和搜索结果中总是原样显示，无法只隐去一部分，没有导入`, '在原文件中把标题改成可以公开的写法（去掉其中的 <Redact> 或隐藏文字），再导入');
  }

  // The layout: the one whose tables bind the most figures — it is told by the labels, not by the year alone (some
  // offices kept the 2019 tables after 2021) — and the year's own when no other binds more. The rest of the
  // import sees that layout's part of the registry, so a 2015 统计表 is not read against the 2021 tables.
  let layout: string | undefined;
  let layoutFromYear = true;
  if (opts.kind?.layouts.length) {
    const own = layoutForYear(opts.kind.layouts, year)?.id;
    const known = knownLayouts(opts.kind.metrics);
    const tried = opts.kind.layouts.map((l) => {
      const view = layoutRegistry(registry, l.id, known);
      return { id: l.id, view, bound: importTables(shaped.blocks, view, split.joined).bound.length };
    });
    const best = tried.reduce((a, b) => (b.bound > a.bound || (b.bound === a.bound && b.id === own) ? b : a));
    const chosen = best.bound > (tried.find((t) => t.id === own)?.bound ?? -1) ? best : (tried.find((t) => t.id === own) ?? best);
    layout = chosen.id;
    layoutFromYear = chosen.id === own;
    registry = chosen.view;
    const name = opts.kind.layouts.find((l) => l.id === layout)?.name ?? layout;
    if (!layoutFromYear) notes.push(`表格按 ${name}（layout: ${layout}）读取：它比${year}年所用的格式多对上 ${chosen.bound - (tried.find((t) => t.id === own)?.bound ?? 0)} 个数字；报告 frontmatter 中写了 layout: ${layout}`);
  }

  // Counts → stats.
  const units = registry.metrics.map((m) => m.unit);
  // A count inside a redacted span stays text inside the <Redact>: bound to a stat it would be shown wherever the metric is.
  const perBlock = shaped.blocks.map((b) => {
    if (b.type !== 'paragraph') return [];
    const counts = findCounts(b.text, units);
    if (!hasRedaction(b.text)) return counts;
    const inside = redactedAt(b.text);
    return counts.filter((c) => !inside.slice(c.start, c.unitEnd).some(Boolean));
  });
  const all: CountInText[] = [];
  perBlock.forEach((counts, block) => counts.forEach((_, index) => all.push({ block, text: (shaped.blocks[block] as BodyBlock).text, counts, index })));
  // Tables first: a figure in a table is named by its row and column, more surely than by the prose around it.
  let imported = importTables(shaped.blocks, registry, split.joined);
  // --add-metrics: a table cell no metric fits gets one by its row and column labels, and the tables are bound again.
  const tableAdded = opts.addMetrics && addTableMetrics(imported.unbound, shaped.blocks, registry, opts.addMetrics);
  if (tableAdded && tableAdded.added.length) [registry, imported] = [tableAdded.registry, importTables(shaped.blocks, tableAdded.registry, split.joined)];
  notes.push(...imported.notes);
  const fromTables = new Map(imported.bound.map((b) => [b.metric.id, b]));
  let assigned = assignMetrics(all, registry);
  // A file nianbao exported names the metric of each figure (figure-marks.ts): those bindings are known, not guessed.
  assigned = withMarkedFigures(all, assigned, shaped.blocks, source.blocks, registry);
  // --add-metrics: what matched nothing gets a metric of its own, and the rest of the import sees it in the registry.
  const added = opts.addMetrics && addNewMetrics(all, assigned, shaped.blocks, registry, opts.addMetrics);
  if (added) ({ assigned, registry } = added);
  const statOf = new Map<Count, Metric>();
  const matched: MatchedStat[] = [];
  const unmatched: UnmatchedCount[] = [];
  const stats: Record<string, StatValue> = {};
  for (const b of imported.bound) stats[b.metric.id] = b.value;
  all.forEach((ct, at) => {
    const c = ct.counts[ct.index] as Count;
    const a = assigned[at] as (typeof assigned)[number];
    // The prose may cite a table's figure again; with another value it cannot be the same stat.
    const clash = a.metric && fromTables.has(a.metric.id) && formatStat(fromTables.get(a.metric.id)!.value) !== formatStat(c.value);
    if (a.metric && !clash) {
      statOf.set(c, a.metric);
      stats[a.metric.id] = c.value;
      const shown = formatStat(c.value);
      matched.push({ metric: a.metric, written: c.written, value: c.value, unit: c.unit, excerpt: withoutMarkers(excerptOf(ct.text, ct.counts, ct.index)), ...(shown !== c.written && { shownAs: shown }) });
    } else {
      const best = clash ? { metric: a.metric!, coverage: 1 } : a.best;
      unmatched.push({ written: c.written, unit: c.unit, sentence: withoutMarkers(sentenceAround(ct.text, c)), ...(best && best.coverage >= 0.25 && { nearest: { metric: best.metric, coverage: best.coverage } }) });
    }
  });

  const docBlocks: DocBlock[] = shaped.blocks.map((b, i) => {
    if (b.type === 'table') return { type: 'table', table: imported.docs.get(i)! };
    const inline: Inline[] = [];
    let at = 0;
    for (const c of perBlock[i] ?? []) {
      const metric = statOf.get(c);
      if (!metric) continue;
      if (c.start > at) inline.push(...inlineOf(b.text.slice(at, c.start)));
      inline.push({ type: 'stat', id: metric.id });
      at = c.end;
    }
    if (at < b.text.length) inline.push(...inlineOf(b.text.slice(at)));
    return b.type === 'heading' ? { type: 'heading', depth: b.depth, inline } : { type: 'paragraph', inline };
  });

  const ordered: [string, StatValue][] = registry.metrics.filter((m) => Object.hasOwn(stats, m.id)).map((m) => [m.id, stats[m.id] as StatValue]);
  const writtenLayout = layoutFromYear ? undefined : layout;
  const mdx = serializeReport({ year, title, published: shaped.published, ...(writtenLayout && { layout: writtenLayout }), stats: ordered }, docBlocks);
  const body = mdx.slice(mdx.indexOf('\n---\n') + 5).replace(/^\n/, '');

  // Prove it: the MDX must parse, pass the per-file checks, and read back to exactly the intended text.
  const rendered = renderBody(body, stats);
  const expected = expectedText(docBlocks, stats);
  const diff = expected.findIndex((e, i) => e.text !== rendered[i]?.text || e.type !== rendered[i]?.type || e.depth !== rendered[i]?.depth);
  if (diff >= 0 || rendered.length !== expected.length) {
    const i = diff >= 0 ? diff : Math.min(rendered.length, expected.length);
    const [want, got] = firstDifference(expected[i]?.text ?? '（无）', rendered[i]?.text ?? '（无）');
    throw new Error(`内部错误：生成的 MDX 读回后与原文不一致（第 ${i + 1} 段${expected[i]?.type === 'table' ? '，表格' : ''}）：\n  原文：${want}\n  读回：${got}`);
  }
  const fm = safeParseZh(reportFrontmatterSchema(registry), { year, title, ...(shaped.published && { published: shaped.published }), ...(writtenLayout && { layout: writtenLayout }), stats: Object.fromEntries(ordered.map(([id, v]) => [id, writeStat(v)])) });
  const tree = parseBody(body);
  const bodyErrors = tree.ok ? bodyProblems(tree.tree, { file: 'import', lineOffset: 0, registry, statsGiven: new Set(Object.keys(stats)) }).filter((p) => p.severity === 'error') : [];
  if (!fm.success || bodyErrors.length) {
    throw new Error(`内部错误：生成的报告未通过检查：${fm.success ? bodyErrors.map((p) => p.message).join('；') : fm.error.issues.map((i) => i.message).join('；')}`);
  }

  // Shape, for the summary: the same structure the site builds, items of every form.
  const { structure } = buildStructure(structureBlocks(rendered), { words: opts.sectionWords });
  const subheadings = rendered.filter((r) => r.type === 'heading' && r.depth === 3).map((r) => r.text);

  const mentioned = new Set(Object.keys(stats));
  const notMentioned = registry.metrics.filter((m) => !mentioned.has(m.id));
  if (shaped.published) notes.push(`文末日期“${shaped.publishedLine}”已作为印发日期 published: ${shaped.published}，不再出现在正文中`);
  const { docs: _docs, notes: _notes, ...tables } = imported;
  return { year, yearFrom, title, titleFrom, published: shaped.published, ...(layout && { layout }), mdx, body, stats, matched, unmatched, notMentioned, structure, subheadings, rendered, tables, notes, redactions, ...(added && { added: { ...added.result, added: [...(tableAdded ? tableAdded.added : []), ...added.result.added] } }) };
}

/**
 * The bindings of the figures an exported file marks: each mark binds the first count at or after it in its
 * paragraph to the marked metric; a metric so bound is taken from any count the words alone gave it to.
 */
function withMarkedFigures(all: CountInText[], assigned: ReturnType<typeof assignMetrics>, blocks: BodyBlock[], source: SourceBlock[], registry: Registry): ReturnType<typeof assignMetrics> {
  const forced = new Map<number, Metric>();
  all.forEach((ct, at) => {
    if (ct.index !== 0) return;
    const b = blocks[ct.block] as BodyBlock;
    const raw = source[b.source];
    if (!raw?.figures?.length) return;
    // cleanLine trimmed the paragraph's leading spaces: marks are counted in the untrimmed text.
    const lead = raw.text.length - raw.text.replace(/^[\s\u200b-\u200d\u2060\ufeff]+/, '').length;
    const taken = new Set<number>();
    for (const f of raw.figures) {
      const metric = registry.byId.get(f.metric);
      if (!metric) continue;
      const k = ct.counts.findIndex((c, i) => !taken.has(i) && c.start >= f.at - lead);
      if (k < 0) continue;
      taken.add(k);
      forced.set(at + k, metric);
    }
  });
  if (forced.size === 0) return assigned;
  const marked = new Set([...forced.values()].map((m) => m.id));
  return assigned.map((a, at) => {
    const metric = forced.get(at);
    if (metric) return { ...a, metric, coverage: 1 };
    return a.metric && marked.has(a.metric.id) ? { coverage: 0, best: a.best } : a;
  });
}

/** A table's text is many lines: show the first line that differs, not the whole table. */
function firstDifference(a: string, b: string): [string, string] {
  const x = a.split('\n');
  const y = b.split('\n');
  if (x.length === 1 && y.length === 1) return [a, b];
  const i = x.findIndex((line, k) => line !== y[k]);
  const k = i < 0 ? Math.min(x.length, y.length) : i;
  return [x[k] ?? '（无）', y[k] ?? '（无）'];
}
