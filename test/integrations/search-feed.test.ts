// The search index is built while the pages are still being generated (src/integrations/search-feed.ts):
// report pages first, each indexed from its rendered HTML. It must hold exactly what indexing the
// finished pages afterwards would: the same records, so the same content-named pagefind files.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportKey, reportPages, reportRecords, SearchFeed, siteIsPortal } from '../../src/integrations/search-feed.ts';
import { BUNDLE_DIR, collectRecords, indexBuiltSite } from '../../src/integrations/search-index.ts';
import { siteDir, type SiteName } from '../helpers/sites.ts';
import { readDecoded } from '../helpers/html.ts';
import { unbundle } from '../../src/lib/search/bundles.ts';
import { classify, type RecordData } from '../../src/lib/search/hits.ts';
import { parseQuery } from '../../src/lib/search/normalise.ts';

describe('reportKey', () => {
  it('reads the year of a report page, under the base or not, and nothing else', () => {
    expect(reportKey('/2022/', '/')).toEqual({ year: 2022 });
    expect(reportKey('/2022', '/')).toEqual({ year: 2022 });
    expect(reportKey('2022/', '/')).toEqual({ year: 2022 });
    expect(reportKey('/reports/2022/', '/reports/')).toEqual({ year: 2022 });
    expect(reportKey('/reports/2022/index.html', '/reports/')).toEqual({ year: 2022 });
    expect(reportKey('/2022/', '/', false)).toEqual({ year: 2022 });
    for (const other of ['/', '/compare/2021-2022/', '/2022/extra/', '/20221/', '/search/', '/404.html', '/compare/pairs.json', '/metrics/x/']) {
      expect(reportKey(other, '/'), other).toBeUndefined();
    }
  });

  it('reads the series and year of a portal’s report page, under the base or not', () => {
    expect(reportKey('/czj-xxgk/2023/', '/')).toEqual({ series: 'czj-xxgk', year: 2023 });
    expect(reportKey('/czj-xxgk/2023/', '/', true)).toEqual({ series: 'czj-xxgk', year: 2023 });
    expect(reportKey('czj-xxgk/2023', '/', true)).toEqual({ series: 'czj-xxgk', year: 2023 });
    expect(reportKey('/xxgk/czj-xxgk/2023/index.html', '/xxgk/', true)).toEqual({ series: 'czj-xxgk', year: 2023 });
    expect(reportKey('/xxgk/czj-xxgk/2023/', '/xxgk/', true)).toEqual({ series: 'czj-xxgk', year: 2023 });
    expect(reportKey('/zfb2/2019/', '/', true)).toEqual({ series: 'zfb2', year: 2019 });
  });

  it('takes no other page of a portal for a report, nor a series that is not an id', () => {
    const notReports = [
      '/2023/', // a portal has no report at its root: a series id never reads as a year
      '/czj-xxgk/', '/czj-xxgk/trends/', '/czj-xxgk/compare/2020-2021/', '/czj-xxgk/metrics/2023/', '/czj-xxgk/2023/extra/',
      '/compare/2020-2021/', '/figures/2023/', '/review/', '/coverage/', '/search/', '/data/2023/', '/pagefind/2023/',
      '/Czj-xxgk/2023/', '/czj_xxgk/2023/', '/2020-xxgk/2023/', '/-czj/2023/', '/czj-/2023/', '/czj--xxgk/2023/', '/财政局/2023/', '/czj-xxgk/20231/',
    ];
    for (const p of notReports) expect(reportKey(p, '/', true), p).toBeUndefined();
    // A single content folder takes nothing of the portal shape: its metric page /metrics/2023/ is no report.
    expect(reportKey('/metrics/2023/', '/', false)).toBeUndefined();
    expect(reportKey('/czj-xxgk/2023/', '/', false)).toBeUndefined();
  });

  it('tells a portal from a single content folder by its pages', () => {
    expect(siteIsPortal(['/', '/2022/', '/metrics/2023/', '/trends/'], '/')).toBe(false);
    expect(siteIsPortal(['/', '/czj-xxgk/2022/', '/zfb-xxgk/2023/', '/figures/2023/'], '/')).toBe(true);
    expect(siteIsPortal(['/xxgk/', '/xxgk/czj-xxgk/2022/'], '/xxgk/')).toBe(true);
    expect(siteIsPortal(['/', '/search/'], '/')).toBe(false);
  });

  it('orders report pages by series id, then year', () => {
    const paths = ['/zfb-xxgk/2021/', '/czj-xxgk/2023/', '/figures/2023/', '/czj-xxgk/2019/', '/czj/2024/', '/zfb-xxgk/2020/'];
    expect(reportPages(paths, (p) => p, '/', true).map((r) => r.item)).toEqual(['/czj/2024/', '/czj-xxgk/2019/', '/czj-xxgk/2023/', '/zfb-xxgk/2020/', '/zfb-xxgk/2021/']);
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
    expect(() => feed.page({ year: 2022 }, '<html><body><main>改过的页面</main></body></html>', '/2022/')).toThrow(/\/2022\/ 中找不到报告正文/);
  });

  it('in a portal, puts the report pages first by series then year, and reads the layout from the pages', () => {
    const feed = new SearchFeed('/nowhere');
    const paths = ['/', '/zfb-xxgk/2021', '/compare/czj-xxgk-2021-zfb-xxgk-2021', '/czj-xxgk/2022', '/czj-xxgk/trends', '/czj-xxgk/2021', '/figures/x/', '/search/'].map((pathname) => ({ pathname }));
    expect(feed.order(paths, '/').map((p) => p.pathname)).toEqual(['/czj-xxgk/2021', '/czj-xxgk/2022', '/zfb-xxgk/2021', '/', '/compare/czj-xxgk-2021-zfb-xxgk-2021', '/czj-xxgk/trends', '/figures/x/', '/search/']);
    expect(feed.keyOf('/czj-xxgk/2022/', '/')).toEqual({ series: 'czj-xxgk', year: 2022 });
    expect(feed.keyOf('/czj-xxgk/2020/', '/')).toBeUndefined(); // not one of the site's pages
  });

  it('a single site told so takes no portal-shaped page for a report', () => {
    const feed = new SearchFeed('/nowhere', { portal: false });
    const paths = ['/metrics/2023/', '/', '/trends/'].map((pathname) => ({ pathname }));
    expect(feed.order(paths, '/').map((p) => p.pathname)).toEqual(['/metrics/2023/', '/', '/trends/']);
    expect(feed.keyOf('/metrics/2023/', '/')).toBeUndefined();
  });
});

describe('a portal’s report page', () => {
  const page = (article: string) => `<html><body><main>${article}<div class="report-text">
<h2 id="s1" data-kind="work">一、主动公开情况</h2>
<p id="s1-1" class="item" data-kind="work">一是公开预算决算。</p>
</div></article></main></body></html>`;

  it('gives records with its series, group and office, read from the article', () => {
    const html = page('<article class="report" data-year="2023" data-series="czj-xxgk" data-office="某某县财政局&amp;国资办" data-group="政府部门">');
    const [r] = reportRecords({ series: 'czj-xxgk', year: 2023 }, html, '/czj-xxgk/2023/');
    expect(r?.url).toBe('czj-xxgk/2023/#s1-1');
    expect(r?.filters).toEqual({ year: ['2023'], kind: ['work'], series: ['czj-xxgk'], group: ['政府部门'] });
    expect(r?.meta).toMatchObject({ year: '2023', series: 'czj-xxgk', office: '某某县财政局&国资办', anchor: 's1-1' });
  });

  it('without the attributes still links to its series (no office to name)', () => {
    const [r] = reportRecords({ series: 'czj-xxgk', year: 2023 }, page('<article class="report">'), '/czj-xxgk/2023/');
    expect(r?.url).toBe('czj-xxgk/2023/#s1-1');
    expect(r?.meta.office).toBeUndefined();
    expect(r?.filters.series).toEqual(['czj-xxgk']);
  });

  it('is refused when it names another series than its URL', () => {
    const html = page('<article class="report" data-series="zfb-xxgk" data-office="某某县人民政府办公室" data-group="">');
    expect(() => reportRecords({ series: 'czj-xxgk', year: 2023 }, html, '/czj-xxgk/2023/')).toThrow(/“zfb-xxgk”，与网址中的“czj-xxgk”不符/);
  });

  it('a single folder’s page ignores them: the same records as before', () => {
    const html = page('<article class="report" data-series="czj-xxgk" data-office="某某县财政局" data-group="部门">');
    const [r] = reportRecords({ year: 2023 }, html, '/2023/');
    expect(r?.url).toBe('2023/#s1-1');
    expect(r?.filters).toEqual({ year: ['2023'], kind: ['work'] });
    expect(r?.meta.series).toBeUndefined();
  });

  it('collectRecords reads a built portal by series then year', () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-portal-collect-'));
    try {
      const pages = [
        ['zfb-xxgk', 2022, '某某县人民政府办公室', '区政府'],
        ['czj-xxgk', 2023, '某某县财政局', '部门'],
        ['czj-xxgk', 2022, '某某县财政局', '部门'],
      ] as const;
      for (const [series, year, office, group] of pages) {
        mkdirSync(join(out, series, String(year)), { recursive: true });
        writeFileSync(join(out, series, String(year), 'index.html'), page(`<article class="report" data-series="${series}" data-office="${office}" data-group="${group}">`));
      }
      mkdirSync(join(out, 'figures', '2023'), { recursive: true }); // a metric called 2023: not a report
      const got = collectRecords(out, ['/', '/zfb-xxgk/2022/', '/czj-xxgk/2023/', '/czj-xxgk/2022/', '/figures/2023/', '/czj-xxgk/trends/'], '/');
      expect(got.records.map((r) => `${r.url} ${r.meta.office} ${r.filters.group}`)).toEqual([
        'czj-xxgk/2022/#s1-1 某某县财政局 部门',
        'czj-xxgk/2023/#s1-1 某某县财政局 部门',
        'zfb-xxgk/2022/#s1-1 某某县人民政府办公室 区政府',
      ]);
      expect(got).toMatchObject({ years: [2022, 2023], series: ['czj-xxgk', 'zfb-xxgk'], reports: 3 });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
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

describe('a portal’s index', () => {
  const page = (series: string, office: string, group: string, text: string) => `<html><body><main><article class="report" data-series="${series}" data-office="${office}" data-group="${group}"><div class="report-text">
<h2 id="s1" data-kind="work">一、工作情况</h2>
<p id="s1-1" class="item" data-kind="work">${text}</p>
<p id="s1-2" class="item" data-kind="work">二是其他工作。</p>
</div></article></main></body></html>`;
  const PAGES = [
    ['zfb-xxgk', 2023, '某某县人民政府办公室', '区政府', '一是纠治“四风”。'],
    ['czj-xxgk', 2023, '某某县财政局', '部门', '一是纠治“四风”。'],
    ['czj-xxgk', 2022, '某某县财政局', '部门', '一是公开预算。'],
  ] as const;

  it('fed in any order is the index of the finished pages, and gives back each paragraph’s series, group and office', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-portal-feed-'));
    try {
      const site = join(out, 'site');
      for (const [series, year, office, group, text] of PAGES) {
        mkdirSync(join(site, series, String(year)), { recursive: true });
        writeFileSync(join(site, series, String(year), 'index.html'), page(series, office, group, text));
      }
      const pathnames = ['/xxgk/', ...PAGES.map(([series, year]) => `/xxgk/${series}/${year}/`), '/xxgk/figures/2023/'];
      const built = await indexBuiltSite(site, pathnames, '/xxgk/', {});
      expect(built).toMatchObject({ years: [2022, 2023], series: ['czj-xxgk', 'zfb-xxgk'], reports: 3, paragraphs: 6, records: 3 });

      const fed = join(out, 'fed');
      const feed = new SearchFeed(fed);
      feed.order(pathnames.map((pathname) => ({ pathname })), '/xxgk/');
      for (const [series, year, office, group, text] of [...PAGES].reverse()) feed.page({ series, year }, page(series, office, group, text), `/xxgk/${series}/${year}/`);
      expect(await feed.finish()).toMatchObject({ years: [2022, 2023], series: ['czj-xxgk', 'zfb-xxgk'], reports: 3 });
      expect(bundleFiles(fed)).toEqual(bundleFiles(join(site, BUNDLE_DIR)));

      const stored = readdirSync(join(fed, 'fragment')).map((f) => JSON.parse(readDecoded(join(fed, 'fragment', f)).replace(/^[^{]*/, '')) as RecordData);
      const hits = classify(stored.flatMap(unbundle), parseQuery('四风').terms).exact;
      expect(hits.map((h) => `${h.series} ${h.year} ${h.anchor} ${h.office} ${h.group}`).sort()).toEqual(['czj-xxgk 2023 s1-1 某某县财政局 部门', 'zfb-xxgk 2023 s1-1 某某县人民政府办公室 区政府']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
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
          feed.page({ year: Number(y) }, html.get(y) as string, `/reports/${y}/`);
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
