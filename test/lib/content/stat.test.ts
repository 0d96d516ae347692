import { describe, it, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatStat, maskStat, MISSING, parseStat, statNumber, writeStat, type StatValue } from '../../../src/lib/content/stat.ts';

const exact = (value: number): StatValue => ({ kind: 'exact', value });
const atLeast = (value: number): StatValue => ({ kind: 'atLeast', value });
const masked = (digits: number, lower = false): StatValue => ({ kind: 'masked', digits, atLeast: lower });

const CJK = /[\u4e00-\u9fff]/;

describe('parseStat: valid forms', () => {
  it.each<[string, unknown, StatValue]>([
    ['integer', 12, exact(12)],
    ['zero', 0, exact(0)],
    ['negative zero becomes 0', -0, exact(0)],
    ['decimal', 3.5, exact(3.5)],
    ['large', 1234, exact(1234)],
    ['bigint', 7n, exact(7)],
    ['quoted integer', '12', exact(12)],
    ['quoted with spaces', ' 12 ', exact(12)],
    ['quoted decimal', '3.5', exact(3.5)],
    ['quoted zero', '0', exact(0)],
    ['leading zero', '012', exact(12)],
    ['full-width digits', '１２', exact(12)],
    ['full-width decimal point', '３．５', exact(3.5)],
    ['ideographic spaces', '\u300012\u3000', exact(12)],
    ['lower bound +', '30+', atLeast(30)],
    ['lower bound 余', '30余', atLeast(30)],
    ['lower bound 多', '30多', atLeast(30)],
    ['lower bound with space', '30 +', atLeast(30)],
    ['lower bound decimal', '2.5+', atLeast(2.5)],
    ['full-width lower bound', '３０＋', atLeast(30)],
    ['one asterisk', '*', masked(1)],
    ['two asterisks', '**', masked(2)],
    ['three asterisks', '***', masked(3)],
    ['nine asterisks (the limit)', '*********', masked(9)],
    ['full-width asterisks', '＊＊', masked(2)],
    ['masked lower bound +', '**+', masked(2, true)],
    ['masked lower bound 余', '**余', masked(2, true)],
    ['masked lower bound 多', '*多', masked(1, true)],
    ['masked lower bound full-width', '＊＊＋', masked(2, true)],
    ['null', null, MISSING],
    ['undefined (absent)', undefined, MISSING],
    ['empty string', '', MISSING],
    ['blank string', '   ', MISSING],
  ])('%s: %o', (_name, raw, expected) => {
    expect(parseStat(raw)).toEqual({ ok: true, value: expected });
  });

  it('reads what the yaml package produces from a frontmatter block', () => {
    const stats = parseYaml(
      ['a: 12', 'b: "30+"', 'c: "**"', 'd: "**+"', 'e: null', 'f: 3.5', 'g: ~', 'h: "12"', 'i:'].join('\n'),
    ) as Record<string, unknown>;
    const parsed = Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, parseStat(v)]));
    expect(parsed).toEqual({
      a: { ok: true, value: exact(12) },
      b: { ok: true, value: atLeast(30) },
      c: { ok: true, value: masked(2) },
      d: { ok: true, value: masked(2, true) },
      e: { ok: true, value: MISSING },
      f: { ok: true, value: exact(3.5) },
      g: { ok: true, value: MISSING },
      h: { ok: true, value: exact(12) },
      i: { ok: true, value: MISSING },
    });
  });

  it('an unquoted ** is a YAML alias error before it reaches parseStat, so authors must quote it', () => {
    expect(() => parseYaml('a: **')).toThrow();
  });
});

describe('parseStat: invalid forms', () => {
  // [name, raw, words the message must contain, words the hint must contain]
  it.each<[string, unknown, string[], string[]]>([
    ['negative number', -3, ['负数', '-3'], ['0 或正数']],
    ['negative decimal', -0.5, ['负数'], ['0 或正数']],
    ['negative string', '-3', ['负数', '-3'], ['0 或正数']],
    ['full-width negative string', '－３', ['负数'], ['0 或正数']],
    ['NaN (YAML .nan)', NaN, ['NaN'], ['非负数']],
    ['Infinity (YAML .inf)', Infinity, ['无穷大'], ['有限']],
    ['-Infinity', -Infinity, ['无穷大'], ['有限']],
    ['boolean true (YAML true, or yes in YAML 1.1)', true, ['布尔值', 'true'], ['yes/no', 'null']],
    ['boolean false', false, ['布尔值', 'false'], ['yes/no']],
    ['array', [1, 2], ['列表'], ['只写一个值']],
    ['empty array', [], ['列表'], ['只写一个值']],
    ['object', { value: 12 }, ['映射'], ['缩进']],
    ['date (YAML 1.1 timestamp)', new Date('2022-01-01'), ['日期'], ['数字']],
    ['function', () => 1, ['类型', 'function'], ['数字']],
    ['unit included', '12次', ['单位', '“次”', '12次'], ['去掉单位', 'metrics.yaml', 'unit']],
    ['unit after a space', '12 件次', ['单位', '“件次”'], ['去掉单位', '写成 12']],
    ['unit after a lower bound', '30余人', ['单位', '“人”'], ['写成 "30+"']],
    ['percent sign', '12%', ['单位', '“%”'], ['去掉单位']],
    ['plain words', 'abc', ['“abc”', '无法识别'], ['数字']],
    ['yes as a string (YAML 1.2)', 'yes', ['“yes”', '无法识别'], ['数字']],
    ['Chinese words', '若干', ['“若干”', '无法识别'], []],
    ['a dash', '—', ['无法识别'], []],
    ['asterisk before digit', '*3', ['星号和数字', '*3'], ['只写星号', '只写数字']],
    ['digit before asterisk', '3*', ['星号和数字'], ['只写星号']],
    ['repeated suffix', '12++', ['重复', '12++'], ['"12+"']],
    ['mixed repeated suffix', '30余+', ['重复'], ['"30+"']],
    ['ten asterisks', '**********', ['10 个星号', '最多 9 个'], ['位数']],
    ['too many asterisks with +', '************+', ['12 个星号'], ['位数']],
    // Decision: "1,234" is rejected with a hint rather than accepted. "1,5" would be ambiguous
    // (European decimal comma), Chinese reports rarely group digits, and accepting it would make
    // `new`/`writeStat` silently rewrite what the author wrote.
    ['thousands separator', '1,234', ['千位分隔符', '1,234'], ['去掉逗号', '写成 1234']],
    ['thousands separator, full-width comma', '1，234', ['千位分隔符'], ['写成 1234']],
    ['thousands separator with decimals', '12,345.5', ['千位分隔符'], ['写成 12345.5']],
    ['thousands separator with lower bound', '1,200+', ['千位分隔符'], ['写成 "1200+"']],
    ['European decimal comma', '1,5', ['无法识别'], []],
    ['trailing dot', '3.', ['无法识别'], []],
    ['leading dot', '.5', ['无法识别'], []],
    ['exponent', '1e3', ['科学计数法'], []],
    ['two numbers', '12 13', ['无法识别'], []],
  ])('%s: %o', (_name, raw, inMessage, inHint) => {
    const r = parseStat(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(CJK);
    expect(r.hint).toMatch(CJK);
    for (const w of inMessage) expect(r.message).toContain(w);
    for (const w of inHint) expect(r.hint).toContain(w);
    // Every hint lists the valid forms.
    for (const form of ['12', '"30+"', '"**"', '"**+"', 'null']) expect(r.hint).toContain(form);
  });

  it('never throws, whatever it is given', () => {
    for (const raw of [Symbol('x'), Object.create(null), new Map(), -1n, '\u0000', '😀']) {
      expect(() => parseStat(raw)).not.toThrow();
      expect(parseStat(raw).ok).toBe(false);
    }
  });
});

describe('formatStat', () => {
  it.each<[StatValue, string]>([
    [exact(12), '12'],
    [exact(0), '0'],
    [exact(3.5), '3.5'],
    [exact(1234), '1234'],
    [atLeast(30), '30余'],
    [atLeast(2.5), '2.5余'],
    [masked(1), '*'],
    [masked(2), '**'],
    [masked(3), '***'],
    [masked(2, true), '**余'],
    [MISSING, '—'],
  ])('%o → %s', (v, shown) => {
    expect(formatStat(v)).toBe(shown);
  });
});

describe('maskStat', () => {
  it.each<[StatValue, StatValue]>([
    [exact(12), masked(2)],
    [exact(0), masked(1)],
    [exact(7), masked(1)],
    [exact(3.5), masked(1)],
    [exact(99.9), masked(2)],
    [exact(1234), masked(4)],
    [atLeast(30), masked(2, true)],
    [atLeast(100), masked(3, true)],
    [masked(2), masked(2)],
    [masked(3, true), masked(3, true)],
    [MISSING, MISSING],
  ])('%o → %o', (v, expected) => {
    expect(maskStat(v)).toEqual(expected);
  });

  it('shows as DESIGN.md says: 12 → **, 30+ → **余', () => {
    expect(formatStat(maskStat(exact(12)))).toBe('**');
    expect(formatStat(maskStat(atLeast(30)))).toBe('**余');
  });

  it('keeps no trace of the number', () => {
    expect(JSON.stringify(maskStat(exact(12)))).not.toContain('12');
    expect(JSON.stringify(maskStat(atLeast(30)))).not.toContain('30');
  });
});

describe('writeStat', () => {
  it.each<[StatValue, number | string | null]>([
    [exact(12), 12],
    [exact(3.5), 3.5],
    [exact(0), 0],
    [atLeast(30), '30+'],
    [masked(2), '**'],
    [masked(1, true), '*+'],
    [masked(2, true), '**+'],
    [MISSING, null],
  ])('%o → %o', (v, written) => {
    expect(writeStat(v)).toEqual(written);
  });

  it.each<unknown>([12, 3.5, 0, '30+', '**', '**+', null])('round-trips %o through parseStat', (raw) => {
    const r = parseStat(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(writeStat(r.value)).toEqual(raw);
  });

  it.each<[unknown, unknown]>([
    ['12', 12],
    ['30余', '30+'],
    ['30多', '30+'],
    ['**余', '**+'],
    ['３０＋', '30+'],
    [undefined, null],
    ['', null],
  ])('normalises %o to %o', (raw, written) => {
    const r = parseStat(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(writeStat(r.value)).toEqual(written);
  });
});

describe('statNumber', () => {
  it.each<[StatValue, number | undefined]>([
    [exact(12), 12],
    [exact(0), 0],
    [atLeast(30), 30],
    [masked(2), undefined],
    [masked(2, true), undefined],
    [MISSING, undefined],
  ])('%o → %o', (v, n) => {
    expect(statNumber(v)).toBe(n);
  });
});

describe('MISSING', () => {
  it('is the missing value and cannot be altered by accident', () => {
    expect(MISSING).toEqual({ kind: 'missing' });
    expect(Object.isFrozen(MISSING)).toBe(true);
  });
});

describe('signed figures (a metric with signed: true, such as 本年增/减)', () => {
  const signed = { signed: true };
  it.each<[string, unknown, StatValue]>([
    ['YAML number', -18, exact(-18)],
    ['hyphen-minus', '-18', exact(-18)],
    ['minus sign U+2212', '−18', exact(-18)],
    ['full-width minus', '－18', exact(-18)],
    ['full-width minus and digits', '－１５', exact(-15)],
    ['a space after the sign', '- 3', exact(-3)],
    ['explicit plus', '+5', exact(5)],
    ['decimal', '-2.5', exact(-2.5)],
    ['minus zero is zero', '-0', exact(0)],
    ['an ordinary figure still reads', 12, exact(12)],
    ['a mask still reads', '**', masked(2)],
  ])('reads %s', (_, raw, value) => {
    expect(parseStat(raw, signed)).toEqual({ ok: true, value });
  });

  it('refuses a negative lower bound, a negative mask and a negative infinity even when signed', () => {
    for (const raw of ['-18+', '-**', '−18余', -Infinity]) expect(parseStat(raw, signed).ok).toBe(false);
  });

  it('an ordinary metric still refuses every negative form, and the hint says how to allow one', () => {
    for (const raw of [-18, '-18', '−18', '－18']) {
      const r = parseStat(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.message).toContain('负数');
        expect(r.hint).toContain('signed: true');
      }
    }
    expect(parseStat('+5').ok).toBe(false);
  });

  it('shows a negative figure with a true minus sign (U+2212), and writes it back as a plain YAML number', () => {
    expect(formatStat(exact(-18))).toBe('\u221218');
    expect(formatStat(exact(-2.5))).toBe('\u22122.5');
    expect(writeStat(exact(-18))).toBe(-18);
    expect(parseStat(parseYaml(`v: ${writeStat(exact(-18))}`).v, signed)).toEqual({ ok: true, value: exact(-18) });
  });

  it('masking hides the sign with the digits: −18 and 18 are both **, nothing says whether it went up or down', () => {
    expect(maskStat(exact(-18))).toEqual(masked(2));
    expect(maskStat(exact(-18))).toEqual(maskStat(exact(18)));
    expect(formatStat(maskStat(exact(-5)))).toBe('*');
    expect(writeStat(maskStat(exact(-18)))).toBe('**');
  });

  it('computes with its sign', () => {
    expect(statNumber(exact(-18))).toBe(-18);
  });
});
