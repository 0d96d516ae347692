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

// A portal: every facet's counts honour every other chosen filter, never its own.
const P = [
  { year: '2022', kind: 'work', series: 'czj-xxgk', group: '部门' },
  { year: '2023', kind: 'work', series: 'czj-xxgk', group: '部门' },
  { year: '2023', kind: 'measures', series: 'czj-xxgk', group: '部门' },
  { year: '2023', kind: 'work', series: 'zfb-xxgk', group: '区政府' },
  { year: '2023', kind: 'measures', series: 'jd-xxgk', group: '街道' },
];

describe('facets in a portal', () => {
  it('counts offices and groups beside years and kinds', () => {
    const c = facetCounts(P, {});
    expect(Object.fromEntries(c.series)).toEqual({ 'czj-xxgk': 3, 'zfb-xxgk': 1, 'jd-xxgk': 1 });
    expect(Object.fromEntries(c.group)).toEqual({ 部门: 3, 区政府: 1, 街道: 1 });
  });
  it('each facet honours the others, not itself', () => {
    const c = facetCounts(P, { series: 'czj-xxgk', year: '2023' });
    expect(Object.fromEntries(c.series)).toEqual({ 'czj-xxgk': 2, 'zfb-xxgk': 1, 'jd-xxgk': 1 });
    expect(Object.fromEntries(c.year)).toEqual({ 2022: 1, 2023: 2 });
    expect(Object.fromEntries(c.kind)).toEqual({ work: 1, measures: 1 });
    expect(Object.fromEntries(c.group)).toEqual({ 部门: 2 });
    expect(c.all).toBe(5);
  });
  it('filters by office and group; a single folder’s results have neither', () => {
    expect(applyFilters(P, { group: '部门', kind: 'work' })).toHaveLength(2);
    expect(applyFilters(P, { series: 'zfb-xxgk' })).toEqual([P[3]]);
    expect(applyFilters(P, { series: 'zfb-xxgk', group: '部门' })).toEqual([]);
    expect(applyFilters(R, { series: 'czj-xxgk' })).toEqual([]);
    expect(facetCounts(R, {}).series.size).toBe(0);
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
  it('reads and writes a portal’s series and group, in the order of DESIGN.md', () => {
    const s = readState('?kind=work&group=%E9%83%A8%E9%97%A8&q=%E5%9B%9B%E9%A3%8E&year=2023&series=czj-xxgk');
    expect(s).toEqual({ q: '四风', series: 'czj-xxgk', group: '部门', year: '2023', kind: 'work' });
    expect(writeState(s)).toBe('?q=%E5%9B%9B%E9%A3%8E&series=czj-xxgk&group=%E9%83%A8%E9%97%A8&year=2023&kind=work');
    expect(readState(writeState(s))).toEqual(s);
    expect(sameState(s, { ...s, series: 'zfb-xxgk' })).toBe(false);
    expect(sameState(s, { ...s, group: undefined })).toBe(false);
    // Read as written (the page checks them against the portal); blank or absurdly long is no filter.
    expect(readState('?q=x&series=%20&group=')).toEqual({ q: 'x' });
    expect(readState(`?q=x&series=${'a'.repeat(101)}`)).toEqual({ q: 'x' });
    expect(readState('?q=x&series=<b>&group=%22%3E')).toEqual({ q: 'x', series: '<b>', group: '">' });
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
