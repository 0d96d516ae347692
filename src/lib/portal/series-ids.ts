// A portal's series as the build addresses them: which content folders make up the site, and the name
// of each one's report collection. A folder without portal.yaml is one series with no id: its pages stay
// at the site's root, exactly as before portals existed.
import { join } from 'node:path';
import { isPortalFolder } from '../content/content-dir.ts';
import { scanPortal } from './portal.ts';

/** One content folder of the site: `id` is undefined for a single series (pages at the root). */
export interface SiteSeries {
  id?: string;
  dir: string;
}

/** The series a site is built from, in id order. Only what check accepts as a series (scanPortal). */
export function siteSeries(contentDir: string): SiteSeries[] {
  if (!isPortalFolder(contentDir)) return [{ dir: contentDir }];
  return scanPortal(contentDir).series.map((s) => ({ id: s.id, dir: join(contentDir, s.id) }));
}

/** The collection a series' reports are loaded into: `reports` for a single series, `reports-<id>` in a portal. */
export function reportCollection(id: string | undefined): string {
  return id === undefined ? 'reports' : `reports-${id}`;
}
