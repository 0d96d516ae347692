import { describe, expect, it } from 'vitest';
import { matchLevel, matchText, mergeRanges } from '../../../src/lib/search/match.ts';
import { parseQuery } from '../../../src/lib/search/normalise.ts';

const m = (text: string, q: string) => matchText(text, parseQuery(q).terms);

describe('matchText', () => {
  it('finds a contiguous phrase and every occurrence', () => {
    const r = m('持续纠正“四风”，坚决纠治“四风”问题。', '四风');
    expect(r.found).toEqual([true]);
    expect(r.ranges).toEqual([[5, 7], [14, 16]]);
    expect(r.first).toBe(5);
  });
  it('does not match characters that are merely present apart', () => {
    expect(m('四是加强作风建设。', '四风').found).toEqual([false]);
    expect(matchLevel(m('四是加强作风建设。', '四风'))).toBe('none');
  });
  it('ignores whitespace inside the text and folds width and case', () => {
    const text = '2022 年通过ＱＱ群和12345 热线';
    expect(m(text, '2022年').found).toEqual([true]);
    expect(m(text, 'qq群').found).toEqual([true]);
    expect(m(text, '12345热线').found).toEqual([true]);
    // the highlight covers the source characters, including the space inside the phrase
    const r = m(text, '12345热线');
    expect(text.slice(...r.ranges[0])).toBe('12345 热线');
  });
  it('quotation marks and brackets in the text do not break a phrase; sentence punctuation does', () => {
    const text = '持续纠治“四风”问题，推动《党章》学习。';
    const r = m(text, '纠治四风问题');
    expect(r.found).toEqual([true]);
    expect(text.slice(...r.ranges[0])).toBe('纠治“四风”问题');
    expect(m(text, '党章学习').found).toEqual([true]);
    expect(m(text, '问题推动').found).toEqual([false]);
  });
  it('several terms: exact when all occur, related when only some do', () => {
    const text = '开展河道垃圾清理专项行动，持续纠正四风。';
    expect(matchLevel(m(text, '河道 四风'))).toBe('exact');
    expect(matchLevel(m(text, '河道 智慧党建'))).toBe('related');
    expect(matchLevel(m(text, '智慧党建 平台'))).toBe('none');
  });
  it('a term with only punctuation still has to occur', () => {
    expect(m('四风。', '。').found).toEqual([true]);
    expect(m('四风', '。').found).toEqual([false]);
  });
  it('merges overlapping occurrences of different terms', () => {
    expect(mergeRanges([[5, 8], [0, 2], [1, 3], [7, 9]])).toEqual([[0, 3], [5, 9]]);
    expect(m('网上举报平台', '网上举报 举报平台').ranges).toEqual([[0, 6]]);
  });
  it('works with characters outside the BMP', () => {
    const text = '𠀀𠀁四风';
    const r = m(text, '𠀁四');
    expect(text.slice(...r.ranges[0])).toBe('𠀁四');
  });
});
