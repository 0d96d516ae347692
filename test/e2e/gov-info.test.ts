// The gov-info-disclosure sample's 200 figures in real Chromium: long groups stay readable, collapsing and
// folding work without JavaScript, nothing overflows a phone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

const SHOTS = join(ROOT, 'test-results');
let browser: Browser;
let site: Served;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  site = await serveSite(siteDir('govInfo'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, width: number, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  const trouble: string[] = [];
  page.on('pageerror', (e) => trouble.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) trouble.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  return { page, trouble, close: () => context.close() };
}

describe('gov-info /trends/ at 1280 px', () => {
  it('keeps the year row in view while scrolling the 175-figure table', async () => {
    const { page, trouble, close } = await open('trends/', 1280);
    const box = page.locator('#group-2 > .trends-scroll');
    const dims = await box.evaluate((el) => ({ sh: el.scrollHeight, ch: el.clientHeight }));
    expect(dims.sh).toBeGreaterThan(dims.ch);
    const header = box.locator('thead th', { hasText: '2023年' });
    const top0 = (await box.boundingBox())!.y;
    await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(100);
    expect(Math.abs((await header.boundingBox())!.y - top0)).toBeLessThan(2);
    // The last shown row is now in view under the header.
    expect(await box.locator('tbody tr').last().isVisible()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'gov-trends-desktop.png'), fullPage: true });
    expect(trouble).toEqual([]);
    await close();
  });

  it('without JavaScript, a folded line opens to its rows and a group closes', async () => {
    const { page, close } = await open('trends/', 1280, false);
    const folded = page.locator('#group-2 .folded-rows');
    const zeroRow = folded.locator('tr[data-metric="requests-withheld-state-secret-total"]');
    expect(await folded.locator('summary').innerText()).toMatch(/^\d+ 项各年均为 0，已折叠$/);
    expect(await zeroRow.isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await zeroRow.isVisible()).toBe(true);
    expect(await zeroRow.locator('td[data-year="2023"]').innerText()).toMatch(/^0/);
    const group = page.locator('#group-1');
    const row = group.locator('tr[data-metric="licensing-decisions"]');
    expect(await row.isVisible()).toBe(true);
    await group.locator(':scope > summary').click();
    expect(await row.isVisible()).toBe(false);
    await close();
  });
});

describe('gov-info pages on a 390 px phone', () => {
  it.each(['trends/', 'compare/2021-2023/', '', 'metrics/requests-new-total/'])('/%s does not make the page scroll sideways', async (path) => {
    const { page, trouble, close } = await open(path, 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, `gov-${path.replace(/\W+/g, '-') || 'home'}phone.png`), fullPage: true });
    expect(trouble).toEqual([]);
    await close();
  });
});
