// The county portal in real Chromium (issue 31 point 6), on the fixture sites portal (public), portalInternal and
// portalBase (public under /xxgk/): every portal page type under the Content-Security-Policy with no request leaving
// the site, axe with no violation on a desk and a phone, the office's name kept in view while a cross-office table
// scrolls sideways on a phone, search across offices with the 单位 filter and a result landing on its paragraph, and
// a portal page printing on A4.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { axeViolations, guardedPage, searchSettled, type Guarded, type PageType } from '../helpers/browse.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, SITES, siteDir, type SiteName } from '../helpers/sites.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

const SHOTS = join(ROOT, 'test-results');
const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const NAMES = ['portal', 'portalInternal', 'portalBase'] as const satisfies SiteName[];
/** In five offices' reports (examples/county), some years only. */
const WORD = '法律审核机制';

/** One page of each type a portal has: its own pages, and a series' pages under /<series>/. */
const PORTAL_PAGES: PageType[] = [
  { type: 'portal home', path: '' },
  { type: 'coverage', path: 'coverage/' },
  { type: 'review', path: 'review/' },
  { type: 'figures', path: 'figures/' },
  { type: 'figure', path: 'figures/enforcement-decisions/' },
  { type: 'rate', path: 'figures/rates/disclosure-rate/' },
  { type: 'search', path: `search/?q=${encodeURIComponent(WORD)}` },
  { type: 'compare two offices', path: 'compare/?as=wjj-xxgk&ay=2023&bs=scjgj-xxgk&by=2023' },
  { type: 'series home', path: 'jyj-xxgk/' },
  { type: 'series report', path: 'jyj-xxgk/2023/' },
  { type: 'series trends', path: 'jyj-ztzr/trends/' },
  { type: 'series metric', path: 'jyj-xxgk/metrics/licensing-decisions/' },
  { type: 'series compare', path: 'jyj-xxgk/compare/2022-2023/' },
  { type: '404', path: 'no-such-page/' },
];

let browser: Browser;
const served = new Map<SiteName, Served>();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  for (const name of NAMES) served.set(name, await serveSite(siteDir(name), SITES[name].base));
});
afterAll(async () => {
  await browser?.close();
  for (const s of served.values()) await s.close();
});

/** Every (series, year) whose report contains `word`, from the content the site was built from. */
function reportsWith(word: string): string[] {
  const dir = join(ROOT, 'examples/county');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(dir, d.name, 'reports')).filter((f) => readFileSync(join(dir, d.name, 'reports', f), 'utf8').includes(word)).map((f) => `${d.name} ${f.slice(0, 4)}`))
    .sort();
}

describe('every portal page type under the Content-Security-Policy', () => {
  for (const name of NAMES) {
    it(`${name}: no violation, no console error, nothing requested outside the site or failing`, async () => {
      const site = served.get(name)!;
      const g = await guardedPage(browser, site, DESK);
      for (const { type, path } of PORTAL_PAGES) {
        const where = `${name} ${type}`;
        await g.visit(path);
        const head = await g.page.evaluate(() => [...document.head.children].slice(0, 2).map((el) => [el.getAttribute('charset'), el.getAttribute('http-equiv'), el.getAttribute('content')]));
        expect(head[1], where).toEqual([null, 'Content-Security-Policy', CONTENT_SECURITY_POLICY]);
        // The pages' own scripts ran under it.
        if (type === 'search') expect(await searchSettled(g.page), where).toBeGreaterThan(0);
        if (type === '404') expect(await g.page.locator('h1').innerText(), where).toBe('页面不存在');
        else expect(await g.page.locator('h1').count(), where).toBe(1);
        expect(await g.violations(), where).toEqual([]);
        expect(g.console, where).toEqual(type === '404' ? ['error: Failed to load resource: the server responded with a status of 404 (Not Found)'] : []);
        expect(g.outside, where).toEqual([]);
        expect(g.failed, where).toEqual(type === '404' ? [`404 ${site.url}${path}`] : []);
        // Every page of the site is under its base (a portal page's links included).
        const hrefs = await g.page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
        for (const h of hrefs) if (!h.startsWith('#')) expect(h.startsWith(site.url), `${where}: ${h}`).toBe(true);
      }
      await g.page.close();
    });
  }
});


describe('axe on every portal page type', () => {
  const runs: [SiteName, typeof DESK][] = [
    ['portal', DESK],
    ['portal', PHONE],
    ['portalInternal', DESK],
  ];
  const pages = new Map<string, Guarded>();
  afterAll(async () => {
    for (const g of pages.values()) await g.page.close();
  });
  for (const [name, viewport] of runs) {
    for (const { type, path } of PORTAL_PAGES.filter((p) => !p.type.startsWith('series') || p.type === 'series home')) {
      it(`${name} ${type} at ${viewport.width}px: no violation of any impact`, async () => {
        const key = `${name} ${viewport.width}`;
        if (!pages.has(key)) pages.set(key, await guardedPage(browser, served.get(name)!, viewport));
        const g = pages.get(key)!;
        await g.visit(path);
        if (type === 'search') expect(await searchSettled(g.page)).toBeGreaterThan(0);
        expect(await axeViolations(g.page)).toEqual([]);
      });
    }
  }

  it('the search page filtered by office', async () => {
    const g = await guardedPage(browser, served.get('portal')!);
    await g.visit(`search/?q=${encodeURIComponent(WORD)}&series=wjj-xxgk`);
    expect(await searchSettled(g.page)).toBeGreaterThan(0);
    expect(await axeViolations(g.page)).toEqual([]);
    await g.page.close();
  });
});

/** Where a cell is, and whether a tap at its centre hits it (nothing scrolled over it). */
function probe(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((cell) => {
    let box = cell.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) {
      window.scrollBy(0, box.top - innerHeight / 3);
      box = cell.getBoundingClientRect();
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 12));
    return { left: box.left, right: box.right, uncovered: hit !== null && (hit === cell || cell.contains(hit)) };
  });
}

describe('cross-office tables on a 390 px phone', () => {
  for (const path of ['coverage/', 'figures/licensing-decisions/', 'figures/rates/disclosure-rate/']) {
    it(`${path}: the office's name stays at the table's left edge, uncovered, while the years scroll under it`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(`${served.get('portal')!.url}${path}`, { waitUntil: 'networkidle' });
      const region = page.locator('.table-scroll').first();
      await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, left: el.getBoundingClientRect().left }));
      // The table is wider than the phone: it scrolls in its box, not the page.
      expect(sizes.scroll, path).toBeGreaterThan(sizes.client + 50);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      const label = 'tr[data-series="wjj-xxgk"] th[scope="row"]';
      const figure = 'tr[data-series="wjj-xxgk"] td >> nth=0';
      const last = 'tr[data-series="wjj-xxgk"] td >> nth=-1';
      expect(await page.locator(label).evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
      const before = await probe(page, figure);
      await region.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(40);
      await page.screenshot({ path: join(SHOTS, `portal-${path.replaceAll('/', '-')}phone-scrolled.png`) });
      // The figures moved …
      const after = await probe(page, figure);
      expect(after.left).toBeLessThan(before.left - 40);
      // … the office's name did not, and nothing is over it.
      const name = await probe(page, label);
      expect(Math.abs(name.left - sizes.left)).toBeLessThanOrEqual(1);
      expect(name.uncovered).toBe(true);
      expect(await page.locator(label).innerText()).toBe('青禾县卫生健康局');
      // The last column is beside the names, not under them.
      const end = await probe(page, last);
      expect(end.uncovered).toBe(true);
      expect(end.left).toBeGreaterThanOrEqual(name.right - 1);
      expect(end.right).toBeLessThanOrEqual(PHONE.width);
      // Each group's name stays in view too, at the left edge of the scrolled table.
      const groups = await page.$$eval('.group-name', (els) => els.map((e) => e.getBoundingClientRect().left));
      expect(groups.length, path).toBeGreaterThan(1);
      for (const left of groups) expect(left).toBeGreaterThanOrEqual(sizes.left);
      for (const left of groups) expect(left).toBeLessThan(sizes.left + 20);
      await page.close();
    });
  }
});

describe('search across offices', () => {
  async function search(name: SiteName, query: string) {
    const g = await guardedPage(browser, served.get(name)!);
    await g.visit(`search/${query}`);
    await searchSettled(g.page);
    const results = () => g.page.$$eval('[data-search-result]', (els) => els.map((el) => ({ series: (el as HTMLElement).dataset.series ?? '', year: (el as HTMLElement).dataset.year ?? '', office: el.querySelector('.search-result__office')?.textContent ?? '', href: el.querySelector('a')?.getAttribute('href') ?? '' })));
    return { g, results };
  }

  for (const name of ['portal', 'portalBase'] as const) {
    it(`${name}: a query finds the paragraphs of every office that has it, each result naming its office`, async () => {
      const { g, results } = await search(name, `?q=${encodeURIComponent(WORD)}`);
      const found = await results();
      expect([...new Set(found.map((r) => `${r.series} ${r.year}`))].sort()).toEqual(reportsWith(WORD));
      const offices: Record<string, string> = { 'zfb-xxgk': '青禾县人民政府办公室', 'jyj-xxgk': '青禾县教育局', 'scjgj-xxgk': '青禾县市场监督管理局', 'wjj-xxgk': '青禾县卫生健康局', 'lxjd-xxgk': '青禾县柳溪街道办事处' };
      for (const r of found) {
        expect(r.office, r.series).toBe(offices[r.series]);
        expect(new URL(r.href, g.page.url()).pathname).toBe(`${SITES[name].base}${r.series}/${r.year}/`);
      }
      expect(await g.page.locator('[data-search-status]').innerText()).toContain(`${new Set(found.map((r) => r.series)).size} 个单位`);
      expect(g.outside).toEqual([]);
      expect(g.failed).toEqual([]);
      await g.page.close();
    });
  }

  it('the 单位 filter narrows the results to one office, says how many each has, and a result lands on its paragraph', async () => {
    const { g, results } = await search('portal', `?q=${encodeURIComponent(WORD)}`);
    const all = await results();
    const wjj = all.filter((r) => r.series === 'wjj-xxgk');
    expect(wjj.length).toBeGreaterThan(0);
    expect(wjj.length).toBeLessThan(all.length);
    const filter = g.page.locator('[data-filter-key="series:wjj-xxgk"]');
    expect(await filter.locator('.search-filter__count').innerText()).toBe(String(wjj.length));
    expect(await filter.innerText()).toContain('青禾县卫生健康局');
    await filter.click();
    await g.page.waitForSelector('[data-filter-key="series:wjj-xxgk"][aria-current="true"]');
    await searchSettled(g.page);
    const narrowed = await results();
    expect(narrowed.map((r) => `${r.series} ${r.year}`)).toEqual(wjj.map((r) => `${r.series} ${r.year}`));
    expect(new URL(g.page.url()).searchParams.get('series')).toBe('wjj-xxgk');
    // Following a result: the office's report of that year, the paragraph marked and focused.
    const first = narrowed[0]!;
    await g.page.locator('[data-search-result] a').first().click();
    await g.page.waitForURL((u) => u.pathname === `/wjj-xxgk/${first.year}/` && u.hash.length > 1);
    const anchor = decodeURIComponent(new URL(g.page.url()).hash.slice(1));
    const paragraph = g.page.locator(`[id="${anchor}"]`);
    await g.page.waitForSelector(`[id="${anchor}"] mark.search-hl`);
    expect(await paragraph.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await paragraph.locator('mark.search-hl').allInnerTexts()).toEqual([WORD]);
    expect(await paragraph.innerText()).toContain(WORD);
    expect(await g.page.evaluate(() => document.activeElement?.id)).toBe(anchor);
    expect(await g.page.locator('.site-brand__org').innerText()).toBe('青禾县卫生健康局');
    expect(g.failed).toEqual([]);
    await g.page.close();
  });
});

describe('in print', () => {
  for (const path of ['coverage/', 'figures/enforcement-decisions/']) {
    it(`${path} prints on A4: no navigation, nothing sticky, the table within the page`, async () => {
      const page = await browser.newPage({ viewport: DESK });
      await page.goto(`${served.get('portal')!.url}${path}`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('th.sticky-col >> nth=1').evaluate((el) => getComputedStyle(el).position)).toBe('static');
      // A4 less the margins is about 590 CSS px: the table fits it.
      await page.setViewportSize({ width: 590, height: 900 });
      const box = await page.locator('.table-scroll').first().evaluate((el) => ({ table: el.querySelector('table')!.getBoundingClientRect().width, region: el.getBoundingClientRect().width }));
      expect(box.table).toBeLessThanOrEqual(box.region + 1);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      writeFileSync(join(SHOTS, `portal-${path.replaceAll('/', '-')}print.pdf`), pdf);
      const media = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(Number(media?.[1])).toBeCloseTo(595.28, 0);
      expect(Number(media?.[2])).toBeCloseTo(841.89, 0);
      await page.close();
    });
  }
});

describe('comparing any two reports', () => {
  it('two offices in the same year: both titles linked, every figure of both side by side with the difference, then their problems and measures', async () => {
    const site = served.get('portalInternal')!;
    const g = await guardedPage(browser, site, DESK);
    await g.visit(`compare/?as=wjj-xxgk&ay=2023&bs=scjgj-xxgk&by=2023`);
    await g.page.waitForSelector('[data-compare-result] table');
    const heading = await g.page.textContent('[data-compare-result] h2');
    expect(heading).toBe('青禾县卫生健康局 2023年 与 青禾县市场监督管理局 2023年');
    const links = await g.page.$$eval('[data-compare-result] > p a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`${site.url.replace(/^https?:\/\/[^/]+/, '')}wjj-xxgk/2023/`, `${site.url.replace(/^https?:\/\/[^/]+/, '')}scjgj-xxgk/2023/`]);
    // The 本年新收申请 row: each office's figure as its own report page shows it, and their difference.
    const row = await g.page.$$eval('.compare-figures tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')).find((cells) => cells[0]?.startsWith('一、本年新收政府信息公开申请数量 · 总计')),
    );
    expect(row).toBeDefined();
    const [a, b] = [Number(row![1]), Number(row![2])];
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(row![3]).toBe(b - a > 0 ? `+${b - a}` : String(b - a));
    // Text side: each office's items, linked to their paragraphs.
    const itemLinks = await g.page.$$eval('.compare-columns a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(itemLinks.some((h) => /wjj-xxgk\/2023\/#/.test(h))).toBe(true);
    expect(itemLinks.some((h) => /scjgj-xxgk\/2023\/#/.test(h))).toBe(true);
    expect(await g.violations()).toEqual([]);
    expect([...g.console, ...g.outside, ...g.failed]).toEqual([]);
    await g.page.close();
  });

  it('two kinds: only the text side; an address naming no report says so and shows nothing', async () => {
    const site = served.get('portal')!;
    const g = await guardedPage(browser, site, DESK);
    await g.visit(`compare/?as=jyj-xxgk&ay=2024&bs=jyj-ztzr&by=2024`);
    await g.page.waitForSelector('[data-compare-result] h2');
    expect(await g.page.$('.compare-figures')).toBeNull();
    expect(await g.page.textContent('[data-compare-result]')).toContain('两份报告类型不同');
    await g.visit(`compare/?as=nope&ay=2024&bs=jyj-ztzr&by=1999`);
    await g.page.waitForFunction(() => document.querySelector('[data-compare-status]')?.textContent !== '');
    expect(await g.page.textContent('[data-compare-status]')).toContain('找不到');
    expect(await g.page.$('[data-compare-result] *')).toBeNull();
    await g.page.close();
  });

  it('the public edition compares masked figures as masked, with no difference computed from them', async () => {
    const site = served.get('portal')!;
    const g = await guardedPage(browser, site, DESK);
    await g.visit(`compare/?as=wjj-xxgk&ay=2023&bs=scjgj-xxgk&by=2023`);
    await g.page.waitForSelector('.compare-figures');
    const row = await g.page.$$eval('.compare-figures tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')).find((cells) => cells[0]?.startsWith('行政许可')),
    );
    expect(row?.[1]).toMatch(/^\*+$/);
    expect(row?.[3]).toBe('');
    await g.page.close();
  });
});
