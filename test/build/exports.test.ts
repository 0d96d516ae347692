// A site built with exports on (NIANBAO_EXPORTS=1), on one small fixture in the public edition: every report page
// links 下载 Word / 下载 PDF to files that are in dist, the files hold no masked figure and no redacted text (the
// .docx's XML, the PDF's text layer read by pdf.js), the pages still carry nothing inline for the
// Content-Security-Policy to allow, and `npm run publish`'s verification accepts the links. Built with exports
// off (the default) the same site has no links and no files. Chromium must be installed: the PDF needs it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { astroBuild } from '../helpers/astro-cli.ts';
import { requireChromium } from '../helpers/chromium.ts';
import { allFiles, inlineParts, readPage } from '../helpers/html.ts';
import { ROOT } from '../helpers/sites.ts';
import { readPdfPages } from '../../src/lib/import/pdf/page.ts';
import { verifySite } from '../../src/lib/publish/verify-site.ts';

const CONTENT = join(ROOT, 'test/fixtures/minimal');
/** What the public edition hides in that fixture: two figures of metrics that are not public, and a <Redact>. */
const HIDDEN = ['6184', '2957', '东湖社区赵某某挪用公款案'];
const work = mkdtempSync(join(tmpdir(), 'nianbao-exports-'));
const on = join(work, 'on');
const off = join(work, 'off');

beforeAll(() => {
  const chromium = requireChromium();
  for (const [dir, exports] of [[on, '1'], [off, '']] as const) {
    const r = astroBuild(dir, { NIANBAO_CONTENT: CONTENT, NIANBAO_EDITION: 'public', NIANBAO_CHROMIUM: chromium, ...(exports && { NIANBAO_EXPORTS: exports }) });
    if (r.status !== 0) throw new Error(`构建失败（NIANBAO_EXPORTS=${exports || '未设'}）：\n${r.output}`);
  }
}, 480_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"[^>]*>下载 (Word|PDF)<\/a>/g)].map((m) => ({ href: m[1]!, label: m[2]! }));

describe('NIANBAO_EXPORTS=1', () => {
  it('every report page offers 下载 Word and 下载 PDF, pointing at files that are in dist', () => {
    const html = readPage(on, '2021/index.html');
    expect(links(html)).toEqual([
      { href: '/2021/2021.docx', label: 'Word' },
      { href: '/2021/2021.pdf', label: 'PDF' },
    ]);
    for (const { href } of links(html)) expect(existsSync(join(on, href)), href).toBe(true);
    expect(readFileSync(join(on, '2021/2021.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the Word file holds no masked figure and no redacted text, in any of its parts', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(on, '2021/2021.docx')));
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    const all = parts.join('\n');
    expect(all).toContain('东湖街道党工委');
    expect(all).toContain('■■■');
    for (const s of HIDDEN) expect(all).not.toContain(s);
  });

  it('the PDF’s text layer holds no masked figure and no redacted text', async () => {
    const bytes = readFileSync(join(on, '2021/2021.pdf'));
    const text = (await readPdfPages(bytes)).flatMap((p) => p.runs.map((r) => r.text)).join('');
    expect(text).toContain('东湖街道党工委');
    expect(text).toContain('■■■');
    for (const s of HIDDEN) expect(text).not.toContain(s);
  });

  it('the pages still have nothing inline for the Content-Security-Policy to allow', () => {
    for (const file of allFiles(on).filter((f) => f.endsWith('.html'))) expect(inlineParts(readPage(on, file)), file).toEqual([]);
  });

  it('npm run publish’s verification accepts the download links', () => {
    const r = verifySite(on, { years: [2021], edition: 'public' });
    expect(r.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => `${c.label}: ${c.problems.join('；')}`)).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('exports off (the default)', () => {
  it('no download links and no files', () => {
    expect(readPage(off, '2021/index.html')).not.toMatch(/下载 (Word|PDF)|\.docx|\.pdf"/);
    expect(allFiles(off).filter((f) => /\.(docx|pdf)$/.test(f))).toEqual([]);
    expect(verifySite(off, { years: [2021], edition: 'public' }).ok).toBe(true);
  });
});
