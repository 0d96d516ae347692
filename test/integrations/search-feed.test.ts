// The search index is built while the pages are still being generated (src/integrations/search-feed.ts):
// report pages first, each indexed from its rendered HTML. It must hold exactly what indexing the
// finished pages afterwards would: the same records, so the same content-named pagefind files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportYear, SearchFeed } from '../../src/integrations/search-feed.ts';
import { BUNDLE_DIR, indexBuiltSite } from '../../src/integrations/search-index.ts';
import { siteDir, type SiteName } from '../helpers/sites.ts';

describe('reportYear', () => {
  it('reads the year of a report page, under the base or not, and nothing else', () => {
    expect(reportYear('/2022/', '/')).toBe(2022);
    expect(reportYear('/2022', '/')).toBe(2022);
    expect(reportYear('2022/', '/')).toBe(2022);
    expect(reportYear('/reports/2022/', '/reports/')).toBe(2022);
    expect(reportYear('/reports/2022/index.html', '/reports/')).toBe(2022);
    for (const other of ['/', '/compare/2021-2022/', '/2022/extra/', '/20221/', '/search/', '/404.html', '/compare/pairs.json', '/metrics/x/']) {
      expect(reportYear(other, '/'), other).toBeUndefined();
    }
  });
});

describe('SearchFeed.order', () => {
  it('puts the report pages first, oldest year first, and keeps every other page in Astro’s order', () => {
    const feed = new SearchFeed('/nowhere');
    const paths = ['/404', '/compare/2021-2022', '/2023', '/data/stats.json', '/2021', '/', '/2022', '/trends'].map((pathname) => ({ pathname }));
    expect(feed.order(paths, '/').map((p) => p.pathname)).toEqual(['/2021', '/2022', '/2023', '/404', '/compare/2021-2022', '/data/stats.json', '/', '/trends']);
    expect(feed.complete).toBe(false);
  });

  it('refuses a report page without the report text, naming the page', () => {
    const feed = new SearchFeed('/nowhere');
    feed.order([{ pathname: '/2022' }], '/');
    expect(() => feed.page(2022, '<html><body><main>改过的页面</main></body></html>', '/2022/')).toThrow(/\/2022\/ 中找不到报告正文/);
  });
});

/** Every file of a pagefind bundle with a digest of its bytes. */
function bundleFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16);
    }
  };
  walk(dir);
  return out;
}

describe('the index written during the build', () => {
  for (const site of ['seriesPublicBase', 'tablesInternal'] as SiteName[]) {
    it(`${site}: is byte for byte the index of the finished report pages`, async () => {
      const built = siteDir(site);
      const pages = readdirSync(built).filter((d) => /^\d{4}$/.test(d)).map((d) => `${d}/`);
      expect(pages.length).toBeGreaterThan(1);
      const copy = mkdtempSync(join(tmpdir(), 'nianbao-feed-'));
      try {
        // indexBuiltSite writes <dir>/pagefind from <dir>/<year>/index.html: give it the report pages alone.
        for (const p of pages) {
          const from = join(built, p, 'index.html');
          const to = join(copy, p);
          mkdirSync(to, { recursive: true });
          copyFileSync(from, join(to, 'index.html'));
        }
        const base = site === 'seriesPublicBase' ? '/reports/' : '/';
        const result = await indexBuiltSite(copy, pages.map((p) => `${base}${p}`), base, {});
        expect(result.years.length).toBe(pages.length);
        const expected = bundleFiles(join(copy, BUNDLE_DIR));
        const actual = bundleFiles(join(built, BUNDLE_DIR));
        // The build drops pagefind's ready-made UIs; everything else must match.
        for (const name of Object.keys(expected)) if (!(name in actual) && /pagefind-(ui|modular-ui|component-ui|highlight)/.test(name)) delete expected[name];
        expect(actual).toEqual(expected);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    }, 120_000);
  }
});

describe('pages rendered out of order', () => {
  it('give the same index as pages rendered oldest first', async () => {
    const built = siteDir('seriesPublicBase');
    const years = readdirSync(built).filter((d) => /^\d{4}$/.test(d)).sort();
    expect(years.length).toBeGreaterThan(2);
    const html = new Map(years.map((y) => [y, readFileSync(join(built, y, 'index.html'), 'utf8')]));
    const out = mkdtempSync(join(tmpdir(), 'nianbao-feed-order-'));
    try {
      const bundles: Record<string, string>[] = [];
      for (const order of [years, [...years].reverse()]) {
        const dir = join(out, String(bundles.length));
        const feed = new SearchFeed(dir);
        feed.order(years.map((y) => ({ pathname: `/reports/${y}/` })), '/reports/');
        for (const y of order) {
          expect(feed.complete).toBe(false);
          feed.page(Number(y), html.get(y) as string, `/reports/${y}/`);
        }
        expect(feed.complete).toBe(true);
        expect((await feed.finish()).years).toEqual(years.map(Number));
        bundles.push(bundleFiles(dir));
      }
      expect(Object.keys(bundles[0] ?? {}).length).toBeGreaterThan(3);
      expect(bundles[1]).toEqual(bundles[0]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
