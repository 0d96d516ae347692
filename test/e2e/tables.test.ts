// Report tables in real Chromium: on a phone a wide table scrolls inside its own box while the page
// stays put; a reader arriving from search lands on the row; on A4 the tables fit the page width, and a
// table that must break repeats its header rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

const SHOTS = join(ROOT, 'test-results');
const PHONE = { width: 390, height: 844 };
let browser: Browser;
let site: Served;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  site = await serveSite(siteDir('tablesPublic'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const outside: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') outside.push(r.url());
  });
  await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
  return { page, outside };
}

describe('report tables in Chromium', () => {
  it('on a 390 px phone the wide table scrolls sideways inside its box; the page does not', async () => {
    const { page, outside } = await open('2022/', PHONE);
    const region = page.locator('#s3-t1');
    await region.scrollIntoViewIfNeeded();
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client + 100);
    expect(sizes.right).toBeLessThanOrEqual(PHONE.width);
    const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'tables-phone.png') });
    // The region takes keyboard focus and the arrow keys scroll it, not the page.
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'tables-phone-scrolled.png') });
    // Its columns stay readable: a figure column is not squeezed below a couple of characters.
    const narrowest = await region.locator('td.num').first().evaluate((el) => el.getBoundingClientRect().width);
    expect(narrowest).toBeGreaterThan(30);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('on a desk every table fits the text column without scrolling', async () => {
    const { page } = await open('2022/');
    for (const id of ['s2-t1', 's3-t1']) {
      const s = await page.locator(`#${id}`).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(s.scroll, id).toBeLessThanOrEqual(s.client);
    }
    await page.locator('#s3-t1').screenshot({ path: join(SHOTS, 'tables-requests.png') });
    await page.close();
  });

  it('from a search result: lands on the row and marks the phrase inside one cell only', async () => {
    const { page } = await open(`2022/?hl=${encodeURIComponent('属于国家秘密')}#s3-t1-r8`);
    const row = page.locator('#s3-t1-r8');
    // The arrival script focuses the row once it has marked the phrase.
    await page.waitForFunction(() => document.activeElement?.id === 's3-t1-r8');
    expect(await row.locator('mark.search-hl').count()).toBe(1);
    expect(await row.locator('mark.search-hl').innerText()).toBe('属于国家秘密');
    expect(await row.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // A phrase that runs from one cell into the next is not marked.
    const { page: other } = await open(`2022/?hl=${encodeURIComponent('国家秘密0')}#s3-t1-r8`);
    await other.waitForFunction(() => document.activeElement?.id === 's3-t1-r8');
    expect(await other.locator('#s3-t1-r8 mark').count()).toBe(0);
    await page.close();
    await other.close();
  });

  it('prints on A4: tables within the page width, 仿宋 cells, header rows repeated where a table breaks', async () => {
    const { page } = await open('2022/');
    await page.emulateMedia({ media: 'print' });
    // A4 less the margins (28 mm + 26 mm) is 156 mm ≈ 590 CSS px.
    await page.setViewportSize({ width: 590, height: 900 });
    for (const id of ['s2-t1', 's3-t1', 's4-t1']) {
      const box = await page.locator(`#${id}`).evaluate((el) => ({ table: el.querySelector('table')!.getBoundingClientRect().width, region: el.getBoundingClientRect().width, overflow: getComputedStyle(el).overflowX }));
      expect(box.overflow, id).toBe('visible');
      expect(box.table, id).toBeLessThanOrEqual(box.region + 1);
    }
    const cell = page.locator('#s3-t1 td').first();
    expect(await cell.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/FangSong/);
    expect(await page.locator('#s3-t1 thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    expect(await cell.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(0, 0, 0)');
    await page.screenshot({ path: join(SHOTS, 'tables-print.png'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(join(SHOTS, 'tables-2022.pdf'), pdf);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595.28, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.89, 0);
    await page.close();
  });
});
