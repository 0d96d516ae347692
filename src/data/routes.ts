// Where each page is built: a series' pages once per series (at the root for a single content folder,
// under /<series>/ in a portal), the portal's own pages once at the root of a portal and nowhere else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPortalFolder, PORTAL_FILE, resolveContentDir } from '../lib/content/content-dir.ts';
import { contentFingerprint } from '../lib/check/check-cache.ts';
import { EXPORTS_ENV } from '../lib/export/site-exports.ts';
import { links } from '../lib/links.ts';
import { baseJoiner } from '../lib/paths.ts';
import { siteSeries } from '../lib/portal/series-ids.ts';
import { scanPortal } from '../lib/portal/portal.ts';
import type { PortalConfig } from '../lib/portal/portal-schema.ts';
import { siteData, type SiteData } from './site-data.ts';

let portal: boolean | undefined;

/** Whether the site being built is a portal (its content folder holds portal.yaml): asked by every page's frame, read once. */
export function buildingPortal(): boolean {
  return (portal ??= isPortalFolder(resolveContentDir()));
}

let series: ReturnType<typeof siteSeries> | undefined;

/** The site's series, scanned once per build (every route's getStaticPaths and every cache key asks). */
function allSeries(): ReturnType<typeof siteSeries> {
  return (series ??= siteSeries(resolveContentDir()));
}

/** The series ids of the site: `[undefined]` for a single content folder. */
export function seriesIds(): (string | undefined)[] {
  return allSeries().map((s) => s.id);
}

const keys = new Map<string | undefined, string>();

/**
 * What a series' pages are made of, for Astro's incremental build (experimental.incrementalBuild): a page
 * whose key and code are unchanged is copied from the last build instead of rendered. A series' pages read
 * only that series (every file of it: a new year changes its neighbours' pages too), the frame's portal.yaml
 * and series names, and whether downloads are on; so a new report of one office re-renders that office's
 * pages and the portal's own, never another office's.
 */
export function seriesCacheKey(series: string | undefined): string {
  let key = keys.get(series);
  if (key === undefined) {
    const root = resolveContentDir();
    const hash = createHash('sha256').update(`${process.env[EXPORTS_ENV] ?? ''}\0`);
    if (series === undefined) hash.update(contentFingerprint(root));
    else {
      hash.update(contentFingerprint(join(root, series)));
      for (const s of allSeries()) hash.update(`\0${s.id}\0`).update(readOr(join(s.dir, 'site.yaml')));
      hash.update(readOr(join(root, PORTAL_FILE)));
    }
    keys.set(series, (key = hash.digest('hex').slice(0, 32)));
  }
  return key;
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** getStaticPaths of a page every series has once (its trends, its measures …). */
export function perSeries() {
  return seriesIds().map((series) => ({ params: { series }, cacheKey: seriesCacheKey(series) }));
}

/** getStaticPaths of a page a series has once per item of its data (a year, a pair, a metric). */
export async function perSeriesData<P extends Record<string, string>, Props>(each: (data: SiteData) => { params: P; props: Props }[]) {
  const all = await Promise.all(
    seriesIds().map(async (series) => each(await siteData(series)).map(({ params, props }) => ({ params: { series, ...params }, props, cacheKey: seriesCacheKey(series) }))),
  );
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
