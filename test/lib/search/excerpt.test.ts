import { describe, expect, it } from 'vitest';
import { escapeHtml, excerpt, excerptAfterTitle, highlight, segmentsText, segmentsToHtml } from '../../../src/lib/search/excerpt.ts';
import { matchText } from '../../../src/lib/search/match.ts';
import { parseQuery } from '../../../src/lib/search/normalise.ts';

const long = '一是加强作风建设。' + '甲'.repeat(60) + '持续纠正“四风”问题。' + '乙'.repeat(100) + '再次纠正四风。';

describe('excerpt', () => {
  it('shows the text around the first occurrence, whole phrase marked, with ellipses where cut', () => {
    const r = matchText(long, parseQuery('四风').terms);
    const segs = excerpt(long, r.ranges, { before: 10, length: 40 });
    expect(segs[0]).toEqual({ text: '…' + '甲'.repeat(5) + '持续纠正“', mark: false });
    expect(segs[1]).toEqual({ text: '四风', mark: true });
    expect(segs.at(-1)!.text.endsWith('…')).toBe(true);
    expect(segmentsText(segs).length).toBe(40 + 2);
  });
  it('short texts are shown whole, every occurrence marked', () => {
    const t = '纠正四风，整治四风。';
    const segs = excerpt(t, matchText(t, ['四风']).ranges);
    expect(segmentsToHtml(segs)).toBe('纠正<mark>四风</mark>，整治<mark>四风</mark>。');
  });
  it('near the end, uses the room for more text before', () => {
    const t = '乙'.repeat(100) + '四风';
    const segs = excerpt(t, matchText(t, ['四风']).ranges, { before: 5, length: 30 });
    expect(segmentsText(segs)).toBe('…' + '乙'.repeat(28) + '四风');
  });
  it('keeps a phrase longer than the excerpt whole', () => {
    const t = '甲'.repeat(50) + '丙'.repeat(40) + '甲'.repeat(50);
    const segs = excerpt(t, [[50, 90]], { before: 5, length: 20 });
    expect(segs.find((s) => s.mark)!.text).toBe('丙'.repeat(40));
  });
  it('never splits a surrogate pair', () => {
    const t = '𠀀'.repeat(30) + '四风' + '𠀀'.repeat(30);
    const segs = excerpt(t, matchText(t, ['四风']).ranges, { before: 5, length: 21 });
    expect(segmentsText(segs)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
  it('without occurrences, shows the beginning', () => {
    expect(segmentsText(excerpt('甲'.repeat(200), [], { length: 10 }))).toBe('甲'.repeat(10) + '…');
  });
});

describe('html', () => {
  it('escapes text and marks', () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(segmentsToHtml(highlight('a<b>c', [[1, 4]]))).toBe('a<mark>&lt;b&gt;</mark>c');
  });
});

describe('excerptAfterTitle', () => {
  const text = '二是持续纠治“四风”。开展检查26次，纠治“四风”问题。';
  const title = '二是持续纠治“四风”。';
  it('does not repeat the title; marks occurrences in the rest', () => {
    const segs = excerptAfterTitle(text, title, matchText(text, ['四风']).ranges);
    expect(segmentsToHtml(segs)).toBe('开展检查26次，纠治“<mark>四风</mark>”问题。');
  });
  it('a phrase only in the title leaves the rest unmarked (the title shows it)', () => {
    const t = '二是开展河道垃圾清理专项行动。联合各社区清理沟渠。';
    const segs = excerptAfterTitle(t, '二是开展河道垃圾清理专项行动。', matchText(t, ['河道垃圾']).ranges);
    expect(segmentsText(segs)).toBe('联合各社区清理沟渠。');
  });
  it('falls back to the whole text when the title is shortened or is all there is', () => {
    expect(segmentsText(excerptAfterTitle('一是短。', '一是短。', []))).toBe('一是短。');
    expect(segmentsText(excerptAfterTitle('很长的第一句', '很长…', []))).toBe('很长的第一句');
  });
});
