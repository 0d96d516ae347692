// Reading across years on the report page in real Chromium: the notes under recurring items and the follow-up
// of last year's measures, on a phone-sized screen and on paper (five-year series fixture, under /reports/).
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
  site = await serveSite(siteDir('seriesPublicBase'), '/reports/');
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('notes across years on the report page (390 px)', () => {
  it('stand under the item, outside its paragraph, readable, and link to the other year', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    const para = page.locator('#s2-1');
    const note = page.locator('.item-note[data-note-for="s2-1"]');
    await note.waitFor({ state: 'visible' });
    expect(await note.innerText()).toContain('另见 2020年');
    // Outside the paragraph: not a descendant, and the paragraph's text is untouched.
    expect(await para.evaluate((p) => !!p.querySelector('.item-note') || p.textContent!.includes('另见'))).toBe(false);
    await para.scrollIntoViewIfNeeded();
    const [p, n] = [await para.boundingBox(), await note.boundingBox()];
    expect(n!.y).toBeGreaterThanOrEqual(p!.y + p!.height - 1);
    // Readable on a phone: inside the screen, no sideways scrolling, a font size that is not tiny.
    expect(n!.x).toBeGreaterThanOrEqual(0);
    expect(n!.x + n!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(parseFloat(await note.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: join(SHOTS, 'across-years-2023-phone.png'), fullPage: false, clip: { x: 0, y: Math.max(0, p!.y - 20), width: 390, height: 320 } });
    // The link goes to the same problem in 2020, under the base path.
    await note.locator('a', { hasText: '2020年' }).click();
    await page.waitForURL(/\/reports\/2020\/#s2-1$/);
    expect(await page.locator('#s2-1').innerText()).toContain('政治理论学习有待加强');
    await page.close();
  });

  it('shows last year’s measures with their likely follow-ups, never as a verdict', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    const section = page.locator('#follow-up');
    await section.scrollIntoViewIfNeeded();
    expect(await section.locator('h2').innerText()).toBe('2022年措施的落实情况');
    const first = section.locator('.follow-up').first();
    expect(await first.locator('.strength').innerText()).toBe('相近程度：一般');
    expect(await first.locator('.follow-up__terms').innerText()).toBe('共同词语：惩治、腐败、执纪问责');
    expect(await section.innerText()).not.toContain('已落实');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await section.screenshot({ path: join(SHOTS, 'across-years-follow-up-phone.png') });
    await first.locator('.follow-up__match a').click();
    await page.waitForURL(/\/reports\/2023\/#s1-4$/);
    await page.close();
  });

  it('leaves both out of the printed report', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.item-note').first().isVisible()).toBe(false);
    expect(await page.locator('#follow-up').isVisible()).toBe(false);
    expect(await page.locator('#s2-1').isVisible()).toBe(true);
    await page.close();
  });
});
