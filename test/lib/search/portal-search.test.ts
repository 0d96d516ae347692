// The search page of a portal: what it is told about the offices, the URL's office and group checked
// against them, and the order and names of results (src/lib/search/portal-search.ts, used by src/search/search-page.ts).
import { describe, expect, it } from 'vitest';
import { classify, type Hit, type RecordData } from '../../../src/lib/search/hits.ts';
import { parseQuery } from '../../../src/lib/search/normalise.ts';
import { NO_GROUP, officeOf, portalHitOrder, readPortal, resolvePortalState, scopeNote, seriesOptions, unknownFilterNotice, type PortalInfo } from '../../../src/lib/search/portal-search.ts';
import { compareReportKeys, reportPath } from '../../../src/lib/search/report-path.ts';
import { readState, writeState } from '../../../src/lib/search/url-state.ts';

const LIST = JSON.stringify([
  { id: 'zfb-xxgk', office: '某某县人民政府办公室', group: '区政府' },
  { id: 'czj-xxgk', office: '某某县财政局', group: '部门' },
  { id: 'jyj-xxgk', office: '某某县教育局', group: '部门' },
  { id: 'lone', office: '某某县档案馆', group: '' },
]);
const PORTAL = readPortal({ portal: '', seriesList: LIST, groups: JSON.stringify(['区政府', '部门', '街道乡镇']) }) as PortalInfo;

describe('readPortal', () => {
  it('is undefined on a single folder’s page (no data-portal)', () => {
    expect(readPortal({ seriesList: LIST })).toBeUndefined();
  });
  it('reads the offices in order and the groups, an office without one under NO_GROUP last', () => {
    expect(PORTAL.series.map((s) => `${s.id}:${s.office}:${s.group}`)).toEqual(['zfb-xxgk:某某县人民政府办公室:区政府', 'czj-xxgk:某某县财政局:部门', 'jyj-xxgk:某某县教育局:部门', `lone:某某县档案馆:${NO_GROUP}`]);
    expect(PORTAL.groups).toEqual(['区政府', '部门', '街道乡镇', NO_GROUP]);
  });
  it('survives lists that are missing, malformed or odd', () => {
    expect(readPortal({ portal: '' })).toEqual({ series: [], groups: [] });
    expect(readPortal({ portal: '', seriesList: '[{', groups: '{"a":1}' })).toEqual({ series: [], groups: [] });
    const odd = readPortal({ portal: '', seriesList: JSON.stringify([null, 3, { id: '' }, { id: 'a' }, { id: 'a', office: 'dup' }, { id: 'b', office: 7, group: '外' }]), groups: JSON.stringify(['内', 5, '内', '']) });
    expect(odd).toEqual({ series: [{ id: 'a', office: 'a', group: NO_GROUP }, { id: 'b', office: 'b', group: '外' }], groups: ['内', '外', NO_GROUP] });
  });
});

describe('resolvePortalState', () => {
  it('keeps an office and a group the portal has', () => {
    const asked = readState('?q=四风&series=czj-xxgk&group=部门&year=2023');
    expect(resolvePortalState(asked, PORTAL)).toEqual({ state: { q: '四风', series: 'czj-xxgk', group: '部门', year: '2023' }, unknown: [] });
    expect(resolvePortalState(readState(`?q=x&group=${NO_GROUP}`), PORTAL).state.group).toBe(NO_GROUP);
  });
  it('drops an office or group it does not have, and says which', () => {
    const { state, unknown } = resolvePortalState(readState('?q=四风&series=gone-xxgk&group=<img src=x>&kind=work'), PORTAL);
    expect(state).toEqual({ q: '四风', kind: 'work' });
    expect(writeState(state)).toBe('?q=%E5%9B%9B%E9%A3%8E&kind=work');
    expect(unknown).toEqual([{ facet: 'series', value: 'gone-xxgk' }, { facet: 'group', value: '<img src=x>' }]);
    expect(unknownFilterNotice(unknown)).toBe('链接中的单位“gone-xxgk”、分组“<img src=x>”在本站找不到（可能已改名或链接有误），下面是不限单位、分组的结果。');
    expect(unknownFilterNotice([])).toBe('');
  });
  it('a single folder ignores both, silently, as it always did', () => {
    expect(resolvePortalState(readState('?q=x&series=czj-xxgk&group=部门&year=2022'), undefined)).toEqual({ state: { q: 'x', year: '2022' }, unknown: [] });
  });
});

const hit = (series: string, year: string, pos: number, office = '', group = ''): Hit =>
  ({ series, year, pos, office, group, kind: 'work', anchor: `s1-${pos}`, section: '', title: '', item: false, text: '', match: { ranges: [], found: [] }, level: 'exact' }) as unknown as Hit;

describe('results in a portal', () => {
  it('name their office from the index, else the list, else the id', () => {
    expect(officeOf({ series: 'czj-xxgk', office: '财政局（索引）' }, PORTAL)).toBe('财政局（索引）');
    expect(officeOf({ series: 'czj-xxgk', office: '' }, PORTAL)).toBe('某某县财政局');
    expect(officeOf({ series: 'new-xxgk', office: '' }, PORTAL)).toBe('new-xxgk');
  });
  it('link to their series’ report page', () => {
    expect(reportPath({ series: 'czj-xxgk', year: 2023 })).toBe('czj-xxgk/2023/');
    expect(reportPath({ year: 2023 })).toBe('2023/');
    expect([{ series: 'zfb', year: 2020 }, { series: 'czj-xxgk', year: 2023 }, { series: 'czj-xxgk', year: 2019 }].sort(compareReportKeys)).toEqual([
      { series: 'czj-xxgk', year: 2019 },
      { series: 'czj-xxgk', year: 2023 },
      { series: 'zfb', year: 2020 },
    ]);
  });
  it('come newest year first, then in the portal’s order of offices, then reading order', () => {
    const hits = [hit('czj-xxgk', '2023', 2), hit('new-xxgk', '2023', 0), hit('zfb-xxgk', '2022', 1), hit('czj-xxgk', '2023', 1), hit('zfb-xxgk', '2023', 5)];
    expect(hits.sort(portalHitOrder(PORTAL)).map((h) => `${h.year} ${h.series} ${h.pos}`)).toEqual(['2023 zfb-xxgk 5', '2023 czj-xxgk 1', '2023 czj-xxgk 2', '2023 new-xxgk 0', '2022 zfb-xxgk 1']);
  });
  it('the same anchor in two offices’ reports of a year is two results', () => {
    const rec = (series: string): RecordData => ({ content: '纠治四风。', meta: { year: '2023', anchor: 's1-1', pos: '0', series, office: series }, filters: { year: ['2023'], kind: ['work'], series: [series], group: ['部门'] } });
    expect(classify([rec('zfb-xxgk'), rec('czj-xxgk'), rec('czj-xxgk')], parseQuery('四风').terms).exact.map((h) => h.series)).toEqual(['czj-xxgk', 'zfb-xxgk']);
  });
});

describe('the office filter list', () => {
  it('lists the offices with results in the portal’s order, the chosen one even without, unknown ones last', () => {
    const hits = [hit('jyj-xxgk', '2023', 0), hit('zfb-xxgk', '2023', 0), hit('stale-xxgk', '2023', 0, '旧单位', '部门')];
    expect(seriesOptions(PORTAL, hits, {}).map((s) => s.id)).toEqual(['zfb-xxgk', 'jyj-xxgk', 'stale-xxgk']);
    expect(seriesOptions(PORTAL, hits, {}).at(-1)).toEqual({ id: 'stale-xxgk', office: '旧单位', group: '部门' });
    expect(seriesOptions(PORTAL, hits, { series: 'lone' }).map((s) => s.id)).toEqual(['zfb-xxgk', 'jyj-xxgk', 'lone', 'stale-xxgk']);
  });
  it('within a chosen group, only its offices (and the chosen office)', () => {
    const hits = [hit('jyj-xxgk', '2023', 0), hit('zfb-xxgk', '2023', 0), hit('czj-xxgk', '2023', 0)];
    expect(seriesOptions(PORTAL, hits, { group: '部门' }).map((s) => s.id)).toEqual(['czj-xxgk', 'jyj-xxgk']);
    expect(seriesOptions(PORTAL, hits, { group: '部门', series: 'zfb-xxgk' }).map((s) => s.id)).toEqual(['zfb-xxgk', 'czj-xxgk', 'jyj-xxgk']);
  });
  it('the status line names the chosen scope in words', () => {
    const label = (k: string) => ({ work: '工作情况', measures: '措施' })[k] ?? k;
    expect(scopeNote({ q: 'x', series: 'czj-xxgk', group: '部门', year: '2023', kind: 'measures' }, PORTAL, label)).toBe('某某县财政局、部门、2023年、措施');
    expect(scopeNote({ q: 'x', year: '2023' }, undefined, label)).toBe('2023年');
  });
});

describe('the notice about an unknown filter in the address', () => {
  it('repeats at most 20 characters of it, without direction or control characters', () => {
    const crafted = `\u202e${'根据上级通知本站即将关闭请访问以下地址'.repeat(3)}`;
    const notice = unknownFilterNotice([{ facet: 'series', value: crafted }]);
    expect(notice).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(notice).toContain('单位“根据上级通知本站即将关闭请访问以下地址根…”');
    expect(unknownFilterNotice([{ facet: 'group', value: '部门' }])).toContain('分组“部门”');
  });
});
