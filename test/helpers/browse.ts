// Every kind of page a built site has, and a page opened in Chromium that records what a reader's
// browser would refuse or fetch: CSP violations, console errors, requests leaving the site, failed loads.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import type { Served } from './serve.ts';

export interface PageType {
  type: string;
  /** Relative to the site's base URL. */
  path: string;
}

/** A word the fixtures' reports contain more than once, so the search page shows real results. */
export const SEARCH_WORD = '监督';
/** The one fixture without it (a single short report written as an attacker would). */
const SEARCH_WORDS: Record<string, string> = { hostile: '专题会议' };

/** The word to search for in the named fixture site. */
export const searchWord = (site: string) => SEARCH_WORDS[site] ?? SEARCH_WORD;

const firstDir = (dir: string, pattern: RegExp) => readdirSync(dir).filter((n) => pattern.test(n)).sort()[0];

/** One page of each kind the built site in `dir` has (a one-year site has no compare page). */
export function pageTypes(dir: string, word = SEARCH_WORD): PageType[] {
  const year = firstDir(dir, /^\d{4}$/);
  const metric = firstDir(join(dir, 'metrics'), /^[a-z0-9-]+$/);
  const pair = readdirSync(dir).includes('compare') ? firstDir(join(dir, 'compare'), /^\d{4}-\d{4}$/) : undefined;
  return [
    { type: 'home', path: '' },
    { type: 'report', path: `${year}/` },
    { type: 'trends', path: 'trends/' },
    { type: 'compare index', path: 'compare/' },
    ...(pair ? [{ type: 'compare', path: `compare/${pair}/` }] : []),
    { type: 'metric index', path: 'metrics/' },
    { type: 'metric', path: `metrics/${metric}/` },
    { type: 'measures', path: 'measures/' },
    { type: 'search', path: `search/?q=${encodeURIComponent(word)}` },
    { type: '404', path: 'no-such-page/' },
  ];
}

export interface Guarded {
  page: Page;
  /** Go to a path under the site's base; what is recorded below starts afresh. */
  visit(path: string): Promise<void>;
  /** securitypolicyviolation events seen by the current document (directive, blocked URI, source). */
  violations(): Promise<string[]>;
  /** Console messages of type error or warning, and uncaught errors (Chromium logs every CSP refusal there too). */
  console: string[];
  /** Requests to anything but the site's own origin (another host, another port, data:, blob:). */
  outside: string[];
  /** Responses with status ≥ 400. */
  failed: string[];
}

/** A page (one tab, reused across visits to keep the suite quick) that records what the browser refused or fetched. */
export async function guardedPage(browser: Browser, site: Served, viewport = { width: 1280, height: 900 }): Promise<Guarded> {
  const page = await browser.newPage({ viewport });
  // Init scripts run before the page's own, so a violation during parsing is caught too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || location.href}:${e.lineNumber}`);
    });
  });
  const g: Guarded = {
    page,
    console: [],
    outside: [],
    failed: [],
    async visit(path) {
      g.console.length = 0;
      g.outside.length = 0;
      g.failed.length = 0;
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
    },
    violations: () => page.evaluate(() => [...(window as unknown as { __cspViolations: string[] }).__cspViolations]),
  };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') g.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => g.console.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(`${site.origin}/`)) g.outside.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) g.failed.push(`${r.status()} ${r.url()}`);
  });
  return g;
}

/** Wait for the search page to finish and return how many exact results it shows. */
export async function searchSettled(page: Page): Promise<number> {
  await page.waitForSelector('[data-search-page]:is([data-state="done"], [data-state="error"])');
  return page.locator('[data-search-result]').count();
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every violation axe finds, whatever its impact, as readable lines (rule, impact, where). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const results = (await page.evaluate(() => (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResults;
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`));
}
