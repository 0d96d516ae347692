// Reading across years on the report page, built from the five-year series fixture (answer key:
// test/fixtures/series/README.md): the notes under recurring items and the follow-up of last year's measures.
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';
import { reportBlocks } from '../../src/lib/search/records.ts';

const INT = siteDir('seriesInternal');
const PUB = siteDir('seriesPublic');
const text = (html: string) => textOf(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
/** Text with tag boundaries as spaces, for lists of separate elements. */
const words = (html: string) => textOf(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

describe('notes under recurring items on the report page', () => {
  const html = readPage(INT, '2023/index.html');

  it('follow the item, outside its paragraph, linked to the other years', () => {
    const m = /<p id="s2-1"[^>]*>([\s\S]*?)<\/p>\s*<aside class="item-notes" data-pagefind-ignore[^>]*>([\s\S]*?)<\/aside>/.exec(html);
    expect(m, 'the note right after paragraph s2-1').not.toBeNull();
    // The paragraph reads word for word as written; the note is not in it.
    expect(text(m![1]!)).toBe('一是政治理论学习有待加强。学习的系统性、深入性不够，运用党的创新理论指导实践的能力还需提升。');
    expect(text(m![2]!)).toBe('↻ 另见 2020年');
    expect(m![2]).toContain('href="/2020/#s2-1"');
  });

  it('mark a title joined in other words as 相近, and name every year when there are few', () => {
    const m = /<p id="s3-3"[^>]*>[\s\S]*?<\/p>\s*<aside class="item-notes"[^>]*>([\s\S]*?)<\/aside>/.exec(html);
    expect(text(m![1]!)).toBe('↻ 另见 2020年（相近）');
    const y2022 = readPage(INT, '2022/index.html');
    const n = /<p id="s3-1"[^>]*>[\s\S]*?<\/p>\s*<aside class="item-notes"[^>]*>([\s\S]*?)<\/aside>/.exec(y2022);
    expect(text(n![1]!)).toBe('↻ 另见 2020年、2023年');
  });

  it('only recurring problems, causes and measures carry a note', () => {
    const noted = [...html.matchAll(/<p class="item-note" data-note-for="([^"]+)"/g)].map((m) => m[1]);
    expect(noted).toEqual(['s2-1', 's2-c1', 's3-1', 's3-2', 's3-3']);
  });

  it('stay out of the search records: every record is the paragraph alone', () => {
    const blocks = reportBlocks(html);
    expect(blocks.find((b) => b.anchor === 's2-1')!.text).toBe('一是政治理论学习有待加强。学习的系统性、深入性不够，运用党的创新理论指导实践的能力还需提升。');
    for (const b of blocks) expect(b.text, b.anchor).not.toMatch(/另见|落实情况|相近程度/);
  });
});

describe('last year’s measures on the report page', () => {
  it('lists each measure of 2022 with the 2023 work that most likely follows it up, linked within the page', () => {
    const html = readPage(INT, '2023/index.html');
    const start = html.indexOf('<section id="follow-up"');
    expect(start).toBeGreaterThan(html.indexOf('class="report-text"'));
    const follow = html.slice(start, html.indexOf('</section>', start));
    expect(follow).toContain('data-pagefind-ignore');
    expect(text(follow)).toContain('2022年措施的落实情况');
    expect(follow).toContain('href="/2022/#s3-1"');
    expect(follow).toContain('href="#s1-4"');
    expect(words(follow)).toContain('相近程度：一般 四是严肃执纪问责，巩固惩治腐败成果。 共同词语：惩治、腐败、执纪问责');
    expect(text(follow).match(/未见落实情况/g)).toHaveLength(3); // the two measures, and the explanation above them
  });

  it('is absent from the first year, which has no year before it', () => {
    expect(readPage(INT, '2019/index.html')).not.toContain('id="follow-up"');
  });

  it('keeps redacted text out in the public edition', () => {
    const html = readPage(PUB, '2022/index.html');
    const follow = html.slice(html.indexOf('<section id="follow-up"'));
    for (const name of ['张某某', '李某某', '王某某']) expect(follow).not.toContain(name);
  });
});
