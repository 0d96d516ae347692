// Row labels on a phone (issue 31 item 6): at 390 px the national format's tables scroll sideways inside their
// box, and each row's labels stay at the table's left edge, uncovered, beside the figures that scroll under them;
// on a wide screen and in print nothing sticks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
  site = await serveSite(siteDir('govInfo'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Where a cell is, and what a reader's tap at its centre would hit: the cell itself (or its contents), or not. */
function probe(page: Page, selector: string) {
  return page.locator(selector).evaluate((cell) => {
    let box = cell.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) {
      // The page scrolls, not the table: scrollIntoView would also scroll a sticky cell's box back to where it sits unstuck.
      window.scrollBy(0, box.top - innerHeight / 3);
      box = cell.getBoundingClientRect();
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 12));
    return { left: box.left, right: box.right, uncovered: hit !== null && (hit === cell || cell.contains(hit)) };
  });
}

describe('the national format’s tables on a 390 px phone', () => {
  it('keep every level of a row’s labels at the table’s left edge while the figures scroll', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    // 收到和处理政府信息公开申请情况: three label columns (三、本年度办理结果 → （三）不予公开 → 1.属于国家秘密), ten figure columns.
    const region = page.locator('#s3-t1');
    const table = region.locator('table');
    expect(await table.getAttribute('class')).toContain('report-table--labels-3');
    const row = '#s3-t1 tr:has(> th.label-c2) >> nth=0 >> ';
    const first = '#s3-t1 tbody th.label-c0 >> nth=0';
    const outer = '#s3-t1 th.label-c0.label-vertical';
    const middle = '#s3-t1 th.label-c1.label-vertical >> nth=0';
    const inner = `${row}th.label-c2 >> nth=0`;
    const figure = `${row}td.num >> nth=0`;
    await region.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const edge = await region.evaluate((el) => el.getBoundingClientRect().left);
    const before = await probe(page, figure);
    const innerBefore = await probe(page, inner);
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client + 100);
    // The label area leaves the figures most of the screen.
    expect(innerBefore.right - edge).toBeLessThan(PHONE.width * 0.5);

    await region.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    await page.screenshot({ path: join(SHOTS, 'sticky-labels-phone-scrolled.png') });
    // The figures moved …
    const after = await probe(page, figure);
    expect(after.left).toBeLessThan(before.left - 100);
    // … the labels did not, and nothing scrolled over them.
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    const firstLabel = await probe(page, first);
    expect(Math.abs(firstLabel.left - edge)).toBeLessThanOrEqual(1);
    expect(firstLabel.uncovered).toBe(true);
    const o = await probe(page, outer);
    expect(Math.abs(o.left - edge)).toBeLessThanOrEqual(1);
    expect(o.uncovered).toBe(true);
    for (const [selector, leftOf] of [[middle, o], [inner, innerBefore]] as const) {
      const cell = await probe(page, selector);
      expect(cell.uncovered).toBe(true);
      if (selector === middle) expect(Math.abs(cell.left - leftOf.right)).toBeLessThanOrEqual(1);
      else expect(Math.abs(cell.left - leftOf.left)).toBeLessThanOrEqual(1);
    }
    // The last figure column is now in view, beside the labels and not under them.
    const last = await probe(page, `${row}td.num >> nth=-1`);
    expect(last.uncovered).toBe(true);
    expect(last.right).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // A one-level label column (第二十条第（一）项 …) sticks too, at most 9em wide.
    const simple = page.locator('#s2-t1 table');
    expect(await simple.getAttribute('class')).toContain('report-table--labels-1');
    expect(await page.locator('#s2-t1 tbody th.label-c0 >> nth=0').evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    // 行政复议、行政诉讼 has no row labels: nothing sticks.
    expect(await page.locator('#s4-t1 .label-c0').count()).toBe(0);
    await page.close();
  });

  it('nothing sticks on a wide screen or in print', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    const position = () => page.locator('#s3-t1 tbody th.label-c0 >> nth=0').evaluate((el) => getComputedStyle(el).position);
    expect(await position()).toBe('static');
    await page.setViewportSize(PHONE);
    expect(await position()).toBe('sticky');
    await page.emulateMedia({ media: 'print' });
    expect(await position()).toBe('static');
    await page.close();
  });
});
