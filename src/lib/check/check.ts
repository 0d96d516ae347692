// `npm run check` and the build's pre-flight: every problem in a content folder, at once.
import { join, relative, resolve } from 'node:path';
import type { Registry } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import { loadContent, reportFiles, REPORTS_DIR, type LoadedContent, type ReportBody, type ReportSource } from '../content/content.ts';
import type { ContentReader } from '../content/content-files.ts';
import { bodyProblems, parseBody, type BodyParse } from '../content/report-body.ts';
import { crossYearProblems, statsLineFinder, structureProblems } from './check-years.ts';
import { tableProblems } from '../tables/check.ts';
import { builtInRules, leakProblems, sumRuleProblems } from '../content/sum-rules.ts';
import { DEFAULT_KIND, kindById, kindList, PLACEHOLDER, type Kind } from '../kinds/index.ts';
import { inLayout, knownLayouts, registryForReport, registryLayoutIds, reportLayoutId } from '../kinds/layouts.ts';
import type { SiteConfig } from '../content/site.ts';

/**
 * Layout names in metrics.yaml the kind does not have: a layout renamed there (2019 → 2019版) would silently take
 * its figures, sum rules and 口径变化 marks out of every year it is in force for, which the kind names by its own ids.
 */
function layoutNameProblems(kind: Kind, registry: Registry): Problem[] {
  if (!kind.layouts.length) return [];
  const ids = kind.layouts.map((l) => l.id);
  const unknown = [...registryLayoutIds(registry)].filter((id) => !ids.includes(id));
  return unknown.map((id) => ({
    severity: 'error' as const,
    file: 'metrics.yaml',
    message: `metrics.yaml 中的格式“${id}”不是${kind.name}的格式（${kind.layouts.map((l) => `${l.id}：${l.name}`).join('；')}）：写着它的指标、规则和口径变化不会用在任何一年`,
    hint: `把 layouts、places、breaks 中的“${id}”改回 ${ids.join('、')} 之一；格式的名称决定它用于哪些年份，不能改名`,
  }));
}

export interface CheckResult extends LoadedContent {
  kind: Kind;
}


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
  return [
    ...bodyProblems(parsed.tree, { file: report.file, lineOffset: report.bodyLineOffset, registry, statsGiven: given }),
    ...tableProblems(parsed.tree, { file: report.file, lineOffset: report.bodyLineOffset, source: report.body }),
  ];
}

const SITE_FIELDS = ['title', 'organization', 'description', 'publicNotice'] as const;

/**
 * site.yaml beyond its schema, and a folder with no report yet. A fresh `npm run init` folder gets one
 * notice that names the next steps (its placeholders included); once there are reports, a placeholder
 * left in site.yaml would be published, so it is a warning.
 */
export function siteProblems(site: SiteConfig | undefined, reportCount: number, dir: string): Problem[] {
  if (!site) return [];
  const problems: Problem[] = [];
  if (!site.kind) {
    problems.push({
      severity: 'notice',
      file: 'site.yaml',
      field: 'kind',
      message: `没有写 kind（报告类型），按 ${DEFAULT_KIND}（${kindById(DEFAULT_KIND).name}）处理`,
      hint: `在 site.yaml 中加一行 kind: …，可选 ${kindList()}；类型决定章节识别用词和报告检查`,
    });
  }
  const placeholders = SITE_FIELDS.filter((f) => site[f]?.includes(PLACEHOLDER));
  if (reportCount === 0) {
    // The commands as the author types them: for a folder other than ./content, with NIANBAO_CONTENT.
    const rel = relative(process.cwd(), dir);
    const env = resolve(dir) === resolve('content') ? '' : `NIANBAO_CONTENT=${rel && !rel.startsWith('..') ? rel : dir} `;
    const steps = [
      ...(placeholders.length ? [`把 site.yaml 中 ${placeholders.join('、')} 的“${PLACEHOLDER}”占位文字换成本单位的内容`] : []),
      `导入一份写好的报告：${env}npm run import -- 报告.docx（或 .txt），或新建一份：${env}npm run new -- 年份`,
      `再运行 ${env}npm run check，然后 ${env}npm start 预览`,
    ];
    problems.push({
      severity: 'notice',
      file: REPORTS_DIR,
      message: `还没有报告：${join(dir, REPORTS_DIR)} 是空的`,
      hint: `下一步：${steps.map((s, i) => `${i + 1}. ${s}`).join('；')}`,
    });
  } else {
    for (const f of placeholders) {
      problems.push({ severity: 'warning', file: 'site.yaml', field: f, message: `${f} 还是 npm run init 写的占位文字：${site[f]}`, hint: `把“${PLACEHOLDER}”和后面的示例换成本单位的内容，否则会原样显示在网站上` });
    }
  }
  return problems;
}

/**
 * Remembers the problems of one report's own checks (its body, tables, sums, structure, and the kind's
 * checks against the year before) between runs: src/lib/check/check-cache.ts. Cross-year checks always run.
 */
export interface ReportCheckMemo {
  get(report: ReportSource, previous: ReportSource | undefined): Problem[] | undefined;
  set(report: ReportSource, previous: ReportSource | undefined, problems: Problem[]): void;
}

/**
 * A `published` date that cannot be the report's: before the December of the year it reports on (a year's
 * report comes out after the year, so this is nearly always the report's year typed for the next one), or
 * more than two years after it. /coverage/ judges timeliness by this date, so a slip would show a late
 * report as on time.
 */
export function publishedProblems(report: Pick<ReportSource, 'file' | 'year' | 'data'>): Problem[] {
  const published = report.data.published;
  if (!published) return [];
  const { year } = report;
  const [y, md] = [Number(published.slice(0, 4)), published.slice(5)];
  const hint = `改成报告实际发布的日期，如 published: ${year + 1}-${md}；确实是这一天发布的，可以不改`;
  if (published < `${year}-12-01`) {
    return [{ severity: 'warning', file: report.file, field: 'published', message: `published 是 ${published}，早于 ${year} 年 12 月：${year} 年度的报告要在这一年过完以后（一般是 ${year + 1} 年年初）才发布，是不是把年份写成了报告年度？`, hint }];
  }
  if (y > year + 2) {
    return [{ severity: 'warning', file: report.file, field: 'published', message: `published 是 ${published}，比报告年度 ${year} 晚了 ${y - year} 年，报送情况会把它算作逾期 ${y - year} 年以上`, hint }];
  }
  return [];
}

/** `reader` replaces the file system (tests of file errors, fuzzing). */
export function checkContent(dir: string, reader?: ContentReader, memo?: ReportCheckMemo): CheckResult {
  const content = loadContent(dir, reader);
  const kind = kindById(content.site?.kind);
  const problems = [...content.problems];
  if (!content.problems.some((p) => p.file === '.')) problems.push(...siteProblems(content.site, reportFiles(dir, reader).names.length, dir));
  const byYear = new Map(content.reports.map((r) => [r.year, r]));
  for (const report of content.reports) {
    const previous = byYear.get(report.year - 1);
    const remembered = memo?.get(report, previous);
    if (remembered) {
      problems.push(...remembered);
      continue;
    }
    const parsed = parseBody(report.body);
    const statLine = statsLineFinder(report);
    // A figure's problem on its line in stats (or on `stats:`); a problem of another field (layout) keeps its own.
    const withLine = (p: Problem) => ({ ...p, line: p.line ?? (p.field === undefined || p.field.startsWith('stats.') ? statLine(p.field?.replace(/^stats\./, '') ?? '') : undefined) });
    // Sums and completeness against the report's own layout: a 2015 统计表 is not held to the 2021 tables.
    const registry = registryForReport(content.registry, kind, report);
    const kindChecks = kind.checks.flatMap((check) => check(report, registry, previous));
    const own = [...publishedProblems(report), ...checkBody(report, content.registry, parsed), ...sumRuleProblems(report, registry).map(withLine), ...kindChecks.map(withLine), ...structureProblems(report, parsed, kind.sectionWords)];
    memo?.set(report, previous, own);
    problems.push(...own);
  }
  const known = knownLayouts(kind.metrics);
  problems.push(...layoutNameProblems(kind, content.registry));
  problems.push(...crossYearProblems(content.reports, content.registry, { of: (r) => reportLayoutId(kind.layouts, r), order: kind.layouts.map((l) => l.id), has: (m, l) => inLayout(m, l, known) }));
  problems.push(...leakProblems(content.registry, content.reports.map((r) => ({ year: r.year, stats: r.data.stats })), (id) => content.registry.lines?.get(id), builtInRules(kind, content.registry)));
  for (const report of content.invalid) problems.push(...checkBody(report, content.registry));
  return { ...content, kind, problems };
}
