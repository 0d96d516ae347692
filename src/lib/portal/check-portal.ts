// `npm run check` on a portal: the portal's own shape (portal.yaml, folder names, groups), then every
// series checked exactly as a single content folder is (src/lib/check/check.ts), its problems' paths made
// relative to the portal (`zfb-xxgk/reports/2024.mdx`), and the cross-series model with each series' counts.
import type { CheckResult, ReportCheckMemo } from '../check/check.ts';
import { checkContent } from '../check/check.ts';
import type { ContentReader } from '../content/content-files.ts';
import { countBySeverity, formatProblemList, hasErrors, problemCountLine, type Problem } from '../content/problems.ts';
import { portalModel, UNGROUPED, type PortalModel } from './model.ts';
import type { PortalConfig } from './portal-schema.ts';
import { inSeries, scanPortal } from './portal.ts';

export interface SeriesCheck {
  id: string;
  dir: string;
  group?: string;
  /** The series' own check, paths relative to the series. */
  result: CheckResult;
  /** Everything wrong with this series (its check and its place in the portal), paths relative to the portal. */
  problems: Problem[];
}

export interface PortalCheckResult {
  dir: string;
  config?: PortalConfig;
  series: SeriesCheck[];
  /** Problems of the portal itself (portal.yaml, folders that are not series, series ids). */
  portalProblems: Problem[];
  /** Every problem, paths relative to the portal. */
  problems: Problem[];
  model: PortalModel;
}

/** Every problem in the portal at `dir`, at once. `memo` remembers each report's own checks between runs. */
export function checkPortal(dir: string, reader?: ContentReader, memo?: ReportCheckMemo): PortalCheckResult {
  const scan = scanPortal(dir, reader);
  const series = scan.series.map((s): SeriesCheck => {
    const result = checkContent(s.dir, reader, memo);
    return { id: s.id, dir: s.dir, group: s.group, result, problems: [...s.problems, ...result.problems.map((p) => inSeries(s.id, p))] };
  });
  const model = portalModel(
    scan.config,
    series.map((s) => ({ id: s.id, site: s.result.site, group: s.group, years: s.result.reports.map((r) => r.year), problems: s.problems })),
  );
  return { dir, config: scan.config, series, portalProblems: scan.problems, problems: [...scan.problems, ...series.flatMap((s) => s.problems)], model };
}

function yearsText(years: readonly number[], unreadable: number): string {
  const more = unreadable ? `，另有 ${unreadable} 份有错误未能读取` : '';
  if (years.length === 0) return unreadable ? `${unreadable} 份报告有错误未能读取` : '还没有报告';
  const consecutive = years.every((y, i) => i === 0 || y === (years[i - 1] as number) + 1);
  const span = years.length === 1 ? `${years[0]}` : consecutive ? `${years[0]}—${years.at(-1)}` : years.join('、');
  return `${years.length} 份报告（${span}${more}）`;
}

function countsText(problems: Problem[]): string {
  if (problems.length === 0) return '没有问题';
  const c = countBySeverity(problems);
  return `${c.error} 个错误，${c.warning} 个警告，${c.notice} 个提示`;
}

/**
 * The report `npm run check` prints for a portal: the portal's own problems, then each series' problems
 * under a heading, then one line per series and the totals. Paths are relative to the portal.
 */
export function formatPortalCheck(r: PortalCheckResult): string {
  const lines: string[] = [];
  const total = r.series.reduce((n, s) => n + s.result.reports.length, 0);
  lines.push(`门户${r.config ? `“${r.config.title}”` : ''}：${r.dir}，${r.series.length} 个系列，${total} 份报告`, '');
  if (r.portalProblems.length) lines.push(...formatProblemList(r.portalProblems, ''));
  const summaries = new Map([...r.model.groups.flatMap((g) => g.series), ...r.model.ungrouped].map((s) => [s.id, s]));
  for (const s of r.series) {
    if (s.problems.length === 0) continue;
    const m = summaries.get(s.id);
    lines.push(`── ${[s.id, m?.organization, m?.kindName, s.group].filter(Boolean).join(' · ')}`);
    lines.push(...formatProblemList(s.problems, ''));
  }
  lines.push('各系列：');
  const width = Math.max(...r.series.map((s) => s.id.length), 0);
  const groupWidth = Math.max(...r.series.map((s) => [...(s.group ?? UNGROUPED)].length), 0);
  for (const s of r.series) {
    const mark = hasErrors(s.problems) ? '✗' : '✓';
    const years = summaries.get(s.id)?.years ?? [];
    // Groups are Chinese words: padded with ideographic spaces, so the columns line up in a terminal.
    const group = (s.group ?? UNGROUPED).padEnd(groupWidth, '\u3000');
    lines.push(`  ${mark} ${s.id.padEnd(width)}  ${group}  ${yearsText(years, s.result.invalid.length)}：${countsText(s.problems)}`);
  }
  if (r.series.length === 0) lines.push('  （还没有系列）');
  lines.push('', problemCountLine(r.problems));
  return lines.join('\n');
}
