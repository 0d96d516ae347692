// The one place pages get a series' content from: each series' collection is loaded and rendered once per
// build, whatever the number of pages, so work stays linear in the number of reports. `series` is the
// portal's series id, undefined for a single content folder (src/lib/portal/series-ids.ts).
import { getCollection, render } from 'astro:content';
import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
import { acrossYears, type AcrossYears } from '../lib/series/across-years.ts';
import { join } from 'node:path';
import { loadRegistry, loadSiteConfig, resolveContentDir } from '../lib/content/content.ts';
import { reportCollection } from '../lib/portal/series-ids.ts';
import { readEdition, type Edition } from '../lib/content/edition.ts';
import type { Registry } from '../lib/content/metrics.ts';
import { buildSeries, pairsToPrerender, type Series } from '../lib/series/series.ts';
import { indexPairs, type PairIndex } from '../lib/series/trends.ts';
import type { SiteConfig } from '../lib/content/site.ts';
import type { StatValue } from '../lib/content/stat.ts';
import type { ReportStructure } from '../lib/structure/structure.ts';
import { unpackStructure } from '../lib/structure/packed.ts';
import { kindById } from '../lib/kinds/index.ts';
import { reportLayoutId } from '../lib/kinds/layouts.ts';

export interface Report {
  year: number;
  title: string;
  published?: string;
  /** The layout (format) its tables are in, for a kind with layouts. */
  layout?: string;
  stats: Record<string, StatValue>;
  structure: ReportStructure;
  Content: AstroComponentFactory;
}

/** A report as the collections hold it (src/content.config.ts): frontmatter validated, stats masked for the edition. */
interface ReportEntry {
  id: string;
  data: { year: number; title: string; published?: string; layout?: string; stats: Record<string, StatValue> };
}

export interface SiteData {
  /** The portal's series id; undefined for a single content folder. */
  id?: string;
  site: SiteConfig;
  registry: Registry;
  edition: Edition;
  /** Ascending by year. */
  reports: Report[];
  years: number[];
  series: Series;
  byYear: Map<number, Report>;
  /** Recurrences, their notes and follow-ups: read across all years once, for every page. */
  across: AcrossYears;
  /** The compare pages built (pairsToPrerender), and each year's pairs for the pickers. */
  pairs: [number, number][];
  pairIndex: PairIndex;
}

const cached = new Map<string | undefined, Promise<SiteData>>();

export function siteData(series?: string): Promise<SiteData> {
  let data = cached.get(series);
  if (!data) cached.set(series, (data = load(series)));
  return data;
}

async function load(id: string | undefined): Promise<SiteData> {
  const root = resolveContentDir();
  const contentDir = id === undefined ? root : join(root, id);
  const { site } = loadSiteConfig(contentDir);
  const { registry } = loadRegistry(contentDir);
  if (!site) throw new Error(`无法读取 ${contentDir}/site.yaml（运行 npm run check 查看原因）`);
  // Typed by hand: Astro's generated types name the collections of whichever folder was synced last
  // (`reports`, or a portal's `reports-<id>`), while the data is the same schema's in every one.
  const entries = (await getCollection(reportCollection(id) as never)) as unknown as ReportEntry[];
  const { layouts } = kindById(site.kind);
  const reports = await Promise.all(
    entries.map(async (entry): Promise<Report> => {
      const rendered = await render(entry as never);
      return {
        year: entry.data.year,
        title: entry.data.title,
        published: entry.data.published,
        layout: reportLayoutId(layouts, { year: entry.data.year, data: entry.data }),
        stats: entry.data.stats,
        structure: unpackStructure(rendered.remarkPluginFrontmatter.structure, entry.id),
        Content: rendered.Content,
      };
    }),
  );
  reports.sort((a, b) => a.year - b.year);
  // Each year's layout, so a figure whose definition changed between layouts shows 口径变化 there, not a jump.
  const series = buildSeries(registry.metrics, reports.map((r) => ({ year: r.year, stats: r.stats, layout: r.layout })), { layoutOrder: layouts.map((l) => l.id) });
  const years = reports.map((r) => r.year);
  const pairs = pairsToPrerender(years);
  return { id, site, registry, edition: readEdition(), reports, years, series, byYear: new Map(reports.map((r) => [r.year, r])), across: acrossYears(reports), pairs, pairIndex: indexPairs(pairs) };
}
