import { describe, expect, it } from 'vitest';
import { buildStructure, chineseNumeral, inferSectionKind, itemOrdinal, items, itemTitle, sectionKind, type Block } from '../../src/lib/structure.ts';

describe('Chinese ordinals', () => {
  it.each([['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十三', 23], ['九十九', 99]])('%s → %i', (s, n) => {
    expect(chineseNumeral(s)).toBe(n);
  });
  it.each(['十十', '一一', '二十十', '百', 'a', ''])('%s is not a numeral', (s) => expect(chineseNumeral(s)).toBeUndefined());
  it('reads item openings', () => {
    expect(itemOrdinal('三是践行监督执纪“四种形态”。')).toBe(3);
    expect(itemOrdinal('十二是加强学习。')).toBe(12);
    expect(itemOrdinal('一是')).toBe(1);
    expect(itemOrdinal('但是工作还有差距。')).toBeUndefined();
    expect(itemOrdinal('2022年开展……')).toBeUndefined();
  });
  it('takes the first sentence as the item title', () => {
    expect(itemTitle('一是认真落实主体责任制。2022年开展……。')).toBe('一是认真落实主体责任制。');
    expect(itemTitle('一是没有句号的条目')).toBe('一是没有句号的条目');
  });
});

describe('section kinds', () => {
  it.each([
    ['一、履行主体责任情况', 'work'],
    ['二、存在的主要问题及原因', 'problems'],
    ['三、下一步工作思路和主要措施', 'measures'],
    ['三、2024年工作打算', 'measures'],
    ['四、其他需要说明的事项', 'other'],
  ])('%s → %s', (heading, kind) => expect(inferSectionKind(heading)).toBe(kind));
  it('lets frontmatter override by full heading or by ordinal', () => {
    expect(sectionKind('四、其他需要说明的事项', { 四: 'problems' })).toBe('problems');
    expect(sectionKind('四、其他需要说明的事项', { '四、其他需要说明的事项': 'measures' })).toBe('measures');
  });
});

const P = (text: string, stats?: string[]): Block => ({ type: 'paragraph', text, stats });
const H = (text: string): Block => ({ type: 'heading', text });

describe('buildStructure', () => {
  const blocks = [
    P('2022年……现将有关情况汇报如下：'),
    H('一、履行主体责任情况'),
    P('一是认真落实。开展**次。', ['party-education-sessions']),
    P('二是加强宣传。'),
    H('二、存在的主要问题及原因'),
    P('一是学习有待加强。'),
    P('二是落实不够。'),
    P('深入剖析这些问题产生的原因，主要有以下几个方面：'),
    P('一是政治建设不够深入。'),
    P('二是理论武装不够系统。'),
    H('三、下一步工作思路和主要措施'),
    P('2023年将继续……'),
    P('一是提高思想认识。'),
  ];
  const { structure, ids } = buildStructure(blocks);

  it('gives every block a unique, readable anchor', () => {
    expect(ids).toEqual(['p1', 's1', 's1-1', 's1-2', 's2', 's2-1', 's2-2', 's2-p1', 's2-c1', 's2-c2', 's3', 's3-p1', 's3-1']);
  });

  it('classifies items after the causes paragraph as causes', () => {
    expect(items(structure).map((i) => `${i.id}:${i.item.kind}`)).toEqual(['s1-1:work', 's1-2:work', 's2-1:problems', 's2-2:problems', 's2-c1:causes', 's2-c2:causes', 's3-1:measures']);
  });

  it('keeps the intro and the cited metrics', () => {
    expect(structure.intro.map((p) => p.id)).toEqual(['p1']);
    expect(structure.sections[0].paragraphs[0].stats).toEqual(['party-education-sessions']);
  });

  it('keeps anchors stable when a paragraph is added elsewhere', () => {
    const edited = buildStructure([P('新增前言。'), ...blocks]).ids;
    expect(edited.filter((id) => id.startsWith('s'))).toEqual(ids.filter((id) => id.startsWith('s')));
  });

  it('disambiguates a repeated ordinal instead of producing duplicate ids', () => {
    const r = buildStructure([H('一、工作情况'), P('一是甲。'), P('一是乙。')]);
    expect(r.ids).toEqual(['s1', 's1-1', 's1-1-2']);
  });
});
