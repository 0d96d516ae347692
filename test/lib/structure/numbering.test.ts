import { describe, expect, it } from 'vitest';
import { chineseNumeral, inlineTitle, itemOrdinal, itemTitle, leadingMarker, markerText, numeralText, shiMarkers, stripOrdinal } from '../../../src/lib/structure/numbering.ts';

describe('Chinese ordinals', () => {
  it.each([['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十三', 23], ['九十九', 99]])('%s → %i and back', (s, n) => {
    expect(chineseNumeral(s)).toBe(n);
    expect(numeralText(n)).toBe(s);
  });
  it.each(['十十', '一一', '二十十', '百', 'a', ''])('%s is not a numeral', (s) => expect(chineseNumeral(s)).toBeUndefined());
});

describe('the numbering a paragraph starts with', () => {
  it.each([
    ['三是践行监督执纪“四种形态”。', 'shi', 3],
    ['十二是加强学习。', 'shi', 12],
    ['（一）主动公开情况。主要通过……', 'paren', 1],
    ['(三)政府信息管理方面。一是健全……', 'paren', 3],
    ['（ 十 ）社会信用体系建设创新开展。', 'paren', 10],
    ['1.党建引领，塑造审批系统文化。', 'num', 1],
    ['2．着力丰富旅游产品。', 'num', 2],
    ['１．加强组织领导。', 'num', 1],
    ['（１２）推进国资国企信息公开。', 'paren-num', 12],
    ['3、抓保障，拓宽项目投融资渠道。', 'num', 3],
    ['（4）推进教育和医疗卫生信息公开。', 'paren-num', 4],
    ['(14)推进其他应主动公开的信息公开。', 'paren-num', 14],
    ['②提高境外游客比重。', 'circled', 2],
  ])('%s', (text, style, ordinal) => expect(leadingMarker(text)).toMatchObject({ style, ordinal }));

  it.each(['但是工作还有差距。', '2022年开展……', '1.5万人次参加', '１．５万人次参加', '2023年，全区……', '（一季度）完成', '统一是前提。'])('%s starts with no numbering', (text) => {
    expect(leadingMarker(text)).toBeUndefined();
  });

  it('reads the 一是 ordinal only from 一是 paragraphs', () => {
    expect(itemOrdinal('三是践行监督执纪。')).toBe(3);
    expect(itemOrdinal('（三）践行监督执纪。')).toBeUndefined();
    expect(itemOrdinal('一是')).toBe(1);
  });
});

describe('一是/二是 inside a paragraph', () => {
  it('finds each one after a boundary: start, 。；：，, a closing quote or bracket', () => {
    const text = '存在的问题主要有以下几个方面：一是信息发布属性界定还不够精确；二是开拓创新不够有力，三是政策解读“接地气”不够”四是形式单一）五是……。';
    expect(shiMarkers(text).map((m) => [m.ordinal, text.slice(m.start, m.end)])).toEqual([
      [1, '一是'],
      [2, '二是'],
      [3, '三是'],
      [4, '四是'],
      [5, '五是'],
    ]);
  });

  it('does not take words for ordinals: 统一是, 唯一是, 第一是, 万一是', () => {
    expect(shiMarkers('坚持标准统一是前提，唯一是指……，第一是速度，万一是真的。')).toEqual([]);
  });

  it('allows a space between the boundary and the ordinal', () => {
    expect(shiMarkers('加强学习。 二是提高认识。').map((m) => m.ordinal)).toEqual([2]);
  });
});

describe('titles', () => {
  it('an item title is its first sentence, to the first 。', () => {
    expect(itemTitle('一是认真落实主体责任制。2022年开展……。')).toBe('一是认真落实主体责任制。');
    expect(itemTitle('（一）政务服务综合能力显著提升。一是聚焦满意度……')).toBe('（一）政务服务综合能力显著提升。');
    expect(itemTitle('（一）主动公开方面')).toBe('（一）主动公开方面');
  });
  it('an inline item title ends at the first 。, ； or ：', () => {
    expect(inlineTitle('二是提升网站智能化、场景化水平，优化智能搜索等服务功能；三是……')).toBe('二是提升网站智能化、场景化水平，优化智能搜索等服务功能；');
    expect(inlineTitle('一是加强学习：通过集中学习……。')).toBe('一是加强学习：');
    expect(inlineTitle('二是提升政务公开内容质量。加大……')).toBe('二是提升政务公开内容质量。');
    expect(inlineTitle('一是：加强学习；二是……')).toBe('一是：加强学习；');
  });
  it('strips every form of numbering for comparison', () => {
    expect(stripOrdinal('三是加强学习。')).toBe('加强学习。');
    expect(stripOrdinal('（二）改进措施')).toBe('改进措施');
    expect(stripOrdinal('(二)、改进措施')).toBe('改进措施');
    expect(stripOrdinal('加强学习。')).toBe('加强学习。');
  });
  it('writes numbering as reports do, for messages', () => {
    expect([markerText('shi', 3), markerText('paren', 12), markerText('num', 2), markerText('paren-num', 4), markerText('circled', 3)]).toEqual(['三是', '（十二）', '2.', '（4）', '③']);
  });
});
