import { describe, expect, it } from 'vitest';
import { classify, hitYears, toHit, type RecordData } from '../../../src/lib/search/hits.ts';
import { parseQuery } from '../../../src/lib/search/normalise.ts';

const rec = (year: string, pos: number, content: string, kind = 'work', extra: Record<string, string> = {}): RecordData => ({
  content,
  meta: { year, anchor: `s1-${pos}`, pos: String(pos), title: content.slice(0, 6), section: '一、履行主体责任情况', ...extra },
  filters: { year: [year], kind: [kind] },
});

const RECORDS = [
  rec('2019', 2, '二是持续纠治“四风”。开展检查。', 'work', { item: '1' }),
  rec('2021', 1, '一是加强作风建设。纠治“四风”问题。', 'measures'),
  rec('2019', 1, '一是开展河道垃圾清理专项行动，纠治四风。'),
  rec('2020', 4, '四是严肃执纪问责，整治不正之风。'), // 四 and 风, never 四风: pagefind's loose candidate
  rec('2022', 2, '二是再次开展河道垃圾清理专项行动。'),
];

describe('classify', () => {
  it('keeps only records containing the phrase, newest year first then reading order', () => {
    const { exact, related } = classify(RECORDS, parseQuery('四风').terms);
    expect(exact.map((h) => `${h.year}#${h.anchor}`)).toEqual(['2021#s1-1', '2019#s1-1', '2019#s1-2']);
    expect(related).toEqual([]);
  });
  it('several terms: all of them → exact; some of them → related, kept apart', () => {
    const { exact, related } = classify(RECORDS, parseQuery('河道垃圾 四风').terms);
    expect(exact.map((h) => `${h.year}#${h.anchor}`)).toEqual(['2019#s1-1']);
    expect(related.map((h) => `${h.year}#${h.anchor}`)).toEqual(['2022#s1-2', '2021#s1-1', '2019#s1-2']);
  });
  it('an absent phrase gives nothing at all', () => {
    expect(classify(RECORDS, parseQuery('不存在的短语').terms)).toEqual({ exact: [], related: [] });
  });
  it('drops duplicates (the same record offered for two terms)', () => {
    expect(classify([...RECORDS, RECORDS[0]], parseQuery('四风').terms).exact).toHaveLength(3);
  });
  it('reads meta and filters into a hit', () => {
    const h = toHit(RECORDS[0], ['四风']);
    expect(h).toMatchObject({ year: '2019', kind: 'work', anchor: 's1-2', section: '一、履行主体责任情况', item: true, pos: 2, level: 'exact' });
    expect(h.match.ranges).toEqual([[7, 9]]);
    expect(hitYears(classify(RECORDS, ['四风']).exact)).toEqual(['2021', '2019']);
  });
});
