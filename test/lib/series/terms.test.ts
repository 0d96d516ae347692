import { describe, expect, it } from 'vitest';
import { stripNumbering, terms } from '../../../src/lib/series/terms.ts';

describe('terms', () => {
  it('cuts Chinese into words, not characters', () => {
    expect(terms('一是政治理论学习有待加强。')).toEqual(['政治', '理论', '学习', '有待', '加强']);
    expect(terms('下一步将加大政府信息对外宣传力度。')).toContain('宣传');
  });

  it('reads a short run the dictionary leaves as single characters as one word, drops lone characters', () => {
    expect(terms('压实“一岗双责”')).toEqual(['压实', '一岗双责']);
    expect(terms('监督质效有待提高')).toEqual(['监督', '质效', '有待', '提高']);
    expect(terms('公开政府信息4条')).not.toContain('条');
  });

  it('leaves out the numbering and the numbers, which change every year', () => {
    expect(terms('（三）政府信息管理。2023年出台1件')).not.toContain('2023');
    expect(stripNumbering('（一）主动公开情况')).toBe('主动公开情况');
    expect(stripNumbering('十二是坚持“四风”整治')).toBe('坚持“四风”整治');
    expect(stripNumbering('1.主动公开方面')).toBe('主动公开方面');
    expect(stripNumbering('2022年，全年')).toBe('2022年，全年');
  });

  it('folds width and case so ＱＱ群 and QQ群 are one term', () => {
    expect(terms('ＱＱ群')).toEqual(terms('qq群'));
  });

  it('character bigrams, for comparison', () => {
    expect(terms('政治理论', 'bigrams')).toEqual(['政治', '治理', '理论']);
  });
});
