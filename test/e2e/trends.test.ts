// Trends, comparison and metric pages in real Chromium, on a phone-sized screen, under a base path.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

const SHOTS = join(ROOT, 'test-results');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
let browser: Browser;
let pub: Served;
let internal: Served;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  pub = await serveSite(siteDir('seriesPublicBase'), '/reports/');
  internal = await serveSite(siteDir('seriesInternal'));
});
afterAll(async () => {
  await browser?.close();
  await pub?.close();
  await internal?.close();
});

interface Opened {
  page: Page;
  /** Requests that left the site, responses ≥ 400, script errors. */
  trouble: string[];
  close(): Promise<void>;
}

async function open(url: string, viewport = PHONE, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const trouble: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') trouble.push(`outside: ${r.url()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) trouble.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => trouble.push(`error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') trouble.push(`console: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, trouble, close: () => context.close() };
}

describe('/trends/ on a phone', () => {
  it('scrolls sideways with the metric column staying in place', async () => {
    const { page, trouble, close } = await open(`${pub.url}trends/`);
    expect(await page.locator('h1').innerText()).toBe('数据趋势');
    const scroller = page.locator('.trends-scroll', { has: page.locator('tr[data-metric="inspections"]') });
    const dims = await scroller.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
    // The table is wider than the phone: it scrolls inside its box, the page itself does not.
    expect(dims.sw).toBeGreaterThan(dims.cw);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const firstCol = page.locator('tr[data-metric="inspections"] th[scope="row"]');
    const header2023 = scroller.locator('thead th', { hasText: '2023年' });
    await scroller.scrollIntoViewIfNeeded();
    const box0 = (await scroller.boundingBox())!;
    const col0 = (await firstCol.boundingBox())!;
    await scroller.evaluate((el) => el.scrollTo(el.scrollWidth, 0));
    await page.waitForTimeout(100);
    const col1 = (await firstCol.boundingBox())!;
    const head = (await header2023.boundingBox())!;
    // Sticky first column: still at the left edge after scrolling right.
    expect(Math.abs(col1.x - col0.x)).toBeLessThan(1);
    expect(col1.x).toBeGreaterThanOrEqual(box0.x - 1);
    // The 2023 column is now in view, next to the metric names, and readable.
    expect(head.x).toBeGreaterThan(col1.x + col1.width - 2);
    expect(head.x + head.width).toBeLessThanOrEqual(box0.x + box0.width + 1);
    const cell = page.locator('tr[data-metric="inspections"] td[data-year="2023"]');
    expect(await cell.innerText()).toMatch(/35\s*↑\s*\+4（\+13%）/);
    await page.screenshot({ path: join(SHOTS, 'trends-phone-scrolled.png') });
    expect(trouble).toEqual([]);
    await close();
  });

  it('says 已遮蔽 in a masked cell and in its tooltip; the sparkline has a text alternative', async () => {
    const { page, close } = await open(`${pub.url}trends/`);
    const masked = page.locator('tr[data-metric="problems-found"] td[data-year="2019"]');
    expect(await masked.innerText()).toMatch(/\*\*\*\*\s*已遮蔽/);
    expect(await masked.getAttribute('title')).toContain('已遮蔽');
    const spark = page.locator('tr[data-metric="warning-education"] svg.sparkline');
    expect(await spark.getAttribute('role')).toBe('img');
    expect(await spark.getAttribute('aria-label')).toContain('2023年未报告');
    await close();
  });

  it('looks right on a desk too', async () => {
    const { page, trouble, close } = await open(`${internal.url}trends/`, DESKTOP);
    // The whole table fits at 1280px: no sideways scrolling needed.
    const dims = await page.locator('.trends-scroll').evaluateAll((els) => els.map((el) => ({ sw: el.scrollWidth, cw: el.clientWidth })));
    expect(dims).toHaveLength(3);
    for (const d of dims) expect(d.sw).toBeLessThanOrEqual(d.cw + 1);
    // The groups' tables line up: the same year column starts at the same x in every one.
    const xs = await page.locator('.trends-table thead th:nth-child(3)').evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().x)));
    expect(new Set(xs).size).toBe(1);
    // CJK really renders (not tofu): a Chinese heading has real width.
    expect((await page.locator('h1').boundingBox())!.width).toBeGreaterThan(100);
    await page.screenshot({ path: join(SHOTS, 'trends-desktop.png'), fullPage: true });
    expect(trouble).toEqual([]);
    await close();
  });
});

describe('compare picker', () => {
  it('on a compare page, two selects lead to another pair under the base path', async () => {
    const { page, trouble, close } = await open(`${pub.url}compare/2019-2023/`);
    const form = page.locator('.compare-picker__form');
    await form.waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'compare-phone.png'), fullPage: true });
    await form.locator('select[name="a"]').selectOption('2022');
    await form.locator('select[name="b"]').selectOption('2020');
    await Promise.all([page.waitForURL(`${pub.url}compare/2020-2022/`), form.locator('button').click()]);
    expect(await page.locator('h1').innerText()).toBe('2020年与2022年对比');
    // The page it lands on shows both years' figures.
    expect(await page.locator('tr[data-metric="inspections"] td[data-year="2022"]').innerText()).toContain('31');
    expect(await page.locator('tr[data-metric="inspections"] .change-cell').innerText()).toMatch(/↑\s*\+9（\+41%）/);
    expect(trouble).toEqual([]);
    await close();
  });

  it('will not submit the same year twice, and says why', async () => {
    const { page, close } = await open(`${pub.url}compare/2019-2023/`);
    const form = page.locator('.compare-picker__form');
    await form.locator('select[name="b"]').selectOption('2019');
    expect(await form.locator('button').isDisabled()).toBe(true);
    expect(await form.locator('.compare-picker__msg').innerText()).toBe('请选择两个不同的年份。');
    await close();
  });

  it('on a report page, leads to a comparison of that year', async () => {
    const { page, trouble, close } = await open(`${pub.url}2021/`, DESKTOP);
    const form = page.locator('.report-side .compare-picker__form');
    await form.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await form.locator('select[name="a"]').inputValue()).toBe('2020');
    expect(await form.locator('select[name="b"]').inputValue()).toBe('2021');
    await Promise.all([page.waitForURL(`${pub.url}compare/2020-2021/`), form.locator('button').click()]);
    expect(await page.locator('h1').innerText()).toBe('2020年与2021年对比');
    expect(trouble).toEqual([]);
    await close();
  });

  it('without JavaScript, hides the selects and the links still lead to every comparison of the year', async () => {
    const { page, trouble, close } = await open(`${pub.url}2021/`, PHONE, { javaScriptEnabled: false });
    const picker = page.locator('.compare-picker');
    expect(await picker.locator('form').isVisible()).toBe(false);
    const chips = picker.locator('a.pick-chip');
    expect(await chips.allInnerTexts()).toEqual(['2019年', '2020年', '2022年', '2023年']);
    await Promise.all([page.waitForURL(`${pub.url}compare/2021-2023/`), chips.last().click()]);
    expect(await page.locator('h1').innerText()).toBe('2021年与2023年对比');
    expect(trouble).toEqual([]);
    await close();
  });
});

describe('the index pages above compare and metric pages', () => {
  it('/compare/ lists every built comparison from both of its years, and each link opens that comparison', async () => {
    const { page, trouble, close } = await open(`${pub.url}compare/`, PHONE, { javaScriptEnabled: false });
    expect(await page.locator('h1').innerText()).toBe('年度对比');
    const rows = page.locator('table.compare-index tbody tr');
    // Five years, newest first; each row offers the four other years (every pair is built up to 30 years).
    expect(await rows.locator('th').allInnerTexts()).toEqual(['2023年', '2022年', '2021年', '2020年', '2019年']);
    const hrefs = await rows.locator('a.pick-chip').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(20);
    const pairs = (await (await fetch(`${pub.url}compare/pairs.json`)).json()) as { pairs: string[] };
    expect([...new Set(hrefs)].sort()).toEqual(pairs.pairs.map((k) => `/reports/compare/${k}/`).sort());
    expect(await rows.first().locator('a.pick-chip').first().getAttribute('aria-label')).toBe('2023年与2019年对比');
    await Promise.all([page.waitForURL(`${pub.url}compare/2019-2023/`), rows.first().locator('a.pick-chip').first().click()]);
    expect(await page.locator('h1').innerText()).toBe('2019年与2023年对比');
    expect(trouble).toEqual([]);
    await close();
  });

  it('/metrics/ lists every metric of the registry under its group, each link opening that metric', async () => {
    const { page, trouble, close } = await open(`${pub.url}metrics/`);
    expect(await page.locator('h1').innerText()).toBe('全部指标');
    const links = page.locator('.metric-index a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const stats = (await (await fetch(`${pub.url}data/stats.json`)).json()) as { metrics: { id: string }[] };
    expect(hrefs).toEqual(stats.metrics.map((m) => `/reports/metrics/${m.id}/`));
    for (const href of hrefs) expect((await fetch(new URL(href!, pub.url))).status, href!).toBe(200);
    const first = links.first();
    const label = await first.innerText();
    await Promise.all([page.waitForURL(new URL(hrefs[0]!, pub.url).href), first.click()]);
    expect(await page.locator('h1').innerText()).toContain(label);
    // The metric page's path leads back up to this list.
    const crumbs = page.locator('nav.breadcrumb a');
    expect(await crumbs.allInnerTexts()).toEqual(['数据趋势', '全部指标']);
    await Promise.all([page.waitForURL(`${pub.url}metrics/`), crumbs.nth(1).click()]);
    expect(await page.locator('h1').innerText()).toBe('全部指标');
    expect(trouble).toEqual([]);
    await close();
  });
});

describe('/metrics/<id>/ on a phone', () => {
  it('shows the compact chart with masked and missing years marked, the table, and quotes linked to the report', async () => {
    const { page, trouble, close } = await open(`${internal.url}metrics/warning-education/`);
    const compact = page.locator('svg[data-chart="compact"]');
    const wide = page.locator('svg[data-chart="wide"]');
    expect(await compact.isVisible()).toBe(true);
    expect(await wide.isVisible()).toBe(false);
    const box = (await compact.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // The accessible name and description of the chart.
    const described = await compact.evaluate((svg) => {
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(described).toContain('警示教育活动历年变化图');
    expect(described).toContain('2020年已遮蔽');
    expect(described).toContain('2023年未报告');
    // Masked and missing years: a marked band, no point.
    expect(await compact.locator('.chart-gap--masked').getAttribute('data-year')).toBe('2020');
    expect(await compact.locator('.chart-gap--missing').getAttribute('data-year')).toBe('2023');
    expect(await compact.locator('.chart-point').evaluateAll((els) => els.map((e) => e.getAttribute('data-year')))).toEqual(['2019', '2021', '2022']);
    expect(await compact.locator('.chart-gap--masked text').textContent()).toBe('已遮蔽');
    // The table says the same in words.
    expect(await page.locator('.metric-table tr[data-year="2020"]').innerText()).toContain('已遮蔽');
    expect(await page.locator('.metric-table tr[data-year="2023"]').innerText()).toContain('未报告');
    await page.screenshot({ path: join(SHOTS, 'metric-phone.png'), fullPage: true });

    // Following a quote lands on that paragraph in the report, which holds the figure.
    const link = page.locator('li[data-year="2021"] .citation a');
    await Promise.all([page.waitForURL(/\/2021\/#s1-1$/), link.click()]);
    const target = page.locator('#s1-1');
    expect(await target.innerText()).toContain('开展警示教育活动9场次');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(trouble).toEqual([]);
    await close();
  });

  it('prints the wide chart on A4, without the picker or navigation', async () => {
    const { page, close } = await open(`${internal.url}metrics/warning-education/`, DESKTOP);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg[data-chart="wide"]').isVisible()).toBe(true);
    expect(await page.locator('svg[data-chart="compact"]').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'metric-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await close();
  });
});
