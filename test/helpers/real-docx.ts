// Word files made from the real-report fixtures, the way offices' Word files look: a centred title
// (and, if asked, an office line above it), body paragraphs indented two characters, real Word tables
// with merged cells (w:gridSpan for colspan, w:vMerge for rowspan) — and the variants an importer
// meets in practice: labels split by stray spaces (“总 计”), blank cells where an office means 0, a
// table split over two pages (two consecutive Word tables, the header repeated or not) and Word
// automatic numbering on the 一、 headings (the number drawn by Word, not typed).
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { TABLE_MARK, type RealCell, type RealReport, type RealTable } from './real-fixtures.ts';

export interface DocxVariant {
  /** A centred line above the title, e.g. the office: “平潭综合实验区”. */
  officeLine?: string;
  /** Write the title with Word's Title style instead of a centred plain paragraph. */
  titleStyle?: boolean;
  /** Put stray spaces into short labels, as offices do to spread them across a cell: 总计 → 总 计, 情形 → 情 形. */
  splitLabels?: boolean;
  /** Leave every cell that holds 0 blank. */
  blankZeros?: boolean;
  /** Break table `table` (1-based) before row `atRow` into two Word tables, as a table over two pages. */
  splitTable?: { table: number; atRow: number; repeatHeader: boolean };
  /** Number the 一、 headings with Word automatic numbering and drop the typed 一、. */
  autoNumberHeadings?: boolean;
  /**
   * Lose every merge, as a Word file converted from a PDF does: a merged cell's text stays in its first
   * position and each position it covered is an empty cell of its own.
   */
  unmerged?: boolean;
  /** Typos to put into the cells' labels, as real reports carry them: { 不予公开: '不子公开' }. */
  typos?: Record<string, string>;
}

const SECTION_ORDINAL = /^[一二三四五六七八九十]{1,3}、/;
const FIRST_LINE_INDENT = 640; // two characters of 16 pt 仿宋, in twentieths of a point

/** The text a cell of the fixture gets in the Word file of this variant. */
export function cellText(text: string, v: DocxVariant): string {
  let t = text;
  if (v.blankZeros && t === '0') return '';
  for (const [right, wrong] of Object.entries(v.typos ?? {})) t = t.replaceAll(right, wrong);
  if (v.splitLabels) {
    if ([...t].length === 2 && /^[\u4e00-\u9fff]+$/.test(t)) t = [...t].join(' ');
    t = t.replace(/情形/g, '情 形');
  }
  return t;
}

/** Each row's cells with the grid column they start at, rowspans carried down. */
function placed(table: RealTable): { cell: RealCell; col: number; row: number }[][] {
  const taken: boolean[][] = [];
  return table.rows.map((row, r) => {
    let col = 0;
    return row.map((cell) => {
      while (taken[r]?.[col]) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (taken[r + dr] ??= [])[col + dc] = true;
      const at = { cell, col, row: r };
      col += cell.colspan ?? 1;
      return at;
    });
  });
}

/** The header rows: the first row and every row still covered by a rowspan from a header row above. */
function headerRows(table: RealTable): number {
  const rows = placed(table);
  let end = 1;
  for (let r = 0; r < end && r < rows.length; r++) for (const { cell } of rows[r]!) end = Math.max(end, r + (cell.rowspan ?? 1));
  return end;
}

/** Split a table before `atRow`: rowspans that cross the cut end there and start again, label repeated, below it. */
export function splitTable(table: RealTable, atRow: number, repeatHeader: boolean): [RealTable, RealTable] {
  const rows = placed(table);
  const top: RealCell[][] = rows.slice(0, atRow).map((row) => row.map(({ cell, row: r }) => ({ ...cell, ...(cell.rowspan && { rowspan: Math.min(cell.rowspan, atRow - r) }) })));
  const carried = rows.slice(0, atRow).flat().filter(({ cell, row }) => row + (cell.rowspan ?? 1) > atRow);
  const bottom: RealCell[][] = rows.slice(atRow).map((row, i) => {
    const cells = [...row];
    if (i === 0) for (const c of carried) cells.push({ cell: { ...c.cell, rowspan: c.row + (c.cell.rowspan ?? 1) - atRow }, col: c.col, row: atRow });
    return cells.sort((a, b) => a.col - b.col).map(({ cell }) => cell);
  });
  const header = repeatHeader ? table.rows.slice(0, headerRows(table)) : [];
  return [{ rows: top }, { rows: [...header, ...bottom] }];
}

/** The table with no merge left: each merged cell's text in its first position, empty cells in the rest. */
export function unmergedTable(table: RealTable): RealTable {
  const rows: RealCell[][] = [];
  for (const row of placed(table)) {
    for (const { cell, col, row: r } of row) {
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (rows[r + dr] ??= [])[col + dc] = { text: dr === 0 && dc === 0 ? cell.text : '' };
      }
    }
  }
  return { rows };
}

function wordTable(source: RealTable, v: DocxVariant): Table {
  const table = v.unmerged ? unmergedTable(source) : source;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: cellText(cell.text, v), font: '仿宋_GB2312', size: 24 })] })],
                ...(cell.colspan && cell.colspan > 1 && { columnSpan: cell.colspan }),
                ...(cell.rowspan && cell.rowspan > 1 && { rowSpan: cell.rowspan }),
              }),
          ),
        }),
    ),
  });
}

function titleParagraph(text: string, v: DocxVariant): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...(v.titleStyle && { style: 'Title' }), children: [new TextRun({ text, font: '方正小标宋简体', size: 44 })] });
}

/** The report as a .docx: what an office would send to be imported. */
export async function realDocx(report: RealReport, v: DocxVariant = {}): Promise<Buffer> {
  const titleLines = report.answers.titleLines ?? [report.answers.title];
  const children: (Paragraph | Table)[] = [];
  if (v.officeLine) children.push(titleParagraph(v.officeLine, v));
  for (const line of titleLines) children.push(titleParagraph(line, v));
  for (const line of report.lines.slice(titleLines.length)) {
    const mark = TABLE_MARK.exec(line);
    if (mark) {
      const n = Number(mark[1]);
      const table = report.tables[n - 1] as RealTable;
      if (v.splitTable?.table === n) {
        const [a, b] = splitTable(table, v.splitTable.atRow, v.splitTable.repeatHeader);
        // Word needs a paragraph between two tables, or it joins them: an empty one, as after a page break.
        children.push(wordTable(a, v), new Paragraph({ children: [] }), wordTable(b, v));
      } else children.push(wordTable(table, v));
      continue;
    }
    if (v.autoNumberHeadings && SECTION_ORDINAL.test(line)) {
      children.push(new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun({ text: line.replace(SECTION_ORDINAL, ''), font: '黑体', size: 32 })] }));
      continue;
    }
    children.push(new Paragraph({ indent: { firstLine: FIRST_LINE_INDENT }, children: [new TextRun({ text: line, font: '仿宋_GB2312', size: 32 })] }));
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
