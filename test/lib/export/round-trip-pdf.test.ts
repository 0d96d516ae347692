// Export → PDF → import gives the report back, as round-trip.test.ts does for the Word file: every report of
// every fixture and sample printed as the internal edition's PDF by Chromium (the export's own print HTML),
// read by `npm run import`'s PDF reader: the same title and date, paragraphs, headings and tables, the same
// items, and every figure bound to the same metric. Chromium must be installed: without it these fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../../src/lib/content/content.ts';
import type { Registry } from '../../../src/lib/content/metrics.ts';
import { parseBody, statRefs } from '../../../src/lib/content/report-body.ts';
import { formatStat, type StatValue } from '../../../src/lib/content/stat.ts';
import { documentHtml, officialDocument, runsText, type OfficialDocument } from '../../../src/lib/export/index.ts';
import { openPrinter, type PdfPrinter } from '../../../src/lib/export/pdf.ts';
import { importSource } from '../../../src/lib/import/index.ts';
import { readPdf, tidySpaces } from '../../../src/lib/import/source-pdf.ts';
import { kindById } from '../../../src/lib/kinds/index.ts';
import { renderBody } from '../../../src/lib/structure/report-text.ts';
import { buildStructure, items, structureBlocks, type SectionWords } from '../../../src/lib/structure/structure.ts';
import { requireChromium } from '../../helpers/chromium.ts';
import { ROOT } from '../../helpers/sites.ts';

interface Report {
  title: string;
  year: number;
  published?: string;
  body: string;
  stats: Record<string, StatValue>;
}

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await openPrinter(requireChromium());
}, 60_000);
afterAll(async () => {
  await printer?.close();
});

/**
 * A PDF draws a space, it does not say whether the writer typed it: the reader drops spaces beside Chinese
 * characters and punctuation (tidySpaces — “学习， 2022年”, a label spread out as “总 计”), so the text is compared
 * with those spaces taken out on both sides. Everything else must come back exactly.
 */
const spaced = (text: string) => text.split('\n').map(tidySpaces).join('\n');

function expectedBlocks(doc: OfficialDocument, report: Report) {
  const tables = renderBody(report.body, report.stats).filter((b) => b.type === 'table');
  let t = 0;
  return doc.blocks.map((b) => (b.type === 'table' ? { type: 'table', text: tables[t++]!.text } : { type: b.type, ...(b.type === 'heading' && { depth: b.depth }), text: spaced(runsText(b.runs)) })).map((b) => (b.type === 'table' ? { ...b, text: spaced(b.text) } : b));
}

async function roundTrip(report: Report, registry: Registry, organization: string, words?: SectionWords, sampleNotice?: string) {
  const doc = officialDocument({ ...report, registry, edition: 'internal', organization, ...(sampleNotice && { sampleNotice }) });
  const source = await readPdf(await printer.print(documentHtml(doc)));
  const back = importSource(source, { registry, fileName: '导出', sectionWords: words, organization });

  expect(back.title).toBe(report.title);
  expect(back.year).toBe(report.year);
  expect(back.published).toBe(report.published);
  expect(back.rendered.map((b) => ({ type: b.type, ...(b.type === 'heading' && { depth: b.depth }), text: spaced(b.text) }))).toEqual(expectedBlocks(doc, report));

  const itemsOf = (blocks: Parameters<typeof structureBlocks>[0]) => items(buildStructure(structureBlocks(blocks), { words }).structure).map((i) => spaced(`${i.id} ${i.item.kind} ${i.item.title}`));
  expect(itemsOf(back.rendered)).toEqual(itemsOf(renderBody(report.body, report.stats)));

  const tree = parseBody(report.body);
  if (!tree.ok) throw new Error(tree.message);
  const cited = [...new Set(statRefs(tree.tree).map((r) => r.id))];
  const bound = Object.fromEntries(cited.map((id) => [id, back.stats[id] && formatStat(back.stats[id]!)]));
  expect(bound).toEqual(Object.fromEntries(cited.map((id) => [id, formatStat(report.stats[id]!)])));
  expect(Object.keys(back.stats).filter((id) => !cited.includes(id))).toEqual([]);
  return { doc, back, cited };
}

const FOLDERS = ['content', 'examples/demo', 'examples/gov-info-disclosure', 'test/fixtures/forms', 'test/fixtures/tables', 'test/fixtures/series', 'test/fixtures/minimal', 'test/fixtures/cross-year', 'test/fixtures/crlf-bom'];

describe('export → PDF → import: content folders', () => {
  for (const folder of FOLDERS) {
    const content = loadContent(join(ROOT, folder));
    const words = kindById(content.site?.kind).sectionWords;
    for (const r of content.reports) {
      it(`${folder} ${r.year}`, async () => {
        const { cited } = await roundTrip({ title: r.data.title, year: r.year, published: r.data.published, body: r.body, stats: r.data.stats }, content.registry, content.site?.organization ?? '', words);
        expect(cited.length).toBeGreaterThan(0);
      }, 60_000);
    }
  }
});
