// The format's three tables as report text: GFM pipe tables in the shared merge-cell syntax (a cell that is
// exactly `^` is merged into the cell above, `>` into the cell to its left), every figure a <Stat>.
// `npm run new` writes them into a gov-info-disclosure report that has no earlier one to copy from.
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

/** 二、主动公开政府信息情况: one block per 第二十条 item, four columns wide. */
export function proactiveTable(): string {
  const width = 1 + Math.max(...PROACTIVE_BLOCKS.map((b) => b.columns.length));
  const rows: string[][] = [];
  for (const block of PROACTIVE_BLOCKS) {
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
export function requestsTable(): string {
  const orgs = APPLICANTS.filter((a) => a.path[0] === ORGANISATIONS);
  const rows: string[][] = [
    [...span(REQUESTS_CORNER, 3), ...span(APPLICANT_HEADER, APPLICANTS.length)],
    [UP, UP, UP, '自然人', ...span(ORGANISATIONS, orgs.length), '总计'],
    [UP, UP, UP, UP, ...orgs.map((o) => o.path[1]!), UP],
  ];
  let previous: string[] = [];
  for (const row of REQUEST_ROWS) {
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
export const GOV_INFO_TABLES: { under: string; mdx: () => string }[] = [
  { under: '主动公开政府信息', mdx: proactiveTable },
  { under: '收到和处理政府信息公开申请', mdx: requestsTable },
  { under: '行政复议', mdx: reviewTable },
];
