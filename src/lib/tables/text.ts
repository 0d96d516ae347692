// A table as the text a reader sees, cell by cell: what import's read-back proof compares, so that
// every cell of the source — its words, its place and its merge — is proven to come out as written.
import type { PhrasingContent, Table } from 'mdast';
import { readTable } from './grid.ts';

export interface CellText {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** The cells of a sound table, in reading order; undefined when the table has structural problems. */
export function tableCells(table: Table, text: (content: PhrasingContent[]) => string): CellText[] | undefined {
  const { grid } = readTable(table);
  if (!grid) return undefined;
  return grid.rows.flat().map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: text(c.content).trim() }));
}

/** One line per cell: `3.1 (4×1) 三、本年度办理结果`. */
export function cellsText(cells: CellText[]): string {
  return cells.map((c) => `${c.row + 1}.${c.col + 1}${c.rowSpan > 1 || c.colSpan > 1 ? ` (${c.rowSpan}×${c.colSpan})` : ''} ${c.text}`).join('\n');
}
