// The format's three tables as report text: GFM pipe tables in the shared merge-cell syntax (a cell that is
// exactly `^` is merged into the cell above, `>` into the cell to its left), every figure a <Stat>.
// `npm run new` writes them into a gov-info-disclosure report, each year the tables of its layout: the 2021 format,
// the 2019 one (gov-info-format-2019.ts) or the 统计表 of earlier years (gov-info-format-pre2019.ts).
import { OTHERWISE_2019, PROACTIVE_BLOCKS_2019 } from './gov-info-format-2019.ts';
import { STAT_COLUMNS, STAT_ROWS, TABLE_STATISTICS } from './gov-info-format-pre2019.ts';
import type { ReportTable } from './kind.ts';
import {
  APPLICANT_HEADER,
  APPLICANTS,
  ORGANISATIONS,
  PROACTIVE_BLOCKS,
  PROACTIVE_ROW_HEADER,
  REQUEST_ROWS,
  REQUESTS_CORNER,
  requestCell,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  reviewCell,
} from './gov-info-format.ts';

const UP = '^';
const LEFT = '>';
const stat = (id: string) => `<Stat id="${id}" />`;

function pipeTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}

/** A cell spanning `n` columns: the cell, then `>` for each column it covers. */
const span = (cell: string, n: number) => [cell, ...Array.from({ length: n - 1 }, () => LEFT)];

/** 二、主动公开政府信息情况: one block per 第二十条 item, four columns wide (the 2019 layout's blocks with `blocks`). */
export function proactiveTable(blocks: { item: string; columns: { id: string; path: string[] }[]; rows: { id: string; path: string[] }[] }[] = PROACTIVE_BLOCKS): string {
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const rows: string[][] = [];
  for (const block of blocks) {
    rows.push(span(block.item, width));
    // A block with one figure column lets it span the rest of the row, as the format prints it.
    const last = width - block.columns.length;
    rows.push([PROACTIVE_ROW_HEADER, ...block.columns.flatMap((c, i) => (i === block.columns.length - 1 ? span(c.path.join(''), last) : [c.path.join('')]))]);
    for (const row of block.rows) {
      rows.push([row.path.join(''), ...block.columns.flatMap((c, i) => (i === block.columns.length - 1 ? span(stat(`${row.id}-${c.id}`), last) : [stat(`${row.id}-${c.id}`)]))]);
    }
  }
  return pipeTable(rows);
}

/** 三、收到和处理政府信息公开申请情况: three columns of row labels, then one column per applicant. */
export function requestsTable(requestRows: { id: string; path: string[] }[] = REQUEST_ROWS): string {
  const orgs = APPLICANTS.filter((a) => a.path[0] === ORGANISATIONS);
  const rows: string[][] = [
    [...span(REQUESTS_CORNER, 3), ...span(APPLICANT_HEADER, APPLICANTS.length)],
    [UP, UP, UP, '自然人', ...span(ORGANISATIONS, orgs.length), '总计'],
    [UP, UP, UP, UP, ...orgs.map((o) => o.path[1]!), UP],
  ];
  let previous: string[] = [];
  for (const row of requestRows) {
    const p = row.path;
    const labels = [0, 1, 2].map((i) => {
      if (i >= p.length) return LEFT;
      // A label shared with the row above (三、本年度办理结果, （三）不予公开) is that cell, continued.
      return i < p.length - 1 && previous[i] === p[i] ? UP : p[i]!;
    });
    rows.push([...labels, ...APPLICANTS.map((a) => stat(requestCell(row.id, a.id)))]);
    previous = p;
  }
  return pipeTable(rows);
}

/** 四、政府信息公开行政复议、行政诉讼情况: one row of figures under three header rows. */
export function reviewTable(): string {
  const n = REVIEW_OUTCOMES.length;
  const litigation = REVIEW_BLOCKS.filter((b) => b.path.length > 1);
  const outcomes = REVIEW_OUTCOMES.map((o) => o.path[0]!);
  const rows: string[][] = [
    [...span('行政复议', n), ...span('行政诉讼', n * litigation.length)],
    [...outcomes, ...litigation.flatMap((b) => span(b.path[1]!, n))],
    [...outcomes.map(() => UP), ...litigation.flatMap(() => outcomes)],
    REVIEW_BLOCKS.flatMap((b) => REVIEW_OUTCOMES.map((o) => stat(reviewCell(b.id, o.id)))),
  ];
  return pipeTable(rows);
}

/**
 * Which table goes under which heading: the heading that contains these words. Loose enough for the
 * wordings offices use (“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”, “…行政复议和行政诉讼情况”).
 */
export const GOV_INFO_TABLES: ReportTable[] = [
  { under: '主动公开政府信息', mdx: () => proactiveTable() },
  { under: '收到和处理政府信息公开申请', mdx: () => requestsTable() },
  { under: '行政复议', mdx: reviewTable },
];

/** The 2019 layout's requests table: （六）其他处理 is one row where 2021 has three. */
const REQUEST_ROWS_2019 = REQUEST_ROWS.flatMap((r) => (r.id === 'requests-otherwise-no-correction' ? [OTHERWISE_2019] : r.id.startsWith('requests-otherwise-') ? [] : [r]));

/** 国办公开办函〔2019〕60号 (reports for 2019 and 2020): its table 1 columns and 第二十条第（九）项, its one （六）其他处理 row. */
export const GOV_INFO_TABLES_2019: ReportTable[] = [
  { under: '主动公开政府信息', mdx: () => proactiveTable(PROACTIVE_BLOCKS_2019) },
  { under: '收到和处理政府信息公开申请', mdx: () => requestsTable(REQUEST_ROWS_2019) },
  { under: '行政复议', mdx: reviewTable },
];

/** 政府信息公开情况统计表 (before 2019): 指标名称 · 计量单位 · <year>年度 · 历年累计, one row per 指标. */
export function statisticsTable(year?: number): string {
  const yearHeader = `${year ?? ''}${STAT_COLUMNS[0].path[0]}`;
  const rows: string[][] = [['指标名称', '计量单位', yearHeader, STAT_COLUMNS[1].path[0]]];
  for (const row of STAT_ROWS) rows.push([row.labels[0]!, row.unit, stat(row.id), stat(row.cumulative)]);
  return pipeTable(rows);
}

/** The years before 2019: the one 统计表, under a heading that names it, else under its own heading at the end. */
export const GOV_INFO_TABLES_PRE_2019: ReportTable[] = [{ under: '统计表', heading: `附：${TABLE_STATISTICS}`, mdx: statisticsTable }];
