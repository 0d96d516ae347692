// Export → import gives the report back: every report of every fixture, sample and real report, as the
// internal edition's Word file, read by `npm run import`'s reader: the same title and date, the same
// paragraphs, headings and tables (each cell in its place, with its merge), the same items, and every
// figure bound to the same metric with the same value.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../../src/lib/content/content.ts';
import { makeRegistry, type Registry } from '../../../src/lib/content/metrics.ts';
import { parseBody, statRefs } from '../../../src/lib/content/report-body.ts';
import { formatStat, type StatValue } from '../../../src/lib/content/stat.ts';
import { officialDocument, runsText, writeDocx, type OfficialDocument } from '../../../src/lib/export/index.ts';
import { importSource } from '../../../src/lib/import/index.ts';
import { readDocx } from '../../../src/lib/import/source.ts';
import { kindById } from '../../../src/lib/kinds/index.ts';
import { renderBody } from '../../../src/lib/structure/report-text.ts';
import { buildStructure, items, structureBlocks, type SectionWords } from '../../../src/lib/structure/structure.ts';
import { ROOT } from '../../helpers/sites.ts';
import { loadReal, realSlugs } from '../../helpers/real-fixtures.ts';
import { realDocx } from '../../helpers/real-docx.ts';

interface Report {
  title: string;
  year: number;
  published?: string;
  body: string;
  stats: Record<string, StatValue>;
}

/** What the Word file must read back as: its paragraphs and headings as the document has them (a Markdown list as its numbered paragraphs), its tables as the report's. */
function expectedBlocks(doc: OfficialDocument, report: Report) {
  const tables = renderBody(report.body, report.stats).filter((b) => b.type === 'table');
  let t = 0;
  return doc.blocks.map((b) => (b.type === 'table' ? { type: 'table', text: tables[t++]!.text } : { type: b.type, ...(b.type === 'heading' && { depth: b.depth }), text: runsText(b.runs).trim() }));
}

async function roundTrip(report: Report, registry: Registry, organization: string, words?: SectionWords) {
  const doc = officialDocument({ ...report, registry, edition: 'internal', organization });
  const source = await readDocx(await writeDocx(doc));
  const back = importSource(source, { registry, fileName: '导出', sectionWords: words, organization });

  expect(back.title).toBe(report.title);
  expect(back.year).toBe(report.year);
  expect(back.published).toBe(report.published);
  expect(back.rendered.map((b) => ({ type: b.type, ...(b.type === 'heading' && { depth: b.depth }), text: b.text }))).toEqual(expectedBlocks(doc, report));

  const itemsOf = (blocks: Parameters<typeof structureBlocks>[0]) => items(buildStructure(structureBlocks(blocks), { words }).structure).map((i) => `${i.id} ${i.item.kind} ${i.item.title}`);
  expect(itemsOf(back.rendered)).toEqual(itemsOf(renderBody(report.body, report.stats)));

  const tree = parseBody(report.body);
  if (!tree.ok) throw new Error(tree.message);
  const cited = [...new Set(statRefs(tree.tree).map((r) => r.id))];
  const bound = Object.fromEntries(cited.map((id) => [id, back.stats[id] && formatStat(back.stats[id]!)]));
  expect(bound).toEqual(Object.fromEntries(cited.map((id) => [id, formatStat(report.stats[id]!)])));
  // Nothing bound that the report did not cite.
  expect(Object.keys(back.stats).filter((id) => !cited.includes(id))).toEqual([]);
  return { doc, back, cited };
}

const FOLDERS = ['content', 'examples/demo', 'examples/gov-info-disclosure', 'test/fixtures/forms', 'test/fixtures/tables', 'test/fixtures/series', 'test/fixtures/minimal', 'test/fixtures/cross-year', 'test/fixtures/crlf-bom'];

describe('export → import: content folders', () => {
  for (const folder of FOLDERS) {
    const content = loadContent(join(ROOT, folder));
    const words = kindById(content.site?.kind).sectionWords;
    for (const r of content.reports) {
      it(`${folder} ${r.year}`, async () => {
        const { cited } = await roundTrip({ title: r.data.title, year: r.year, published: r.data.published, body: r.body, stats: r.data.stats }, content.registry, content.site?.organization ?? '', words);
        expect(cited.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('export → import: real reports (imported first, every figure registered)', () => {
  for (const slug of realSlugs()) {
    it(slug, async () => {
      const first = importSource(await readDocx(new Uint8Array(await realDocx(loadReal(slug)))), { registry: makeRegistry([]), fileName: slug, addMetrics: { public: false } });
      const registry = makeRegistry(first.added!.added.map((a) => a.metric));
      const { cited } = await roundTrip({ title: first.title, year: first.year, published: first.published, body: first.body, stats: first.stats }, registry, '');
      expect(cited.length).toBe(first.added!.added.length);
    });
  }
});
