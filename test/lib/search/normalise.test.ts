import { describe, expect, it } from 'vitest';
import { fold, indexChars, indexContent, normalise, pagefindQuery, parseQuery, ZWS } from '../../../src/lib/search/normalise.ts';

describe('fold / normalise', () => {
  it('folds full-width letters and digits, case and compatibility forms', () => {
    expect(fold('ＱＱ群')).toBe('qq群');
    expect(fold('２０２２年')).toBe('2022年');
    expect(fold('QQ群')).toBe(fold('qq群'));
    expect(fold('①')).toBe('1');
    expect(fold('⼀是')).toBe('一是'); // Kangxi radical from PDF copy-paste
  });
  it('drops whitespace (incl. ideographic space) and invisible characters', () => {
    expect(fold('2022 年')).toBe('2022年');
    expect(fold('四\u3000风')).toBe('四风');
    expect(fold('四\u200B风\uFEFF')).toBe('四风');
    expect(fold(' 网上\n举报 ')).toBe('网上举报');
  });
  it('drops quotation marks and brackets, keeps sentence punctuation', () => {
    expect(fold('“四风”')).toBe('四风');
    expect(fold('《党章》（试行）「甲」"乙"')).toBe('党章试行甲乙');
    expect(fold('强宗旨、转作风。')).toBe('强宗旨、转作风。');
  });
  it('maps every folded unit back to its source character', () => {
    const n = normalise('Ａ 𠀀b');
    expect(n.text).toBe('a𠀀b');
    // 'a' from index 0; the surrogate pair (2 units) from 2..4; 'b' from 4
    expect(n.starts).toEqual([0, 2, 2, 4]);
    expect(n.ends).toEqual([1, 4, 4, 5]);
  });
});

describe('parseQuery', () => {
  it('splits on spaces (ASCII and ideographic), dropping empties and repeats', () => {
    expect(parseQuery(' 四风  网上举报平台　四风 ').terms).toEqual(['四风', '网上举报平台']);
  });
  it('keeps "double-quoted" phrases together (their spaces ignored)', () => {
    const q = parseQuery('"河道 垃圾" QQ群');
    expect(q.terms).toEqual(['河道垃圾', 'qq群']);
    expect(q.typed).toEqual(['河道 垃圾', 'QQ群']);
  });
  it('treats an unbalanced quote as opening a phrase to the end', () => {
    expect(parseQuery('四风 "网上 举报').terms).toEqual(['四风', '网上举报']);
  });
  it('Chinese quotes are ignored like all quotation marks', () => {
    expect(parseQuery('“四风”').terms).toEqual(['四风']);
    expect(parseQuery('“”').terms).toEqual([]);
  });
  it('mixed Chinese, digits and Latin is one term; full-width folds', () => {
    expect(parseQuery('12345热线').terms).toEqual(['12345热线']);
    expect(parseQuery('１２３４５热线').terms).toEqual(['12345热线']);
    expect(parseQuery('ＱＱ群').terms).toEqual(['qq群']);
  });
  it('empty or whitespace-only queries have no terms; very long queries are cut', () => {
    expect(parseQuery('   ').terms).toEqual([]);
    expect(parseQuery('""').terms).toEqual([]);
    expect(parseQuery('字'.repeat(500)).terms[0].length).toBe(200);
  });
});

describe('what pagefind is asked and given', () => {
  it('asks for the indexable characters of a term as separate words', () => {
    expect(indexChars('“四风”问题')).toEqual(['四', '风', '问', '题']);
    expect(pagefindQuery('12345热线')).toBe('1 2 3 4 5 热 线');
    expect(pagefindQuery('qq群')).toBe('q q 群');
    expect(pagefindQuery('“”、')).toBeUndefined();
  });
  it('stores content one character per word, separated by zero-width spaces that pagefind strips again', () => {
    expect(indexContent('四风，QQ')).toBe(['四', '风', '，', 'Q', 'Q'].join(ZWS));
    expect(indexContent('ＱＱ群①次').split(ZWS)).toEqual(['Q', 'Q', '群', '1', '次']);
    expect(indexContent('（一）')).toBe(['（', '一', '）'].join(ZWS)); // punctuation keeps its Chinese form
    expect(indexContent('a\u200Bb')).toBe(`a${ZWS}b`); // stray zero-width spaces in the source are not doubled
    expect(indexContent('2022 年').replaceAll(ZWS, '')).toBe('2022 年');
  });
  it('folds every compatibility character, whichever block it is in', () => {
    // The rule, character by character: a letter or digit in compatibility form becomes its plain form.
    const slow = (t: string) => Array.from(t).filter((c) => c !== ZWS).flatMap((c) => {
      const n = c.normalize('NFKC');
      return n !== c && Array.from(n).some((x) => /[\p{L}\p{N}]/u.test(x)) ? Array.from(n) : [c];
    }).join(ZWS);
    const sample = '纠治“四风”ＡＢＣ①②㎡\uF900\uFA11Ⅻ½ｶ ﾞ，。、\u3000abc123\u00a0é';
    expect(indexContent(sample)).toBe(slow(sample));
    expect(indexContent('\uF900')).toBe('\u8C48'); // a CJK compatibility ideograph becomes the unified one
  });
});
