// Collections read the content folder; their schemas come from src/lib, so the build and `npm run check` agree.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { loadRegistry, resolveContentDir, REPORTS_DIR } from './lib/content.ts';
import { readEdition, visibleStat } from './lib/edition.ts';
import { reportFrontmatterSchema } from './lib/report-schema.ts';

const contentDir = resolveContentDir();
const edition = readEdition();
const { registry } = loadRegistry(contentDir);

const reports = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9].mdx', base: join(contentDir, REPORTS_DIR) }),
  // Masked here, before the data store, so the public edition never holds a hidden value anywhere.
  schema: reportFrontmatterSchema(registry).transform((data) => ({
    ...data,
    stats: Object.fromEntries(Object.entries(data.stats).map(([id, v]) => [id, visibleStat(registry.byId.get(id), v, edition)])),
  })),
});

export const collections = { reports };
