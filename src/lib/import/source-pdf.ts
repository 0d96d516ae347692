// Reading a report published as a PDF with a text layer (what portals publish, usually made by WPS or
// Word). A PDF keeps where each run of text is drawn, not paragraphs or tables, so they are rebuilt:
// runs on one baseline are a line; lines join into a paragraph until a line ends short or the next is
// indented by two characters (CJK lines join with no space); page numbers and running headers and
// footers go; centred or big lines are titles and headings; tables come from their ruling lines
// (pdf/tables.ts), a table cut by a page break is joined again.
import { ImportError, type Source, type SourceBlock } from './source.ts';
import { readPdfPages, type PdfPage, type TextRun } from './pdf/page.ts';
import { withoutMarkers } from './redaction.ts';
import { continues, joinParts, pageTables, sourceTable, type PdfTable } from './pdf/tables.ts';

interface Line {
  page: number;
  x: number;
  end: number;
  /** Baseline. */
  y: number;
  size: number;
  text: string;
  /** Every character is in a bold or heading face (黑体, 小标宋, …Bold). */
  bold: boolean;
}

type Element = { kind: 'line'; line: Line; top: number } | { kind: 'table'; table: PdfTable; top: number };

/** Characters between which Chinese text has no space: a space there is the writer's spacing, not text. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7]/u;
const BOLD_FACE = /bold|black|heavy|黑体|simhei|hei(?!ti)|小标宋|xbs|fzhtk|方正黑/i;

/** Spaces as the text means them: runs of spaces one space, none beside a Chinese character or punctuation. */
export function tidySpaces(text: string): string {
  const t = text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === ' ' && (CJK.test(out.at(-1) ?? '') || CJK.test(t[i + 1] ?? ''))) continue;
    out += ch;
  }
  return out;
}

function linesOf(page: PdfPage, runs: TextRun[]): Line[] {
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g[0]!.y - run.y) <= Math.max(g[0]!.size, run.size) * 0.4) g.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of g) {
      // A wide gap between two runs is a space (a signature and its date on one line).
      if (text && run.x - end > run.size * 0.8) text += ' ';
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    const size = g.reduce((m, r) => Math.max(m, r.size), 0);
    return { page: page.number, x: g[0]!.x, end, y: g[0]!.y, size, text: tidySpaces(text), bold: g.every((r) => BOLD_FACE.test(r.font)) };
  });
}

/**
 * A figure the file names the metric of (a PDF nianbao exported: pdf/page.ts's FigureLink) is carried through the
 * rebuilding of lines and paragraphs as two characters in front of it: a noncharacter no real text has, then a
 * private-use character that numbers the metric. figureMarks() takes them out again, as the block's `figures`.
 */
const FIGURE = '\uFDD4';
const FIGURE_NUMBER = 0xe000;
const FIGURE_MARK = /\uFDD4([\uE000-\uF8FF])/gu;

/** Put the marks of a page's figure links into the runs they cover (before the runs become lines and tables). */
function markFigures(page: PdfPage, metrics: string[], seen: Set<string>): void {
  // A figure broken over two lines (or pages) has a link on each part: only its first part, in reading order, is where it starts.
  const first = [...(page.figures ?? [])].sort((a, b) => b.y1 - a.y1 || a.x0 - b.x0).filter((f) => !seen.has(f.name) && seen.add(f.name));
  const figures = first.sort((a, b) => b.x0 - a.x0);
  for (const f of figures) {
    if (metrics.length >= 0x1900) break;
    const run = page.runs.find((r) => r.y >= f.y0 - 1 && r.y <= f.y1 + 1 && r.x <= f.x0 + 1 && r.x + r.width > f.x0 + 0.5 && r.text.trim() !== '');
    if (!run) continue;
    const chars = [...run.text];
    const k = Math.max(0, Math.min(chars.length - 1, Math.round(((f.x0 - run.x) / Math.max(run.width, 1)) * chars.length)));
    run.text = [...chars.slice(0, k), FIGURE, String.fromCharCode(FIGURE_NUMBER + metrics.length), ...chars.slice(k)].join('');
    metrics.push(f.metric);
  }
}

/** A block's text without the figure marks, and where each marked figure starts in it. */
function figureMarks(text: string, metrics: string[]): { text: string; figures: { at: number; metric: string }[] } {
  const figures: { at: number; metric: string }[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(FIGURE_MARK)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const metric = metrics[m[1]!.charCodeAt(0) - FIGURE_NUMBER];
    if (metric) figures.push({ at: out.length, metric });
  }
  return { text: out + text.slice(last), figures };
}

/** 1, -1-, — 1 —, - 1 -, 第1页, 第 1 页 共 6 页, 1/6. */
const PAGE_NUMBER = /^[-—–－‒―﹣~〜_\s]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:(?:[/／]|共)\s*[0-9０-９]{1,4}\s*页?)?[-—–－‒―﹣~〜_\s]*$/u;

/** Lines in the top or bottom tenth of a page: page numbers, and text that repeats there on other pages. */
function dropMargins(pages: PdfPage[], lines: Line[][]): { lines: Line[][]; running: string[] } {
  const inMargin = (l: Line) => {
    const h = pages[l.page - 1]!.height;
    return l.y > h * 0.9 || l.y < h * 0.1;
  };
  const key = (l: Line) => l.text.replace(/[0-9０-９]+/gu, '#');
  const seen = new Map<string, Set<number>>();
  for (const l of lines.flat()) if (inMargin(l)) seen.set(key(l), (seen.get(key(l)) ?? new Set()).add(l.page));
  const repeated = new Set([...seen].filter(([, on]) => on.size >= 2 && on.size >= pages.length / 2).map(([k]) => k));
  // A one-page document cannot show a line repeating: there a line in the margin set smaller than the text is the
  // running header or footer (a notice such as “内部版 不得公开” above the 版心), not the report's own text.
  const body = pages.length === 1 ? bodySize(lines.flat()) : undefined;
  const running = new Set<string>();
  const kept = lines.map((page) =>
    page.filter((l) => {
      if (!inMargin(l)) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      if (repeated.has(key(l)) || (body !== undefined && l.size < body - 1)) {
        running.add(l.text);
        return false;
      }
      return true;
    }),
  );
  return { lines: kept, running: [...running] };
}

/** The size most of the text is set in. */
function bodySize(lines: Line[]): number | undefined {
  return mode(lines.map((l) => [Math.round(l.size), [...l.text].length]));
}

/** The most frequent value, each counted with its weight. */
function mode(values: [number, number][]): number | undefined {
  const count = new Map<number, number>();
  for (const [v, w] of values) count.set(v, (count.get(v) ?? 0) + w);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The body's left edge. Most text usually starts there, but a report of many short paragraphs (one or two lines,
 * each indented two characters) has more text on its first lines than on the lines that follow: then the most
 * used start is the indent, and the edge is the column a few characters left of it that many lines also start at.
 */
function leftEdge(starts: [number, number][], size: number): number {
  const most = mode(starts);
  if (most === undefined) return 0;
  const count = new Map<number, number>();
  for (const [v, w] of starts) count.set(v, (count.get(v) ?? 0) + w);
  const top = count.get(most)!;
  const left = [...count].filter(([x, w]) => x < most - size && x >= most - 3.5 * size && w >= top * 0.15).map(([x]) => x);
  return left.length ? Math.min(...left) : most;
}

/** The lines of one paragraph as one text: CJK lines join with no space, Latin words with one. */
function joinLines(a: string, b: string): string {
  if (!a) return b;
  return /[A-Za-z0-9,.;:!?)]$/.test(a) && /^[A-Za-z0-9(]/.test(b.replace(FIGURE_MARK, '')) && !/[/\\\-_@.:]$/.test(a) ? `${a} ${b}` : a + b;
}

export async function readPdf(bytes: Uint8Array): Promise<Source> {
  let pages: PdfPage[];
  try {
    pages = await readPdfPages(bytes);
  } catch (e) {
    const err = e as Error;
    if (err.name === 'PasswordException') throw new ImportError('这个 PDF 文件设了打开密码，无法读取', '请用 PDF 阅读器输入密码打开后“另存为”一份不加密的 PDF，或找到报告的 Word 原稿（.docx）再导入');
    throw new ImportError(`无法读取 PDF 文件：${err.message.split('\n')[0]}`, '文件可能已损坏，或并非真正的 PDF；请用 PDF 阅读器打开确认后再试，或找到报告的 Word 原稿（.docx）');
  }
  const chars = pages.reduce((n, p) => n + p.runs.reduce((m, r) => m + r.text.replace(/\s/g, '').length, 0), 0);
  if (pages.length === 0 || chars < 20 * pages.length) {
    throw new ImportError(
      `这个 PDF 文件没有可读取的文字（${pages.length} 页中只找到 ${chars} 个字），像是扫描件或图片`,
      '请找到报告的 Word 原稿（.docx）或网页版再导入；只有扫描件时，需先用 OCR 软件识别出文字，逐字核对后另存为 Word 文档再导入',
    );
  }

  // Marker characters the file itself holds are not ours: they go before any figure is marked.
  for (const page of pages) for (const r of page.runs) r.text = withoutMarkers(r.text).replace(/\uFDD4/gu, '');
  const metrics: string[] = [];
  const seen = new Set<string>();
  for (const page of pages) markFigures(page, metrics, seen);

  const tables: PdfTable[][] = [];
  const pageLines: Line[][] = [];
  for (const page of pages) {
    const used = new Set<TextRun>();
    tables.push(pageTables(page, used));
    pageLines.push(linesOf(page, page.runs.filter((r) => !used.has(r))));
  }
  const { lines, running } = dropMargins(pages, pageLines);

  // The body's font size, left and right edges: what most of the text is set in.
  const all = lines.flat();
  const weight = (l: Line) => [...l.text].length;
  const size = mode(all.map((l) => [Math.round(l.size), weight(l)])) ?? 12;
  const body = all.filter((l) => Math.abs(l.size - size) < 1);
  const left = leftEdge(body.map((l) => [Math.round(l.x), weight(l)]), size);
  const right = mode(body.map((l) => [Math.round(l.end), weight(l)])) ?? pages[0]!.width;

  const elements: Element[] = [];
  const notes: string[] = [];
  pages.forEach((_, p) => {
    const here: Element[] = [...lines[p]!.map((line) => ({ kind: 'line' as const, line, top: line.y + line.size * 0.8 })), ...tables[p]!.map((table) => ({ kind: 'table' as const, table, top: table.top }))];
    here.sort((a, b) => b.top - a.top);
    const first = here[0];
    const prev = elements.at(-1);
    // A table that ends one page and starts the next is one table cut by the page break.
    if (first?.kind === 'table' && prev?.kind === 'table' && prev.table.page === p && continues(prev.table, first.table)) {
      const { table, joined } = joinParts(prev.table, first.table);
      prev.table = table;
      here.shift();
      const parts = [joined.headerRows ? `第 ${p + 1} 页的续表重复了前 ${joined.headerRows} 行表头，已去掉` : '', joined.mended.length ? `被分页截断的单元格已接回：${joined.mended.map((m) => `“${m.replace('|', '”+“')}”`).join('、')}` : ''].filter(Boolean);
      notes.push(`PDF 第 ${p} 页和第 ${p + 1} 页上的表格是同一张表，已合并为一张${parts.length ? `（${parts.join('；')}）` : ''}`);
      prev.table.page = p + 1;
    }
    elements.push(...here);
  });
  if (running.length) notes.push(`已去掉 PDF 每页重复的页眉页脚：${running.map((t) => `“${t}”`).join('、')}`);

  const blocks: SourceBlock[] = [];
  let open: { block: SourceBlock; last: Line; alone: boolean } | undefined;
  let count = 0;
  let seenText = false;
  for (const el of elements) {
    if (el.kind === 'table') {
      open = undefined;
      const grid = sourceTable(el.table);
      blocks.push({ text: grid.rows.map((r) => r.map((c) => c.text).filter(Boolean).join('　')).join('\n'), table: ++count, grid });
      seenText = true;
      continue;
    }
    const l = el.line;
    const indent = l.x - left;
    const centred = indent > 2 * l.size && right - l.end > 2 * l.size && Math.abs(indent - (right - l.end)) <= 1.5 * l.size;
    const big = l.size >= size * 1.15;
    // A centred line, a line set bigger than the body, or a short line all in a heading face stands alone.
    const alone = centred || big || (l.bold && l.end < right - l.size);
    const prev = open?.last;
    // A title too long for one line wraps: the next line in the same big size, right under a first line that fills
    // the measure, goes on with it (a title broken on purpose has a short, centred first line).
    const wrapped = big && !!prev && open!.alone && prev.page === l.page && Math.abs(prev.size - l.size) < 0.5 && prev.y - l.y <= 1.8 * l.size && prev.x - left <= l.size && right - prev.end <= l.size;
    const starts =
      !wrapped && (!open ||
      alone ||
      open.alone ||
      indent >= 1.5 * l.size ||
      (prev !== undefined && (prev.end < right - l.size || Math.abs(prev.size - l.size) >= 1 || (prev.page === l.page && prev.y - l.y > 2.6 * l.size))));
    if (starts) {
      const block: SourceBlock = { text: l.text, ...(centred && { centered: true }), ...(l.bold && { bold: true }), ...(big && !seenText && { isTitle: true }) };
      blocks.push(block);
      open = { block, last: l, alone };
      if (!big) seenText = true;
      continue;
    }
    open!.block.text = joinLines(open!.block.text, l.text);
    if (!l.bold) delete open!.block.bold;
    open!.last = l;
  }
  // The figure marks become each block's `figures` (a table's figures are bound by their rows and columns).
  const unmark = (t: string) => t.replace(FIGURE_MARK, '');
  const marked = blocks.map((b): SourceBlock => {
    if (b.grid) return { ...b, text: unmark(b.text), grid: { ...b.grid, rows: b.grid.rows.map((r) => r.map((c) => ({ ...c, text: unmark(c.text) }))) } };
    const { text, figures } = figureMarks(b.text, metrics);
    return { ...b, text, ...(figures.length && { figures }) };
  });
  return { blocks: marked, format: `PDF 文件（${pages.length} 页）`, tables: count, ...(notes.length && { notes }) };
}
