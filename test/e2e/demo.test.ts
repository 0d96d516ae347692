// The sample-data banner of the demo in real Chromium: seen first on a desktop and on a phone, kept in print,
// and the demo's pages load under /demo/ with no failed request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/sites.ts';

let browser: Browser;
let site: Served;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(siteDir('demo'), '/demo/');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each([
  ['desktop', 1280],
  ['phone', 390],
] as const)('the banner on a %s', (_name, width) => {
  it.each(['', '2022/', 'trends/', 'search/?q=廉情监督员'])('is in view above the page content of /demo/%s, on one screen width', async (path) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    const banner = page.locator('.sample-notice');
    await expect(banner.textContent()).resolves.toContain('示例数据');
    const box = (await banner.boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(main.y);
    expect(box.y + box.height).toBeLessThan(800);
    expect(box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await page.title()).toMatch(/（示例）$/);
    expect(failed).toEqual([]);
    await context.close();
  });
});

describe('in print', () => {
  it('keeps the banner at the top of a printed report while the site header goes', async () => {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(`${site.url}2022/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.sample-notice').isVisible()).resolves.toBe(true);
    const banner = (await page.locator('.sample-notice').boundingBox())!;
    const title = (await page.locator('.report-head h1').boundingBox())!;
    expect(banner.y).toBeLessThan(title.y);
    await context.close();
  });
});
