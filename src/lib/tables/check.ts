// `npm run check` on the tables of a report body: every table problem at once, in Chinese, with its line.
import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../content/problems.ts';
import { readTable, type TableIssue } from './grid.ts';

const MARKERS_HINT = '合并单元格的写法：与上方合并的格写 ^，与左侧合并的格写 >；字面的 ^ 或 > 写成 \\^ 或 \\>';


function issueProblem(issue: TableIssue, file: string, lineOffset: number): Problem {
  const line = issue.line === undefined ? undefined : issue.line + lineOffset;
  const base = { file, line };
  switch (issue.kind) {
    case 'ragged': {
      const more = issue.cells > issue.columns;
      return {
        ...base,
        severity: 'error',
        message: `表格的这一行有 ${issue.cells} 格，而第一行（表头）有 ${issue.columns} 格${more ? '：多出的格不会显示' : '：缺的格会显示成空格'}`,
        hint: `每一行都要与第一行的格数相同，空的格写成 |  |；${MARKERS_HINT}`,
      };
    }
    case 'up-in-first-row':
      return { ...base, severity: 'error', message: `表格第一行的第 ${issue.col + 1} 格写了 ^，但它上面没有可以合并的格`, hint: `^ 表示与上方的格合并，不能用在第一行；${MARKERS_HINT}` };
    case 'left-in-first-column':
      return { ...base, severity: 'error', message: `表格这一行的第一格写了 >，但它左边没有可以合并的格`, hint: `> 表示与左侧的格合并，不能用在第一列；${MARKERS_HINT}` };
    case 'not-rectangular':
      return {
        ...base,
        severity: 'error',
        message: `表格这一行第 ${issue.col + 1} 格开始的合并单元格${issue.text ? `“${issue.text}”` : ''}不是一个矩形`,
        hint: '合并后的区域必须是整齐的长方形：它下方的每一行都要在同样的几列写 ^ 或 >（比如向右合并两格又向下合并两格，第二行写 ^ > 或 ^ ^）',
      };
    case 'whole-row-merged':
      return { ...base, severity: 'error', message: '表格的这一行每一格都与别的格合并了，这一行是空的', hint: '删除这一行，或在其中写上内容' };
    case 'empty':
      return { ...base, severity: 'error', message: '表格是空的：所有格都没有内容', hint: '填上表格内容，或删除这个表格' };
    case 'header-only':
      return { ...base, severity: 'warning', message: '表格只有表头，没有内容行', hint: '在表头下面（分隔行 |---| 之后）逐行写上内容；不需要的话删除这个表格' };
    case 'content':
      return {
        ...base,
        severity: 'error',
        message: `表格这一行第 ${issue.col + 1} 格中有${issue.what}`,
        hint: '表格的格里只能写文字、<Stat id="…" /> 和 <Redact>…</Redact>',
      };
  }
}

/** Lines that start with `|` but did not become a table: usually a separator row `|---|` that is missing or has the wrong number of cells. */
function almostTables(tree: Root, source: string | undefined): { line?: number }[] {
  const out: { line?: number }[] = [];
  if (source === undefined) return out;
  visit(tree, 'paragraph', (p) => {
    const start = p.position?.start.offset;
    const end = p.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const lines = source.slice(start, end).split('\n');
    if (lines.filter((l) => /^\s*\|.*\|/.test(l)).length >= 2) out.push({ line: p.position?.start.line });
  });
  return out;
}

/** Problems in the tables of a parsed body. `source` is the body text the tree was parsed from. */
export function tableProblems(tree: Root, ctx: { file: string; lineOffset: number; source?: string }): Problem[] {
  const problems: Problem[] = [];
  visit(tree, 'table', (table: Table) => {
    for (const issue of readTable(table).issues) problems.push(issueProblem(issue, ctx.file, ctx.lineOffset));
  });
  for (const { line } of almostTables(tree, ctx.source)) {
    problems.push({
      severity: 'warning',
      file: ctx.file,
      line: line === undefined ? undefined : line + ctx.lineOffset,
      message: '这几行以 | 开头，像是表格，但没有被识别为表格，会显示成一段文字',
      hint: '表格的第二行必须是分隔行，格数与第一行相同，如 | --- | --- |；表格上方要空一行',
    });
  }
  return problems;
}
