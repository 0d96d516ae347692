// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { resolveContentDir } from './src/lib/content/content-dir.ts';
import { readEdition } from './src/lib/content/edition.ts';
import { normaliseBase } from './src/lib/paths.ts';
import { reportProcessor, siteInputs } from './src/markdown/pipeline.ts';
import { siteSeries } from './src/lib/portal/series-ids.ts';
import { preflight } from './src/integrations/preflight.ts';
import { oneBuildAtATime } from './src/integrations/one-build.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { mdxCompileCache } from './src/integrations/mdx-cache.ts';
import { reportExports } from './src/integrations/exports.ts';

const contentDir = resolveContentDir();
const edition = readEdition();
// One series, or each series of a portal, with its own registry and kind (src/lib/portal/series-ids.ts).
const series = siteSeries(contentDir);
const inputs = siteInputs(series, edition);
const kinds = [...inputs.all].map(([id, i]) => `${id}:${i.siteKind ?? ''}`).join('\0');
const sectionWords = [...inputs.all].map(([id, i]) => [id, i.sectionWords]);

// Astro reuses parsed entries whose file did not change; an entry parsed for the other edition,
// content folder or registry must never be reused, so each combination gets its own cache (and what
// Astro keeps in the shared .astro/ is dropped when the combination changes: src/integrations/one-build.ts).
// A metrics.yaml that cannot be read is the pre-flight check's to explain; here it only keys the cache.
const registryText = series
  .map((s) => {
    try {
      return `${s.id ?? ''}\0${readFileSync(join(s.dir, 'metrics.yaml'), 'utf8')}`;
    } catch {
      return `${s.id ?? ''}\0`;
    }
  })
  .join('\0');
const variant = createHash('sha256').update(`${edition}\0${contentDir}\0${kinds}\0`).update(registryText).digest('hex').slice(0, 12);

const root = fileURLToPath(new URL('.', import.meta.url));
// Compiled reports are kept between builds, keyed by all of this (this file included: its markdown
// options) and by the code that compiles them.
const compileInputs = JSON.stringify({ edition, kinds, sectionWords, registryText, config: readFileSync(fileURLToPath(import.meta.url), 'utf8') });

export default defineConfig({
  base: normaliseBase(process.env.NIANBAO_BASE),
  trailingSlash: 'ignore',
  cacheDir: `./node_modules/.astro/${edition}-${variant}`,
  devToolbar: { enabled: false },
  // A portal's page whose cache key (src/data/routes.ts) and code are unchanged is copied from the last build: a
  // new report of one office re-renders that office's pages and the portal's own, not every office's. A single
  // series' pages all change with a new year (their key is the whole folder), so there it would only add copying.
  experimental: { incrementalBuild: series[0]?.id !== undefined },
  prefetch: false,
  // Nothing inlined: the pages' Content-Security-Policy (src/lib/csp.ts) allows only the site's own files.
  // Two pages at a time: while one page's file is being written, the next is rendered (this machine spends
  // ~1.5 ms a page waiting on mkdir and write, a tenth of page generation). The search feed keeps its
  // records in year order whatever order the pages finish in (src/integrations/search-feed.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  markdown: {
    // Reports have no code to colour; Shiki would only add inline styles for the allowlist to strip.
    syntaxHighlight: false,
    // Astro's native processor with the report dialect's steps, in order, and what they need (src/markdown/pipeline.ts).
    processor: reportProcessor(inputs),
  },
  integrations: [preflight(contentDir), oneBuildAtATime({ contentDir, edition, variant }), mdx(), mdxCompileCache({ root, codeDirs: [join(root, 'src/lib'), join(root, 'src/markdown')], inputs: compileInputs }), searchIndex({ portal: series[0]?.id !== undefined }), reportExports({ contentDir, edition })],
  vite: {
    server: { fs: { allow: ['.', contentDir, ...series.map((s) => s.dir)] } },
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // One warning per report about Astro's own "use astro:head-inject" directive (withastro/astro#18087,
        // also in a bare Astro + MDX build): hundreds of lines that say nothing about the reports.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
