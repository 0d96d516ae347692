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
import { partyGovernance } from '../kinds/party-governance.ts';

export const YEAR_ARG = /^\d{4}$/;

/** What a year with no report to copy from starts with: its kind's title and headings. */
export interface NewReportLayout {
  title: (year: number) => string;
  headings: string[];
  /** Standard tables, each written under the first heading that contains `under`. */
  tables?: { under: string; mdx: () => string }[];
}

/** A kind's layout; the organization fills {organization} in the kind's title, unless it is still init's placeholder. */
export function kindLayout(kind: Pick<Kind, 'report'>, organization = ''): NewReportLayout {
  const org = organization.includes(PLACEHOLDER) ? '' : organization;
  return { title: (year) => kind.report.title.replaceAll('{organization}', org).replaceAll('{year}', String(year)), headings: kind.report.headings, tables: kind.report.tables };
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

export function scaffoldReport(year: number, registry: Registry, template?: ReportSource, layout: NewReportLayout = DEFAULT_LAYOUT): Scaffold {
  const title = titleForYear(year, template ? { year: template.year, title: template.data.title } : undefined, layout.title);
  const prevStats: Record<string, StatValue> = template?.data.stats ?? {};
  // The template's keys in its order; then any metric registered since.
  const written = template ? Object.keys((template.raw.stats as Record<string, unknown> | null) ?? {}).filter((id) => registry.byId.has(id)) : [];
  const statIds = [...written, ...registry.metrics.map((m) => m.id).filter((id) => !written.includes(id))];
  const headings = template ? reportHeadings(template.body, prevStats) : [];
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
  const body = headings
    .map((h) => {
      const heading = serializeBody([{ type: 'heading', depth: h.depth, inline: [{ type: 'text', value: h.text }] }]);
      const i = tables.findIndex((t) => h.text.includes(t.under));
      return i < 0 ? heading : `${heading}\n${tables.splice(i, 1)[0]!.mdx()}\n`;
    })
    .join('\n');
  const text = `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body}`;
  return { text, title, statIds, headings, ...(template && { from: template.year }) };
}
