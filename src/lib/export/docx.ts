// The official document as a Word file, written with the `docx` library: the 公文 page of layout.ts,
// Word's own heading styles (so the navigation pane, a table of contents and `npm run import` see the
// sections), tables with their merges and repeated header rows, and nothing in the file the edition hides.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { figureMarkName } from '../import/figure-marks.ts';
import { CHAR_SPACING_PT, FONTS, LINE_PT, MARGIN_MM, PAGE_MM, SIZE_PT, twip } from './layout.ts';
import { INTERNAL_NOTICE, runsText, type DocBlock, type DocCell, type OfficialDocument, type Run } from './document.ts';

const LINE = Math.round(LINE_PT * 20);
const half = (pt: number) => Math.round(pt * 2);
/** One character of the body, in twips: what 首行缩进二字 and 右空四字 are measured in. */
const CHAR = SIZE_PT.body * 20;
const TEXT_WIDTH = twip(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);

type Face = keyof typeof FONTS;
/** Word has one name per run: the first of each list, the one offices have; Word and WPS substitute the rest. */
function font(face: Face) {
  return { eastAsia: FONTS[face][0], ascii: FONTS.latin[0], hAnsi: FONTS.latin[0], hint: 'eastAsia' as const };
}

type Inline = TextRun | Bookmark;

/**
 * Each figure's bookmark names its metric (figure-marks.ts), so importing the file binds it back for certain.
 * The citations of the document being built (writeDocx builds every paragraph before its first await).
 */
let citations = new Map<string, number>();

function textRuns(runs: Run[], base: IRunOptions = {}): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const lines = r.text.split('\n');
    lines.forEach((line, i) => {
      const run = new TextRun({
        ...base,
        text: line,
        ...(i > 0 && { break: 1 }),
        // The internal edition marks what the public edition hides, as the intranet page does.
        ...(r.redacted && { shading: { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } }),
      });
      const n = r.metric ? (citations.get(r.metric) ?? 0) + 1 : 0;
      if (r.metric) citations.set(r.metric, n);
      const name = r.metric && figureMarkName(r.metric, n);
      out.push(name ? new Bookmark({ id: name, children: [run] }) : run);
    });
  }
  return out;
}

function heading(b: Extract<DocBlock, { type: 'heading' }>): Paragraph {
  // ## → 一级标题 (黑体), ### → 二级标题 (楷体), deeper → 三级 (仿宋, as the body).
  const style = b.depth <= 2 ? 'Heading1' : b.depth === 3 ? 'Heading2' : 'Heading3';
  return new Paragraph({ style, children: textRuns(b.runs) });
}

function paragraph(runs: Run[]): Paragraph {
  return new Paragraph({ style: 'Normal', children: textRuns(runs) });
}

/** Column widths (twips) from what the columns hold: label columns wider than figure columns, all within the 版心. */
function columnWidths(b: Extract<DocBlock, { type: 'table' }>): number[] {
  const need = Array.from({ length: b.columns }, () => 2);
  for (const row of b.rows) {
    for (const c of row) {
      if (c.colSpan !== 1) continue;
      const chars = [...runsText(c.runs)].length;
      const want = c.role === 'label' ? Math.min(12, Math.max(3, chars / 2)) : Math.min(6, Math.max(2, chars));
      need[c.col] = Math.max(need[c.col] as number, want);
    }
  }
  const sum = need.reduce((a, n) => a + n, 0);
  const widths = need.map((n) => Math.floor((TEXT_WIDTH * n) / sum));
  widths[widths.length - 1] = (widths.at(-1) as number) + TEXT_WIDTH - widths.reduce((a, n) => a + n, 0);
  return widths;
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(b: Extract<DocBlock, { type: 'table' }>): Table {
  const widths = columnWidths(b);
  const cell = (c: DocCell, header: boolean): TableCell => {
    const align = header || c.header === 'col' || c.header === 'colgroup' ? AlignmentType.CENTER : c.role === 'figure' ? AlignmentType.RIGHT : c.role === 'blank' ? AlignmentType.CENTER : AlignmentType.LEFT;
    return new TableCell({
      ...(c.rowSpan > 1 && { rowSpan: c.rowSpan }),
      ...(c.colSpan > 1 && { columnSpan: c.colSpan }),
      width: { size: widths.slice(c.col, c.col + c.colSpan).reduce((a, n) => a + n, 0), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 57, right: 57, top: 28, bottom: 28 },
      children: [new Paragraph({ style: 'TableText', alignment: align, children: textRuns(c.runs, header ? { bold: false } : {}) })],
    });
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: b.rows.map((row, i) => new TableRow({ tableHeader: i < b.headerRows, cantSplit: true, children: row.map((c) => cell(c, i < b.headerRows)) })),
  });
}

function pageNumber(align: 'left' | 'right'): Footer {
  const base = { font: font('pageNumber'), size: half(SIZE_PT.pageNumber) };
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字 (GB/T 9704—2012 7.5).
        indent: align === 'right' ? { right: SIZE_PT.pageNumber * 20 } : { left: SIZE_PT.pageNumber * 20 },
        children: [new TextRun({ ...base, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

function notices(doc: OfficialDocument): string[] {
  return [...(doc.edition === 'internal' ? [INTERNAL_NOTICE] : []), ...(doc.sampleNotice ? [doc.sampleNotice] : [])];
}

function header(doc: OfficialDocument): Header {
  const lines = notices(doc);
  return new Header({
    children: lines.length
      ? // Single-spaced and small, so the notices stay in the top margin and never push the 版心 down.
        lines.map((text, i) => new Paragraph({ alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, font: font('heading1'), size: half(i === 0 ? SIZE_PT.notice : 9), characterSpacing: 0 })] }))
      : [new Paragraph({ children: [] })],
  });
}

/** The 落款: the office and the 成文日期 under the text, the date 右空四字 and the office centred above it. */
function signature(doc: OfficialDocument): Paragraph[] {
  if (!doc.date) return [];
  const dateChars = [...doc.date].length;
  const orgChars = [...doc.organization].length;
  const orgRight = orgChars < dateChars ? 4 + (dateChars - orgChars) / 2 : 2;
  const right = (chars: number) => ({ right: Math.round(chars * CHAR) });
  return [
    new Paragraph({ style: 'Normal', alignment: AlignmentType.RIGHT, indent: { ...right(orgRight), firstLine: 0 }, spacing: { before: LINE * 2, line: LINE, lineRule: LineRuleType.EXACT }, children: textRuns([{ text: doc.organization }]) }),
    new Paragraph({ style: 'Normal', alignment: AlignmentType.RIGHT, indent: { ...right(4), firstLine: 0 }, children: textRuns([{ text: doc.date }]) }),
  ];
}

/** The .docx of one report in one edition. */
export async function writeDocx(doc: OfficialDocument): Promise<Uint8Array> {
  citations = new Map();
  const children: (Paragraph | Table)[] = [new Paragraph({ style: 'Title', children: textRuns([{ text: doc.title }]) })];
  for (const b of doc.blocks) {
    if (b.type === 'heading') children.push(heading(b));
    else if (b.type === 'paragraph') children.push(paragraph(b.runs));
    else {
      children.push(table(b));
      // A table is followed by text in its own paragraph, never run into the next table.
      children.push(new Paragraph({ style: 'TableGap', children: [] }));
    }
  }
  children.push(...signature(doc));

  const exact = { line: LINE, lineRule: LineRuleType.EXACT };
  const document = new Document({
    // Core properties: only what the edition shows on the page (the title, the office); nothing else is filled in.
    title: doc.title,
    creator: doc.organization,
    lastModifiedBy: doc.organization,
    description: '',
    subject: '',
    keywords: '',
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font('body'), size: half(SIZE_PT.body), color: '000000' },
          paragraph: { spacing: { ...exact, before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: font('body'), size: half(SIZE_PT.body), characterSpacing: Math.round(CHAR_SPACING_PT * 20) }, paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR }, spacing: exact } },
        { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font('title'), size: half(SIZE_PT.title), bold: false, characterSpacing: 0 }, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...exact, after: LINE }, keepNext: true } },
        { id: 'Heading1', name: 'heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font('heading1'), size: half(SIZE_PT.body), bold: false, color: '000000' }, paragraph: { keepNext: true, outlineLevel: 0, spacing: exact } },
        { id: 'Heading2', name: 'heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font('heading2'), size: half(SIZE_PT.body), bold: false, color: '000000' }, paragraph: { keepNext: true, outlineLevel: 1, spacing: exact } },
        { id: 'Heading3', name: 'heading 3', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: font('body'), size: half(SIZE_PT.body), bold: true, color: '000000' }, paragraph: { keepNext: true, outlineLevel: 2, spacing: exact } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: font('body'), size: half(SIZE_PT.table), characterSpacing: 0 }, paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'TableGap', name: 'Table Gap', basedOn: 'Normal', run: { size: half(SIZE_PT.table) }, paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } } },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE_MM.width), height: twip(PAGE_MM.height) },
            margin: { top: twip(MARGIN_MM.top), bottom: twip(MARGIN_MM.bottom), left: twip(MARGIN_MM.left), right: twip(MARGIN_MM.right), header: twip(15), footer: twip(22), gutter: 0 },
          },
          // No document grid: 22 lines a page come from the exact line height (固定值 28.95 磅) and 28 characters a
          // line from the condensed spacing of the body; a grid would also stretch the tables' smaller lines.
        },
        headers: { default: header(doc), even: header(doc) },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
