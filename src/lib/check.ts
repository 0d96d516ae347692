// `npm run check` and the build's pre-flight: every problem in a content folder, at once.
import type { Registry } from './metrics.ts';
import type { Problem } from './problems.ts';
import { loadContent, type LoadedContent, type ReportBody, type ReportSource } from './content.ts';
import type { ContentReader } from './content-files.ts';
import { bodyProblems, parseBody, type BodyParse } from './report-body.ts';
import { formatStat, statNumber, type StatValue } from './stat.ts';
import { crossYearProblems, statsLineFinder, structureProblems } from './check-years.ts';

export interface CheckResult extends LoadedContent {}

/** `parsed` lets a caller that also needs the tree parse the body once. */
export function checkBody(report: ReportBody, registry: Registry, parsed: BodyParse = parseBody(report.body)): Problem[] {
  if (!parsed.ok) {
    return [{
      severity: 'error',
      file: report.file,
      line: parsed.line === undefined ? undefined : parsed.line + report.bodyLineOffset,
      message: parsed.hint ? parsed.message : `正文 MDX 语法错误：${parsed.message}`,
      hint: parsed.hint ?? '检查这一行的 < > { } 是否成对；<Stat id="…" /> 要以 /> 结束；字面的 * { } < 要写成 \\* \\{ \\} \\<',
    }];
  }
  const given = new Set(Object.keys((report.raw.stats as Record<string, unknown> | null) ?? {}));
  return bodyProblems(parsed.tree, { file: report.file, lineOffset: report.bodyLineOffset, registry, statsGiven: given });
}

/** sumOf rules: checked only where every value is exact, since bounds and masks cannot be summed honestly. */
export function sumRuleProblems(report: Pick<ReportSource, 'file' | 'data'>, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  const stats = report.data.stats;
  for (const metric of registry.metrics) {
    if (!metric.sumOf) continue;
    const whole = stats[metric.id];
    const parts = metric.sumOf.map((id) => stats[id]);
    if (!whole || whole.kind !== 'exact' || parts.some((p) => !p || p.kind !== 'exact')) continue;
    const total = parts.reduce((sum, p) => sum + (statNumber(p as StatValue) ?? 0), 0);
    if (Math.abs(total - whole.value) > 1e-9) {
      const terms = metric.sumOf.map((id, i) => `${id}（${formatStat(parts[i] as StatValue)}）`).join(' + ');
      problems.push({
        severity: 'warning',
        file: report.file,
        field: `stats.${metric.id}`,
        message: `${metric.label}为 ${whole.value}，但 ${terms} = ${total}`,
        hint: `metrics.yaml 规定 ${metric.id} 应等于 ${metric.sumOf.join(' + ')}；请核对这几个数`,
      });
    }
  }
  return problems;
}

/** `reader` replaces the file system (tests of file errors, fuzzing). */
export function checkContent(dir: string, reader?: ContentReader): CheckResult {
  const content = loadContent(dir, reader);
  const problems = [...content.problems];
  for (const report of content.reports) {
    const parsed = parseBody(report.body);
    const statLine = statsLineFinder(report);
    const sums = sumRuleProblems(report, content.registry).map((p) => ({ ...p, line: p.line ?? statLine(p.field?.replace(/^stats\./, '') ?? '') }));
    problems.push(...checkBody(report, content.registry, parsed), ...sums, ...structureProblems(report, parsed));
  }
  problems.push(...crossYearProblems(content.reports, content.registry));
  for (const report of content.invalid) problems.push(...checkBody(report, content.registry));
  return { ...content, problems };
}
