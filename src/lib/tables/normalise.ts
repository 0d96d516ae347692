// A table as an office's file holds it is not always the table as it was drawn. A Word file made from a
// PDF, or a portal page's table, loses its merges: a band row 第二十条第（五）项 comes as a label and empty
// cells, the empty cells under 三、本年度办理结果 or right of 法人或其他组织 mean “the cell above / to the
// left goes on here”. Labels carry stray spaces, line breaks, 1、 for 1. and typos (不子公开). This step
// reads such a table back into the form's shape before its figures are bound: it restores the merges
// that empty cells stand for and gives each label that is a variant of a registry label the registry's
// words for binding (the table keeps the words as written). Where the table can be read two ways — as
// written, or with the merges restored — the reading under which the registry's sum rules hold wins.
import { distance } from 'fastest-levenshtein';
import type { Registry } from '../content/metrics.ts';
import type { StatValue } from '../content/stat.ts';
import { brokenRules } from '../content/sum-rules.ts';
import type { SourceCell, SourceTable } from '../import/source.ts';
import { bindTable, labelKey, placeLabels } from './bind.ts';
import { cellRole, gridFromSpans, type CellRole } from './grid.ts';

interface Slot {
  row: number;
  col: number;
  /** Last row and column it covers. */
  r1: number;
  c1: number;
  text: string;
  role: CellRole;
}

/** Each position's cell, as the table lays out. */
function layout(t: SourceTable): Slot[][] {
  const { grid } = gridFromSpans(t.rows.map((row) => row.map((c) => ({ content: c.text ? [{ type: 'text' as const, value: c.text }] : [], rowSpan: c.rowSpan, colSpan: c.colSpan }))));
  const slots = new Map(grid.rows.flat().map((g) => [g, { row: g.row, col: g.col, r1: g.row + g.rowSpan - 1, c1: g.col + g.colSpan - 1, text: textOf(g.content), role: g.role } satisfies Slot]));
  return grid.at.map((row) => row.map((g) => slots.get(g)!));
}

const textOf = (content: { type: string; value?: string }[]) => content.map((n) => n.value ?? '').join('');

function toSource(at: Slot[][]): SourceTable {
  const rows: SourceCell[][] = at.map(() => []);
  const seen = new Set<Slot>();
  at.forEach((row) =>
    row.forEach((s) => {
      if (seen.has(s)) return;
      seen.add(s);
      rows[s.row]!.push({ text: s.text, rowSpan: s.r1 - s.row + 1, colSpan: s.c1 - s.col + 1 });
    }),
  );
  return { rows, repeatedHeaderRows: 0 };
}

/** A position nothing was written in: no text at all (—, / and 无 are written blanks and stay). */
const empty = (s: Slot) => s.text.trim() === '' && s.r1 === s.row && s.c1 === s.col;
const label = (s: Slot | undefined): s is Slot => !!s && s.role === 'label' && s.text.trim() !== '';

/**
 * The table with the merges its empty cells stand for: a row of one label and empty cells is a band
 * across the table; in rows of labels (the header), an empty cell continues the label to its left when
 * the row below divides it, else the label above; among the row labels, an empty cell continues the
 * label to its left in the same row, else the one above; among the figures, an empty cell whose column
 * shares its heading with the figure to its left is part of that figure's cell (行政许可 | 10690 across
 * 本年处理决定数量). Returns how many positions were joined to a cell.
 */
export function restoreMerges(t: SourceTable): { table: SourceTable; joined: number } {
  const at = layout(t);
  const rows = at.length;
  const columns = at[0]?.length ?? 0;
  if (rows === 0 || columns < 2) return { table: t, joined: 0 };
  const figureCols = new Set<number>();
  at.forEach((row) => row.forEach((s, c) => s.role === 'figure' && figureCols.add(c)));
  if (figureCols.size === 0) return { table: t, joined: 0 };
  const firstFigure = Math.min(...figureCols);
  const starting = (r: number) => [...new Set(at[r]!.filter((s) => s.row === r))];
  const hasFigure = at.map((_, r) => starting(r).some((s) => s.role === 'figure'));
  const labels = at.map((_, r) => starting(r).filter(label).length);
  const firstFigureRow = hasFigure.indexOf(true);
  // A band opens a block with its own column headings (第二十条第（五）项 over 信息内容 | 本年处理决定数量): a row
  // of one label and empty cells followed by a row of headings. (四、结转下年度继续办理 with its figures all
  // left blank is a row of one label and empty cells too, but no headings follow it.)
  const band = at.map((_, r) => {
    const cells = starting(r);
    return !hasFigure[r] && label(cells[0]) && cells[0]!.col === 0 && cells.slice(1).every(empty) && r + 1 < rows && !hasFigure[r + 1] && labels[r + 1]! >= 2;
  });
  // Rows of column headings: the table's header (the rows above its first figure), and the rows right under a band.
  const heading: boolean[] = [];
  at.forEach((_, r) => {
    heading[r] = !band[r] && !hasFigure[r] && labels[r]! >= 1 && (r < firstFigureRow || (r > 0 && (band[r - 1]! || heading[r - 1]!) && r > firstFigureRow && labels[r]! >= 2));
  });
  const labelRow = (r: number) => r < rows && heading[r]!;
  let joined = 0;
  const claim = (target: Slot, r: number, c: number) => {
    target.r1 = Math.max(target.r1, r);
    target.c1 = Math.max(target.c1, c);
    for (let y = target.row; y <= target.r1; y++) for (let x = target.col; x <= target.c1; x++) if (at[y]![x] !== target) (at[y]![x] = target), joined++;
  };
  /** Can `target` grow to cover (r, c) and stay a rectangle of its own positions and empty ones? */
  const fits = (target: Slot, r: number, c: number) => {
    for (let y = Math.min(target.row, r); y <= Math.max(target.r1, r); y++) {
      for (let x = Math.min(target.col, c); x <= Math.max(target.c1, c); x++) if (at[y]![x] !== target && !empty(at[y]![x]!)) return false;
    }
    return true;
  };
  const left = (r: number, c: number) => (c > 0 ? at[r]![c - 1] : undefined);
  const above = (r: number, c: number) => (r > 0 ? at[r - 1]![c] : undefined);
  /** The nearest row of column headings above `r`, for the figure area. */
  const headingRow = (r: number) => {
    for (let y = r - 1; y >= 0; y--) if (heading[y]) return y;
    return undefined;
  };
  let blockStart = 0;
  for (let r = 0; r < rows; r++) {
    if (band[r]) {
      const head = starting(r)[0]!;
      if (fits(head, r, columns - 1)) claim(head, r, columns - 1);
      blockStart = r + 1;
      continue;
    }
    const isLabels = labelRow(r);
    if (!isLabels || (r > 0 && !labelRow(r - 1))) blockStart = r;
    for (let c = 0; c < columns; c++) {
      const here = at[r]![c]!;
      if (!empty(here)) continue;
      const l = left(r, c);
      const a = above(r, c);
      let target: Slot | undefined;
      if (isLabels) {
        const below = labelRow(r + 1) ? at[r + 1]![c] : undefined;
        if (label(below) && below.row === r + 1 && label(l)) target = l;
        else if (r > blockStart && label(a)) target = a;
        else if (label(l)) target = l;
      } else if (c < firstFigure) {
        if (label(l) && l.row === r) target = l;
        else if (label(a) && a.c1 < firstFigure) target = a;
      } else if (l?.role === 'figure') {
        const h = headingRow(r);
        if (h !== undefined && at[h]![c] === at[h]![c - 1]) target = l;
      }
      if (target && fits(target, r, c)) claim(target, r, c);
    }
  }
  return { table: joined ? toSource(at) : t, joined };
}

/** A label as compared for similarity: its key, with 1、 and 1， written 1. as the form writes them. */
function similarityKey(text: string): string {
  return labelKey(text).replace(/^(\d{1,2})[、,，]/u, '$1.').replace(/[。；;]$/u, '');
}

/** The ordinal a label opens with ((三), 二、, 1.), as compared: labels of different ordinals are different rows. */
const ORDINAL = /^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\d{1,2}\.)/u;

/**
 * The registry label a written label stands for when it is not written exactly so: 1、申请人… for
 * 1.申请人…, （三）不子公开 for （三）不予公开. A label is taken for a registry label when it opens with the
 * same ordinal, few of its characters differ (one in six, at most) and no other registry label is as near.
 */
export function registryLabel(text: string, labels: readonly string[]): string | undefined {
  const key = similarityKey(text);
  if (!key || labels.some((l) => labelKey(l) === labelKey(text))) return undefined;
  const ordinal = ORDINAL.exec(key)?.[0] ?? '';
  let best: { label: string; d: number }[] = [];
  for (const l of labels) {
    const k = similarityKey(l);
    if ((ORDINAL.exec(k)?.[0] ?? '') !== ordinal) continue;
    if (Math.abs(k.length - key.length) > Math.max(1, Math.floor(k.length / 6))) continue;
    const d = k === key ? 0 : distance(k, key);
    if (d > Math.floor(k.length / 6) || (d > 0 && k.length < 5)) continue;
    if (!best.length || d < best[0]!.d) best = [{ label: l, d }];
    else if (d === best[0]!.d && best[0]!.label !== l) best.push({ label: l, d });
  }
  return best.length === 1 ? best[0]!.label : undefined;
}

/** The same table with each label that varies from a registry label written as the registry writes it. */
function bindingLabels(t: SourceTable, labels: readonly string[]): { table: SourceTable; renamed: [string, string][] } {
  const renamed: [string, string][] = [];
  const rows = t.rows.map((row) =>
    row.map((c) => {
      if (cellRole(c.text ? [{ type: 'text', value: c.text }] : []) !== 'label') return c;
      const as = registryLabel(c.text, labels);
      if (!as) return c;
      renamed.push([c.text, as]);
      return { ...c, text: as };
    }),
  );
  return { table: { ...t, rows }, renamed };
}

export interface NormalisedTable {
  /** The table to write: the merges its empty cells stood for restored when that is the better reading. */
  table: SourceTable;
  /** The same table, each label as binding should read it. */
  labels: SourceTable;
  /** Labels read as a registry label: [written, read as]. */
  renamed: [string, string][];
  /** Positions joined to a cell (0 when the table was taken as written). */
  joined: number;
  /** Sum rules of the registry over this table's figures that hold and that break, under the reading taken. */
  rulesHeld: number;
  rulesBroken: number;
  /** The reading taken was chosen over another by the sum rules. */
  byRules: boolean;
}

function score(labels: SourceTable, registry: Registry, taken: ReadonlySet<string>): { bound: number; held: number; broken: number } {
  const grid = gridFromSpans(labels.rows.map((row) => row.map((c) => ({ content: c.text ? [{ type: 'text' as const, value: c.text }] : [], rowSpan: c.rowSpan, colSpan: c.colSpan })))).grid;
  const stats: Record<string, StatValue> = {};
  for (const b of bindTable(grid, registry, new Set(taken))) if (b.binding.kind === 'bound') stats[b.binding.metric.id] = b.binding.number.value;
  const relevant = registry.rules.filter((rule) => [...rule.left, ...rule.right].every((id) => Object.hasOwn(stats, id)));
  const broken = brokenRules(relevant, stats).length;
  return { bound: Object.keys(stats).length, held: relevant.length - broken, broken };
}

/**
 * Read a table for binding: as written, and with the merges its empty cells stand for; each with its
 * labels matched to the registry by similarity. The reading under which more of the registry's sum
 * rules hold (fewer break) is taken, then the one that binds more figures; as written on a tie.
 */
export function normaliseTable(t: SourceTable, registry: Registry, taken: ReadonlySet<string> = new Set()): NormalisedTable {
  const labels = [...new Set(registry.metrics.flatMap(placeLabels))];
  const restored = restoreMerges(t);
  const readings = [{ table: t, joined: 0 }, ...(restored.joined ? [restored] : [])].map((r) => {
    const named = bindingLabels(r.table, labels);
    return { ...r, renamed: named.renamed, labels: named.table, ...score(named.table, registry, taken) };
  });
  const better = (x: (typeof readings)[number], y: (typeof readings)[number]) => x.held - x.broken - (y.held - y.broken) || x.bound - y.bound;
  const best = readings.reduce((a, b) => (better(b, a) > 0 ? b : a));
  const byRules = readings.length > 1 && readings.some((r) => r !== best && r.bound > best.bound);
  return { table: best.table, labels: best.labels, renamed: best.renamed, joined: best.joined, rulesHeld: best.held, rulesBroken: best.broken, byRules };
}
