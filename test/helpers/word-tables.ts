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
          tableHeader: r < (opts.headerRows ?? 0),
          children: row.map((c) => new TableCell({ children: cellParagraphs(c.text, opts), ...(c.colspan && c.colspan > 1 && { columnSpan: c.colspan }), ...(c.rowspan && c.rowspan > 1 && { rowSpan: c.rowspan }) })),
        }),
    ),
  });
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
      children.push(wordTable(rows.slice(0, at), opts));
      children.push(new Paragraph(''));
      if (continuedLine) children.push(new Paragraph(continuedLine));
      children.push(wordTable([...rows.slice(0, header), ...rows.slice(at)], opts));
    } else children.push(wordTable(rows, opts));
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
