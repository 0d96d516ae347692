// axe-core on every page type, on a desk and on a phone, and on the states a reader's actions produce
// (search results, filters, related results, the compare picker's message, arriving at a paragraph):
// no violation of any impact. axe is injected by the test only; it never ships with the site.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { axeViolations, guardedPage, pageTypes, searchSettled } from '../helpers/browse.ts';
import { allFiles } from '../helpers/html.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { SITES, siteDir, type SiteName } from '../helpers/sites.ts';

const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const served = new Map<SiteName, Served>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const name of ['seriesPublic', 'seriesInternal', 'minimalInternalBase', 'govInfo'] as const) served.set(name, await serveSite(siteDir(name), SITES[name].base));
});
afterAll(async () => {
  await browser?.close();
  for (const s of served.values()) await s.close();
});


describe('axe on every page type', () => {
  // The public edition on a desk and a phone; the internal edition (redaction marks, unmasked figures)
  // and a one-year site under a sub-path on a desk; the gov-info-disclosure kind (its own tables) on both. One test per page type keeps a slow machine in bounds.
  const runs: [SiteName, typeof DESK][] = [
    ['seriesPublic', DESK],
    ['seriesPublic', PHONE],
    ['seriesInternal', DESK],
    ['minimalInternalBase', DESK],
    ['govInfo', DESK],
    ['govInfo', PHONE],
  ];
  const pages = new Map<string, Awaited<ReturnType<typeof guardedPage>>>();
  afterAll(async () => {
    for (const g of pages.values()) await g.page.close();
  });
  for (const [name, viewport] of runs) {
    for (const { type, path } of pageTypes(siteDir(name))) {
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
});

describe('axe on what a reader\'s actions show', () => {
  let search: Awaited<ReturnType<typeof guardedPage>> | undefined;
  const searchPage = async () => (search ??= await guardedPage(browser, served.get('seriesPublic')!));
  afterAll(async () => search?.page.close());

  it('search results filtered by year', async () => {
    const g = await searchPage();
    await g.visit(`search/?q=${encodeURIComponent('四风')}`);
    await searchSettled(g.page);
    await g.page.locator('[data-filter-key="year:2021"]').click();
    await g.page.waitForSelector('[data-filter-key="year:2021"][aria-current="true"]');
    await searchSettled(g.page);
    expect(await axeViolations(g.page)).toEqual([]);
  });

  it('a search without results', async () => {
    const g = await searchPage();
    await g.visit(`search/?q=${encodeURIComponent('没有这个词语')}`);
    expect(await searchSettled(g.page)).toBe(0);
    expect(await axeViolations(g.page)).toEqual([]);
  });

  it('related results (some words found only apart)', async () => {
    const g = await searchPage();
    await g.visit(`search/?q=${encodeURIComponent('四风 河道垃圾清理专项行动')}`);
    await searchSettled(g.page);
    expect(await g.page.locator('[data-search-related]').count()).toBeGreaterThan(0);
    expect(await axeViolations(g.page)).toEqual([]);
  });

  it('arriving from a result at the paragraph, the phrase marked', async () => {
    const g = await searchPage();
    await g.visit(`search/?q=${encodeURIComponent('四风')}`);
    await searchSettled(g.page);
    await g.page.locator('[data-search-result] a').first().click();
    await g.page.waitForSelector('mark.search-hl');
    expect(await axeViolations(g.page)).toEqual([]);
  });

  it('compare picker with its message, and the contents opened on a phone', async () => {
    const g = await guardedPage(browser, served.get('seriesPublic')!, PHONE);
    const { page } = g;
    await g.visit('2022/');
    await page.locator('details[data-collapse-narrow] summary').click();
    expect(await page.locator('details[data-collapse-narrow]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // The same year twice: the picker explains and disables its button.
    await page.locator('.compare-picker__form select[name="a"]').selectOption('2022');
    await page.locator('.compare-picker__form select[name="b"]').selectOption('2022');
    expect(await page.locator('.compare-picker__msg').innerText()).toBe('请选择两个不同的年份。');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('axe stays out of the site', () => {
  it('no built file contains axe-core', () => {
    for (const name of served.keys()) {
      const dir = siteDir(name);
      const carrying = allFiles(dir).filter((f) => /\.(js|html|css|json)$/.test(f) && /axe-core|axe\.run\(/.test(readFileSync(`${dir}/${f}`, 'utf8')));
      expect(carrying, name).toEqual([]);
    }
  });
});
