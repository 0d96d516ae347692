// The search index built while the site is still being generated. Astro renders the report pages first
// (this prerenderer puts them at the head of the queue); each page's paragraphs go to pagefind as soon
// as its HTML exists, and once the last report page is in, pagefind writes its files in its own process
// while Astro renders the compare, trend and metric pages on the other core. What is indexed is still
// read from the finished HTML of each report page, exactly as before (src/integrations/search-index.ts).
import type { AstroPrerenderer } from 'astro';
import * as pagefind from 'pagefind';
import { bundleRecords } from '../lib/search/bundles.ts';
import { reportBlocks, searchRecords, type SearchRecord } from '../lib/search/records.ts';

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
  years: number[];
  paragraphs: number;
  records: number;
}

/** A report page's pathname (`/2022/`, or under the base) → its year. */
export function reportYear(pathname: string, base: string): number | undefined {
  const baseRel = base.replace(/^\/+/, '');
  let p = pathname.replace(/^\/+/, '');
  if (baseRel && p.startsWith(baseRel)) p = p.slice(baseRel.length);
  const m = /^(\d{4})\/?(?:index\.html)?$/.exec(p);
  return m ? Number(m[1]) : undefined;
}

export class SearchFeed {
  private opened: Promise<pagefind.PagefindIndex> | undefined;
  private readonly adds: Promise<void>[] = [];
  private readonly seen = new Set<number>();
  /** The report years in the order their records go to pagefind (`head`: the next one due), and the pages rendered ahead of their turn. */
  private queue: number[] = [];
  private head = 0;
  private readonly waiting = new Map<number, SearchRecord[]>();
  /** Records in year order not yet sent to pagefind. */
  private batch: SearchRecord[] = [];
  private paragraphs = 0;
  private records = 0;
  private expected = new Set<number>();
  private writing: Promise<void> | undefined;
  private failure: Error | undefined;

  private readonly bundleDir: string;
  private readonly options: { maxFragments?: number };

  constructor(bundleDir: string, options: { maxFragments?: number } = {}) {
    this.bundleDir = bundleDir;
    this.options = options;
  }

  /** Report pages first, oldest year first (the order their records are added in); everything else after, in Astro's order. */
  order<T extends { pathname: string }>(paths: T[], base: string): T[] {
    const years = new Map(paths.map((p) => [p, reportYear(p.pathname, base)]));
    const reports = paths.filter((p) => years.get(p) !== undefined).sort((a, b) => (years.get(a) as number) - (years.get(b) as number));
    this.expected = new Set(reports.map((p) => years.get(p) as number));
    this.queue = [...this.expected];
    this.head = 0;
    return [...reports, ...paths.filter((p) => years.get(p) === undefined)];
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
   * time); their records still go to pagefind oldest year first, so the same content gives the same index.
   */
  page(year: number, html: string, file: string): void {
    if (!this.expected.has(year) || this.seen.has(year)) return;
    // A missing container means the page markup changed under us.
    if (!html.includes('class="report-text"')) throw new Error(`搜索索引：${file} 中找不到报告正文（class="report-text"），无法建立索引`);
    const paragraphs: SearchRecord[] = searchRecords(year, reportBlocks(html));
    const bundled = bundleRecords(paragraphs);
    this.seen.add(year);
    this.paragraphs += paragraphs.length;
    this.records += bundled.length;
    this.waiting.set(year, bundled);
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

  /** Waits for pagefind to finish writing; throws what went wrong on the way. Always closes pagefind. */
  async finish(): Promise<FeedResult> {
    try {
      // A site without report pages still gets an (empty) index: the search page loads it.
      if (!this.writing && this.expected.size === 0) this.write();
      if (!this.writing) throw new Error(`只收到 ${this.seen.size} / ${this.expected.size} 份报告页面`);
      await this.writing;
      if (this.failure) throw this.failure;
      return { years: [...this.seen].sort((a, b) => a - b), paragraphs: this.paragraphs, records: this.records };
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
        const year = reportYear(new URL(request.url).pathname, base);
        if (year === undefined) return rendered;
        const { response, metadata } = rendered instanceof Response ? { response: rendered, metadata: undefined } : rendered;
        if (response.status !== 200 || !response.body) return rendered;
        // Read once; the same bytes are handed on, not encoded again.
        const bytes = new Uint8Array(await response.arrayBuffer());
        this.page(year, new TextDecoder().decode(bytes), new URL(request.url).pathname);
        const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
        return rendered instanceof Response ? copy : { ...rendered, response: copy, metadata };
      },
      ...(inner.collectStaticImages && { collectStaticImages: () => (inner.collectStaticImages as NonNullable<AstroPrerenderer['collectStaticImages']>)() }),
      teardown: () => inner.teardown?.() ?? Promise.resolve(),
    };
  }
}
