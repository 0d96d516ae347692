import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { bundleRecords, PARAGRAPH_BREAK, unbundle } from '../../../src/lib/search/bundles.ts';
import { classify, type RecordData } from '../../../src/lib/search/hits.ts';
import { parseQuery, ZWS } from '../../../src/lib/search/normalise.ts';
import { reportBlocks, searchRecords, type SearchRecord } from '../../../src/lib/search/records.ts';
import { readDecoded } from '../../helpers/html.ts';

const PAGE = `<html><body><div class="report-text">
<p id="p1" data-kind="intro">2022年工委以……现将有关情况汇报如下：</p>
<h2 id="s1" data-kind="work">一、履行主体责任情况</h2>
<p id="s1-1" class="item" data-kind="work">一是认真落实主体责任。全年受理来信来访12件次。</p>
<p id="s1-2" class="item" data-kind="work">二是持续纠治“四风”。</p>
<h2 id="s2" data-kind="problems">二、存在的问题</h2>
<p id="s2-1" class="item" data-kind="problems">一是学习不够深入，四是作风问题。</p>
<p id="s2-c1" class="item" data-kind="causes">原因在于纠治四风不够。</p>
<p id="s2-2" class="item" data-kind="problems">二是监督有短板。</p>
</div></body></html>`;

/** What pagefind's data() gives back for a record: its content without the zero-width separators. */
const asLoaded = (r: SearchRecord): RecordData => ({ content: r.content.replaceAll(ZWS, ''), meta: r.meta, filters: r.filters });
const paragraphs = (year: number) => searchRecords(year, reportBlocks(PAGE));

describe('bundles of paragraphs', () => {
  it('one record per year and kind, in reading order, and back to exactly the paragraphs', () => {
    const paras = [...paragraphs(2021), ...paragraphs(2022)];
    const bundles = bundleRecords(paras);
    // 2 years × (intro, work, problems, causes): problems s2-1 and s2-2 share one record around the cause
    expect(bundles.map((b) => `${b.meta.year}:${b.filters.kind}`)).toEqual(['2021:other', '2021:work', '2021:problems', '2021:causes', '2022:other', '2022:work', '2022:problems', '2022:causes']);
    expect(new Set(bundles.map((b) => b.url)).size).toBe(bundles.length);
    const back = bundles.flatMap((b) => unbundle(asLoaded(b)));
    const key = (r: RecordData) => `${r.meta.year}#${r.meta.anchor}`;
    expect(back.map(key).sort()).toEqual(paras.map((r) => key(asLoaded(r))).sort());
    for (const r of back) {
      const original = paras.find((p) => p.meta.year === r.meta.year && p.meta.anchor === r.meta.anchor) as SearchRecord;
      expect(r).toEqual({ content: original.content.replaceAll(ZWS, ''), meta: original.meta, filters: original.filters });
    }
  });

  it('the phrase check sees paragraphs: no match across two paragraphs of one bundle, every real one found', () => {
    const hits = (q: string) => classify(bundleRecords(paragraphs(2022)).flatMap((b) => unbundle(asLoaded(b))), parseQuery(q).terms);
    // 四风 is in s1-2 and s2-c1; s2-1 has 四 and 风 apart; 短板 + 一是 would only span s2-1 and s2-2
    expect(hits('四风').exact.map((h) => h.anchor)).toEqual(['s1-2', 's2-c1']);
    expect(hits('深入，四是').exact.map((h) => h.anchor)).toEqual(['s2-1']);
    expect(hits('问题。二是').exact).toEqual([]);
    expect(hits('四风').exact[1]).toMatchObject({ kind: 'causes', section: '二、存在的问题', item: true, title: '原因在于纠治四风不够。' });
  });

  it('stays under the size limit, a longer paragraph alone', () => {
    const long = searchRecords(2020, [
      { anchor: 'a', kind: 'work', item: false, text: '甲'.repeat(50), pos: 0 },
      { anchor: 'b', kind: 'work', item: false, text: '乙'.repeat(60), pos: 1 },
      { anchor: 'c', kind: 'work', item: false, text: '丙'.repeat(300), pos: 2 },
      { anchor: 'd', kind: 'work', item: false, text: '丁'.repeat(10), pos: 3 },
    ]);
    const bundles = bundleRecords(long, 120);
    expect(bundles.map((b) => JSON.parse(b.meta.paras as string).map((p: { a: string }) => p.a))).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('a paragraph break written into the report text cannot shift paragraphs onto the wrong anchors', () => {
    const recs = searchRecords(2022, [
      { anchor: 'x', kind: 'work', item: false, text: `前${PARAGRAPH_BREAK}后`, pos: 0 },
      { anchor: 'y', kind: 'work', item: false, text: '第二段', pos: 1 },
    ]);
    expect(bundleRecords(recs).flatMap((b) => unbundle(asLoaded(b))).map((r) => [r.meta.anchor, r.content])).toEqual([['x', '前 后'], ['y', '第二段']]);
  });

  it('refuses a bundle that does not split into its paragraphs rather than guessing anchors', () => {
    const [b] = bundleRecords(paragraphs(2022).filter((r) => r.filters.kind?.[0] === 'work'));
    const loaded = asLoaded(b as SearchRecord);
    expect(() => unbundle({ ...loaded, content: loaded.content.replaceAll(PARAGRAPH_BREAK, '') })).toThrow(/重新运行 npm run build/);
  });
});

describe('bundles in a portal', () => {
  const office = (series: string, year: number, name: string, group: string) => searchRecords(year, reportBlocks(PAGE), { series, office: name, group });

  it('never holds two series, even of the same year and kind, and gives back their series and office', () => {
    const paras = [...office('czj-xxgk', 2022, '某某县财政局', '部门'), ...office('zfb-xxgk', 2022, '某某县人民政府办公室', '区政府')];
    const bundles = bundleRecords(paras);
    expect(bundles.map((b) => `${b.meta.series}:${b.meta.year}:${b.filters.kind}`)).toEqual([
      'czj-xxgk:2022:other', 'czj-xxgk:2022:work', 'czj-xxgk:2022:problems', 'czj-xxgk:2022:causes',
      'zfb-xxgk:2022:other', 'zfb-xxgk:2022:work', 'zfb-xxgk:2022:problems', 'zfb-xxgk:2022:causes',
    ]);
    for (const b of bundles) {
      expect(b.meta.office).toBe(b.meta.series === 'czj-xxgk' ? '某某县财政局' : '某某县人民政府办公室');
      expect(b.filters.series).toEqual([b.meta.series]);
      expect(b.filters.group).toEqual([b.meta.series === 'czj-xxgk' ? '部门' : '区政府']);
      expect(b.url.startsWith(`${b.meta.series}/2022/#`)).toBe(true);
    }
    expect(new Set(bundles.map((b) => b.url)).size).toBe(bundles.length);
    const back = bundles.flatMap((b) => unbundle(asLoaded(b)));
    expect(back).toHaveLength(paras.length);
    for (const r of back) {
      const original = paras.find((p) => p.meta.series === r.meta.series && p.meta.anchor === r.meta.anchor) as SearchRecord;
      expect(r).toEqual({ content: original.content.replaceAll(ZWS, ''), meta: original.meta, filters: original.filters });
    }
  });

  it('the same paragraph in two offices is two results, each naming its office', () => {
    const paras = [...office('czj-xxgk', 2022, '某某县财政局', '部门'), ...office('zfb-xxgk', 2022, '某某县人民政府办公室', '区政府')];
    const { exact } = classify(bundleRecords(paras).flatMap((b) => unbundle(asLoaded(b))), parseQuery('四风').terms);
    expect(exact.map((h) => `${h.series}/${h.year}#${h.anchor} ${h.office} ${h.group}`)).toEqual([
      'czj-xxgk/2022#s1-2 某某县财政局 部门',
      'czj-xxgk/2022#s2-c1 某某县财政局 部门',
      'zfb-xxgk/2022#s1-2 某某县人民政府办公室 区政府',
      'zfb-xxgk/2022#s2-c1 某某县人民政府办公室 区政府',
    ]);
  });
});

describe('through pagefind itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bundles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('pagefind keeps the paragraph breaks in the content it stores, so bundles split back', async () => {
    const bundles = bundleRecords([...paragraphs(2021), ...paragraphs(2022)]);
    try {
      const { index } = await pagefind.createIndex({});
      for (const b of bundles) expect((await index!.addCustomRecord(b)).errors).toEqual([]);
      expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
    } finally {
      await pagefind.close();
    }
    const stored = readdirSync(join(dir, 'fragment')).map((f) => JSON.parse(readDecoded(join(dir, 'fragment', f)).replace(/^[^{]*/, '')) as RecordData);
    expect(stored).toHaveLength(bundles.length);
    const back = stored.flatMap(unbundle);
    expect(back.map((r) => `${r.meta.year}#${r.meta.anchor}`).sort()).toEqual([...paragraphs(2021), ...paragraphs(2022)].map((r) => `${r.meta.year}#${r.meta.anchor}`).sort());
    expect(back.find((r) => r.meta.year === '2022' && r.meta.anchor === 's1-2')?.content).toBe('二是持续纠治“四风”。');
  });
});
