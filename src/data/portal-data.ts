// What the portal's own pages read: portal.yaml, every series' data (each loaded once, src/data/site-data.ts),
// and the warnings of the check that let the portal build — from the check cache when the content and the
// code are the ones just checked (the npm scripts check before building), so nothing is checked twice.
import { cachedCheck } from '../lib/check/check-cache.ts';
import { checkCacheSetup } from '../lib/check/check-cache-setup.ts';
import { resolveContentDir } from '../lib/content/content-dir.ts';
import type { Problem } from '../lib/content/problems.ts';
import { checkPortal } from '../lib/portal/check-portal.ts';
import { portalModel, type PortalModel } from '../lib/portal/model.ts';
import { scanPortal } from '../lib/portal/portal.ts';
import type { PortalConfig } from '../lib/portal/portal-schema.ts';
import { siteData, type SiteData } from './site-data.ts';
import type { Office } from '../lib/across-offices/offices.ts';
import { sharedMetrics, type FiguresIndex } from '../lib/across-offices/figures.ts';
import { kindById, type KindId } from '../lib/kinds/index.ts';

export interface PortalSeriesData extends SiteData {
  id: string;
  /** portal.yaml's group of this series (undefined: 未分组). */
  group?: string;
}

export interface PortalData {
  dir: string;
  config: PortalConfig;
  model: PortalModel;
  /** Every series, in id order. */
  series: PortalSeriesData[];
  byId: Map<string, PortalSeriesData>;
  /** Every problem the check found (warnings and notices: a portal with errors does not build), paths relative to the portal. */
  problems: Problem[];
  /** The series as the cross-office views take them (src/lib/across-offices/): figures already masked for the edition. */
  offices: Office[];
  /** portal.yaml's groups, in order. */
  groups: string[];
  /** The figures several offices of one kind report (computed once: every /figures/ page reads it). */
  figures: FiguresIndex;
}

let cached: Promise<PortalData> | undefined;

export function portalData(): Promise<PortalData> {
  return (cached ??= load());
}

/** The series a problem belongs to, if any: the first part of its path (`czj-xxgk/reports/2024.mdx`, `czj-xxgk`). */
export function problemSeries(p: Problem): string {
  return p.file.split('/')[0] as string;
}

async function load(): Promise<PortalData> {
  const dir = resolveContentDir();
  const scan = scanPortal(dir);
  if (!scan.config) throw new Error(`无法读取 ${dir}/portal.yaml（运行 npm run check 查看原因）`);
  const { problems } = cachedCheck(dir, { ...checkCacheSetup(process.cwd()), check: (memo) => checkPortal(dir, undefined, memo) });
  const series = await Promise.all(scan.series.map(async (s): Promise<PortalSeriesData> => ({ ...(await siteData(s.id)), id: s.id, group: s.group })));
  const model = portalModel(
    scan.config,
    series.map((s) => ({ id: s.id, site: s.site, group: s.group, years: s.years, problems: problems.filter((p) => problemSeries(p) === s.id) })),
  );
  const offices: Office[] = series.map((s) => ({
    id: s.id,
    organization: s.site.organization,
    title: s.site.title,
    group: s.group,
    kind: kindById(s.site.kind).id as KindId,
    registry: s.registry,
    reports: s.reports.map((r) => ({ year: r.year, title: r.title, published: r.published, layout: r.layout, stats: r.stats, structure: r.structure })),
  }));
  const groups = scan.config.groups;
  return { dir, config: scan.config, model, series, byId: new Map(series.map((s) => [s.id, s])), problems, offices, groups, figures: sharedMetrics(offices, { groups }) };
}
