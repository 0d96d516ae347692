import { describe, expect, it } from 'vitest';
import { applyFilters, facetCounts } from '../../../src/lib/search/facets.ts';
import { anchorOfHash, readState, resultHref, sameState, writeState } from '../../../src/lib/search/url-state.ts';

const R = [
  { year: '2019', kind: 'work' },
  { year: '2019', kind: 'measures' },
  { year: '2021', kind: 'work' },
  { year: '2021', kind: 'measures' },
  { year: '2023', kind: 'work' },
];

describe('facets', () => {
  it('without filters counts everything', () => {
    const c = facetCounts(R, {});
    expect(Object.fromEntries(c.year)).toEqual({ 2019: 2, 2021: 2, 2023: 1 });
    expect(Object.fromEntries(c.kind)).toEqual({ work: 3, measures: 2 });
    expect(c.all).toBe(5);
  });
  it('year counts honour the chosen kind, kind counts the chosen year', () => {
    const c = facetCounts(R, { year: '2021', kind: 'measures' });
    expect(Object.fromEntries(c.year)).toEqual({ 2019: 1, 2021: 1 });
    expect(Object.fromEntries(c.kind)).toEqual({ work: 1, measures: 1 });
  });
  it('applies both filters', () => {
    expect(applyFilters(R, { kind: 'work' })).toHaveLength(3);
    expect(applyFilters(R, { year: '2019', kind: 'work' })).toEqual([{ year: '2019', kind: 'work' }]);
    expect(applyFilters(R, { year: '2020' })).toEqual([]);
  });
});

describe('URL state', () => {
  it('reads q, year and kind, dropping malformed filters', () => {
    expect(readState('?q=%E5%9B%9B%E9%A3%8E&year=2021&kind=measures')).toEqual({ q: '四风', year: '2021', kind: 'measures' });
    expect(readState('?q=+x+&year=21&kind=bogus')).toEqual({ q: 'x' });
    expect(readState('')).toEqual({ q: '' });
  });
  it('writes them back in a stable order, omitting what is unset', () => {
    expect(writeState({ q: '四风', kind: 'work' })).toBe('?q=%E5%9B%9B%E9%A3%8E&kind=work');
    expect(writeState({ q: '' })).toBe('');
    const s = { q: 'QQ群 四风', year: '2020', kind: 'causes' };
    expect(readState(writeState(s))).toEqual(s);
    expect(sameState(s, { ...s })).toBe(true);
    expect(sameState(s, { ...s, year: undefined })).toBe(false);
  });
  it('links a result to its paragraph with the phrase to highlight', () => {
    expect(resultHref('/reports/2022/', 's1-3', '四风')).toBe('/reports/2022/?hl=%E5%9B%9B%E9%A3%8E#s1-3');
    expect(resultHref('/2022/', 's1-3', '')).toBe('/2022/#s1-3');
  });
});

// The anchor a report page reads from its hash: a hash no search result wrote (typed, cut off, malformed)
// must never throw in the reader's browser (src/search/arrival.ts).
describe('anchorOfHash', () => {
  it('reads back what resultHref wrote, for any anchor', () => {
    for (const anchor of ['s1-3', 's5-m3', 's3-t1-r8', 's1-3b', '第一节', 'a b', '100%', '%', '#x', '?q']) {
      const hash = new URL(resultHref('/2022/', anchor, '四风'), 'http://localhost').hash;
      expect(anchorOfHash(hash), anchor).toBe(anchor);
    }
  });

  it.each(['#%', '#%%', '#%E4', '#%E4%B8', '#%zz', '#s1-3%', '#%c0%ae', '#%ED%A0%80', '#%FF', '#%2'])('a malformed hash (%s) is taken as written, without a throw', (hash) => {
    expect(() => anchorOfHash(hash)).not.toThrow();
    expect(anchorOfHash(hash)).toBe(hash.slice(1));
  });

  it('an empty hash, or none', () => {
    expect(anchorOfHash('')).toBe('');
    expect(anchorOfHash('#')).toBe('');
  });
});
