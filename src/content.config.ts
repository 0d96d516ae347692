// Collections read the content folder; their schemas come from src/lib, so the build and `npm run check` agree.
// A portal has one collection per series, each with its own registry (src/lib/portal/series-ids.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { loadRegistry, resolveContentDir, REPORTS_DIR } from './lib/content/content.ts';
import { readEdition, visibleStat } from './lib/content/edition.ts';
import { reportFrontmatterSchema } from './lib/content/report-schema.ts';
import { reportCollection, siteSeries } from './lib/portal/series-ids.ts';

const edition = readEdition();

function reportsOf(dir: string, label: string) {
  const { registry } = loadRegistry(dir);
  return defineCollection({
    loader: glob({
      pattern: '[0-9][0-9][0-9][0-9].mdx',
      base: join(dir, REPORTS_DIR),
      // The file name is the year: an entry whose frontmatter says otherwise never enters the collection.
      generateId: ({ entry, data }) => {
        const id = entry.replace(/\.mdx$/, '');
        if (String(data.year) !== id) throw new Error(`${label}${REPORTS_DIR}/${entry}：year 是 ${String(data.year)}，与文件名不一致；把 year 改为 ${id}，或把文件改名为 ${String(data.year)}.mdx`);
        return id;
      },
    }),
    // Masked here, before the data store, so the public edition never holds a hidden value anywhere.
    schema: reportFrontmatterSchema(registry).transform((data) => ({
      ...data,
      stats: Object.fromEntries(Object.entries(data.stats).map(([id, v]) => [id, visibleStat(registry.byId.get(id), v, edition)])),
    })),
  });
}

export const collections = Object.fromEntries(siteSeries(resolveContentDir()).map((s) => [reportCollection(s.id), reportsOf(s.dir, s.id ? `${s.id}/` : '')]));
