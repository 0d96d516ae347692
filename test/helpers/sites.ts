// The fixture sites the build and browser tests look at. Global setup builds each once per test run.
import { join, resolve } from 'node:path';
import { CHECKED_ENV } from '../../src/lib/content/content-dir.ts';

export interface SiteVariant {
  /** Content folder, relative to the project root (or absolute). */
  content: string;
  /** Content global setup writes before building (test/helpers/county-mixed.ts). */
  prepare?: 'countyMixed' | 'hostilePortal';
  edition: 'public' | 'internal';
  base: string;
  /** Build without the pre-flight check, as someone bypassing `npm run build` would: the build's own defences alone. */
  skipCheck?: boolean;
}

export const ROOT = resolve(import.meta.dirname, '../..');
// NIANBAO_TEST_BUILDS lets concurrent test runs keep their builds apart.
export const BUILD_ROOT = process.env.NIANBAO_TEST_BUILDS ? resolve(process.env.NIANBAO_TEST_BUILDS) : join(ROOT, 'node_modules/.cache/nianbao-test');
/** The generated copy of the county portal (test/helpers/county-mixed.ts). */
export const MIXED_COUNTY = join(BUILD_ROOT, 'content/county-mixed');
/** The generated portal of hostile names (test/helpers/hostile-portal.ts). */
export const HOSTILE_PORTAL = join(BUILD_ROOT, 'content/hostile-portal');

export const SITES = {
  /** The committed content (the 2022 sample report), as a newcomer's `npm start` builds it. */
  default: { content: 'content', edition: 'public', base: '/' },
  defaultInternal: { content: 'content', edition: 'internal', base: '/' },
  seriesPublic: { content: 'test/fixtures/series', edition: 'public', base: '/' },
  seriesInternal: { content: 'test/fixtures/series', edition: 'internal', base: '/' },
  seriesPublicBase: { content: 'test/fixtures/series', edition: 'public', base: '/reports/' },
  minimalInternalBase: { content: 'test/fixtures/minimal', edition: 'internal', base: '/reports/' },
  /** Two real reports holding every numbering form: （一）sub-headings and run-ins, inline 一是…, sub-points (test/fixtures/forms/README.md). */
  forms: { content: 'test/fixtures/forms', edition: 'public', base: '/' },
  /** Report tables: a real 政府信息公开工作年度报告 and a made-up year (test/fixtures/tables/README.md). */
  tablesPublic: { content: 'test/fixtures/tables', edition: 'public', base: '/' },
  tablesInternal: { content: 'test/fixtures/tables', edition: 'internal', base: '/' },
  /** The gov-info-disclosure sample (examples/): three years of the national format, 200 figures, all public. */
  govInfo: { content: 'examples/gov-info-disclosure', edition: 'public', base: '/' },
  /** The party-governance sample of `npm run demo` (examples/demo), built as the demo builds it: public, under /demo/. */
  demo: { content: 'examples/demo', edition: 'public', base: '/demo/' },
  /** Reports written as an attacker would (test/fixtures/hostile/README.md). */
  hostile: { content: 'test/fixtures/hostile', edition: 'public', base: '/' },
  /** What check refuses, built with the check skipped (test/fixtures/hostile-unchecked/README.md). */
  hostileUnchecked: { content: 'test/fixtures/hostile-unchecked', edition: 'public', base: '/', skipCheck: true },
  /**
   * The county portal (examples/county: 7 series, 34 reports, planted warnings) as a copy where some figures are
   * hidden in every office, some in a few, some public (test/helpers/county-mixed.ts), in both editions.
   */
  portal: { content: MIXED_COUNTY, edition: 'public', base: '/', prepare: 'countyMixed' },
  portalInternal: { content: MIXED_COUNTY, edition: 'internal', base: '/', prepare: 'countyMixed' },
  /** examples/county as committed, deployed under a sub-path. */
  portalBase: { content: 'examples/county', edition: 'public', base: '/xxgk/' },
  /** Names written as an attacker would, a 300-character office name, an office hiding every figure (test/helpers/hostile-portal.ts). */
  portalHostile: { content: HOSTILE_PORTAL, edition: 'public', base: '/', prepare: 'hostilePortal' },
} satisfies Record<string, SiteVariant>;

export type SiteName = keyof typeof SITES;

/** Where global setup left a site's `dist/`. */
export function siteDir(name: SiteName): string {
  return join(BUILD_ROOT, name);
}

export function siteEnv(v: SiteVariant): Record<string, string> {
  return {
    NIANBAO_CONTENT: resolve(ROOT, v.content),
    NIANBAO_EDITION: v.edition,
    NIANBAO_BASE: v.base,
    // The pre-flight integration skips a folder the runner says it has checked (src/integrations/preflight.ts).
    ...(v.skipCheck && { [CHECKED_ENV]: resolve(ROOT, v.content) }),
  };
}

/** The sites this run builds: all, or those named in NIANBAO_TEST_SITES (comma-separated) while iterating. */
export function sitesToBuild(): SiteName[] {
  const all = Object.keys(SITES) as SiteName[];
  if (process.env.NIANBAO_TEST_SITES === 'none') return [];
  const only = process.env.NIANBAO_TEST_SITES?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return all;
  const unknown = only.filter((s) => !all.includes(s as SiteName));
  if (unknown.length) throw new Error(`NIANBAO_TEST_SITES 中有未知站点：${unknown.join(', ')}（可用：${all.join(', ')}）`);
  return only as SiteName[];
}
