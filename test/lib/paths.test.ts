import { describe, expect, it } from 'vitest';
import { BaseError, joinBase, normaliseBase } from '../../src/lib/paths.ts';
import { links } from '../../src/lib/links.ts';
import { readEdition, visibleStat } from '../../src/lib/content/edition.ts';

describe('deploy base', () => {
  it.each([
    [undefined, '/'], ['', '/'], ['/', '/'], ['reports', '/reports/'], ['/reports', '/reports/'], ['/reports/', '/reports/'], [' /a/b/ ', '/a/b/'],
    ['/a//b/', '/a/b/'], ['/xxgk/2024/', '/xxgk/2024/'], ['/Reports_v2.1~x-y/', '/Reports_v2.1~x-y/'], ['/.well-known/', '/.well-known/'], ['\u3000/reports/\t', '/reports/'],
  ])('%j → %s', (raw, base) => {
    expect(normaliseBase(raw)).toBe(base);
  });

  // Issue 28: what is not a plain path is refused in Chinese (never an English stack trace, never a guess).
  it.each([
    ['../x', '..'], ['/reports/../x/', '..'], ['./x', '. 或 ..'], ['/a/./b', '. 或 ..'], ['..', '..'],
    ['/reports/?q=1', '?'], ['?q=1', '?'], ['/reports#f', '#'], ['#', '#'],
    ['/my reports/', '空格'], ['/a\tb/', '空格'], ['/年\u3000报/', '空格'],
    ['/re"ports/', '“"”'], ["/re'ports/", "“'”"], ['/a<b>/', '“<”'], ['/a`b/', '“`”'], ['/a%2e%2e/', '“%”'], ['/a&b/', '“&”'], ['/年报/', '“年”'], ['/a\u0000b/', '\\u0000'],
    ['\\reports\\', '反斜杠'], ['/reports\\x/', '反斜杠'], ['/\\evil.example/', '反斜杠'],
    ['http://evil.example/reports/', '主机名'], ['//evil.example/', '主机名'], ['javascript:alert(1)', '主机名'],
  ])('%j is refused: %s', (raw, why) => {
    let error: unknown;
    try {
      normaliseBase(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BaseError);
    const e = error as BaseError;
    expect(e.message).toMatch(/^NIANBAO_BASE 的值“.*”无效：/s);
    expect(e.message).toContain(why);
    expect(e.hint).toContain('NIANBAO_BASE=/reports/');
    expect(e.message + e.hint).not.toMatch(/[A-Za-z]{3,} (is|must|not|invalid)/);
  });
  it('joins paths without doubling slashes', () => {
    expect(joinBase('/reports/', '/2022/')).toBe('/reports/2022/');
    const L = links('/reports/');
    expect(L.year(2022, 's1-3')).toBe('/reports/2022/#s1-3');
    expect(L.compare(2023, 2021)).toBe('/reports/compare/2021-2023/');
    expect(L.metric('petitions-received')).toBe('/reports/metrics/petitions-received/');
  });
  it.each(['reports', ' /reports ', '/', '', 'a/b'])('links under base %j are what joinBase makes', (base) => {
    const L = links(base);
    expect(L.home).toBe(joinBase(base, ''));
    expect(L.year(2022)).toBe(joinBase(base, '2022/'));
    expect(L.asset('/favicon.svg')).toBe(joinBase(base, 'favicon.svg'));
    expect(L.statsCsv).toBe(joinBase(base, 'data/stats.csv'));
    expect(links(base).compare(2020, 2019)).toBe(joinBase(base, 'compare/2019-2020/'));
  });
});

describe('editions', () => {
  it('defaults to public and refuses anything unknown', () => {
    expect(readEdition({})).toBe('public');
    expect(readEdition({ NIANBAO_EDITION: 'Internal' })).toBe('internal');
    expect(() => readEdition({ NIANBAO_EDITION: 'intranet' })).toThrow(/public.*internal/);
  });
  it('masks non-public metrics in the public edition only', () => {
    const v = { kind: 'exact', value: 12 } as const;
    expect(visibleStat({ public: false }, v, 'public')).toEqual({ kind: 'masked', digits: 2, atLeast: false });
    expect(visibleStat({ public: true }, v, 'public')).toEqual(v);
    expect(visibleStat({ public: false }, v, 'internal')).toEqual(v);
    expect(visibleStat(undefined, v, 'public').kind).toBe('masked');
  });
});
