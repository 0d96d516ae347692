// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { resolveContentDir, loadRegistry } from './src/lib/content.ts';
import { readEdition } from './src/lib/edition.ts';
import { normaliseBase } from './src/lib/paths.ts';
import remarkReport from './src/markdown/remark-report.ts';
import remarkReportSyntax from './src/markdown/syntax.ts';
import remarkReportTables from './src/markdown/remark-report-tables.ts';
import { preflight } from './src/integrations/preflight.ts';
import { searchIndex } from './src/integrations/search-index.ts';

const contentDir = resolveContentDir();
const edition = readEdition();
const { registry } = loadRegistry(contentDir);

// Astro reuses parsed entries whose file did not change; an entry parsed for the other edition,
// content folder or registry must never be reused, so each combination gets its own cache.
const registryText = existsSync(join(contentDir, 'metrics.yaml')) ? readFileSync(join(contentDir, 'metrics.yaml')) : '';
const variant = createHash('sha256').update(`${edition}\0${contentDir}\0`).update(registryText).digest('hex').slice(0, 12);

export default defineConfig({
  base: normaliseBase(process.env.NIANBAO_BASE),
  trailingSlash: 'ignore',
  cacheDir: `./node_modules/.astro/${edition}-${variant}`,
  devToolbar: { enabled: false },
  prefetch: false,
  build: { format: 'directory', inlineStylesheets: 'auto' },
  markdown: {
    // gfm: false — the report dialect (MDX + GFM tables only) comes from the plugin check and import use too.
    processor: unified({ remarkPlugins: [remarkReportSyntax, [remarkReport, { registry, edition }], remarkReportTables], smartypants: false, gfm: false }),
  },
  integrations: [preflight(contentDir), mdx(), searchIndex()],
  vite: { server: { fs: { allow: ['.', contentDir] } } },
});
