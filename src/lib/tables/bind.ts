// Which registry metric does a number in a table cell report? The labels of its row (the label cells
// to its left) and of its column (the label cells above it) say what is counted: row “行政许可” and
// column “本年处理决定数量” name the metric whose table place (or label) says the same.
//
// A metric declares its place in one of two ways:
//  - `row` and `column`: the header cells of its row and of its column, from the outermost in
//    (the gov-info-disclosure registry: row [三、本年度办理结果, （三）不予公开, 1.属于国家秘密], column
//    [法人或其他组织, 商业企业]);
//  - otherwise its label, read as the labels it is made of: `行政许可 · 本年处理决定数量`, or a single
//    label such as `函询` for a row in a table of one figure column.
// A metric matches a cell when every one of its labels is among the cell's row and column labels,
// compared without spaces (“总 计” is 总计), in NFKC, and with or without a last bracket (本年收费金额（单位：万元）).
// The most specific match wins (most labels), then the nearest; a tie is ambiguous and not bound.
import type { Metric, Registry } from '../content/metrics.ts';
import { parseStat, statNumber, type StatValue } from '../content/stat.ts';
import { cellPlainText, type GridCell, type TableGrid } from './grid.ts';

/** Where a metric sits in a table, when the registry says so (the gov-info-disclosure kind does). */
export interface TablePlace {
  row?: string[];
  column?: string[];
}

export interface Label {
  text: string;
  /** Cells between the label and the number, for ranking. */
  distance: number;
}

export interface CellLabels {
  /** Label cells to the left of the cell, left to right. */
  row: Label[];
  /** Label cells above the cell, top to bottom (figures and blanks in between skipped). */
  column: Label[];
}

/** Label text as compared: NFKC, no spaces of any kind, no trailing colon. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]+/gu, '').replace(/[:：]$/u, '');
}

const LAST_BRACKET = /\([^()]*\)$/u;

/**
 * What the 统计表 of earlier years writes differently from one year to the next, and is the same row: “其中：”
 * before the first part (其中：1、当面申请数), 1、 or 1. as the part's number, and the year in a column header
 * (2015年度 is the 年度 column).
 */
function looseKey(key: string): string {
  return key.replace(/^其中[:：]?/u, '').replace(/^(\d{1,2})、/u, '$1.').replace(/^(?:19|20)\d{2}(?=年)/u, '');
}

export function sameLabel(a: string, b: string): boolean {
  const x = looseKey(labelKey(a));
  const y = looseKey(labelKey(b));
  if (!x || !y) return false;
  return x === y || x.replace(LAST_BRACKET, '') === y.replace(LAST_BRACKET, '');
}

/** The labels a metric must find around its cell: its `row`/`column`, else its label read as labels. */
export function placeLabels(metric: Metric): string[] {
  const place = metric as Metric & TablePlace;
  if (place.row?.length || place.column?.length) return [...(place.row ?? []), ...(place.column ?? [])];
  return metric.label.split(/\s*[·・]\s*/u).filter(Boolean);
}

/**
 * Every way a metric may be placed: its own labels, and each of its `places` — the places of the layout at
 * hand when the registry is a layout's (kinds/layouts.ts), where a figure that continues from an older table
 * is labelled otherwise (受理依申请公开信息总数 × 年度 is 一、本年新收政府信息公开申请数量 × 总计).
 */
export function placeAlternatives(metric: Metric): string[][] {
  const own = placeLabels(metric);
  const others = (metric.places ?? []).map((p) => [...(p.row ?? []), ...(p.column ?? [])]).filter((l) => l.length > 0);
  return [own, ...others].filter((l) => l.length > 0);
}

export function cellLabels(grid: TableGrid, cell: GridCell): CellLabels {
  const row: Label[] = [];
  const seen = new Set<GridCell>([cell]);
  for (let c = cell.col - 1; c >= 0; c--) {
    const owner = grid.at[cell.row]![c]!;
    if (seen.has(owner)) continue;
    seen.add(owner);
    if (owner.role === 'label') row.unshift({ text: cellPlainText(owner), distance: cell.col - c });
  }
  // Column labels: up to the group row the cell is under (第二十条第（五）项), then the table's header rows —
  // unless the group heads its own columns (信息内容 | 本年处理决定数量), which then stand for the header.
  const column: Label[] = [];
  let ownColumns = false;
  let passedGroup = false;
  for (let r = cell.row - 1; r >= 0; r--) {
    if (passedGroup && (ownColumns || r >= grid.headerRows)) continue;
    const found: Label[] = [];
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
      const owner = grid.at[r]![c]!;
      if (seen.has(owner)) continue;
      seen.add(owner);
      if (owner.role === 'label') found.push({ text: cellPlainText(owner), distance: cell.row - r });
      if (r >= grid.headerRows && owner.row === r && (owner.header === 'col' || owner.header === 'colgroup')) ownColumns = true;
    }
    column.unshift(...found);
    if (grid.groupRows.has(r)) passedGroup = true;
  }
  return { row, column };
}

/** A number written in a cell: where it is, its value, and its unit (`2人` → 2, 人). */
export interface CellNumber {
  written: string;
  value: StatValue;
  unit: string;
  /** [start, end) of the number (with 余/多) in the cell text; the unit follows it. */
  start: number;
  end: number;
}

const NUMBER_IN_CELL = /^(\s*(?:[+＋]|([-−－])\s*(?=\d))?)(\d+(?:[,，]\d{3})*(?:\.\d+)?|\*+)(\s*(?:余|多|\+)?)\s*(%|％|‰|\p{Script=Han}{1,3})?\s*$/u;

export function cellNumber(text: string): CellNumber | undefined {
  const m = NUMBER_IN_CELL.exec(text);
  if (!m) return undefined;
  const [, lead = '', minus, number = '', more = '', unit = ''] = m;
  if (/^[年月日号时届]/u.test(unit)) return undefined;
  const suffix = more.trim();
  // A negative figure is read as one (−18); whether its metric may hold it is binding's question (`signed`).
  if (minus && (suffix || number.startsWith('*'))) return undefined;
  const parsed = parseStat(`${minus ? '-' : ''}${number.replace(/[,，]/g, '')}${suffix ? '+' : ''}`, { signed: !!minus });
  if (!parsed.ok) return undefined;
  // The sign is part of what was written: a negative figure's text starts at its minus.
  const start = minus ? text.indexOf(minus) : lead.length;
  const end = lead.length + number.length + (suffix ? more.length : 0);
  return { written: text.slice(start, end), value: parsed.value, unit, start, end };
}

/** Columns that number the rows (序号) hold no counts. */
const ORDINAL_COLUMN = /^(?:序号|编号|序)$/u;

export type CellBinding =
  | { kind: 'bound'; metric: Metric; number: CellNumber }
  | { kind: 'unbound'; number: CellNumber; reason: 'no-metric' | 'ambiguous' | 'taken' | 'unit' | 'negative'; candidates: Metric[] }
  | { kind: 'blank'; text: string };

export interface BoundCell {
  cell: GridCell;
  labels: CellLabels;
  binding: CellBinding;
}

function unitFits(metric: Metric, unit: string): boolean {
  return !unit || !metric.unit || metric.unit === unit;
}

/**
 * Bind the number cells of a table body to metrics. `taken` holds metric ids already bound (by an
 * earlier table); each metric is bound to one cell only. Header cells and label cells are left alone.
 */
export function bindTable(grid: TableGrid, registry: Registry, taken: Set<string> = new Set()): BoundCell[] {
  const out: BoundCell[] = [];
  const placed = registry.metrics.flatMap((metric) => placeAlternatives(metric).map((labels) => ({ metric, labels })));
  for (const row of grid.rows.slice(grid.headerRows)) {
    for (const cell of row) {
      if (cell.header || cell.role === 'label') continue;
      const labels = cellLabels(grid, cell);
      if (labels.column.some((l) => ORDINAL_COLUMN.test(labelKey(l.text)))) continue;
      const text = cellPlainText(cell);
      if (cell.role === 'blank') {
        out.push({ cell, labels, binding: { kind: 'blank', text } });
        continue;
      }
      const number = cellNumber(text);
      if (!number) continue;
      const around = [...labels.row, ...labels.column];
      const matches = placed
        .map(({ metric, labels: wanted }) => {
          let distance = 0;
          for (const w of wanted) {
            const hit = around.filter((l) => sameLabel(l.text, w)).sort((a, b) => a.distance - b.distance)[0];
            if (!hit) return undefined;
            distance += hit.distance;
          }
          return { metric, specificity: wanted.length, distance };
        })
        .filter((m): m is NonNullable<typeof m> => !!m)
        .sort((a, b) => b.specificity - a.specificity || a.distance - b.distance)
        // A metric matched by two of its places is one candidate, at its best place.
        .filter((m, i, all) => all.findIndex((o) => o.metric === m.metric) === i);
      const unitFitting = matches.filter((m) => unitFits(m.metric, number.unit));
      // Only a metric that may be below zero (`signed: true`) takes a negative figure.
      const negative = (statNumber(number.value) ?? 0) < 0;
      const fitting = negative ? unitFitting.filter((m) => m.metric.signed) : unitFitting;
      const best = fitting[0];
      const tied = best ? fitting.filter((m) => m.specificity === best.specificity && m.distance === best.distance) : [];
      let binding: CellBinding;
      if (!best) binding = { kind: 'unbound', number, reason: unitFitting.length ? 'negative' : matches.length ? 'unit' : 'no-metric', candidates: (unitFitting.length ? unitFitting : matches).map((m) => m.metric) };
      else if (tied.length > 1) binding = { kind: 'unbound', number, reason: 'ambiguous', candidates: tied.map((m) => m.metric) };
      else if (taken.has(best.metric.id)) binding = { kind: 'unbound', number, reason: 'taken', candidates: [best.metric] };
      else {
        taken.add(best.metric.id);
        binding = { kind: 'bound', metric: best.metric, number };
      }
      out.push({ cell, labels, binding });
    }
  }
  return out;
}

/** How the summary names a cell: `一、本年新收政府信息公开申请数量 × 自然人`. */
export function cellName(labels: CellLabels): string {
  const row = labels.row.map((l) => l.text).filter(Boolean);
  const column = labels.column.map((l) => l.text).filter((t) => t && [...t].length <= 40);
  return [row.join(' · '), column.join(' · ')].filter(Boolean).join(' × ') || '（没有行列标题）';
}
