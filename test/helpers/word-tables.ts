// Word files of real reports, built with the `docx` package from a fixture's text and tables
// (test/fixtures/tables-source/*: report.txt with a `[[table:N]]` line where table N stands, tables.json
// with each cell's rowspan/colspan as published). Options reproduce what offices' Word files do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ROOT } from './sites.ts';

export interface SourceCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export interface SourceTableJson {
  rows: SourceCell[][];
}

export const SOURCES = join(ROOT, 'test/fixtures/tables-source');
export const TABLE_MARK = /^\[\[table:(\d+)\]\]$/;

export function loadSource(slug: string): { lines: string[]; tables: SourceTableJson[] } {
  const dir = join(SOURCES, slug);
  const lines = readFileSync(join(dir, 'report.txt'), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const tables = JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8')) as SourceTableJson[];
  return { lines, tables };
}

export interface WordOptions {
  /** Split table N (from 1) before body row `at` (0-based row index) into two Word tables, repeating its first `header` rows. */
  split?: { table: number; at: number; header: number; continuedLine?: string };
  /** Mark the first `n` rows of every table as Word header rows (重复标题行). */
  headerRows?: number;
  /** Write these labels with a space inside, as offices do to spread short labels (总计 → 总 计). */
  spaced?: string[];
  /** Break cells longer than this many characters into two paragraphs inside the cell. */
  breakLongerThan?: number;
}

function cellParagraphs(text: string, opts: WordOptions): Paragraph[] {
  const shown = opts.spaced?.includes(text) ? [...text].join(' ') : text;
  const n = opts.breakLongerThan;
  const parts = n && [...shown].length > n ? [[...shown].slice(0, n).join(''), [...shown].slice(n).join('')] : [shown];
  return parts.map((p) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(p)] }));
}

function wordTable(rows: SourceCell[][], opts: WordOptions): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          ...(r < (opts.headerRows ?? 0) && { tableHeader: true }),
          children: row.map((c) => new TableCell({ children: cellParagraphs(c.text, opts), ...(c.colspan && c.colspan > 1 && { columnSpan: c.colspan }), ...(c.rowspan && c.rowspan > 1 && { rowSpan: c.rowspan }) })),
        }),
    ),
  });
}

/**
 * Split a table before row `at` as Word does: a cell merged down across the split is cut there, and the
 * part below gets an empty cell merged over the rest of its rows (the text stays in the first part).
 */
export function splitRows(rows: SourceCell[][], at: number): [SourceCell[][], SourceCell[][]] {
  // Lay the cells on the grid to know which cells cross the split.
  const placed: { r: number; c: number; cell: SourceCell }[] = [];
  const taken: boolean[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      placed.push({ r, c, cell });
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) for (let dc = 0; dc < (cell.colspan ?? 1); dc++) if (taken[r + dr]) taken[r + dr]![c + dc] = true;
      c += cell.colspan ?? 1;
    }
  });
  const first: SourceCell[][] = rows.slice(0, at).map(() => []);
  const second: { col: number; cell: SourceCell }[][] = rows.slice(at).map(() => []);
  for (const { r, c, cell } of placed.sort((a, b) => a.r - b.r || a.c - b.c)) {
    const span = cell.rowspan ?? 1;
    if (r < at) {
      first[r]!.push({ ...cell, rowspan: Math.min(span, at - r) });
      if (r + span > at) second[0]!.push({ col: c, cell: { text: '', colspan: cell.colspan, rowspan: r + span - at } });
    } else second[r - at]!.push({ col: c, cell });
  }
  return [first, second.map((row) => row.sort((a, b) => a.col - b.col).map((x) => x.cell))];
}

/** The report as a .docx: one Word paragraph per line (the first line the centred title), the tables where the text marks them. */
export async function realDocx(slug: string, opts: WordOptions = {}): Promise<Buffer> {
  const { lines, tables } = loadSource(slug);
  const children: (Paragraph | Table)[] = [];
  lines.forEach((line, i) => {
    const mark = TABLE_MARK.exec(line.trim());
    if (!mark) {
      children.push(i === 0 ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] }) : new Paragraph({ children: [new TextRun(line)] }));
      return;
    }
    const n = Number(mark[1]);
    const rows = tables[n - 1]!.rows;
    if (opts.split?.table === n) {
      const { at, header, continuedLine } = opts.split;
      const [top, bottom] = splitRows(rows, at);
      children.push(wordTable(top, opts));
      children.push(new Paragraph(''));
      if (continuedLine) children.push(new Paragraph(continuedLine));
      children.push(wordTable([...rows.slice(0, header), ...bottom], opts));
    } else children.push(wordTable(rows, opts));
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
