// A report table as a grid: the GFM pipe table of the report dialect, with merged cells written as
// markers — a cell that is exactly `^` belongs to the cell above it, exactly `>` to the cell on its
// left (docs/tables.md). The same reading serves `npm run check` (what is wrong, and where), the
// build (how it renders: spans, header rows, row headers) and import's read-back proof.
import type { PhrasingContent, Table, TableCell } from 'mdast';

/** What a cell holds, for layout: words, a figure (a number or a `<Stat>`), or nothing (blank, —, /). */
export type CellRole = 'label' | 'figure' | 'blank';

/** How a cell renders: `th` with this scope, or `td` when undefined. */
export type HeaderScope = 'col' | 'colgroup' | 'row' | 'rowgroup';

export interface GridCell {
  /** Where the cell starts, from 0. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  content: PhrasingContent[];
  role: CellRole;
  header?: HeaderScope;
  /** Line in the body (1-based), when the tree has positions. */
  line?: number;
}

export interface TableGrid {
  columns: number;
  /** The cells that start in each row, left to right. */
  rows: GridCell[][];
  /** The cell covering each position. */
  at: GridCell[][];
  /** The first `headerRows` rows are the table's header (thead). */
  headerRows: number;
  /** Body rows that open a group of rows: one label cell across the whole width (a tbody of its own). */
  groupRows: Set<number>;
  /** Lines of each row in the body, when known. */
  lines: (number | undefined)[];
}

export type TableIssue =
  | { kind: 'ragged'; row: number; cells: number; columns: number; line?: number }
  | { kind: 'up-in-first-row'; col: number; line?: number }
  | { kind: 'left-in-first-column'; row: number; line?: number }
  | { kind: 'not-rectangular'; row: number; col: number; line?: number; text: string }
  | { kind: 'whole-row-merged'; row: number; line?: number }
  | { kind: 'empty'; line?: number }
  | { kind: 'header-only'; line?: number }
  | { kind: 'content'; row: number; col: number; line?: number; what: string };

type AnyNode = { type: string; value?: string; name?: string | null; children?: AnyNode[]; attributes?: { type: string; name?: string; value?: unknown }[]; position?: { start: { line: number; offset?: number }; end: { offset?: number } } };

/** Nodes a cell may hold: text and the two report components (or what the build turned them into). */
// Images are left to check's content-safety rule, which refuses them anywhere in a report: one error, not two.
const ALLOWED_INLINE = new Set(['text', 'mdxJsxTextElement', 'inlineCode', 'emphasis', 'strong', 'mdxTextExpression', 'image', 'imageReference']);
const WHAT: Record<string, string> = { image: '图片', imageReference: '图片', link: '链接', linkReference: '链接', html: 'HTML', break: '换行', footnoteReference: '脚注', delete: '删除线' };

/** `^` or `>` written as a marker. An escaped `\^` / `\>` spans two characters of the source and is a literal. */
export function markerOf(cell: TableCell): '^' | '>' | undefined {
  const kids = cell.children as AnyNode[];
  if (kids.length !== 1 || kids[0]?.type !== 'text') return undefined;
  const t = kids[0];
  const v = (t.value ?? '').trim();
  if (v !== '^' && v !== '>') return undefined;
  const start = t.position?.start.offset;
  const end = t.position?.end.offset;
  if (start !== undefined && end !== undefined && end - start !== 1) return undefined;
  return v;
}

function attribute(node: AnyNode, name: string): string | undefined {
  const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** A `<Stat>` as written, or the span the build turned it into. */
export function isStatNode(node: AnyNode): boolean {
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node.name === 'Stat' || attribute(node, 'data-metric') !== undefined);
}

/** Cells that say "nothing here" in an official form. */
const BLANK_TEXT = /^(?:[—–\-－―]+|[/／]|无)$/u;
/** A number (or a mask) with at most a short unit after it: 71, 9116.36, 2人, 30余, 12.5%, **. Years and dates are labels. */
// A leading minus (-18, −18, －18) is a figure too: 本年增/减 can be below zero; binding decides whether its metric may be.
const FIGURE_TEXT = /^(?:[+＋]|[-−－](?=\d))?(?:\d+(?:[,，]\d{3})*(?:\.\d+)?|\*+)\s*(?:余|多|\+)?\s*(?:%|％|‰|(?![年月日号时届])\p{Script=Han}{1,3})?$/u;

function plainText(nodes: AnyNode[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'inlineCode' ? n.value ?? '' : plainText(n.children ?? []))).join('');
}

export function cellRole(content: PhrasingContent[]): CellRole {
  const nodes = (content as AnyNode[]).filter((n) => !(n.type === 'text' && !(n.value ?? '').trim()));
  if (nodes.length === 0) return 'blank';
  const stats = nodes.filter(isStatNode);
  if (stats.length === 1) {
    // <Stat id="…" />人 — the figure and its unit.
    const rest = nodes.filter((n) => !isStatNode(n));
    return rest.every((n) => n.type === 'text' && /^\s*(?:%|％|‰|\p{Script=Han}{1,3})?\s*$/u.test(n.value ?? '')) ? 'figure' : 'label';
  }
  if (stats.length > 1) return 'label';
  if (nodes.some((n) => n.type !== 'text')) return 'label';
  const text = plainText(nodes).trim();
  if (BLANK_TEXT.test(text)) return 'blank';
  return FIGURE_TEXT.test(text) ? 'figure' : 'label';
}

/** The first node in a cell that a cell cannot hold (an image, a link …), by its Chinese name. */
function disallowed(content: PhrasingContent[]): string | undefined {
  for (const n of content as AnyNode[]) {
    if (!ALLOWED_INLINE.has(n.type)) return WHAT[n.type] ?? n.type;
    const inner = n.type === 'emphasis' || n.type === 'strong' ? disallowed((n.children ?? []) as PhrasingContent[]) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Read a table: its grid and every problem in it. `grid` is absent when the problems leave no sound
 * grid (ragged rows, markers with nothing to merge into, merges that are not rectangles).
 */
export function readTable(table: Table): { grid?: TableGrid; issues: TableIssue[] } {
  const issues: TableIssue[] = [];
  const rows = table.children;
  const columns = rows[0]?.children.length ?? 0;
  const lines = rows.map((r) => r.position?.start.line);
  const tableLine = table.position?.start.line;
  let sound = true;
  rows.forEach((r, i) => {
    if (r.children.length !== columns) {
      issues.push({ kind: 'ragged', row: i, cells: r.children.length, columns, line: lines[i] });
      sound = false;
    }
  });
  if (!sound || columns === 0) return { issues };

  const at: (GridCell | undefined)[][] = rows.map(() => new Array<GridCell | undefined>(columns).fill(undefined));
  const origins: GridCell[][] = rows.map(() => []);
  const covered: { cell: GridCell; row: number; col: number }[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < columns; c++) {
      const source = rows[r]!.children[c]!;
      const line = source.position?.start.line ?? lines[r];
      const marker = markerOf(source);
      if (marker === '^') {
        if (r === 0) {
          issues.push({ kind: 'up-in-first-row', col: c, line });
          sound = false;
          continue;
        }
        const owner = at[r - 1]![c];
        if (owner) {
          at[r]![c] = owner;
          covered.push({ cell: owner, row: r, col: c });
        }
        continue;
      }
      if (marker === '>') {
        if (c === 0) {
          issues.push({ kind: 'left-in-first-column', row: r, line });
          sound = false;
          continue;
        }
        const owner = at[r]![c - 1];
        if (owner) {
          at[r]![c] = owner;
          covered.push({ cell: owner, row: r, col: c });
        }
        continue;
      }
      const what = disallowed(source.children);
      if (what) issues.push({ kind: 'content', row: r, col: c, line, what });
      const cell: GridCell = { row: r, col: c, rowSpan: 1, colSpan: 1, content: source.children, role: cellRole(source.children), ...(line !== undefined && { line }) };
      at[r]![c] = cell;
      origins[r]!.push(cell);
    }
  }
  if (!sound) return { issues };

  // Every merge must be a rectangle: its extent, then every position inside it owned by it and nothing outside.
  const extent = new Map<GridCell, { r1: number; c1: number; n: number }>();
  for (const row of origins) for (const cell of row) extent.set(cell, { r1: cell.row, c1: cell.col, n: 1 });
  for (const { cell, row, col } of covered) {
    const e = extent.get(cell)!;
    e.r1 = Math.max(e.r1, row);
    e.c1 = Math.max(e.c1, col);
    e.n++;
  }
  for (const [cell, e] of extent) {
    const rectangle = (e.r1 - cell.row + 1) * (e.c1 - cell.col + 1) === e.n && everyOwned(at, cell, e.r1, e.c1);
    if (!rectangle) {
      issues.push({ kind: 'not-rectangular', row: cell.row, col: cell.col, line: cell.line, text: plainText(cell.content as AnyNode[]).trim() });
      sound = false;
      continue;
    }
    cell.rowSpan = e.r1 - cell.row + 1;
    cell.colSpan = e.c1 - cell.col + 1;
  }
  origins.forEach((row, r) => {
    if (row.length === 0) {
      issues.push({ kind: 'whole-row-merged', row: r, line: lines[r] });
      sound = false;
    }
  });
  if (!sound) return { issues };

  const grid = finishGrid(origins, at as GridCell[][], columns, lines);
  if (origins.every((row) => row.every((c) => c.role === 'blank'))) issues.push({ kind: 'empty', line: tableLine });
  else if (grid.headerRows >= rows.length) issues.push({ kind: 'header-only', line: tableLine });
  return { grid, issues };
}

function finishGrid(origins: GridCell[][], at: GridCell[][], columns: number, lines: (number | undefined)[]): TableGrid {
  const grid: TableGrid = { columns, rows: origins, at, headerRows: headerRowCount(origins, at), groupRows: new Set(), lines };
  assignHeaders(grid);
  return grid;
}

/** A cell as Word and HTML list them: with its spans, the positions it covers left out of the rows below. */
export interface SpanCell {
  content: PhrasingContent[];
  rowSpan?: number;
  colSpan?: number;
}

/**
 * Lay cells listed with their spans on a grid, as a browser lays out an HTML table: each cell takes
 * the next position not covered from above. Rows that come out shorter than the widest are padded
 * with blank cells (their indexes in `padded`), and a span reaching past the last row is cut there.
 */
export function gridFromSpans(rows: SpanCell[][]): { grid: TableGrid; padded: number[] } {
  const at: (GridCell | undefined)[][] = rows.map(() => []);
  const origins: GridCell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const source of row) {
      while (at[r]![c]) c++;
      const rowSpan = Math.max(1, Math.min(source.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, source.colSpan ?? 1);
      const cell: GridCell = { row: r, col: c, rowSpan, colSpan, content: source.content, role: cellRole(source.content) };
      origins[r]!.push(cell);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) at[r + dr]![c + dc] ??= cell;
      c += colSpan;
    }
  });
  // Spans that overlap (a file can say anything) shrink to the rectangle they really own.
  for (const cell of origins.flat()) {
    let colSpan = 0;
    while (colSpan < cell.colSpan && at[cell.row]![cell.col + colSpan] === cell) colSpan++;
    let rowSpan = 1;
    while (rowSpan < cell.rowSpan && Array.from({ length: colSpan }, (_, dc) => at[cell.row + rowSpan]![cell.col + dc]).every((o) => o === cell)) rowSpan++;
    if (colSpan === cell.colSpan && rowSpan === cell.rowSpan) continue;
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        if (at[r]![c] === cell && (r >= cell.row + rowSpan || c >= cell.col + colSpan)) at[r]![c] = undefined;
      }
    }
    cell.rowSpan = rowSpan;
    cell.colSpan = colSpan;
  }
  const columns = Math.max(0, ...at.map((row) => row.length));
  const padded: number[] = [];
  at.forEach((row, r) => {
    let short = false;
    for (let c = 0; c < columns; c++) {
      if (row[c]) continue;
      const cell: GridCell = { row: r, col: c, rowSpan: 1, colSpan: 1, content: [], role: 'blank' };
      row[c] = cell;
      origins[r]!.push(cell);
      short = true;
    }
    if (short) padded.push(r);
    origins[r]!.sort((a, b) => a.col - b.col);
  });
  return { grid: finishGrid(origins, at as GridCell[][], columns, rows.map(() => undefined)), padded };
}

function everyOwned(at: (GridCell | undefined)[][], cell: GridCell, r1: number, c1: number): boolean {
  for (let r = cell.row; r <= r1; r++) for (let c = cell.col; c <= c1; c++) if (at[r]?.[c] !== cell) return false;
  return true;
}

/**
 * The header: the first row, every following row that continues a header cell with `^`, and every
 * following row of labels that divides a header cell merged across columns (行政诉讼 → 未经复议直接起诉 | 复议后起诉).
 */
function headerRowCount(rows: GridCell[][], at: GridCell[][]): number {
  let n = 1;
  for (let r = 1; r < rows.length; r++) {
    const continues = at[r]!.some((owner) => owner.row < r && owner.row < n);
    const starting = rows[r]!;
    const divides =
      starting.length > 0 &&
      starting.every((c) => c.role === 'label') &&
      at[r - 1]!.some((above) => above.row < n && above.colSpan > 1 && starting.filter((c) => c.col >= above.col && c.col < above.col + above.colSpan).length >= 2);
    if (!continues && !divides) break;
    n = r + 1;
  }
  return n;
}

/**
 * Which cells are headers. Header rows: `col` (`colgroup` across several columns). In the body:
 * a row that is one label across the whole width heads a group of rows (`rowgroup`); in a table of
 * figures, rows of labels right under it head the columns again (the blocks of 第二十条 in the
 * national format); and in every other row, the labels before the row's figures (or blanks) are
 * its row headers (`row`).
 */
function assignHeaders(grid: TableGrid): void {
  const { rows, at, columns, headerRows } = grid;
  const scopeAcross = (c: GridCell): HeaderScope => (c.colSpan > 1 ? 'colgroup' : 'col');
  for (let r = 0; r < headerRows; r++) for (const c of rows[r]!) c.header = scopeAcross(c);
  const hasFigures = rows.slice(headerRows).some((row) => row.some((c) => c.role === 'figure'));
  let underGroup = false;
  for (let r = headerRows; r < rows.length; r++) {
    const starting = rows[r]!;
    const only = starting[0];
    if (starting.length === 1 && only && only.colSpan === columns && only.rowSpan === 1 && only.role === 'label') {
      only.header = 'rowgroup';
      grid.groupRows.add(r);
      underGroup = true;
      continue;
    }
    const fresh = at[r]!.every((owner) => owner.row === r);
    if (underGroup && hasFigures && fresh && starting.every((c) => c.role === 'label')) {
      for (const c of starting) c.header = scopeAcross(c);
      continue;
    }
    underGroup = false;
    // Row headers: the labels from the left edge up to the first figure or blank of the row.
    const leading: GridCell[] = [];
    let c = 0;
    let ends = false;
    while (c < columns) {
      const owner = at[r]![c]!;
      if (owner.role !== 'label') {
        ends = true;
        break;
      }
      if (owner.row === r && !leading.includes(owner)) leading.push(owner);
      else if (owner.row !== r && owner.header !== 'row') break;
      c = owner.col + owner.colSpan;
    }
    if (ends) for (const cell of leading) cell.header = 'row';
  }
}

/** The plain text of a cell (a `<Stat>` as its id in braces), for messages and binding. */
export function cellPlainText(cell: Pick<GridCell, 'content'>): string {
  const walk = (nodes: AnyNode[]): string => nodes.map((n) => (n.type === 'text' || n.type === 'inlineCode' ? n.value ?? '' : isStatNode(n) ? `{${attribute(n, 'id') ?? attribute(n, 'data-metric') ?? ''}}` : walk(n.children ?? []))).join('');
  return walk(cell.content as AnyNode[]).trim();
}

/**
 * How many columns on the left hold every body row's labels: the row-header area a phone keeps in
 * view while the figures scroll. 0 when some body row starts with a figure or a blank (a table of
 * figures only, such as 行政复议、行政诉讼). Group rows and column-header rows inside the body do not count.
 */
export function labelColumns(grid: TableGrid): number {
  let least: number | undefined;
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    if (grid.groupRows.has(r)) continue;
    const starting = grid.rows[r]!;
    if (starting.length > 0 && starting.every((c) => c.header === 'col' || c.header === 'colgroup')) continue;
    let end = 0;
    while (end < grid.columns && grid.at[r]![end]!.header === 'row') end = grid.at[r]![end]!.col + grid.at[r]![end]!.colSpan;
    least = Math.min(least ?? end, end);
  }
  return least ?? 0;
}
