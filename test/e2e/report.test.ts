// The report page in real Chromium: what a reader sees on a desk, on a phone and on paper.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

const SHOTS = join(ROOT, 'test-results');
let browser: Browser;
let site: Served;
let baseSite: Served;
let forms: Served;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  site = await serveSite(siteDir('default'));
  baseSite = await serveSite(siteDir('seriesPublicBase'), '/reports/');
  forms = await serveSite(siteDir('forms'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await baseSite?.close();
  await forms?.close();
});

async function open(url: string, viewport = { width: 1280, height: 900 }) {
  const page = await browser.newPage({ viewport });
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.hostname !== '127.0.0.1') outside.push(r.url());
  });
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, outside, failed };
}

describe('report page in Chromium', () => {
  it('shows the 2022 report with contents, figures and text, fetching nothing from outside', async () => {
    const { page, outside, failed } = await open(`${site.url}2022/`);
    expect(await page.locator('h1').innerText()).toBe('2022年度落实全面从严治党主体责任情况报告');
    expect(await page.locator('.toc a').count()).toBe(24);
    expect(await page.locator('table.figures tbody tr:not(.group-row)').count()).toBe(21);
    expect(await page.locator('#s1-4').innerText()).toContain('受理来信来访*件次，查结*件次');
    // CJK glyphs really render: a Chinese string is as wide as its characters need, not tofu-narrow boxes.
    const width = await page.locator('h1').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(400);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-2022-desktop.png') });
    await page.close();
  });

  it('following a contents link lands on the item and highlights it', async () => {
    const { page } = await open(`${site.url}2022/`);
    await page.locator('.toc a', { hasText: '四是严肃执纪问责，加大办案力度。' }).click();
    expect(new URL(page.url()).hash).toBe('#s1-4');
    // The highlight fades in (global.css: transition on p:target), so right after the click it can still be transparent.
    await expect.poll(() => page.locator('#s1-4').evaluate((el) => getComputedStyle(el).backgroundColor), { timeout: 3000 }).not.toBe('rgba(0, 0, 0, 0)');
    const top = await page.locator('#s1-4').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.close();
  });

  it('an item inside a paragraph: its contents link lands on it and marks only it (forms fixture, 2023)', async () => {
    const { page, outside, failed } = await open(`${forms.url}2023/`);
    await page.locator('.toc .toc-items a', { hasText: '二是提升政务公开内容质量。' }).click();
    expect(new URL(page.url()).hash).toBe('#s5-m2');
    const target = page.locator('#s5-m2');
    expect(await target.evaluate((el) => el.matches('.report-text p > span.item-inline:target'))).toBe(true);
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    // Only the item is marked, not the paragraph around it, whose text reads on unchanged.
    expect(await page.locator('#s5-p3').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    expect(await target.innerText()).toBe('二是提升政务公开内容质量。加大重点领域公开信息整合归类力度，不断优化政府门户网站栏目设置，开设富有实验区特色的专题专栏，同时对历史文件进行全面排查，清理栏目噪音。');
    const box = await target.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, vh: innerHeight }));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    // The nested items of a sub-heading sit under it in the contents.
    expect(await page.locator('.toc a[href="#s1-1"] + ol.toc-items--nested a').count()).toBe(5);
    expect(outside).toEqual([]);
    expect(failed).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-forms-2023-inline-target.png') });
    await page.close();
  });

  it('on a phone, a nested item of the contents is one tap away and lands in view', async () => {
    const { page } = await open(`${forms.url}2022/`, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('.toc summary').click();
    await page.locator('.toc .toc-items--nested a[href="#s1-3-2"]').click();
    const target = page.locator('#s1-3-2');
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
    const box = await target.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, vh: innerHeight }));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.vh / 2);
    await page.screenshot({ path: join(SHOTS, 'report-forms-2022-phone-target.png') });
    await page.close();
  });

  it('fits a phone: no sideways scrolling of the page, contents above the text', async () => {
    const { page } = await open(`${site.url}2022/`, { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const tocTop = await page.locator('.toc').evaluate((el) => el.getBoundingClientRect().top);
    const textTop = await page.locator('.report-text').evaluate((el) => el.getBoundingClientRect().top);
    expect(tocTop).toBeLessThan(textTop);
    await page.screenshot({ path: join(SHOTS, 'report-2022-phone.png'), fullPage: false });
    await page.close();
  });

  it('prints on A4 as an official document: no navigation, 仿宋 body', async () => {
    const { page } = await open(`${site.url}2022/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    const font = await page.locator('.report-text p').first().evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/FangSong/);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    writeFileSync(join(SHOTS, 'report-2022.pdf'), pdf);
    // A4 is 595×842 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(Number(box?.[1])).toBeCloseTo(595.28, 0);
    expect(Number(box?.[2])).toBeCloseTo(841.89, 0);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    await page.close();
  });

  it('works under a sub-path: previous/next year links lead to real pages', async () => {
    const { page, failed } = await open(`${baseSite.url}2021/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/reports/2022/');
    await page.locator('a[rel="prev"]').click();
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe('/reports/2021/');
    expect(failed).toEqual([]);
    await page.close();
  });
});
