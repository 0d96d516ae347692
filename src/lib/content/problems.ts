// Content problems are collected, never thrown one at a time: an author fixes everything in one pass.
export type Severity = 'error' | 'warning' | 'notice';

/**
 * The evaluator's term for a problem, set by the check that finds it (never read back from its words), so that the
 * portal's review page (src/lib/across-offices/review.ts) can sort problems as assessors of 政府信息公开工作年度报告
 * do: `sum` 勾稽关系不符 (a sum rule broken), `table-missing` 表格缺失 (figures of the format's table left out),
 * `carried-over` 上年结转与上年报告不符, `layout-year` 版式与年份不符 (a report in another year's format), `text-table`
 * 文字与表格数字不一致. Every other problem has none (其他).
 */
export type ReviewRule = 'sum' | 'table-missing' | 'carried-over' | 'layout-year' | 'text-table';
export const REVIEW_RULES: readonly ReviewRule[] = ['sum', 'table-missing', 'carried-over', 'layout-year', 'text-table'];

export interface Problem {
  severity: Severity;
  /** Path relative to the content folder, e.g. `reports/2022.mdx`. */
  file: string;
  /** The field as written in the file, e.g. `stats.petitions-received`. */
  field?: string;
  line?: number;
  column?: number;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** Which of the evaluator's terms it falls under, when one (ReviewRule); absent: 其他. */
  rule?: ReviewRule;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', notice: '提示' };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function countBySeverity(problems: Problem[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const p of problems) counts[p.severity]++;
  return counts;
}

/** Problems grouped by file (in file order), errors first within a file. */
export function groupByFile(problems: Problem[]): { file: string; problems: Problem[] }[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const list = groups.get(p.file) ?? [];
    list.push(p);
    groups.set(p.file, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([file, list]) => ({
      file,
      problems: list.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0)),
    }));
}

export function formatProblem(p: Problem): string {
  const where = [p.line ? `第 ${p.line} 行` : '', p.field ? `字段 ${p.field}` : ''].filter(Boolean).join('，');
  const head = `  [${SEVERITY_LABEL[p.severity]}]${where ? ` ${where}：` : ' '}${p.message}`;
  return p.hint ? `${head}\n      → ${p.hint}` : head;
}

/**
 * Problems grouped by file, each group headed by its path: `prefix` + the problem's file (the content
 * folder's path for `npm run check`; nothing for a portal's, whose files are already `series/reports/…`).
 */
export function formatProblemList(problems: Problem[], prefix: string): string[] {
  const lines: string[] = [];
  for (const group of groupByFile(problems)) {
    lines.push(`${prefix}${group.file}`);
    // A run of problems with the same advice (e.g. every unfilled figure of a new year) gets it once, after the run.
    const list = group.problems;
    for (let i = 0; i < list.length; ) {
      const p = list[i] as Problem;
      let j = i + 1;
      while (p.hint && j < list.length && list[j]?.hint === p.hint && list[j]?.severity === p.severity) j++;
      if (j - i < 3) {
        for (const q of list.slice(i, j)) lines.push(formatProblem(q));
      } else {
        for (const q of list.slice(i, j)) lines.push(formatProblem({ ...q, hint: undefined }));
        lines.push(`      → 以上 ${j - i} 条：${p.hint}`);
      }
      i = j;
    }
    lines.push('');
  }
  return lines;
}

/** `共 1 个错误，0 个警告，2 个提示。` */
export function problemCountLine(problems: Problem[]): string {
  const c = countBySeverity(problems);
  return `共 ${c.error} 个错误，${c.warning} 个警告，${c.notice} 个提示。`;
}

/** The report printed by `npm run check` and by a failed build. */
export function formatProblems(problems: Problem[], contentDir: string): string {
  if (problems.length === 0) return '';
  return [...formatProblemList(problems, `${contentDir.replace(/\/$/, '')}/`), problemCountLine(problems)].join('\n');
}

export class ContentProblemsError extends Error {
  problems: Problem[];
  constructor(problems: Problem[], contentDir: string) {
    super(`内容检查未通过：\n\n${formatProblems(problems, contentDir)}`);
    this.name = 'ContentProblemsError';
    this.problems = problems;
  }
}
