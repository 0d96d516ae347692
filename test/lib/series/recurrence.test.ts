import { describe, expect, it } from 'vitest';
import { findRecurrences, normaliseTitle, yearItems } from '../../../src/lib/series/recurrence.ts';
import { buildStructure, type Block, type ItemKind } from '../../../src/lib/structure/structure.ts';

const t = (year: number, kind: ItemKind, title: string) => ({ year, kind, title });

describe('normaliseTitle', () => {
  it('drops the ordinal, punctuation, spaces and full-width forms', () => {
    expect(normaliseTitle('一是加强作风建设，持续正风肃纪。')).toBe('加强作风建设持续正风肃纪');
    expect(normaliseTitle('三是 加强作风建设,持续正风肃纪.')).toBe('加强作风建设持续正风肃纪');
    expect(normaliseTitle('十二是坚持“四风”整治！')).toBe('坚持四风整治');
    expect(normaliseTitle('用好１２３４５热线')).toBe('用好12345热线');
  });
  it('keeps 是 when it is not an ordinal', () => {
    expect(normaliseTitle('是否落实到位')).toBe('是否落实到位');
  });
});

describe('findRecurrences', () => {
  it('groups identical titles across years, with their years in order', () => {
    const r = findRecurrences([
      t(2021, 'measures', '一是加强作风建设，持续正风肃纪。'),
      t(2019, 'measures', '二是加强作风建设，持续正风肃纪。'),
      t(2020, 'measures', '一是强化监督执纪问责。'),
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]!.years).toEqual([2019, 2021]);
    expect(r[0]!.entries.map((e) => e.year)).toEqual([2019, 2021]);
    expect(r[0]!.title).toBe('一是加强作风建设，持续正风肃纪。');
    expect(r[0]!.varied).toBe(false);
  });

  it('joins titles that say the same in other words, and says the wording varied (相近)', () => {
    const r = findRecurrences([t(2022, 'problems', '一是政治理论学习有待加强。'), t(2023, 'problems', '二是政治理论学习仍需加强。')]);
    expect(r).toHaveLength(1);
    expect(r[0]!.varied).toBe(true);
    expect(r[0]!.title).toBe('二是政治理论学习仍需加强。');
    // "有待加强" and "有待提高" are the genre's words for "not yet enough": the subject is the same.
    expect(findRecurrences([t(2019, 'problems', '政治理论学习有待加强。'), t(2020, 'problems', '政治理论学习有待提高。')])).toHaveLength(1);
    // One character apart still joins, as before.
    expect(findRecurrences([t(2020, 'problems', '一是监督质效有待提高。'), t(2023, 'problems', '二是监督实效有待提高。')])).toHaveLength(1);
  });

  it('chains alike titles through the years', () => {
    const r = findRecurrences([
      t(2019, 'measures', '加强廉洁文化建设工作。'),
      t(2020, 'measures', '加强廉政文化建设工作。'),
      t(2021, 'measures', '深化廉政文化建设。'),
    ]);
    expect(r).toHaveLength(1);
    expect(r[0]!.years).toEqual([2019, 2020, 2021]);
  });

  it('does not join different problems that share words, nor titles with no words in common', () => {
    expect(findRecurrences([t(2019, 'problems', '学习不够。'), t(2020, 'problems', '学风不够。')])).toEqual([]);
    expect(findRecurrences([t(2019, 'problems', '监督检查覆盖面不够广。'), t(2020, 'problems', '监督质效有待提高。')])).toEqual([]);
    expect(findRecurrences([t(2019, 'problems', '政治理论学习有待加强。'), t(2020, 'problems', '政治理论学习仍需加强。')], { near: false })).toEqual([]);
    expect(findRecurrences([t(2019, 'problems', '政治理论学习有待加强。'), t(2020, 'problems', '政治理论学习有待加强。')], { near: false })).toHaveLength(1);
  });

  it('keeps kinds apart: a cause is not the same as a measure', () => {
    expect(findRecurrences([t(2019, 'causes', '思想认识还不够到位。'), t(2020, 'measures', '思想认识还不够到位。')])).toEqual([]);
  });

  it('needs two different years: a title repeated within one year is not a recurrence', () => {
    expect(findRecurrences([t(2019, 'measures', '加强作风建设。'), t(2019, 'measures', '加强作风建设。')])).toEqual([]);
  });

  it('orders problems, causes, measures, then by how many years', () => {
    const r = findRecurrences([
      t(2019, 'measures', '强化监督执纪问责。'), t(2020, 'measures', '强化监督执纪问责。'), t(2021, 'measures', '强化监督执纪问责。'),
      t(2019, 'measures', '加强廉洁文化建设。'), t(2020, 'measures', '加强廉洁文化建设。'),
      t(2019, 'problems', '政治理论学习有待加强。'), t(2023, 'problems', '政治理论学习有待加强。'),
      t(2019, 'causes', '思想认识还不够到位。'), t(2022, 'causes', '思想认识还不够到位。'),
    ]);
    expect(r.map((x) => [x.kind, x.title])).toEqual([
      ['problems', '政治理论学习有待加强。'],
      ['causes', '思想认识还不够到位。'],
      ['measures', '强化监督执纪问责。'],
      ['measures', '加强廉洁文化建设。'],
    ]);
  });
});

describe('yearItems', () => {
  const blocks: Block[] = [
    { type: 'heading', text: '一、履行主体责任情况' },
    { type: 'paragraph', text: '一是抓学习。内容。' },
    { type: 'heading', text: '二、存在的问题及原因' },
    { type: 'paragraph', text: '一是学习不够。内容。' },
    { type: 'paragraph', text: '深入剖析问题产生的原因，主要有以下几个方面：' },
    { type: 'paragraph', text: '一是认识不足。内容。' },
    { type: 'heading', text: '三、下一步工作措施' },
    { type: 'paragraph', text: '一是加强学习。内容。' },
  ];
  const { structure } = buildStructure(blocks);

  it('gives each item its year, kind and title, filtered by kind', () => {
    expect(yearItems(2021, structure).map((i) => [i.year, i.kind, i.title, i.id])).toEqual([
      [2021, 'work', '一是抓学习。', 's1-1'],
      [2021, 'problems', '一是学习不够。', 's2-1'],
      [2021, 'causes', '一是认识不足。', 's2-c1'],
      [2021, 'measures', '一是加强学习。', 's3-1'],
    ]);
    expect(yearItems(2021, structure, ['causes', 'measures']).map((i) => i.kind)).toEqual(['causes', 'measures']);
  });
});
