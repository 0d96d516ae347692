// Reading a finished report: a Word .docx (through mammoth's document model, which keeps paragraph
// styles, bold runs, alignment, Word numbering and tables), a PDF with a text layer (source-pdf.ts), a plain
// .txt in UTF-8 or GB18030/GBK, a saved portal page (source-html.ts, source-mhtml.ts) or an old .doc/.wps
// through LibreOffice (source-doc.ts).
import mammoth from 'mammoth';
import { decodeUtf8OrGb18030 } from '../content/text-file.ts';
import { CHUNK_PLACEHOLDER, openDocx, type AltChunk } from './docx-package.ts';
import { sourceWithoutMarkers, withoutMarkers } from './redaction.ts';
import { metricOfMark } from './figure-marks.ts';
import { decodeHtml, htmlToBlocks, readHtml } from './source-html.ts';
import { readMhtml } from './source-mhtml.ts';
import { readOldWord } from './source-doc.ts';

/** One paragraph (or table row) of the source, with what Word says about its look. */
export interface SourceBlock {
  text: string;
  /** Word heading style level (Heading 1 / 标题 1 → 1). */
  headingLevel?: number;
  /** Word "Title" style. */
  isTitle?: boolean;
  centered?: boolean;
  /** Every character is bold. */
  bold?: boolean;
  /** Word automatic numbering: the number is not in the text. */
  numbered?: { level: number };
  /** A Word table (its text: the rows' cells, for finding the year); `table` counts the tables from 1. */
  table?: number;
  grid?: SourceTable;
  /** Figures an exported file names the metric of (figure-marks.ts): where each starts in `text`, and its metric id. */
  figures?: { at: number; metric: string }[];
}

/** A Word table as Word lists it: each row's cells with their spans, a cell covered by a merge from above left out. */
export interface SourceTable {
  rows: SourceCell[][];
  /** Leading rows marked “repeat as header row at the top of each page” (重复标题行). */
  repeatedHeaderRows: number;
}

export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface Source {
  blocks: SourceBlock[];
  /** How the file was read, for the summary: "Word 文档", "UTF-8 文本", "GB18030 文本"… */
  format: string;
  tables: number;
  /** Things the reader saw that the author should know (Word hidden text, embedded documents, a PDF's tables joined across pages …), in Chinese. */
  notes?: string[];
}

export class ImportError extends Error {
  hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'ImportError';
    this.hint = hint;
  }
}

export const SUPPORTED = '.docx（Word 文档）、.pdf（带文字层的 PDF）、.html/.htm（从政府网站另存的网页，也可以是 .mht/.mhtml）、.txt（纯文本，UTF-8 或 GBK 编码），或 .doc/.wps（需要安装 LibreOffice）';

export type SourceKind = 'docx' | 'pdf' | 'txt' | 'html' | 'mhtml' | 'doc' | 'wps';

const MB = 1024 * 1024;
/** The largest file of each kind import reads: a year's report as text is tens of KB; a Word file or PDF with photos, tens of MB. */
export const MAX_SOURCE_BYTES: Record<SourceKind, number> = { txt: 16 * MB, html: 64 * MB, mhtml: 64 * MB, docx: 128 * MB, pdf: 128 * MB, doc: 128 * MB, wps: 128 * MB };

/** Refuses a file too big to be a report, before it is read: reading it whole would exhaust memory. */
export function checkSourceSize(kind: SourceKind, size: number): void {
  const max = MAX_SOURCE_BYTES[kind];
  if (size > max) {
    throw new ImportError(`文件有 ${Math.ceil(size / MB)} MB，超过了 ${kind === 'txt' ? '文本' : kind.toUpperCase()} 文件 ${max / MB} MB 的上限，不像是一份报告，没有读取`, '请确认选对了文件；报告的正文通常只有几十 KB，带图片的 Word 或 PDF 也只有几 MB');
  }
}

export function sourceKind(path: string): SourceKind {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml' || ext === 'xhtml') return 'html';
  if (ext === 'mht' || ext === 'mhtml') return 'mhtml';
  if (ext === 'doc' || ext === 'wps') return ext;
  if (ext === 'pdf') return 'pdf';
  throw new ImportError(`不支持的文件类型${ext ? ` .${ext}` : '（没有扩展名）'}`, `只能导入 ${SUPPORTED}`);
}

/** Plain text: one paragraph per line. */
export function readText(bytes: Uint8Array): Source {
  const { text, encoding } = decodeUtf8OrGb18030(bytes);
  return { blocks: withoutMarkers(text).split('\n').map((line) => ({ text: line })), format: `${encoding} 文本`, tables: 0 };
}

// The parts of mammoth's document model we read (mammoth/lib/documents.js).
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  isBold?: boolean;
  breakType?: string;
  colSpan?: number;
  rowSpan?: number;
  isHeader?: boolean;
  name?: string;
}

function headingLevelOf(p: DocElement): { level?: number; title?: boolean } {
  for (const name of [p.styleName, p.styleId]) {
    if (!name) continue;
    const n = name.trim().toLowerCase();
    if (n === 'title' || n === '标题') return { title: true };
    const m = /^(?:heading|标题)\s*(\d)$/.exec(n);
    if (m) return { level: Number(m[1]) };
  }
  // Chinese Word names built-in headings "heading 1" but gives them the style id "1", "2", …
  if (p.styleId && /^[1-9]$/.test(p.styleId) && !p.styleName) return { level: Number(p.styleId) };
  return {};
}

/** The text of a paragraph (line breaks kept as "\n"), whether all of it is bold, and the figures it marks. */
function paragraphText(p: DocElement): { text: string; bold: boolean; figures: { at: number; metric: string }[] } {
  let text = '';
  const figures: { at: number; metric: string }[] = [];
  let boldChars = 0;
  let chars = 0;
  const walk = (el: DocElement, bold: boolean) => {
    switch (el.type) {
      case 'text': {
        text += el.value ?? '';
        const visible = (el.value ?? '').replace(/\s/g, '').length;
        chars += visible;
        if (bold) boldChars += visible;
        return;
      }
      case 'tab':
        text += '\t';
        return;
      case 'break':
        text += '\n';
        return;
      case 'run':
        for (const c of el.children ?? []) walk(c, !!el.isBold);
        return;
      case 'bookmarkStart': {
        const metric = el.name ? metricOfMark(el.name) : undefined;
        if (metric) figures.push({ at: text.length, metric });
        return;
      }
      default:
        for (const c of el.children ?? []) walk(c, bold);
    }
  };
  walk(p, false);
  return { text, bold: chars > 0 && boldChars === chars, figures };
}

interface CollectState {
  tables: number;
  /** The blocks of each embedded document (w:altChunk), read before the document itself. */
  chunks: SourceBlock[][];
}

function collect(el: DocElement, out: SourceBlock[], state: CollectState): void {
  if (el.type === 'paragraph') {
    const { text, bold, figures } = paragraphText(el);
    const chunk = CHUNK_PLACEHOLDER.exec(text);
    if (chunk) {
      // An embedded document stands where it was embedded; its tables are numbered in document order.
      for (const b of state.chunks[Number(chunk[1])] ?? []) out.push(b.table ? { ...b, table: ++state.tables } : b);
      return;
    }
    const style = headingLevelOf(el);
    const base: Omit<SourceBlock, 'text'> = {
      ...(style.level !== undefined && { headingLevel: style.level }),
      ...(style.title && { isTitle: true }),
      ...(el.alignment === 'center' && { centered: true }),
      ...(bold && { bold: true }),
      ...(el.numbering?.isOrdered && { numbered: { level: Number(el.numbering.level) || 0 } }),
    };
    // A line break inside a paragraph (Shift+Enter) starts a new line of text; treat each line as a paragraph.
    let from = 0;
    text.split('\n').forEach((line, i) => {
      const own = figures.filter((f) => f.at >= from && f.at < from + line.length).map((f) => ({ at: f.at - from, metric: f.metric }));
      out.push({ ...base, ...(i > 0 && { numbered: undefined }), text: line, ...(own.length && { figures: own }) });
      from += line.length + 1;
    });
    return;
  }
  if (el.type === 'table') {
    const table = ++state.tables;
    const grid = readTableElement(el);
    out.push({ text: grid.rows.map((r) => r.map((c) => c.text).filter(Boolean).join('　')).join('\n'), table, grid });
    return;
  }
  for (const c of el.children ?? []) collect(c, out, state);
}

/**
 * The lines of a cell joined into one: a table cell holds one line of text in a report, and Word
 * users break long labels over lines (本年收费金额 / （单位：万元）). Latin words and numbers keep a space between them.
 */
export function joinCellLines(lines: string[]): string {
  let out = '';
  for (const line of lines.map((l) => l.replace(/\t/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim()).filter(Boolean)) {
    out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
  }
  return out;
}

function cellLines(el: DocElement, lines: string[]): void {
  if (el.type === 'paragraph') {
    lines.push(...paragraphText(el).text.split('\n'));
    return;
  }
  if (el.type === 'table') {
    // A table inside a cell: its cells in reading order.
    for (const row of el.children ?? []) for (const cell of row.children ?? []) cellLines(cell, lines);
    return;
  }
  for (const c of el.children ?? []) cellLines(c, lines);
}

function readTableElement(el: DocElement): SourceTable {
  const rows: SourceCell[][] = [];
  let repeatedHeaderRows = 0;
  let leading = true;
  for (const row of el.children ?? []) {
    if (row.type !== 'tableRow') continue;
    if (leading && row.isHeader) repeatedHeaderRows++;
    else leading = false;
    rows.push(
      (row.children ?? [])
        .filter((cell) => cell.type === 'tableCell')
        .map((cell) => {
          const lines: string[] = [];
          for (const c of cell.children ?? []) cellLines(c, lines);
          return { text: joinCellLines(lines), rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 };
        }),
    );
  }
  // mammoth reads <w:tblHeader w:val="false"/> (written by some tools) as a header row too: a table whose
  // every row repeats as its header says nothing about where its header ends.
  return { rows, repeatedHeaderRows: repeatedHeaderRows < rows.length ? repeatedHeaderRows : 0 };
}

const CHUNK_KINDS: [RegExp, string][] = [
  [/html|\.x?html?$/i, 'HTML'],
  [/wordprocessingml\.document|\.docx$/i, 'Word 文档'],
  [/text\/plain|\.txt$/i, '纯文本'],
  [/rfc822|\.mht(ml)?$/i, 'MHT 网页'],
  [/rtf/i, 'RTF'],
];

function chunkKind(chunk: AltChunk): string {
  return CHUNK_KINDS.find(([re]) => re.test(chunk.contentType) || re.test(chunk.part))?.[1] ?? (chunk.contentType || chunk.part || '未知格式');
}

/** The blocks of one embedded document, read as the file of its kind would be. */
async function chunkBlocks(chunk: AltChunk, depth: number): Promise<SourceBlock[]> {
  const kind = chunkKind(chunk);
  if (kind === 'HTML') {
    return sourceWithoutMarkers({ blocks: htmlToBlocks(decodeHtml(chunk.bytes).text).blocks, format: 'HTML', tables: 0 }).blocks;
  }
  if (kind === '纯文本') return readText(chunk.bytes).blocks;
  if (kind === 'Word 文档' && depth < 3) return (await readDocx(chunk.bytes, depth + 1)).blocks;
  throw new ImportError(
    `Word 文档中嵌入了一段${kind}内容（altChunk：${chunk.part || '找不到'}），nianbao 读不了它：如果跳过，这部分文字就会从报告中丢失，所以没有导入`,
    '请在 Word 中打开这个文件，“另存为”一个新的 Word 文档（*.docx）：Word 会把嵌入的内容变成普通段落；然后导入新文件',
  );
}

export async function readDocx(bytes: Uint8Array, depth = 0): Promise<Source> {
  const blocks: SourceBlock[] = [];
  const pkg = await openDocx(bytes);
  const state: CollectState = { tables: 0, chunks: [] };
  for (const chunk of pkg.altChunks) state.chunks.push(await chunkBlocks(chunk, depth));
  const notes: string[] = [];
  if (pkg.hiddenRuns) notes.push(`Word 文档中有 ${pkg.hiddenRuns} 处“隐藏”格式的文字（打印和普通视图中看不到）：已作为 <Redact> 导入，只在内部版显示，对外公开版隐去。请核对：本不该出现在报告中的，请从文件中删除`);
  if (pkg.altChunks.length) notes.push(`Word 文档中嵌入了 ${pkg.altChunks.length} 段其他格式的内容（altChunk：${[...new Set(pkg.altChunks.map(chunkKind))].join('、')}）：已按原位置读入正文，请核对这几处的分段和表格`);
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(pkg.bytes.buffer, pkg.bytes.byteOffset, pkg.bytes.byteLength) },
      {
        // The documented hook into mammoth's document model: we read it and hand it back unchanged.
        transformDocument: (doc: DocElement) => {
          collect(doc, blocks, state);
          return doc;
        },
      },
    );
  } catch (e) {
    throw new ImportError(`无法读取 Word 文档：${(e as Error).message.split('\n')[0]}`, '文件可能已损坏，或并非真正的 .docx（例如由 .doc 直接改了扩展名）；请在 Word 中打开它并“另存为”Word 文档（*.docx）后再试');
  }
  return { blocks, format: 'Word 文档', tables: state.tables, ...(notes.length && { notes }) };
}

export async function readSource(path: string, bytes: Uint8Array): Promise<Source> {
  const kind = sourceKind(path);
  switch (kind) {
    case 'docx':
      return readDocx(bytes);
    case 'pdf':
      // The PDF reader (and pdf.js with it) is loaded only for a PDF.
      return sourceWithoutMarkers(await (await import('./source-pdf.ts')).readPdf(bytes));
    case 'html':
      return sourceWithoutMarkers(readHtml(bytes));
    case 'mhtml':
      return sourceWithoutMarkers(readMhtml(bytes));
    case 'doc':
    case 'wps':
      return readOldWord(bytes, kind);
    default:
      return readText(bytes);
  }
}
