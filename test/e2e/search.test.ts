// Search in real Chromium against built fixture sites: exact phrases across years (answers from
// test/fixtures/series/README.md), absent phrases, filters with counts, URL state and the back button,
// a base path, the public edition's index, landing on the paragraph, and what a first search downloads.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { allFiles, readDecoded } from '../helpers/html.ts';
import { serveSite, type Served } from '../helpers/serve.ts';
import { ROOT, siteDir, type SiteName } from '../helpers/sites.ts';
import { matchText } from '../../src/lib/search/match.ts';
import { parseQuery } from '../../src/lib/search/normalise.ts';
import { reportBlocks } from '../../src/lib/search/records.ts';

const SHOTS = join(ROOT, 'test-results');
let browser: Browser;
const served: Partial<Record<SiteName, Served>> = {};

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  served.seriesPublic = await serveSite(siteDir('seriesPublic'));
  served.seriesInternal = await serveSite(siteDir('seriesInternal'));
  served.seriesPublicBase = await serveSite(siteDir('seriesPublicBase'), '/reports/');
  served.default = await serveSite(siteDir('default'));
  served.forms = await serveSite(siteDir('forms'));
});
afterAll(async () => {
  for (const { page } of shared.values()) await page.close();
  await browser?.close();
  for (const s of Object.values(served)) await s?.close();
});

interface Row {
  year: string;
  href: string;
  /** "2019#s1-3" */
  key: string;
}
interface SearchView {
  page: Page;
  exact: Row[];
  related: Row[];
  status: string;
  outside: string[];
  failed: string[];
}

async function rows(page: Page, selector: string): Promise<Row[]> {
  const raw = await page.$$eval(selector, (els) => els.map((el) => ({ year: (el as HTMLElement).dataset.year ?? '', href: el.querySelector('a')?.getAttribute('href') ?? '' })));
  return raw.map((r) => ({ ...r, key: `${r.year}#${decodeURIComponent(new URL(r.href, 'http://x').hash.slice(1))}` }));
}

async function settle(page: Page) {
  await page.waitForSelector('[data-search-page]:is([data-state="done"], [data-state="idle"], [data-state="error"])');
}

async function read(page: Page, outside: string[] = [], failed: string[] = []): Promise<SearchView> {
  await settle(page);
  return {
    page,
    exact: await rows(page, '[data-search-result]'),
    related: await rows(page, '[data-search-related]'),
    status: await page.locator('[data-search-status]').innerText(),
    outside,
    failed,
  };
}

async function open(site: Served, path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; outside: string[]; failed: string[] }> {
  const page = await browser.newPage({ viewport });
  const outside: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.origin !== site.origin) outside.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(site.url + path);
  return { page, outside, failed };
}

// One page per site, reused (a new page costs a second or two on a busy machine); each search is a fresh load.
const shared = new Map<Served, { page: Page; outside: string[]; failed: string[] }>();

async function search(site: Served, q: string, params = '', viewport?: { width: number; height: number }): Promise<SearchView> {
  const path = `search/?q=${encodeURIComponent(q)}${params}`;
  if (viewport) {
    const { page, outside, failed } = await open(site, path, viewport);
    return read(page, outside, failed);
  }
  let s = shared.get(site);
  if (!s) {
    s = await open(site, 'search/');
    shared.set(site, s);
  }
  s.outside.length = 0;
  s.failed.length = 0;
  await s.page.goto(site.url + path);
  return read(s.page, s.outside, s.failed);
}

const keys = (r: Row[]) => r.map((x) => x.key).sort();

// ── The query table: what staff type, and exactly which paragraphs must come back. ───────────────────
// From test/fixtures/series/README.md ("Search phrases", "Recurrences", redacted phrases); anchors follow its
// "Structure" section: 一、 work items s1-N, 二、 problems s2-N and causes s2-cN, 三、 measures s3-N.
const EXACT: [string, string[]][] = [
  ['河道垃圾清理专项行动', ['2019#s1-3', '2022#s1-2']],
  ['智慧党建平台', ['2021#s3-2']],
  ['四风', ['2019#s1-2', '2019#s3-2', '2021#s1-2', '2021#s3-1', '2023#s1-2']],
  ['12345热线', ['2023#s1-3']],
  ['QQ群', ['2020#s1-1']],
  ['网上举报平台', ['2021#s1-3', '2022#s1-3', '2023#s1-3']],
  ['政治理论学习有待加强', ['2020#s2-1', '2023#s2-1']],
  ['压力传导还不够精准到位', ['2021#s2-c1', '2022#s2-c1']],
  ['强化监督执纪问责，保持惩治腐败高压态势', ['2020#s3-1', '2022#s3-1', '2023#s3-1']],
  // Width, case and spacing do not matter; quotation marks in the text do not break a phrase.
  ['ＱＱ群', ['2020#s1-1']],
  ['qq群', ['2020#s1-1']],
  ['１２３４５热线', ['2023#s1-3']],
  ['河道垃圾 清理专项行动', ['2019#s1-3', '2022#s1-2']], // two terms, both present
  ['"河道垃圾 清理专项行动"', ['2019#s1-3', '2022#s1-2']], // one quoted phrase, its space ignored
  ['纠治四风', ['2019#s1-2', '2021#s1-2', '2023#s1-2']], // text: 纠治“四风” (2021 measures: 纠治隐形变异“四风”)
  ['“四风”', ['2019#s1-2', '2019#s3-2', '2021#s1-2', '2021#s3-1', '2023#s1-2']],
  // Several words: every one must be in the paragraph.
  ['网上举报平台 12345热线', ['2023#s1-3']],
  ['四风 作风建设', ['2019#s3-2', '2021#s3-1']],
];

// Phrases that are nowhere in the reports: no result, and nothing "related" passed off as one.
const ABSENT = [
  '不存在的短语',
  '风四', // the two characters, reversed
  '四风建设', // 四风 and 建设 both occur, never together
  '问题推动', // spans a sentence boundary in no text; characters common
  '河道垃圾清理专项行动计划',
  '强宗旨', // only in the committed 2022 sample, not in this fixture
  '数据趋势', // navigation
  '下载全部数据', // footer
  '主要数字', // figure table heading
  '等于办结与正在办理之和', // a metric's description (metric pages)
  '本版本为对外公开版', // edition notice
];

describe('exact phrases across years (seriesPublic)', () => {
  it.each(EXACT)('%s → exactly %j', async (q, expected) => {
    const v = await search(served.seriesPublic!, q);
    expect(keys(v.exact)).toEqual([...expected].sort());
    if (parseQuery(q).terms.length === 1) expect(v.related).toEqual([]);
    for (const r of v.exact) {
      // Each result links to its year's report, at the item's anchor.
      expect(new URL(r.href, 'http://x').pathname).toBe(`/${r.year}/`);
      expect(await v.page.locator(`[data-search-result][data-year="${r.year}"] a[href="${r.href}"]`).count()).toBe(1);
    }
    const years = [...new Set(expected.map((k) => k.slice(0, 4)))];
    expect(v.status).toContain(`找到 ${expected.length} 条`);
    expect(v.status).toContain(`${years.length} 个年份`);
    expect(v.outside).toEqual([]);
    expect(v.failed).toEqual([]);
  });

  it.each(ABSENT)('%s → no results, no related results', async (q) => {
    const v = await search(served.seriesPublic!, q);
    expect(v.exact).toEqual([]);
    expect(v.related).toEqual([]);
    expect(v.status).toContain('没有找到');
    expect(await v.page.locator('[data-search-related-section]').isHidden()).toBe(true);
  });

  it('the excerpt shows the whole phrase marked; the title marks it too', async () => {
    const v = await search(served.seriesPublic!, '12345热线');
    const result = v.page.locator('[data-search-result]');
    expect(await result.locator('.search-result__title mark').allInnerTexts()).toEqual(['12345热线']);
    expect(await result.locator('.search-result__excerpt mark').allInnerTexts()).toEqual(['12345热线']);
    expect(await result.locator('.search-result__meta').innerText()).toMatch(/2023年\s*一、履行主体责任情况\s*工作情况/);
    const v2 = await search(served.seriesPublic!, '纠治四风');
    expect(await v2.page.locator('[data-search-result] mark').allInnerTexts()).toContain('纠治“四风');
  });

  it('several words, some found only apart: no results; the partial matches are separate and labelled', async () => {
    const v = await search(served.seriesPublic!, '四风 河道垃圾清理专项行动');
    expect(v.exact).toEqual([]);
    expect(keys(v.related)).toEqual(['2019#s1-2', '2019#s1-3', '2019#s3-2', '2021#s1-2', '2021#s3-1', '2022#s1-2', '2023#s1-2']);
    const section = v.page.locator('[data-search-related-section]');
    expect(await section.isVisible()).toBe(true);
    expect(await section.locator('h2').innerText()).toContain('相关结果');
    // never mixed: related items live only in their own section, exact results never inside it
    expect(await v.page.locator('[data-search-results] [data-search-related]').count()).toBe(0);
    expect(await section.locator('[data-search-result]').count()).toBe(0);
    const both = await search(served.seriesPublic!, '网上举报平台 12345热线');
    expect(keys(both.exact)).toEqual(['2023#s1-3']);
    expect(keys(both.related)).toEqual(['2021#s1-3', '2022#s1-3']);
  });

  it('a query with no letter or digit asks for one', async () => {
    const v = await search(served.seriesPublic!, '“”，');
    expect(v.exact).toEqual([]);
    expect(v.status).toContain('至少一个汉字');
  });
});

describe('recall: random phrases from the built text come back exactly (seriesPublic)', () => {
  it('40 random phrases of 1–8 characters: the results are exactly the paragraphs containing them', async () => {
    const dir = siteDir('seriesPublic');
    const paragraphs = ['2019', '2020', '2021', '2022', '2023'].flatMap((y) => reportBlocks(readFileSync(join(dir, y, 'index.html'), 'utf8')).map((b) => ({ key: `${y}#${b.anchor}`, text: b.text })));
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const phrases = new Set<string>();
    while (phrases.size < 40) {
      const p = paragraphs[Math.floor(rnd() * paragraphs.length)];
      const chars = Array.from(p.text);
      const len = 1 + Math.floor(rnd() * 8);
      const at = Math.floor(rnd() * Math.max(1, chars.length - len));
      const phrase = chars.slice(at, at + len).join('').trim();
      if (/[\p{L}\p{N}]/u.test(phrase) && !/["\s]/.test(phrase)) phrases.add(phrase);
    }
    const page = (await open(served.seriesPublic!, 'search/')).page;
    await settle(page);
    let checked = 0;
    for (const phrase of phrases) {
      const terms = parseQuery(phrase).terms;
      const truth = paragraphs.filter((p) => matchText(p.text, terms).found.every(Boolean)).map((p) => p.key).sort();
      await page.locator('#search-q').fill(phrase);
      await page.locator('#search-q').press('Enter');
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, phrase);
      const v = await read(page);
      expect(keys(v.exact), phrase).toEqual(truth);
      checked += truth.length;
    }
    expect(checked).toBeGreaterThan(40);
    await page.close();
  });
});

describe('filters and the URL', () => {
  it('year and kind filters show counts and narrow the results', async () => {
    const v = await search(served.seriesPublic!, '四风', '&year=2021');
    expect(keys(v.exact)).toEqual(['2021#s1-2', '2021#s3-1']);
    const count = async (key: string) => Number(await v.page.locator(`[data-filter-key="${key}"] .search-filter__count`).innerText());
    // Year counts (with no kind chosen): every year, zero where the phrase is absent.
    expect([await count('year:'), await count('year:2023'), await count('year:2022'), await count('year:2021'), await count('year:2020'), await count('year:2019')]).toEqual([5, 1, 0, 2, 0, 2]);
    // Kind counts within the chosen year.
    expect([await count('kind:'), await count('kind:work'), await count('kind:problems'), await count('kind:causes'), await count('kind:measures')]).toEqual([2, 1, 0, 0, 1]);
    expect(await v.page.locator('[data-filter-key="year:2021"]').getAttribute('aria-current')).toBe('true');
    expect(await v.page.locator('[data-filter-key="year:2020"]').evaluate((el) => el.tagName)).toBe('SPAN'); // nothing to choose
    expect(v.status).toContain('找到 2 条');

    const m = await search(served.seriesPublic!, '四风', '&kind=measures');
    expect(keys(m.exact)).toEqual(['2019#s3-2', '2021#s3-1']);
    expect(await m.page.locator('[data-filter-key="year:2019"] .search-filter__count').innerText()).toBe('1');
    expect(await m.page.locator('[data-filter-key="year:2023"] .search-filter__count').innerText()).toBe('0');

    const c = await search(served.seriesPublic!, '压力传导还不够精准到位', '&kind=causes');
    expect(keys(c.exact)).toEqual(['2021#s2-c1', '2022#s2-c1']);
    expect(await c.page.locator('[data-filter-key="kind:problems"] .search-filter__count').innerText()).toBe('0');

    const none = await search(served.seriesPublic!, '四风', '&year=2020&kind=work');
    expect(none.exact).toEqual([]);
    expect(none.status).toContain('共 5 条，但在所选范围（2020年、工作情况）内没有');
  });

  it('query and filters live in the URL; clicking a filter keeps focus on it; back and forward restore each state', async () => {
    const { page } = await open(served.seriesPublic!, 'search/');
    await settle(page);
    expect(await page.locator('[data-search-status]').getAttribute('aria-live')).toBe('polite');
    await page.locator('#search-q').fill('四风');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?q=%E5%9B%9B%E9%A3%8E$/);
    let v = await read(page);
    expect(v.exact).toHaveLength(5);
    expect(await page.title()).toContain('“四风”的搜索结果');

    // Keyboard: Tab to the 2021 filter and press Enter.
    await page.locator('[data-filter-key="year:2021"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/year=2021/);
    v = await read(page);
    expect(keys(v.exact)).toEqual(['2021#s1-2', '2021#s3-1']);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.filterKey)).toBe('year:2021');
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('四风')}&year=2021`);

    await page.locator('[data-filter-key="kind:measures"]').click();
    await page.waitForURL(/kind=measures/);
    v = await read(page);
    expect(keys(v.exact)).toEqual(['2021#s3-1']);

    // A new query starts over without filters.
    await page.locator('#search-q').fill('网上举报平台');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === '网上举报平台');
    expect(new URL(page.url()).searchParams.has('year')).toBe(false);
    v = await read(page);
    expect(v.exact).toHaveLength(3);

    await page.goBack();
    await page.waitForURL(/kind=measures/);
    v = await read(page);
    expect(keys(v.exact)).toEqual(['2021#s3-1']);
    expect(await page.locator('#search-q').inputValue()).toBe('四风');
    await page.goBack();
    await page.waitForURL((u) => u.search === `?q=${encodeURIComponent('四风')}&year=2021`);
    expect(keys((await read(page)).exact)).toEqual(['2021#s1-2', '2021#s3-1']);
    await page.goBack();
    await page.waitForURL((u) => u.search === `?q=${encodeURIComponent('四风')}`);
    expect((await read(page)).exact).toHaveLength(5);
    await page.goForward();
    await page.waitForURL(/year=2021/);
    expect((await read(page)).exact).toHaveLength(2);

    // A shared URL reproduces the view.
    const again = await search(served.seriesPublic!, '四风', '&year=2021&kind=measures');
    expect(keys(again.exact)).toEqual(['2021#s3-1']);
    await page.close();
  });

  it('malformed filters in a shared URL are dropped from it', async () => {
    const { page } = await open(served.seriesPublic!, `search/?q=${encodeURIComponent('四风')}&year=20x1&kind=bogus&utm=1`);
    const v = await read(page);
    expect(v.exact).toHaveLength(5);
    expect(new URL(page.url()).search).toBe(`?q=${encodeURIComponent('四风')}`);
    await page.close();
  });
});

describe('arriving at the paragraph', () => {
  it('following a result lands on the item: paragraph highlighted, phrase marked, focus there', async () => {
    const v = await search(served.seriesPublic!, '四风', '&year=2021&kind=measures');
    await v.page.locator('[data-search-result] a').click();
    await v.page.waitForURL(/\/2021\/\?hl=.*#s3-1$/);
    await v.page.waitForSelector('#s3-1 mark.search-hl');
    const p = v.page.locator('#s3-1');
    expect(await p.evaluate((el) => el.matches(':target'))).toBe(true);
    expect(await p.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await p.locator('mark.search-hl').allInnerTexts()).toEqual(['四风']);
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('s3-1');
    // scrolled into view (the last items of a report sit lower: the page cannot scroll past its end)
    const box = await p.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, vh: innerHeight }));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    // the marked text is the text: nothing added, nothing lost
    expect(await p.innerText()).toBe('一是加强作风建设，持续正风肃纪。坚决纠治隐形变异“四风”问题，持续整治群众身边的不正之风和腐败问题。');
  });

  it('a phrase spanning markup (a figure inside the sentence) is marked across it', async () => {
    const { page } = await open(served.seriesPublic!, `2023/?hl=${encodeURIComponent('监督检查35次')}#s1-2`);
    await page.waitForSelector('#s1-2 mark.search-hl');
    expect((await page.locator('#s1-2 mark.search-hl').allInnerTexts()).join('')).toBe('监督检查35次');
    await page.close();
  });
});

describe('items written inside a paragraph (forms fixture)', () => {
  it('each is a result of its own, under its own kind', async () => {
    expect(keys((await search(served.forms!, '拓宽政民互动渠道')).exact)).toEqual(['2023#s5-m3']);
    expect(keys((await search(served.forms!, '拓宽政民互动渠道', '&kind=measures')).exact)).toEqual(['2023#s5-m3']);
    expect((await search(served.forms!, '拓宽政民互动渠道', '&kind=problems')).exact).toEqual([]);
    // 2023 writes 三是 twice among its problems: both are results, each landing on its own item.
    expect(keys((await search(served.forms!, '政策解读', '&kind=problems')).exact)).toEqual(['2022#s5-3', '2023#s5-3b']);
  });

  it('following a result lands on the item inside its paragraph: marked, phrase highlighted, focus there', async () => {
    const v = await search(served.forms!, '拓宽政民互动渠道', '&kind=measures');
    await v.page.locator('[data-search-result] a').click();
    await v.page.waitForURL(/\/2023\/\?hl=.*#s5-m3$/);
    await v.page.waitForSelector('#s5-m3 mark.search-hl');
    const target = v.page.locator('#s5-m3');
    expect(await target.evaluate((el) => el.matches('span.item-inline:target'))).toBe(true);
    expect(await target.locator('mark.search-hl').allInnerTexts()).toEqual(['拓宽政民互动渠道']);
    expect(await v.page.evaluate(() => document.activeElement?.id)).toBe('s5-m3');
    const box = await target.evaluate((el) => ({ top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, vh: innerHeight }));
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    expect(v.outside).toEqual([]);
  });
});

describe('base path (seriesPublicBase under /reports/)', () => {
  it('searches with the bundle under the base, links under the base, nothing from outside', async () => {
    const v = await search(served.seriesPublicBase!, '网上举报平台');
    expect(keys(v.exact)).toEqual(['2021#s1-3', '2022#s1-3', '2023#s1-3']);
    for (const r of v.exact) expect(new URL(r.href, 'http://x').pathname).toBe(`/reports/${r.year}/`);
    expect(await v.page.locator(`[data-filter-key="year:2022"]`).getAttribute('href')).toBe(`/reports/search/?q=${encodeURIComponent('网上举报平台')}&year=2022`);
    expect(v.outside).toEqual([]);
    expect(v.failed).toEqual([]);
    await v.page.locator('[data-search-result][data-year="2022"] a').click();
    await v.page.waitForURL(/\/reports\/2022\/\?hl=.*#s1-3$/);
    await v.page.waitForSelector('#s1-3 mark.search-hl');
  });

  it('the header search box on every page is a plain GET form to the search page', async () => {
    const { page } = await open(served.seriesPublicBase!, '2020/');
    const form = page.locator('form.site-search');
    expect(await form.getAttribute('action')).toBe('/reports/search/');
    expect((await form.getAttribute('method'))?.toLowerCase()).toBe('get');
    await page.locator('#site-search-q').fill('QQ群');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(/\/reports\/search\/\?q=QQ/);
    expect(keys((await read(page)).exact)).toEqual(['2020#s1-1']);
    // search scripts load only on the search page
    const other = await open(served.seriesPublicBase!, '2020/');
    await other.page.waitForLoadState('networkidle');
    const scripts = await other.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.filter((s) => s.includes('pagefind'))).toEqual([]);
    await other.page.close();
    await page.close();
  });
});

/** Every file of the pagefind bundle, decompressed where pagefind compressed it, zero-width separators removed. */
function decodedBundle(site: SiteName): { file: string; text: string }[] {
  const dir = join(siteDir(site), 'pagefind');
  return allFiles(dir).map((file) => ({ file, text: readDecoded(join(dir, file)) }));
}

const SENTINELS = ['4817', '3629', '5903', '7741', '7698'];
const REDACTED = ['城南社区张某某违规收受礼金案', '滨河街道李某某虚报冒领补贴问题', '王某某插手工程招投标线索', '张某某', '李某某', '王某某'];

describe('the public edition', () => {
  for (const site of ['seriesPublic', 'seriesPublicBase'] as const) {
    it(`${site}: hidden numbers and redacted text are in no file of the decoded index`, () => {
      const files = decodedBundle(site);
      expect(files.some((f) => f.file.startsWith('fragment/'))).toBe(true);
      // the decoding works: a phrase that is shown is found this way
      expect(files.some((f) => f.text.includes('网上举报平台'))).toBe(true);
      for (const { file, text } of files) {
        for (const n of SENTINELS) expect(new RegExp(`(?<!\\d)${n}(?!\\d)`).test(text), `${file} contains ${n}`).toBe(false);
        for (const phrase of REDACTED) expect(text.includes(phrase), `${file} contains ${phrase}`).toBe(false);
      }
    });
  }

  it.each([...SENTINELS, ...REDACTED])('searching %s finds nothing', async (q) => {
    const v = await search(served.seriesPublic!, q);
    expect(v.exact).toEqual([]);
    expect(v.related).toEqual([]);
  });

  it('what the public edition does show is searchable as shown (masks and ■■■ included)', async () => {
    const v = await search(served.seriesPublic!, '查处■■■');
    expect(keys(v.exact)).toEqual(['2021#s1-4', '2022#s1-3']);
  });

  it('the internal edition finds them (so the checks above can fail)', async () => {
    const internal: [string, string[]][] = [
      ['4817', ['2019#s1-2']],
      ['3629', ['2021#s1-3']],
      ['7741', ['2022#s1-4']],
      ['张某某', ['2021#s1-4']],
      ['王某某插手工程招投标线索', ['2022#s2-2']],
    ];
    for (const [q, expected] of internal) {
      const v = await search(served.seriesInternal!, q);
      expect(keys(v.exact), q).toEqual(expected);
    }
    const all = decodedBundle('seriesInternal').map((f) => f.text).join('\n');
    expect(all).toContain('王某某插手工程招投标线索');
    expect(all).toMatch(/(?<!\d)4817(?!\d)/);
  });
});

describe('what is indexed', () => {
  it('one record per report paragraph, nothing else', () => {
    const entry = JSON.parse(readFileSync(join(siteDir('seriesPublic'), 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const dir = siteDir('seriesPublic');
    const paragraphs = ['2019', '2020', '2021', '2022', '2023'].reduce((n, y) => n + reportBlocks(readFileSync(join(dir, y, 'index.html'), 'utf8')).length, 0);
    expect(Object.keys(entry.languages)).toEqual(['zh']);
    expect(entry.languages.zh.page_count).toBe(paragraphs);
    // pagefind's ready-made UIs are not shipped
    expect(allFiles(join(dir, 'pagefind')).filter((f) => /ui\.(js|css)$|highlight/.test(f))).toEqual([]);
  });
});

describe('the committed sample (default site)', () => {
  it.each([
    ['四风', ['2022#s1-3', '2022#s3-4']],
    ['一岗双责', ['2022#s1-7', '2022#s2-2']],
    ['QQ', ['2022#s1-6']],
    ['强宗旨、转作风', ['2022#s1-1', '2022#s1-2', '2022#s1-5']],
    ['不存在的短语', []],
  ] as [string, string[]][])('%s → %j', async (q, expected) => {
    const v = await search(served.default!, q);
    expect(keys(v.exact)).toEqual(expected);
  });
});

describe('without JavaScript', () => {
  it('the search page says search needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.seriesPublic!.url}search/?q=${encodeURIComponent('四风')}`);
    expect(await page.locator('body').innerText()).toContain('搜索需要浏览器启用 JavaScript');
    expect(await page.locator('[data-search-body]').isHidden()).toBe(true);
    await context.close();
  });
});

// ── Looking at it, and measuring it. ─────────────────────────────────────────────────────────────────
describe('screenshots', () => {
  it.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)('%s', async (name, viewport) => {
    const v = await search(served.seriesPublic!, '四风', '', viewport);
    const overflow = await v.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // CJK renders with real glyphs (a tofu box row would be far narrower)
    const w = await v.page.locator('h1').evaluate((el) => el.getBoundingClientRect().width);
    expect(w).toBeGreaterThan(100);
    await v.page.screenshot({ path: join(SHOTS, `search-${name}.png`), fullPage: true });
    await v.page.close();
    const r = await search(served.seriesPublic!, '四风 河道垃圾清理专项行动', '', viewport);
    expect(await r.page.locator('[data-search-related] .search-result__partial').first().innerText()).toMatch(/^只含“(四风|河道垃圾清理专项行动)”$/);
    await r.page.screenshot({ path: join(SHOTS, `search-related-${name}.png`), fullPage: true });
    await r.page.close();
    // The real sample: long paragraphs, so excerpts are cut around the phrase.
    const d = await search(served.default!, '一岗双责', '', viewport);
    await d.page.screenshot({ path: join(SHOTS, `search-default-${name}.png`), fullPage: true });
    await d.page.locator('[data-search-result] a').first().click();
    await d.page.waitForSelector('mark.search-hl');
    await d.page.screenshot({ path: join(SHOTS, `search-arrival-${name}.png`) });
    await d.page.close();
  });
});

/** A static server that counts the body bytes it sends. */
async function countingServer(dir: string): Promise<{ url: string; bytes: () => number; requests: () => string[]; reset: () => void; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, etag: false });
  let bytes = 0;
  let requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    let sent = 0;
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) sent += Buffer.byteLength(chunk);
    };
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => typeof res;
    res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (typeof chunk !== 'function' && count(chunk), end(chunk, ...rest))) as typeof res.end;
    res.on('finish', () => {
      bytes += sent;
      requests.push(`${sent}\t${url}`);
    });
    handler(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes: () => bytes,
    requests: () => requests,
    reset: () => {
      bytes = 0;
      requests = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function bundleBytes(site: SiteName) {
  const dir = join(siteDir(site), 'pagefind');
  let total = 0;
  let data = 0;
  for (const f of allFiles(dir)) {
    const n = readFileSync(join(dir, f)).length;
    total += n;
    if (/^(index|fragment|filter)\/|\.pf_meta$/.test(f)) data += n;
  }
  return { total, data, files: allFiles(dir).length };
}

describe('measurements (written to test-results/search-metrics.json for docs/search.md)', () => {
  it('index size on disk and bytes downloaded by a first search', async () => {
    const out: Record<string, unknown> = {};
    for (const site of ['default', 'seriesPublic'] as const) {
      const server = await countingServer(siteDir(site));
      const page = await browser.newPage();
      await page.goto(`${server.url}search/`);
      await settle(page);
      const pageBytes = server.bytes();
      server.reset();
      await page.locator('#search-q').fill('四风');
      await page.locator('#search-q').press('Enter');
      await page.waitForURL(/q=/);
      await settle(page);
      const first = server.bytes();
      const firstRequests = server.requests();
      server.reset();
      await page.locator('#search-q').fill('网上举报');
      await page.locator('#search-q').press('Enter');
      await page.waitForURL((u) => u.searchParams.get('q') === '网上举报');
      await settle(page);
      const second = server.bytes();
      server.reset();
      await page.locator('#search-q').fill('的');
      await page.locator('#search-q').press('Enter');
      await page.waitForURL((u) => u.searchParams.get('q') === '的');
      await settle(page);
      const common = server.bytes();
      const commonRequests = server.requests().length;
      out[site] = { bundle: bundleBytes(site), searchPageBytes: pageBytes, firstSearchBytes: first, firstSearchRequests: firstRequests, secondSearchBytes: second, commonCharacterSearchBytes: common, commonCharacterSearchRequests: commonRequests };
      await page.close();
      await server.close();
      // A first search costs the pagefind runtime (~145 KB uncompressed) plus a little index: keep it bounded.
      expect(first).toBeLessThan(250_000);
    }
    writeFileSync(join(SHOTS, 'search-metrics.json'), `${JSON.stringify(out, null, 2)}\n`);
  });
});
