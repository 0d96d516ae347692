// The editions of an exported file: the public one masks exactly what the public page masks — every figure of a
// metric that is not public, every <Redact> — with nothing of it anywhere in the file, its properties included;
// the internal one shows everything and says so on every page.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import JSZip from 'jszip';
import { loadContent } from '../../../src/lib/content/content.ts';
import { visibleStat } from '../../../src/lib/content/edition.ts';
import { formatStat } from '../../../src/lib/content/stat.ts';
import { documentHtml, INTERNAL_NOTICE, REDACTED_TEXT, reportDocument, reportOfYear, runsText, writeDocx, type DocBlock, type Run } from '../../../src/lib/export/index.ts';
import { ROOT } from '../../helpers/sites.ts';

const demo = loadContent(join(ROOT, 'examples/demo'));

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) out[name] = await zip.files[name]!.async('string');
  return out;
}

function allRuns(blocks: DocBlock[]): Run[] {
  return blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat().flatMap((c) => c.runs) : b.runs));
}

describe('public edition', () => {
  for (const r of demo.reports) {
    it(`demo ${r.year}: figures as the public page shows them, <Redact> as ${REDACTED_TEXT}, nothing hidden in any part of the .docx`, async () => {
      const doc = reportDocument(demo, r, 'public');
      for (const run of allRuns(doc.blocks).filter((x) => x.metric)) {
        const metric = demo.registry.byId.get(run.metric!)!;
        expect(run.text).toBe(formatStat(visibleStat(metric, r.data.stats[run.metric!]!, 'public')));
        if (!metric.public) expect(run.text).toMatch(/^(?:\*+余?|—)$/);
      }
      const secrets = [...r.body.matchAll(/<Redact>([\s\S]*?)<\/Redact>/g)].map((m) => m[1]!);
      const files = await parts(await writeDocx(doc));
      const everything = Object.values(files).join('\n');
      for (const s of secrets) expect(everything).not.toContain(s);
      if (secrets.length) expect(files['word/document.xml']).toContain(REDACTED_TEXT);
      expect(everything).not.toContain('<w:vanish');
      expect(everything).not.toContain(INTERNAL_NOTICE);
      // Properties: the title and the office, as the page shows them; nothing else.
      const core = files['docProps/core.xml']!;
      expect([...core.matchAll(/<(dc|cp):(\w+)>([^<]*)</g)].map((m) => [m[2], m[3]])).toEqual([
        ['title', r.data.title],
        ['creator', demo.site!.organization],
        ['lastModifiedBy', demo.site!.organization],
        ['revision', '1'],
      ]);
      const html = documentHtml(doc);
      for (const s of secrets) expect(html).not.toContain(s);
      expect(html).not.toContain(INTERNAL_NOTICE);
    });
  }
});

describe('internal edition', () => {
  it('shows every figure and <Redact>, and says 内部版 不得公开 at the top of every page (odd and even)', async () => {
    const r = reportOfYear(demo, 2024);
    const doc = reportDocument(demo, r, 'internal');
    const text = doc.blocks.map((b) => (b.type === 'table' ? '' : runsText(b.runs))).join('\n');
    expect(text).toContain('某社区工作人员在老旧小区改造中虚报工程量');
    expect(text).not.toContain(REDACTED_TEXT);
    for (const run of allRuns(doc.blocks).filter((x) => x.metric)) expect(run.text).toBe(formatStat(r.data.stats[run.metric!]!));
    const files = await parts(await writeDocx(doc));
    const document = files['word/document.xml']!;
    const headers = [...document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]);
    expect(headers.sort()).toEqual(['default', 'even']);
    const headerParts = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headerParts.length).toBe(2);
    for (const h of headerParts) expect(files[h]).toContain(INTERNAL_NOTICE);
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    expect(documentHtml(doc)).toContain(`@top-center { content: "${INTERNAL_NOTICE}`);
  });
});

describe('the page', () => {
  it('A4, 版心 156 × 225 mm (top 37 mm, left 28 mm), exact 28.95 pt lines, page numbers — n — odd right and even left', async () => {
    const doc = reportDocument(demo, reportOfYear(demo, 2024), 'public');
    const files = await parts(await writeDocx(doc));
    const mm = (twips: string) => Math.round((Number(twips) / 1440) * 25.4);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(files['word/document.xml']!)!;
    expect([mm(size[1]!), mm(size[2]!)]).toEqual([210, 297]);
    const m = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(files['word/document.xml']!)!;
    const [top, right, bottom, left] = m.slice(1).map(mm);
    expect({ top, left, width: 210 - left! - right!, height: 297 - top! - bottom! }).toEqual({ top: 37, left: 28, width: 156, height: 225 });
    expect(files['word/styles.xml']).toContain('w:line="579" w:lineRule="exact"');
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => files[f]!);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right']);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
  });
});
