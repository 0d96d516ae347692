// Where each page is built: a series' pages once per series (at the root for a single content folder,
// under /<series>/ in a portal), the portal's own pages once at the root of a portal and nowhere else.
import { isPortalFolder, resolveContentDir } from '../lib/content/content-dir.ts';
import { links } from '../lib/links.ts';
import { baseJoiner } from '../lib/paths.ts';
import { siteSeries } from '../lib/portal/series-ids.ts';
import { scanPortal } from '../lib/portal/portal.ts';
import type { PortalConfig } from '../lib/portal/portal-schema.ts';
import { siteData, type SiteData } from './site-data.ts';

/** Whether the site being built is a portal (its content folder holds portal.yaml). */
export function buildingPortal(): boolean {
  return isPortalFolder(resolveContentDir());
}

/** The series ids of the site: `[undefined]` for a single content folder. */
export function seriesIds(): (string | undefined)[] {
  return siteSeries(resolveContentDir()).map((s) => s.id);
}

/** getStaticPaths of a page every series has once (its trends, its measures …). */
export function perSeries() {
  return seriesIds().map((series) => ({ params: { series } }));
}

/** getStaticPaths of a page a series has once per item of its data (a year, a pair, a metric). */
export async function perSeriesData<P extends Record<string, string>, Props>(each: (data: SiteData) => { params: P; props: Props }[]) {
  const all = await Promise.all(seriesIds().map(async (series) => each(await siteData(series)).map(({ params, props }) => ({ params: { series, ...params }, props }))));
  return all.flat();
}

/** getStaticPaths of a page only a portal has, at its root. */
export function portalOnly() {
  return buildingPortal() ? [{ params: { series: undefined } }] : [];
}

/** The links of a series' pages: the site's base, then `<series>/` in a portal. */
export function seriesLinks(series: string | undefined) {
  const base = import.meta.env.BASE_URL;
  return links(series === undefined ? base : baseJoiner(base)(`${series}/`));
}

let config: (PortalConfig & { sample: boolean }) | undefined;

/**
 * portal.yaml, for the frame of every page of a portal (read once; check has vetted it). `sample`: a series
 * of made-up reports is in it (the demo county), so the portal's own pages say so as the series' pages do.
 */
export function portalConfig(): PortalConfig & { sample: boolean } {
  if (!config) {
    const dir = resolveContentDir();
    const scan = scanPortal(dir);
    if (!scan.config) throw new Error(`无法读取 ${dir}/portal.yaml（运行 npm run check 查看原因）`);
    config = { ...scan.config, sample: scan.series.some((s) => s.site?.sample) };
  }
  return config;
}
