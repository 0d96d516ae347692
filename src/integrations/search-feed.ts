// The search index built while the site is still being generated. Astro renders the report pages first
// (this prerenderer puts them at the head of the queue); each page's paragraphs go to pagefind as soon
// as its HTML exists, and once the last report page is in, pagefind writes its files in its own process
// while Astro renders the compare, trend and metric pages on the other core. What is indexed is still
// read from the finished HTML of each report page, exactly as before (src/integrations/search-index.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { RESERVED_SERIES_IDS, SERIES_ID } from '../lib/portal/portal-schema.ts';
import { bundleRecords } from '../lib/search/bundles.ts';
import { reportBlocks, reportSource, searchRecords, type SearchRecord } from '../lib/search/records.ts';
import { compareReportKeys, reportPath, type ReportKey } from '../lib/search/report-path.ts';

type Rendered = Awaited<ReturnType<AstroPrerenderer['render']>>;

// The three calls to pagefind's service, each throwing what it reports: for the feed and for indexing a
// built site (src/integrations/search-index.ts indexBuiltSite) alike.
export async function createPagefindIndex(options: { maxFragments?: number }): Promise<pagefind.PagefindIndex> {
  const created = await pagefind.createIndex(options.maxFragments ? { maxFragments: options.maxFragments } : {});
  if (!created.index) throw new Error(created.errors.join('；') || '未知错误');
  return created.index;
}

/** Sent at once: the service reads them one after another anyway, without a round trip per record. */
export async function addRecords(index: pagefind.PagefindIndex, records: SearchRecord[]): Promise<void> {
  const results = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  results.forEach((r, i) => {
    if (r.errors.length) throw new Error(`${records[i]?.url}：${r.errors.join('；')}`);
  });
}

export async function writePagefindFiles(index: pagefind.PagefindIndex, outputPath: string): Promise<void> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('；'));
}

/** Records sent to pagefind together (some 15 years of reports): few writes, and pagefind still starts early. */
const BATCH_RECORDS = 100;

export interface FeedResult {
  /** Every year some report has, oldest first. */
  years: number[];
  /** The series with reports, by id (none in a single content folder). */
  series: string[];
  /** Report pages indexed. */
  reports: number;
  paragraphs: number;
  records: number;
}

/**
 * Whether the site is a portal (report pages at `<series>/<year>/`) or a single content folder (`<year>/`).
 * Undefined: read from the pages themselves (see siteIsPortal).
 */
export interface LayoutOption {
  portal?: boolean;
}

const REPORT_PAGE = /^(?:([^/]+)\/)?(\d{4})\/?(?:index\.html)?$/;

/**
 * A report page's pathname (under the base or not) → which report it is: `/2022/` → {year: 2022};
 * in a portal `/czj-xxgk/2022/` → {series: 'czj-xxgk', year: 2022}. A series id is kebab-case ASCII
 * starting with a letter and none of the portal's own page names (src/lib/portal/portal-schema.ts), so
 * `/2023/` is never a series, and `/compare/2021-2022/`, `/figures/2023/` or `/czj-xxgk/trends/` no report.
 * `portal` says which of the two shapes to accept (both when undefined): a single site's metric page
 * `/metrics/2023/` has the portal shape.
 */
export function reportKey(pathname: string, base: string, portal?: boolean): ReportKey | undefined {
  const baseRel = base.replace(/^\/+/, '');
  let p = pathname.replace(/^\/+/, '');
  if (baseRel && p.startsWith(baseRel)) p = p.slice(baseRel.length);
  const m = REPORT_PAGE.exec(p);
  if (!m) return undefined;
  const year = Number(m[2]);
  const series = m[1];
  if (series === undefined) return portal === true ? undefined : { year };
  if (portal === false || !SERIES_ID.test(series) || RESERVED_SERIES_IDS.has(series)) return undefined;
  return { series, year };
}

/**
 * When not told: a site with any report page at its root (`/2022/`) is a single content folder — a portal
 * has none there, a series id never being a year — and one with only `<series>/<year>/` pages a portal.
 */
export function siteIsPortal(pathnames: string[], base: string): boolean {
  const keys = pathnames.map((p) => reportKey(p, base));
  return !keys.some((k) => k && k.series === undefined) && keys.some((k) => k?.series !== undefined);
}

/** The report pages among `items`, by series id then year: the order their records are indexed in. */
export function reportPages<T>(items: T[], pathOf: (item: T) => string, base: string, portal: boolean): { item: T; key: ReportKey }[] {
  const out: { item: T; key: ReportKey }[] = [];
  for (const item of items) {
    const key = reportKey(pathOf(item), base, portal);
    if (key) out.push({ item, key });
  }
  return out.sort((a, b) => compareReportKeys(a.key, b.key));
}

/** A report's id within the feed: its path, `2022/` or `czj-xxgk/2022/`. */
const idOf = reportPath;

/**
 * The paragraph records of one built report page. In a portal the page's `<article class="report">` names
 * its series, office and group (reportSource); a page that names another series than its URL is refused.
 */
export function reportRecords(key: ReportKey, html: string, file: string): SearchRecord[] {
  // A missing container means the page markup changed under us; an empty one is a year still being written.
  if (!html.includes('class="report-text"')) throw new Error(`搜索索引：${file} 中找不到报告正文（class="report-text"），无法建立索引`);
  if (key.series === undefined) return searchRecords(key.year, reportBlocks(html));
  const source = reportSource(html);
  if (source && source.series !== key.series) throw new Error(`搜索索引：${file} 的报告标明属于系列“${source.series}”，与网址中的“${key.series}”不符`);
  return searchRecords(key.year, reportBlocks(html), source ?? { series: key.series });
}

/** Years and series of the indexed reports, for the build's log. */
export function reportsSummary(keys: ReportKey[]): Pick<FeedResult, 'years' | 'series' | 'reports'> {
  const years = [...new Set(keys.map((k) => k.year))].sort((a, b) => a - b);
  const series = [...new Set(keys.flatMap((k) => (k.series === undefined ? [] : [k.series])))].sort();
  return { years, series, reports: keys.length };
}

export class SearchFeed {
  private opened: Promise<pagefind.PagefindIndex> | undefined;
  private readonly adds: Promise<void>[] = [];
  /** Reports (by idOf) whose page has been read. */
  private readonly seen = new Map<string, ReportKey>();
  /** The reports in the order their records go to pagefind (`head`: the next one due), and the pages rendered ahead of their turn. */
  private queue: string[] = [];
  private head = 0;
  private readonly waiting = new Map<string, SearchRecord[]>();
  /** Records in report order not yet sent to pagefind. */
  private batch: SearchRecord[] = [];
  private paragraphs = 0;
  private records = 0;
  private expected = new Set<string>();
  private keys = new Map<string, ReportKey>();
  private writing: Promise<void> | undefined;
  private failure: Error | undefined;
  /** Portal or single content folder: as told, or read from the pages in order(). */
  private portal: boolean | undefined;

  private readonly bundleDir: string;
  private readonly options: { maxFragments?: number };

  constructor(bundleDir: string, options: { maxFragments?: number } & LayoutOption = {}) {
    this.bundleDir = bundleDir;
    this.options = { ...(options.maxFragments && { maxFragments: options.maxFragments }) };
    this.portal = options.portal;
  }

  /** Report pages first, by series then oldest year first (the order their records are added in); everything else after, in Astro's order. */
  order<T extends { pathname: string }>(paths: T[], base: string): T[] {
    this.portal ??= siteIsPortal(paths.map((p) => p.pathname), base);
    const reports = reportPages(paths, (p) => p.pathname, base, this.portal);
    const ids = reports.map((r) => idOf(r.key));
    this.keys = new Map(reports.map((r) => [idOf(r.key), r.key]));
    this.expected = new Set(ids);
    this.queue = [...this.expected];
    this.head = 0;
    const isReport = new Set(reports.map((r) => r.item));
    return [...reports.map((r) => r.item), ...paths.filter((p) => !isReport.has(p))];
  }

  /** Which report a rendered page is, if any (after order()). */
  keyOf(pathname: string, base: string): ReportKey | undefined {
    const key = reportKey(pathname, base, this.portal);
    return key && this.expected.has(idOf(key)) ? key : undefined;
  }

  /** Whether every report page's paragraphs have been handed over (then the index is being written). */
  get complete(): boolean {
    return this.writing !== undefined;
  }

  private open(): Promise<pagefind.PagefindIndex> {
    // pagefind indexes on every core by default; beside Astro's rendering that only slows both down
    // (320 years: 22.6 s with all cores, 20.2 s with one). Its service reads this when it starts.
    process.env.RAYON_NUM_THREADS ??= '1';
    return (this.opened ??= createPagefindIndex(this.options));
  }

  /**
   * One report page's HTML, as it will be written. Pages may finish out of order (Astro renders two at a
   * time); their records still go to pagefind by series and oldest year first, so the same content gives the same index.
   */
  page(key: ReportKey, html: string, file: string): void {
    const id = idOf(key);
    if (!this.expected.has(id) || this.seen.has(id)) return;
    const paragraphs: SearchRecord[] = reportRecords(key, html, file);
    const bundled = bundleRecords(paragraphs);
    this.seen.set(id, key);
    this.paragraphs += paragraphs.length;
    this.records += bundled.length;
    this.waiting.set(id, bundled);
    for (let next = this.queue[this.head]; next !== undefined && this.waiting.has(next); next = this.queue[++this.head]) {
      this.batch.push(...(this.waiting.get(next) as SearchRecord[]));
      this.waiting.delete(next);
    }
    const last = this.seen.size === this.expected.size;
    if (this.batch.length >= BATCH_RECORDS || (last && this.batch.length)) this.send();
    if (last) this.write();
  }

  /**
   * The records so far, in one go: each record is one write to pagefind's pipe, and writes issued together
   * go out in a few system calls instead of one each (~0.2 ms apiece on the machine measured).
   */
  private send(): void {
    const records = this.batch;
    this.batch = [];
    const added = this.open().then((index) => addRecords(index, records));
    // Kept for finish(); a rejection is reported there, not as an unhandled one now.
    added.catch((e) => (this.failure ??= e as Error));
    this.adds.push(added);
  }

  private write(): void {
    const writing = Promise.all(this.adds).then(async () => writePagefindFiles(await this.open(), this.bundleDir));
    writing.catch((e) => (this.failure ??= e as Error));
    this.writing = writing;
  }

  /**
   * Waits for pagefind to finish writing; throws what went wrong on the way. Always closes pagefind. Report pages
   * Astro did not render — copied from the last build by its incremental build (src/data/routes.ts cache keys) —
   * are read from `outDir`, where Astro put them, in their turn.
   */
  async finish(outDir?: string): Promise<FeedResult> {
    try {
      if (outDir !== undefined && !this.writing) {
        for (const id of this.queue.slice(this.head)) {
          const key = this.keys.get(id);
          if (!key || this.seen.has(id)) continue;
          const file = join(outDir, reportPath(key), 'index.html');
          this.page(key, readFileSync(file, 'utf8'), file);
        }
      }
      // A site without report pages still gets an (empty) index: the search page loads it.
      if (!this.writing && this.expected.size === 0) this.write();
      if (!this.writing) throw new Error(`只收到 ${this.seen.size} / ${this.expected.size} 份报告页面`);
      await this.writing;
      if (this.failure) throw this.failure;
      return { ...reportsSummary([...this.seen.values()]), paragraphs: this.paragraphs, records: this.records };
    } finally {
      await pagefind.close();
    }
  }

  /** Astro's prerenderer, with report pages first and each one's HTML handed to the feed once rendered. */
  prerenderer(base: string, inner: AstroPrerenderer): AstroPrerenderer {
    return {
      name: 'nianbao:search-feed',
      setup: () => inner.setup?.() ?? Promise.resolve(),
      getStaticPaths: async () => this.order(await inner.getStaticPaths(), base),
      render: async (request, options) => {
        const rendered: Rendered = await inner.render(request, options);
        const key = this.keyOf(new URL(request.url).pathname, base);
        if (key === undefined) return rendered;
        const { response, metadata } = rendered instanceof Response ? { response: rendered, metadata: undefined } : rendered;
        if (response.status !== 200 || !response.body) return rendered;
        // Read once; the same bytes are handed on, not encoded again.
        const bytes = new Uint8Array(await response.arrayBuffer());
        this.page(key, new TextDecoder().decode(bytes), new URL(request.url).pathname);
        const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
        return rendered instanceof Response ? copy : { ...rendered, response: copy, metadata };
      },
      ...(inner.collectStaticImages && { collectStaticImages: () => (inner.collectStaticImages as NonNullable<AstroPrerenderer['collectStaticImages']>)() }),
      teardown: () => inner.teardown?.() ?? Promise.resolve(),
    };
  }
}
