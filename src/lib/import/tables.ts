// Word tables in an imported report: laid on their grid with merged cells kept, a table that Word split
// over two pages (the header repeated) joined again, and every number cell bound to a metric by its
// row and column labels (src/lib/tables/bind.ts) — or listed for the author when none fits.
import type { PhrasingContent } from 'mdast';
import type { Metric, Registry } from '../content/metrics.ts';
import { formatStat, type StatValue } from '../content/stat.ts';
import { bindTable, cellLabels, cellName, labelKey, type CellBinding, type CellLabels, type CellNumber } from '../tables/bind.ts';
import { normaliseTable } from '../tables/normalise.ts';
import { cellPlainText, gridFromSpans, type TableGrid } from '../tables/grid.ts';
import type { BodyBlock } from './blocks.ts';
import type { DocTable, Inline } from './mdx.ts';
import type { SourceTable } from './source.ts';
import { hasRedaction, inlineOf } from './redaction.ts';

type TableBlock = Extract<BodyBlock, { type: 'table' }>;

export interface TableCellReport {
  /** The table's number in the report (from 1) and the cell's place in it (from 1). */
  table: number;
  row: number;
  col: number;
  /** Its row and column labels: `行政许可 × 本年处理决定数量`. */
  name: string;
  written: string;
}

export interface BoundTableCell extends TableCellReport {
  metric: Metric;
  value: StatValue;
  /** Shown differently from the source (10,690 → 10690). */
  shownAs?: string;
}

export interface UnboundTableCell extends TableCellReport {
  reason: Extract<CellBinding, { kind: 'unbound' }>['reason'];
  candidates: Metric[];
  /** Its row and column labels and its number, for `--add-metrics` (new-metrics.ts). */
  labels: CellLabels;
  number: CellNumber;
}

export interface TableSummary {
  number: number;
  rows: number;
  columns: number;
  /** The Word tables it was made of, by their number in the document. */
  parts: number[];
  numbers: number;
  /** Number cells bound to a metric. */
  bound: number;
}

export interface ImportedTables {
  /** Per body block: the table to write, for the blocks that are tables. */
  docs: Map<number, DocTable>;
  tables: TableSummary[];
  bound: BoundTableCell[];
  unbound: UnboundTableCell[];
  blank: TableCellReport[];
  notes: string[];
}

const text = (s: string): PhrasingContent[] => (s ? [{ type: 'text', value: s }] : []);

function gridOf(t: SourceTable): { grid: TableGrid; padded: number[] } {
  return gridFromSpans(t.rows.map((row) => row.map((c) => ({ content: text(c.text), rowSpan: c.rowSpan, colSpan: c.colSpan }))));
}

/** The text of each of the first `n` rows, position by position (merged cells repeated), to compare headers. */
function rowKeys(grid: TableGrid, n: number): string[] {
  return grid.at.slice(0, n).map((row) => row.map((c) => labelKey(cellPlainText(c))).join('|'));
}

export interface Joined {
  into: number;
  from: number;
  headerRows: number;
  /** A “续表” line between the parts, dropped with the repeated header. */
  dropped?: string;
}

const CONTINUED = /^[（(]?\s*续表\s*[0-9０-９一二三四五六七八九十]*\s*[）)]?[：:]?$/u;

/**
 * The rows of two parts of one table. A label merged down across the cut comes as two cells: the part
 * below starts with an empty cell, or with the label typed again, merged over the rest of its rows —
 * it continues the label above. (Only a label that was merged on either side: two one-row cells that
 * happen to read the same stay two.)
 */
function joinRows(top: SourceTable['rows'], bottom: SourceTable['rows']): SourceTable['rows'] {
  const rows = [...top.map((r) => r.map((c) => ({ ...c }))), ...bottom.map((r) => r.map((c) => ({ ...c })))];
  const last = top.length - 1;
  if (last < 0 || bottom.length === 0) return rows;
  const above = gridOf({ rows: rows.slice(0, top.length), repeatedHeaderRows: 0 }).grid;
  const below = gridOf({ rows: rows.slice(top.length), repeatedHeaderRows: 0 }).grid;
  const drop = new Set<number>();
  below.rows[0]!.forEach((cell, i) => {
    if (i >= rows[top.length]!.length) return;
    const owner = above.at[last]?.[cell.col];
    if (!owner || owner.role !== 'label' || owner.col !== cell.col || owner.colSpan !== cell.colSpan || owner.row + owner.rowSpan - 1 !== last) return;
    if (owner.rowSpan === 1 && cell.rowSpan === 1) return;
    const continues = cell.content.length === 0 || labelKey(cellPlainText(cell)) === labelKey(cellPlainText(owner));
    if (!continues) return;
    const source = rows[owner.row]![above.rows[owner.row]!.indexOf(owner)];
    if (!source) return;
    source.rowSpan += cell.rowSpan;
    drop.add(i);
  });
  rows[top.length] = rows[top.length]!.filter((_, i) => !drop.has(i));
  return rows;
}

/**
 * A table Word split in two — the second part repeating the first part's header rows, maybe after a
 * “续表” line — is one table: the parts are joined and the repeated header dropped.
 */
export function joinSplitTables(blocks: BodyBlock[]): { blocks: BodyBlock[]; joined: Joined[] } {
  const out: BodyBlock[] = [];
  const joined: Joined[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as BodyBlock;
    const prev = out.at(-1);
    let next = b;
    let skipped = false;
    if (b.type === 'paragraph' && CONTINUED.test(b.text.trim()) && prev?.type === 'table' && blocks[i + 1]?.type === 'table') {
      next = blocks[i + 1] as BodyBlock;
      skipped = true;
    }
    if (next.type === 'table' && prev?.type === 'table') {
      const first = gridOf(prev.grid).grid;
      const second = gridOf(next.grid).grid;
      const header = Math.max(first.headerRows, prev.grid.repeatedHeaderRows);
      const keys = rowKeys(first, header);
      const repeats = first.columns === second.columns && header < second.rows.length && keys.every((k, r) => k === rowKeys(second, header)[r]);
      // A part that starts with figures has no header of its own: it goes on from the table above it
      // (a table over two pages in a Word file made from a PDF, its header not repeated).
      const headless = !repeats && first.columns === second.columns && second.rows[0]!.some((c) => c.role === 'figure') && first.rows.some((row) => row.some((c) => c.role === 'figure'));
      if (repeats || headless) {
        const dropRows = repeats ? header : 0;
        const merged: TableBlock = {
          ...prev,
          grid: { rows: joinRows(prev.grid.rows, next.grid.rows.slice(dropRows)), repeatedHeaderRows: prev.grid.repeatedHeaderRows },
          text: `${prev.text}\n${next.text}`,
        };
        out[out.length - 1] = merged;
        joined.push({ into: prev.table, from: next.table, headerRows: dropRows, ...(skipped && { dropped: b.text.trim() }) });
        if (skipped) i++;
        continue;
      }
    }
    out.push(b);
  }
  return { blocks: out, joined };
}

/** Bind the tables of a shaped body. Numbering of tables follows the report (after joining). */
export function importTables(blocks: BodyBlock[], registry: Registry, joined: Joined[] = []): ImportedTables {
  const result: ImportedTables = { docs: new Map(), tables: [], bound: [], unbound: [], blank: [], notes: [] };
  const taken = new Set<string>();
  let number = 0;
  blocks.forEach((b, index) => {
    if (b.type !== 'table') return;
    number++;
    // The table as the form drew it (merges its empty cells stand for), and its labels as binding reads them.
    const read = normaliseTable(b.grid, registry, taken);
    const { grid, padded } = gridOf(read.table);
    const reading = gridOf(read.labels).grid;
    const parts = [b.table, ...joined.filter((j) => j.into === b.table).map((j) => j.from)];
    const cells = bindTable(reading, registry, taken);
    const byPlace = new Map(cells.map((c) => [`${c.cell.row},${c.cell.col}`, c]));
    const doc: DocTable = { rows: grid.rows.length, columns: grid.columns, cells: [] };
    let numbers = 0;
    let boundHere = 0;
    for (const cell of grid.rows.flat()) {
      const value = cellPlainText(cell);
      let inline: Inline[] = value ? inlineOf(value) : [];
      const found = byPlace.get(`${cell.row},${cell.col}`);
      // A cell the clerk marked secret is written as it is, inside <Redact>: never a stat, which would show it.
      // Named and offered to --add-metrics by its labels as written, not as binding read them.
      const bound = found && !hasRedaction(value) ? { ...found, labels: cellLabels(grid, cell) } : undefined;
      const place = { table: number, row: cell.row + 1, col: cell.col + 1 };
      if (bound?.binding.kind === 'bound') {
        const { metric, number: n } = bound.binding;
        inline = [...(n.start > 0 ? [{ type: 'text' as const, value: value.slice(0, n.start) }] : []), { type: 'stat', id: metric.id }, ...(n.end < value.length ? [{ type: 'text' as const, value: value.slice(n.end) }] : [])];
        const shown = formatStat(n.value);
        result.bound.push({ ...place, name: cellName(bound.labels), written: n.written, metric, value: n.value, ...(shown !== n.written && { shownAs: shown }) });
        numbers++;
        boundHere++;
      } else if (bound?.binding.kind === 'unbound') {
        result.unbound.push({ ...place, name: cellName(bound.labels), labels: bound.labels, number: bound.binding.number, written: bound.binding.number.written + bound.binding.number.unit, reason: bound.binding.reason, candidates: bound.binding.candidates });
        numbers++;
      } else if (bound?.binding.kind === 'blank') {
        result.blank.push({ ...place, name: cellName(bound.labels), written: bound.binding.text });
      }
      doc.cells.push({ row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan, inline });
    }
    result.docs.set(index, doc);
    result.tables.push({ number, rows: grid.rows.length, columns: grid.columns, parts, numbers, bound: boundHere });
    if (read.joined) {
      const rules = read.rulesHeld || read.rulesBroken ? `；这样读，表中 ${read.rulesHeld} 条合计关系成立${read.rulesBroken ? `、${read.rulesBroken} 条不成立` : ''}` : '';
      result.notes.push(`第 ${number} 个表格缺少合并单元格（如由 PDF 转成的 Word）：${read.joined} 个空白格按上方或左侧单元格的延续读，合并单元格已补上${rules}${read.byRules ? '（另一种读法能对应更多数字，但合计关系不成立，没有采用）' : ''}`);
    }
    if (read.renamed.length) {
      const shown = read.renamed.slice(0, 5).map(([w, as]) => `“${w}”→“${as}”`).join('、');
      result.notes.push(`第 ${number} 个表格中 ${read.renamed.length} 个标题与指标用字不同，按最相近的指标标题对应（表中文字保持原样）：${shown}${read.renamed.length > 5 ? ' 等' : ''}`);
    }
    if (padded.length) {
      result.notes.push(`第 ${number} 个表格有 ${padded.length} 行比其他行少格（第 ${padded.map((r) => r + 1).join('、')} 行），已在行尾补了空格；请对照原文核对这几行`);
    }
  });
  for (const j of joined) {
    if (j.headerRows === 0) result.notes.push(`Word 中的第 ${j.into} 个和第 ${j.from} 个表格是同一张表（后一个没有表头、列数相同、第一行就是数字）：已合并为一张表${j.dropped ? `，去掉了两表之间的“${j.dropped}”一行` : ''}`);
    else result.notes.push(`Word 中的第 ${j.into} 个和第 ${j.from} 个表格是同一张表（续表重复了前 ${j.headerRows} 行表头）：已合并为一张表，去掉了重复的表头行${j.dropped ? `和两表之间的“${j.dropped}”一行` : ''}`);
  }
  return result;
}
