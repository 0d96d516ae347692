// `npm run new -- 2023`: next year's report file, laid out like the latest one — the same stats keys
// (values null, last year's value in a comment), the same headings, the title moved to the new year.
import { Document, isMap, isScalar } from 'yaml';
import type { Registry } from '../content/metrics.ts';
import type { ReportSource } from '../content/content.ts';
import { formatStat, type StatValue } from '../content/stat.ts';
import { parseBody } from '../content/report-body.ts';
import { renderTree } from '../structure/report-text.ts';
import { serializeBody } from '../import/mdx.ts';
import { PLACEHOLDER, type Kind } from '../kinds/index.ts';
import type { ReportTable } from '../kinds/kind.ts';
import { partyGovernance } from '../kinds/party-governance.ts';

export const YEAR_ARG = /^\d{4}$/;

/** What a year with no report to copy from starts with: its kind's title and headings. */
export interface NewReportLayout {
  title: (year: number) => string;
  headings: string[];
  /** Standard tables, each written under the first heading that contains `under` (else under its own `heading`, at the end). */
  tables?: ReportTable[];
}

/**
 * A kind's new report; the organization fills {organization} in the kind's title, unless it is still init's
 * placeholder. With `layout` (the year's layout, for a kind that has layouts), that layout's headings and tables:
 * a 2019 report gets the 2019 format's tables, a 2015 one the 统计表.
 */
export function kindLayout(kind: Pick<Kind, 'report'>, organization = '', layout?: string): NewReportLayout {
  const org = organization.includes(PLACEHOLDER) ? '' : organization;
  const own = layout === undefined ? undefined : kind.report.layouts?.[layout];
  return {
    title: (year) => kind.report.title.replaceAll('{organization}', org).replaceAll('{year}', String(year)),
    headings: own?.headings ?? kind.report.headings,
    tables: own?.tables ?? kind.report.tables,
  };
}

/** Without a kind to ask (a caller that passes none), the sample's. */
const DEFAULT_LAYOUT = kindLayout(partyGovernance);
export const DEFAULT_TITLE = DEFAULT_LAYOUT.title;

/** Last year's title with this year's number: "2022年度…报告" → "2023年度…报告". */
export function titleForYear(year: number, previous?: { year: number; title: string }, fallback: (year: number) => string = DEFAULT_TITLE): string {
  if (previous && previous.title.includes(String(previous.year))) return previous.title.split(String(previous.year)).join(String(year));
  return fallback(year);
}

export interface Heading {
  depth: 2 | 3;
  text: string;
}

/** The ## and ### headings of a report body, in order. */
export function reportHeadings(body: string, stats: Record<string, StatValue> = {}): Heading[] {
  const parsed = parseBody(body);
  if (!parsed.ok) return [];
  return renderTree(parsed.tree, stats)
    .filter((b) => b.type === 'heading' && (b.depth === 2 || b.depth === 3))
    .map((b) => ({ depth: b.depth as 2 | 3, text: b.text.trim() }));
}

export interface Scaffold {
  text: string;
  title: string;
  statIds: string[];
  headings: Heading[];
  /** The year the layout was copied from, if any. */
  from?: number;
}

/** Pick the report to copy: the latest one before `year`, else the latest of all. */
export function templateReport(reports: ReportSource[], year: number): ReportSource | undefined {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  return sorted.filter((r) => r.year < year).at(-1) ?? sorted.at(-1);
}

/**
 * `headingsFromTemplate: false` when the template is of another layout whose headings differ from this year's (a
 * 2016 report scaffolded from a 2023 one takes the 统计表 years' headings, not the 2021 format's).
 */
export function scaffoldReport(year: number, registry: Registry, template?: ReportSource, layout: NewReportLayout = DEFAULT_LAYOUT, opts: { headingsFromTemplate?: boolean } = {}): Scaffold {
  const title = titleForYear(year, template ? { year: template.year, title: template.data.title } : undefined, layout.title);
  const prevStats: Record<string, StatValue> = template?.data.stats ?? {};
  // The template's keys in its order; then any metric registered since.
  const written = template ? Object.keys((template.raw.stats as Record<string, unknown> | null) ?? {}).filter((id) => registry.byId.has(id)) : [];
  const statIds = [...written, ...registry.metrics.map((m) => m.id).filter((id) => !written.includes(id))];
  const headings = template && opts.headingsFromTemplate !== false ? reportHeadings(template.body, prevStats) : [];
  if (headings.length === 0) headings.push(...layout.headings.map((text) => ({ depth: 2 as const, text })));

  const data: Record<string, unknown> = { year, title };
  if (template?.data.sections) data.sections = template.data.sections;
  data.stats = Object.fromEntries(statIds.map((id) => [id, null]));
  const doc = new Document(data);
  const from = template ? `${template.year}年` : '';
  doc.commentBefore = [
    ` ${year}年度报告${template ? `（由 npm run new 按 ${from}报告的格式生成）` : '（由 npm run new 生成）'}。要填写的：`,
    ' 1. stats：把 null 换成本年的数字，如 12、"30+"（30余）、"**"（隐去，星号个数即位数）、"**+"（隐去，**余）；',
    `    本年没有的项保留 null。行尾注释是指标名称、单位${template ? `和${template.year}年的数值` : ''}，仅供参考。`,
    ' 2. 正文（第二个 --- 以下）：在各标题下按“一是……”“二是……”逐条写；正文中的数字写成 <Stat id="指标id" />，',
    `    字面的星号写成 \\*。标题可以增删改。印发日期可加一行 published: ${year + 1}-01-16。`,
  ].join('\n');
  const stats = doc.get('stats', true);
  if (isMap(stats)) {
    for (const pair of stats.items) {
      const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const metric = registry.byId.get(id);
      if (!metric || !isScalar(pair.value)) continue;
      const prev = Object.hasOwn(prevStats, id) ? prevStats[id] : undefined;
      const last = template ? `，${template.year}年：${prev && prev.kind !== 'missing' ? formatStat(prev) : '未报告'}` : '';
      pair.value.comment = ` ${metric.label}${metric.unit ? `（${metric.unit}）` : ''}${last}`;
    }
  }
  // A kind's standard tables (with a <Stat> in every figure cell) go under their headings.
  const tables = [...(layout.tables ?? [])];
  const headingMdx = (text: string, depth: 2 | 3 = 2) => serializeBody([{ type: 'heading', depth, inline: [{ type: 'text', value: text }] }]);
  const sections = headings.map((h) => {
    const heading = headingMdx(h.text, h.depth);
    const i = tables.findIndex((t) => h.text.includes(t.under));
    return i < 0 ? heading : `${heading}\n${tables.splice(i, 1)[0]!.mdx(year)}\n`;
  });
  // A table whose heading the copied report does not have (a 2015 report scaffolded from a 2023 one has no 统计表 heading).
  for (const t of tables) if (t.heading) sections.push(`${headingMdx(t.heading)}\n${t.mdx(year)}\n`);
  const body = sections.join('\n');
  const text = `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body}`;
  return { text, title, statIds, headings, ...(template && { from: template.year }) };
}
