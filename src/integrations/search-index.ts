// The Pagefind step: after Astro has written the site, index every report paragraph (grouped into records
// of one year and kind: src/lib/search/bundles.ts) and write the bundle into <outDir>/pagefind/.
// Paragraphs are read back from the built report pages, so the index
// holds exactly what this edition shows (masked numbers as **, redacted spans as ■■■) and nothing else:
// no navigation, no figure tables, no other pages (pagefind's own HTML crawl is never run).
// In `astro dev` the last build's bundle is served, so the search page works while writing.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import sirv from 'sirv';
import type { SearchRecord } from '../lib/search/records.ts';
import { bundleRecords } from '../lib/search/bundles.ts';
import { reportPath } from '../lib/search/report-path.ts';
import {
  addRecords,
  createPagefindIndex,
  reportPages,
  reportRecords,
  reportsSummary,
  SearchFeed,
  siteIsPortal,
  writePagefindFiles,
  type FeedResult,
  type LayoutOption,
} from './search-feed.ts';

export interface SearchIndexOptions extends LayoutOption {
  /**
   * Fragment files (a record's text and meta) are bundled into at most this many files.
   * Pagefind's default writes one small file per record; see docs/search.md for the trade-off.
   */
  maxFragments?: number;
}

/** The bundle's directory under the build output; the search page loads `<base>pagefind/pagefind.js`. */
export const BUNDLE_DIR = 'pagefind';

/** Parts of the pagefind bundle nianbao does not use (its ready-made UIs): not shipped. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) {
      const sub = dirSize(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The records of every built report page under `outDir`: by series, oldest year first. `portal` as for
 * the feed (read from the pathnames when undefined).
 */
export function collectRecords(outDir: string, pathnames: string[], base = '/', portal?: boolean): Pick<FeedResult, 'years' | 'series' | 'reports'> & { records: SearchRecord[] } {
  const isPortal = portal ?? siteIsPortal(pathnames, base);
  const seen = new Set<string>();
  const keys = reportPages(pathnames, (p) => p, base, isPortal)
    .map((r) => r.key)
    .filter((k) => !seen.has(reportPath(k)) && seen.add(reportPath(k)));
  const records: SearchRecord[] = [];
  for (const key of keys) {
    const file = join(outDir, reportPath(key), 'index.html');
    records.push(...reportRecords(key, readFileSync(file, 'utf8'), file));
  }
  return { ...reportsSummary(keys), records };
}

export function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  let outDir = '';
  let base = '/';
  let feed: SearchFeed | undefined;
  return {
    name: 'nianbao:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },

      'astro:server:setup': ({ server, logger }) => {
        const bundle = join(outDir, BUNDLE_DIR);
        const serve = sirv(bundle, { dev: true, etag: false });
        server.middlewares.use(`${base}${BUNDLE_DIR}`, (req, res, next) => {
          if (!existsSync(join(bundle, 'pagefind.js'))) {
            res.statusCode = 404;
            res.setHeader('content-type', 'text/plain; charset=utf-8');
            res.end('还没有搜索索引：先运行 npm run build');
            return;
          }
          serve(req, res, next);
        });
        logger.info(
          existsSync(join(bundle, 'pagefind.js'))
            ? `搜索页使用上次构建的索引（${bundle}）；修改内容后运行 npm run build 更新索引`
            : '还没有搜索索引：搜索页需要先运行一次 npm run build',
        );
      },

      // Report pages are rendered first and indexed as they come (src/integrations/search-feed.ts).
      'astro:build:start': ({ setPrerenderer }) => {
        rmSync(join(outDir, BUNDLE_DIR), { recursive: true, force: true });
        const current = new SearchFeed(join(outDir, BUNDLE_DIR), options);
        feed = current;
        setPrerenderer((inner) => current.prerenderer(base, inner));
      },

      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const started = Date.now();
        const bundle = join(out, BUNDLE_DIR);
        const fed = feed && bundle === join(outDir, BUNDLE_DIR) ? feed : undefined;
        feed = undefined;
        let done: FeedResult;
        try {
          done = fed ? await fed.finish(out) : await indexBuiltSite(out, pages.map((p) => p.pathname), base, options);
        } catch (e) {
          throw new Error(`搜索索引生成失败（pagefind）：${(e as Error).message}`);
        }
        const { years, series } = done;
        for (const name of UNUSED) rmSync(join(bundle, name), { force: true });
        const size = dirSize(bundle);
        const data = ['index', 'fragment', 'filter'].filter((d) => existsSync(join(bundle, d))).reduce((n, d) => n + dirSize(join(bundle, d)).bytes, 0);
        const span = years.length === 0 ? '无报告' : years.length === 1 ? `${years[0]}年` : `${years[0]}—${years.at(-1)}年`;
        logger.info(
          `搜索索引：${series.length ? `${series.length} 个系列 ${done.reports}` : years.length} 份报告（${span}），${done.paragraphs} 个段落（${done.records} 条索引记录），写入 ${BUNDLE_DIR}/（共 ${size.files} 个文件 ${kb(size.bytes)}，其中索引数据 ${kb(data)}），${fed ? '生成页面之后再' : ''}用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
        );
      },
    },
  };
}

/** The whole index from the report pages on disk, after the build: when they were not indexed as they were rendered. */
export async function indexBuiltSite(out: string, pathnames: string[], base: string, options: SearchIndexOptions): Promise<FeedResult> {
  const { records, ...reports } = collectRecords(out, pathnames, base, options.portal);
  const bundle = join(out, BUNDLE_DIR);
  rmSync(bundle, { recursive: true, force: true });
  try {
    const index = await createPagefindIndex({ maxFragments: options.maxFragments });
    const indexRecords = bundleRecords(records);
    await addRecords(index, indexRecords);
    await writePagefindFiles(index, bundle);
    return { ...reports, paragraphs: records.length, records: indexRecords.length };
  } finally {
    await pagefind.close();
  }
}
