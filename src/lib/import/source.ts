// Reading a finished report: a Word .docx (through mammoth's document model, which keeps paragraph
// styles, bold runs, alignment, Word numbering and tables), a PDF with a text layer (source-pdf.ts) or a
// plain .txt in UTF-8 or GB18030/GBK.
import mammoth from 'mammoth';
import { decodeUtf8OrGb18030 } from '../content/text-file.ts';

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
  /** What the reader rebuilt or dropped that the author should know of (a PDF's tables joined across pages …). */
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

export const SUPPORTED = '.docx（Word 文档）、.pdf（带文字层的 PDF）或 .txt（纯文本，UTF-8 或 GBK 编码）';

export function sourceKind(path: string): 'docx' | 'pdf' | 'txt' {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'doc' || ext === 'wps') throw new ImportError(`不能直接导入 .${ext} 文件`, `请在 Word 或 WPS 中打开它，“另存为”Word 文档（*.docx）后再导入`);
  if (ext === 'pdf') return 'pdf';
  throw new ImportError(`不支持的文件类型${ext ? ` .${ext}` : '（没有扩展名）'}`, `只能导入 ${SUPPORTED}`);
}

/** Plain text: one paragraph per line. */
export function readText(bytes: Uint8Array): Source {
  const { text, encoding } = decodeUtf8OrGb18030(bytes);
  return { blocks: text.split('\n').map((line) => ({ text: line })), format: `${encoding} 文本`, tables: 0 };
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

/** The text of a paragraph (line breaks kept as "\n") and whether all of it is bold. */
function paragraphText(p: DocElement): { text: string; bold: boolean } {
  let text = '';
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
      default:
        for (const c of el.children ?? []) walk(c, bold);
    }
  };
  walk(p, false);
  return { text, bold: chars > 0 && boldChars === chars };
}

function collect(el: DocElement, out: SourceBlock[], state: { tables: number }): void {
  if (el.type === 'paragraph') {
    const { text, bold } = paragraphText(el);
    const style = headingLevelOf(el);
    const base: Omit<SourceBlock, 'text'> = {
      ...(style.level !== undefined && { headingLevel: style.level }),
      ...(style.title && { isTitle: true }),
      ...(el.alignment === 'center' && { centered: true }),
      ...(bold && { bold: true }),
      ...(el.numbering?.isOrdered && { numbered: { level: Number(el.numbering.level) || 0 } }),
    };
    // A line break inside a paragraph (Shift+Enter) starts a new line of text; treat each line as a paragraph.
    text.split('\n').forEach((line, i) => out.push({ ...base, ...(i > 0 && { numbered: undefined }), text: line }));
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

export async function readDocx(bytes: Uint8Array): Promise<Source> {
  const blocks: SourceBlock[] = [];
  const state = { tables: 0 };
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
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
  return { blocks, format: 'Word 文档', tables: state.tables };
}

export async function readSource(path: string, bytes: Uint8Array): Promise<Source> {
  const kind = sourceKind(path);
  // The PDF reader (and pdf.js with it) is loaded only for a PDF.
  if (kind === 'pdf') return (await import('./source-pdf.ts')).readPdf(bytes);
  return kind === 'docx' ? readDocx(bytes) : readText(bytes);
}
