import { describe, expect, it } from 'vitest';
import { joinBase, normaliseBase } from '../../src/lib/paths.ts';
import { links } from '../../src/lib/links.ts';
import { readEdition, visibleStat } from '../../src/lib/content/edition.ts';

describe('deploy base', () => {
  it.each([[undefined, '/'], ['', '/'], ['/', '/'], ['reports', '/reports/'], ['/reports', '/reports/'], ['/reports/', '/reports/'], [' /a/b/ ', '/a/b/']])('%j → %s', (raw, base) => {
    expect(normaliseBase(raw)).toBe(base);
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
