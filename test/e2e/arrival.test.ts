// Arriving at a report page at an anchor (src/search/arrival.ts), in real Chromium: a hash as a search
// result writes it marks the phrase and moves focus; any other hash — malformed percent-encoding typed
// or cut off, an unknown anchor — leaves the page as it is, with no error in the reader's browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/sites.ts';

let browser: Browser;
let site: Served;
beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(siteDir('seriesPublicBase'), '/reports/');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Open a report page and collect every script error and console error it raises. */
async function arrive(path: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(site.url + path, { waitUntil: 'networkidle' });
  return { page, errors };
}

describe('arriving at a report page', () => {
  it('at an anchor a search result wrote: the phrase marked, focus on the paragraph', async () => {
    const { page, errors } = await arrive(`2022/?hl=${encodeURIComponent('网上举报平台')}#s1-3`);
    await page.waitForSelector('#s1-3 mark.search-hl');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('s1-3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at a hash that is malformed or names nothing: no error, nothing marked, the page as it was', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    let n = 0;
    for (const hash of ['#%', '#%%', '#%E4', '#%E4%B8', '#%zz', '#s1-3%', '#%c0%ae', '#%ED%A0%80', '#%FF', '#no-such-anchor', '#%E7%AC%AC']) {
      // A new query each time: a change of hash alone would not load the page (and its script) again.
      for (const query of [`?n=${++n}`, `?hl=${encodeURIComponent('网上举报平台')}&n=${++n}`]) {
        await page.goto(`${site.url}2022/${query}${hash}`, { waitUntil: 'load' });
        await page.waitForFunction(() => document.readyState === 'complete');
        expect(errors, `${query}${hash}`).toEqual([]);
        expect(await page.locator('mark.search-hl').count(), `${query}${hash}`).toBe(0);
        expect(await page.locator('h1').innerText()).toContain('2022');
      }
    }
    await page.close();
  });
});
