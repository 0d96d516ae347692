// The portal of hostile names (test/helpers/hostile-portal.ts) in real Chromium, as a reader who follows a crafted
// link would meet it: every portal page, and the compare and search pages with addresses an attacker writes, run
// nothing — neither under the page's Content-Security-Policy nor with the policy removed from every page (so what
// is tested is the markup and the scripts themselves) — and fetch nothing they were not built to fetch. On a 390 px
// phone no page is pushed sideways by the 300-character office name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { siteDir } from '../helpers/sites.ts';
import { HOSTILE_SERIES, LONG_NAME, PAYLOAD } from '../helpers/hostile-portal.ts';

let browser: Browser;
let site: Served;
beforeAll(async () => {
  browser = await launchChromium();
  site = await serveSite(siteDir('portalHostile'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const q = encodeURIComponent;
const ATTACK = '</script><script>window.__pwned=7</script>"><img src=x onerror="window.__pwned=8;alert(8)">';
const PAGES = [
  '',
  'coverage/',
  'figures/',
  'figures/licensing-decisions/',
  'figures/rates/disclosure-rate/',
  'review/',
  'compare/',
  'compare/?as=a-xxgk&ay=2024&bs=b-xxgk&by=2024',
  'compare/?as=a-xxgk&ay=2024&bs=c-ztzr&by=2023',
  `compare/?as=../../etc&ay=${q('../passwd')}&bs=${q(ATTACK)}&by=${q(ATTACK)}`,
  `compare/?as=${q('javascript:window.__pwned=9')}&ay=2024&bs=a-xxgk&by=2024`,
  `search/?q=${q('公开')}&series=${q(ATTACK)}&group=${q(ATTACK)}&year=${q(ATTACK)}&kind=${q(ATTACK)}`,
  `search/?q=${q(ATTACK)}`,
  `search/?q=${q('公开')}&group=${q('部门</script>')}`,
  'a-xxgk/',
  'a-xxgk/2024/',
  'b-xxgk/2024/',
  'c-ztzr/trends/',
  'no-such-page/',
];

interface Run {
  context: BrowserContext;
  dialogs: string[];
  requests: string[];
}

/** A context whose pages are served with the Content-Security-Policy meta, or with it cut out of every HTML response. */
async function context(withCsp: boolean, viewport = { width: 1280, height: 900 }): Promise<Run> {
  const context = await browser.newContext({ bypassCSP: !withCsp, viewport });
  const run: Run = { context, dialogs: [], requests: [] };
  context.on('dialog', (d) => {
    run.dialogs.push(d.message());
    void d.dismiss().catch(() => {});
  });
  context.on('request', (r) => run.requests.push(r.url()));
  if (!withCsp) {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      if (!(response.headers()['content-type'] ?? '').includes('text/html')) return route.fulfill({ response });
      const html = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
      return route.fulfill({ response, body: html });
    });
  }
  return run;
}

describe('the hostile portal in Chromium', () => {
  for (const withCsp of [true, false]) {
    it(`${withCsp ? 'under its CSP' : 'with the CSP removed'}: no page runs a payload, builds an element from one, or fetches outside the site`, { timeout: 180_000 }, async () => {
      const run = await context(withCsp);
      const page = await run.context.newPage();
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(site.url + path, { waitUntil: 'networkidle' });
        expect(await page.evaluate(() => !!document.querySelector('meta[http-equiv="Content-Security-Policy"]')), path).toBe(withCsp);
        const state = await page.evaluate(() => ({
          mark: (window as { __pwned?: unknown }).__pwned,
          injected: [...document.querySelectorAll('img, script:not([src]), iframe, object, embed, [onerror], [onload]')].map((e) => e.outerHTML.slice(0, 80)),
          links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).protocol).filter((p) => p !== 'http:'),
        }));
        if (state.mark !== undefined || state.injected.length || state.links.length) found.push(`${path}: ${JSON.stringify(state)}`);
      }
      expect(found).toEqual([]);
      expect(run.dialogs).toEqual([]);
      expect(run.requests.filter((u) => !u.startsWith(site.origin + '/'))).toEqual([]);
      // The crafted compare address fetched nothing of what it named.
      expect(run.requests.filter((u) => /etc|passwd|__pwned/.test(decodeURIComponent(u)) && !u.includes('/search/') && !u.includes('/compare/?'))).toEqual([]);
      await run.context.close();
    });
  }

  it('names are shown as the text they are: the portal title, an office in the compare page’s menu and result', async () => {
    const run = await context(true);
    const page = await run.context.newPage();
    await page.goto(`${site.url}compare/?as=a-xxgk&ay=2024&bs=c-ztzr&by=2024`, { waitUntil: 'networkidle' });
    await page.waitForSelector('#compare-result-title');
    expect(await page.title()).toContain(`门户${PAYLOAD}`);
    expect(await page.locator('#compare-result-title').textContent()).toBe(`${HOSTILE_SERIES['a-xxgk'].organization} 2024年 与 ${HOSTILE_SERIES['c-ztzr'].organization} 2024年`);
    expect(await page.locator('[data-series-select="a"] option:checked').textContent()).toBe(`${HOSTILE_SERIES['a-xxgk'].organization}（政府信息公开工作年度报告）`);
    await run.context.close();
  });

  it('an address naming no report, or an unknown office and group, says so and shows nothing of it as markup', async () => {
    const run = await context(true);
    const page = await run.context.newPage();
    await page.goto(`${site.url}compare/?as=../../etc&ay=2024&bs=${q(ATTACK)}&by=2024`, { waitUntil: 'networkidle' });
    expect(await page.locator('[data-compare-status]').textContent()).toBe('地址中的报告在门户中找不到，请重新选择。');
    expect(await page.locator('[data-compare-result]').innerHTML()).toBe('');
    await page.goto(`${site.url}search/?q=${q('公开')}&series=${q(ATTACK)}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-search-page]:is([data-state="done"], [data-state="error"])');
    expect(new URL(page.url()).searchParams.get('series')).toBeNull();
    expect(await page.locator('[data-search-notice]').isVisible()).toBe(true);
    await run.context.close();
  });

  it('at 390 px no portal page is wider than the phone, the 300-character office name included', { timeout: 120_000 }, async () => {
    const run = await context(true, { width: 390, height: 844 });
    const page = await run.context.newPage();
    const wide: string[] = [];
    for (const path of ['', 'coverage/', 'figures/', 'figures/licensing-decisions/', 'figures/rates/disclosure-rate/', 'review/', 'compare/', 'compare/?as=a-xxgk&ay=2024&bs=b-xxgk&by=2024', `search/?q=${q('公开')}`, 'b-xxgk/', 'b-xxgk/2024/']) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) wide.push(`${path}: ${width}px`);
    }
    expect(await page.evaluate(() => document.body.innerText)).toContain(LONG_NAME);
    expect(wide).toEqual([]);
    await run.context.close();
  });
});
