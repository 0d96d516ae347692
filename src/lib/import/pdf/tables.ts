// Tables in a PDF are drawn, not stored: a table is a set of ruling lines that meet, its cells the
// rectangles they enclose (a line missing between two positions means a merged cell), and its text the
// runs whose middle falls in a cell. A table cut by a page break is two drawn tables, joined again here.
import { cellNumber, labelKey } from '../../tables/bind.ts';
import { joinCellLines, type SourceCell, type SourceTable } from '../source.ts';
import type { PdfPage, Rule, TextRun } from './page.ts';

/** A cell on its grid: where it starts and how far it reaches. */
export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface PdfTable {
  page: number;
  /** Edges in page points, y up. */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column edges, left to right. */
  xs: number[];
  rows: number;
  cells: PlacedCell[];
}

/** Two positions closer than this are one line (double borders, rounding). */
const SAME = 2.5;

/** Values that lie within `tol` of each other, as the mean of each run. */
function cluster(values: number[], tol = SAME): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

const horizontal = (r: Rule) => r.y0 === r.y1;

/** Rules that touch (a horizontal one meets a vertical one), in connected groups: one group per drawn table. */
function connected(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = rules.map((r, i) => [r, i] as const).filter(([r]) => horizontal(r));
  const vs = rules.map((r, i) => [r, i] as const).filter(([r]) => !horizontal(r));
  // Pieces of one line (a border drawn cell by cell) belong together even where no line crosses them.
  const collinear = (list: (readonly [Rule, number])[], along: (r: Rule) => [number, number, number]) => {
    for (const [a, i] of list) {
      for (const [b, j] of list) {
        const [pa, a0, a1] = along(a);
        const [pb, b0, b1] = along(b);
        if (i < j && Math.abs(pa - pb) <= SAME && a0 <= b1 + SAME && b0 <= a1 + SAME) parent[find(i)] = find(j);
      }
    }
  };
  collinear(hs, (r) => [r.y0, r.x0, r.x1]);
  collinear(vs, (r) => [r.x0, r.y0, r.y1]);
  for (const [h, i] of hs) {
    for (const [v, j] of vs) {
      if (v.x0 >= h.x0 - SAME && v.x0 <= h.x1 + SAME && h.y0 >= v.y0 - SAME && h.y0 <= v.y1 + SAME) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), r]));
  return [...groups.values()];
}

/** The text of runs that sit in one cell: lines top to bottom, runs left to right. */
export function runsText(runs: TextRun[]): string[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - run.y) <= Math.max(line[0]!.size, run.size) * 0.4) line.push(run);
    else lines.push([run]);
  }
  return lines.map((line) => line.sort((a, b) => a.x - b.x).map((r) => r.text).join(''));
}

/** Where a run's middle is: its baseline raised by a third of its size. */
const middle = (r: TextRun): [number, number] => [r.x + r.width / 2, r.y + r.size * 0.3];

function tableOf(page: PdfPage, rules: Rule[], runs: TextRun[], used: Set<TextRun>): PdfTable | undefined {
  const hs = rules.filter(horizontal);
  const vs = rules.filter((r) => !horizontal(r));
  const xs = cluster(vs.map((r) => r.x0));
  const ys = cluster(hs.map((r) => r.y0)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  const near = (a: number, b: number) => Math.abs(a - b) <= SAME;
  // Is the line between two positions drawn? (at the middle of the row or column it would divide)
  const vertical = (k: number, r: number) => vs.some((v) => near(v.x0, xs[k]!) && v.y0 <= (ys[r]! + ys[r + 1]!) / 2 && v.y1 >= (ys[r]! + ys[r + 1]!) / 2);
  const across = (k: number, c: number) => hs.some((h) => near(h.y0, ys[k]!) && h.x0 <= (xs[c]! + xs[c + 1]!) / 2 && h.x1 >= (xs[c]! + xs[c + 1]!) / 2);
  const owner: (PlacedCell | undefined)[][] = Array.from({ length: rows }, () => new Array<PlacedCell | undefined>(columns).fill(undefined));
  const cells: PlacedCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (owner[r]![c]) continue;
      // The positions no drawn line separates from this one: a merged cell, taken as its bounding rectangle.
      const seen = new Set<string>([`${r},${c}`]);
      const todo: [number, number][] = [[r, c]];
      let [r1, c1] = [r, c];
      while (todo.length) {
        const [y, x] = todo.pop()!;
        r1 = Math.max(r1, y);
        c1 = Math.max(c1, x);
        const next: [number, number, boolean][] = [
          [y, x + 1, x + 1 < columns && !vertical(x + 1, y)],
          [y, x - 1, x > 0 && !vertical(x, y)],
          [y + 1, x, y + 1 < rows && !across(y + 1, x)],
          [y - 1, x, y > 0 && !across(y, x)],
        ];
        for (const [ny, nx, open] of next) {
          if (!open || seen.has(`${ny},${nx}`) || owner[ny]?.[nx]) continue;
          if (ny < r || (ny === r && nx < c)) continue;
          seen.add(`${ny},${nx}`);
          todo.push([ny, nx]);
        }
      }
      // Only free positions: shrink the rectangle where an earlier cell already owns a position.
      while (c1 > c && Array.from({ length: r1 - r + 1 }, (_, i) => owner[r + i]![c1]).some(Boolean)) c1--;
      while (r1 > r && Array.from({ length: c1 - c + 1 }, (_, i) => owner[r1]![c + i]).some(Boolean)) r1--;
      const cell: PlacedCell = { row: r, col: c, rowSpan: r1 - r + 1, colSpan: c1 - c + 1, text: '' };
      for (let y = r; y <= r1; y++) for (let x = c; x <= c1; x++) owner[y]![x] = cell;
      cells.push(cell);
    }
  }
  const inCell = new Map<PlacedCell, TextRun[]>();
  const [left, right, top, bottom] = [xs[0]!, xs.at(-1)!, ys[0]!, ys.at(-1)!];
  for (const run of runs) {
    if (used.has(run)) continue;
    const [mx, my] = middle(run);
    if (mx < left || mx > right || my > top || my < bottom) continue;
    used.add(run);
    if (!run.text.trim()) continue;
    const c = Math.max(0, xs.findIndex((x) => x > mx) - 1);
    const r = Math.max(0, ys.findIndex((y) => y < my) - 1);
    const cell = owner[Math.min(r, rows - 1)]![Math.min(c, columns - 1)]!;
    inCell.set(cell, [...(inCell.get(cell) ?? []), run]);
  }
  for (const [cell, list] of inCell) cell.text = joinCellLines(runsText(list));
  return dropCoveredRows({ page: page.number, top, bottom, left, right, xs, rows, cells });
}

/** A row where no cell starts (a line drawn across part of the table only) is no row of the table. */
function dropCoveredRows(t: PdfTable): PdfTable {
  for (let r = t.rows - 1; r >= 0; r--) {
    if (t.cells.some((c) => c.row === r)) continue;
    for (const c of t.cells) {
      if (c.row < r && c.row + c.rowSpan > r) c.rowSpan--;
      if (c.row > r) c.row--;
    }
    t.rows--;
  }
  return t;
}

/** The tables drawn on a page; the runs they hold are added to `used`. */
export function pageTables(page: PdfPage, used: Set<TextRun>): PdfTable[] {
  const tables: PdfTable[] = [];
  for (const group of connected(page.rules)) {
    const t = tableOf(page, group, page.runs, used);
    // One box around some text (a framed note) is no table: a table has at least two rows or two columns.
    if (t && (t.rows > 1 || t.xs.length > 2)) tables.push(t);
  }
  return tables.sort((a, b) => b.top - a.top);
}

/** The same two parts of one table, cut by a page break? Their outer edges line up. */
export function continues(a: PdfTable, b: PdfTable): boolean {
  return Math.abs(a.left - b.left) <= 3 * SAME && Math.abs(a.right - b.right) <= 3 * SAME;
}

/** Each position's text, row by row (merged cells repeated), to compare a repeated header. */
function rowKeys(t: PdfTable, xs: number[], n: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < n; r++) {
    const keys: string[] = [];
    for (const x of xs.slice(0, -1)) {
      const c = t.cells.find((cell) => cell.row <= r && cell.row + cell.rowSpan > r && t.xs[cell.col]! <= x + SAME && t.xs[cell.col + cell.colSpan]! > x + SAME);
      keys.push(c ? `${labelKey(c.text)}@${c.row}` : '');
    }
    out.push(keys.join('|'));
  }
  return out;
}

/** A label that opens a new entry of its own (（四）…, 2.…, 三、…) never continues the cell above it. */
const ORDINAL_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[.．、])/u;

export interface JoinedPart {
  /** Header rows the second part repeated (dropped). */
  headerRows: number;
  /** Cells the page break cut in two, joined again: their text. */
  mended: string[];
}

/**
 * The second part of a table continued on the next page, joined under the first: on the union of
 * both parts' column edges, its repeated header rows dropped, and each label the page break cut in two
 * (an empty cell, the label typed again, or the rest of its words, under a label) made one cell again.
 */
export function joinParts(a: PdfTable, b: PdfTable): { table: PdfTable; joined: JoinedPart } {
  const xs = cluster([...a.xs, ...b.xs]);
  const index = (x: number) => xs.reduce((best, u, i) => (Math.abs(u - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  const remap = (t: PdfTable) => t.cells.map((c) => ({ ...c, col: index(t.xs[c.col]!), colSpan: index(t.xs[c.col + c.colSpan]!) - index(t.xs[c.col]!) }));
  const top = remap(a);
  let bottom = remap(b);
  const A = { ...a, xs, cells: top };
  const B = { ...b, xs, cells: bottom };
  let headerRows = 0;
  for (let k = Math.min(6, b.rows - 1, a.rows - 1); k >= 1; k--) {
    const ka = rowKeys(A, xs, k);
    const kb = rowKeys(B, xs, k);
    if (ka.every((key, i) => key === kb[i]) && ka.some((key) => key.replace(/[|@\d]/g, ''))) {
      headerRows = k;
      break;
    }
  }
  bottom = bottom.filter((c) => c.row >= headerRows || c.row + c.rowSpan > headerRows).map((c) => (c.row >= headerRows ? { ...c, row: c.row - headerRows } : { ...c, rowSpan: c.row + c.rowSpan - headerRows, row: 0 }));
  const mended: string[] = [];
  const last = a.rows - 1;
  const kept: PlacedCell[] = [];
  for (const cell of bottom) {
    const above = cell.row === 0 ? top.find((t) => t.col === cell.col && t.colSpan === cell.colSpan && t.row + t.rowSpan - 1 === last) : undefined;
    const isLabel = (t: string) => !!t && !cellNumber(t);
    if (above && isLabel(above.text) && (cell.text === '' || isLabel(cell.text))) {
      const same = labelKey(cell.text) === labelKey(above.text);
      const rest = cell.text !== '' && !same && !ORDINAL_START.test(cell.text) && (above.rowSpan > 1 || cell.rowSpan > 1);
      if (cell.text === '' || same || rest) {
        above.rowSpan += cell.rowSpan;
        if (rest) {
          mended.push(`${above.text}|${cell.text}`);
          above.text = joinCellLines([above.text, cell.text]);
        }
        continue;
      }
    }
    kept.push({ ...cell, row: cell.row + a.rows });
  }
  const table: PdfTable = { ...a, xs, bottom: b.bottom, rows: a.rows + b.rows - headerRows, cells: [...top, ...kept] };
  return { table: dropCoveredRows(table), joined: { headerRows, mended } };
}

/** The table as Word and HTML list it: each row's cells that start in it, left to right. */
export function sourceTable(t: PdfTable): SourceTable {
  const rows: SourceCell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of [...t.cells].sort((x, y) => x.row - y.row || x.col - y.col)) rows[c.row]!.push({ text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan });
  return { rows, repeatedHeaderRows: 0 };
}
