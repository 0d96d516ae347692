import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../src/lib/content/metrics.ts';
import { buildSeries, compareStats, pairsToPrerender, type YearStats } from '../../../src/lib/series/series.ts';
import { MISSING, type StatValue } from '../../../src/lib/content/stat.ts';
import { CSV_COLUMNS, statRecords, statsCsv, statsDocument } from '../../../src/lib/series/stats-export.ts';
import { cellView, indexPairs, keyFigures, pairChangeView, pairsWith, parsePair, pickerLinks, PICKER_LINKS, seriesCellView, valueNote } from '../../../src/lib/series/trends.ts';

const exact = (value: number): StatValue => ({ kind: 'exact', value });
const atLeast = (value: number): StatValue => ({ kind: 'atLeast', value });
const masked = (digits: number, lower = false): StatValue => ({ kind: 'masked', digits, atLeast: lower });

function metric(id: string, group: string, better: Metric['better'] = 'neutral', unit = '次', label = id): Metric {
  return { id, label, unit, group, better, public: false, key: false };
}

const metrics = [
  metric('a', '甲组', 'up', '次', '学习'),
  metric('b', '甲组', 'down', '件', '积压'),
  metric('c', '乙组', 'neutral', '人', '处分'),
  metric('d', '丙组', 'up', '%', '办结率'),
];
const reports: YearStats[] = [
  { year: 2019, stats: { a: exact(12), b: exact(6), c: masked(2) } },
  { year: 2020, stats: { a: exact(14), b: masked(1), c: masked(1), d: exact(90) } },
  { year: 2021, stats: { a: atLeast(30), b: exact(5), c: exact(0), d: exact(92.5) } },
  { year: 2022, stats: { a: exact(18), b: exact(0), d: MISSING } },
];
const series = buildSeries(metrics, reports);
const row = (id: string) => series.rows.find((r) => r.metric.id === id)!;

describe('cellView: what one cell says', () => {
  it('an exact value with its change, the tooltip naming both', () => {
    const v = seriesCellView(row('a'), 1);
    expect(v).toMatchObject({ shown: '14', kind: 'exact' });
    expect(v.note).toBeUndefined();
    expect(v.change).toMatchObject({ text: '↑ +2（+17%）', tone: 'good', arrow: '↑' });
    expect(v.title).toBe('2020年：14次；较2019年增加2次，增长17%');
  });

  it('a lower bound: shown with 余, change marked approximate', () => {
    const v = seriesCellView(row('a'), 2);
    expect(v.shown).toBe('30余');
    expect(v.change?.text).toBe('约 ↑ +16');
    expect(v.title).toContain('（至少30次）');
    expect(v.title).toContain('含约数');
  });

  it('a masked value says 已遮蔽 in the cell and the tooltip, and shows no change', () => {
    const v = seriesCellView(row('b'), 1);
    expect(v).toMatchObject({ shown: '*', note: '已遮蔽' });
    expect(v.change).toBeUndefined();
    expect(v.title).toBe('2020年：数值已遮蔽，不显示具体数字');
  });

  it('a value after a masked year says why it cannot be compared', () => {
    const v = seriesCellView(row('b'), 2);
    expect(v.note).toBeUndefined();
    expect(v.change).toMatchObject({ text: '已遮蔽', tone: 'none' });
    expect(v.title).toContain('已遮蔽');
  });

  it('a missing value says 未报告', () => {
    const v = seriesCellView(row('d'), 3);
    expect(v).toMatchObject({ shown: '—', note: '未报告' });
    expect(v.change).toBeUndefined();
    expect(v.title).toBe('2022年：本年未报告此项');
    expect(seriesCellView(row('c'), 3).note).toBe('未报告');
  });

  it('the first year of the series shows no change; a metric first reported later says 首次报告', () => {
    expect(seriesCellView(row('a'), 0).change).toBeUndefined();
    expect(seriesCellView(row('d'), 1).change?.text).toBe('首次报告');
  });

  it('a change from zero prints no percent and no Infinity', () => {
    const v = cellView(2022, exact(3), compareStats(exact(0), exact(3), 'up', 2021), { unit: '件' });
    expect(v.change?.text).toBe('↑ +3（基数为0）');
    expect(v.title).not.toMatch(/Infinity|NaN/);
  });

  it('a change down to zero for better=down is good, and says so without colour', () => {
    const v = seriesCellView(row('b'), 3);
    expect(v.change).toMatchObject({ text: '↓ -5（-100%）', tone: 'good', arrow: '↓' });
  });

  it('a rate changes in percentage points', () => {
    expect(seriesCellView(row('d'), 2).title).toContain('增加2.5个百分点');
  });

  it('neutral metrics never get a good/bad tone', () => {
    const v = cellView(2021, exact(5), compareStats(exact(3), exact(5), 'neutral', 2020), { unit: '人' });
    expect(v.change?.tone).toBe('neutral');
  });

  it('valueNote', () => {
    expect(valueNote(masked(2, true))).toBe('已遮蔽');
    expect(valueNote(MISSING)).toBe('未报告');
    expect(valueNote(exact(0))).toBeUndefined();
    expect(valueNote(atLeast(3))).toBeUndefined();
  });
});

describe('pairChangeView', () => {
  it('names the later year instead of 本年', () => {
    const v = pairChangeView(compareStats(exact(3), MISSING, 'up', 2019), '次', 2023);
    expect(v.text).toBe('未报告');
    expect(v.label).toBe('2023年未报告');
    const m = pairChangeView(compareStats(exact(3), masked(1), 'up', 2019), '次', 2023);
    expect(m.label).toBe('2019年或2023年数值已遮蔽，无法比较');
  });
  it('an earlier year that did not report', () => {
    expect(pairChangeView(compareStats(MISSING, exact(3), 'up', 2019), '次', 2023).text).toBe('2019年未报告');
  });
});

describe('keyFigures', () => {
  it('one per group, preferring a number to a masked value, never an unreported metric', () => {
    // 2020: 甲组 a=14 (number); 乙组 c masked only; 丙组 d=90.
    expect(keyFigures(series, 2020, 3).map((r) => r.metric.id)).toEqual(['a', 'c', 'd']);
    // 2022: c and d unreported → no 乙组/丙组 card; b (a number) fills in.
    expect(keyFigures(series, 2022).map((r) => r.metric.id)).toEqual(['a', 'b']);
  });
  it('fills up to max with other numbers, in registry order', () => {
    expect(keyFigures(series, 2021, 6).map((r) => r.metric.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(keyFigures(series, 2021, 2).map((r) => r.metric.id)).toEqual(['a', 'c']);
  });
  it('an unknown year has none', () => {
    expect(keyFigures(series, 1999)).toEqual([]);
  });
});

describe('pairs for the picker', () => {
  it('pairsWith lists the other year of every built pair involving a year', () => {
    const pairs = indexPairs(pairsToPrerender([2019, 2020, 2021]));
    expect(pairsWith(2020, pairs)).toEqual([
      { other: 2019, pair: [2019, 2020] },
      { other: 2021, pair: [2020, 2021] },
    ]);
  });
  it('beyond 30 years only offers pairs that were built', () => {
    const years = Array.from({ length: 35 }, (_, i) => 1990 + i);
    const pairs = pairsToPrerender(years);
    const built = new Set(pairs.map(([a, b]) => `${a}-${b}`));
    const offered = pairsWith(2000, indexPairs(pairs));
    expect(offered.map((o) => o.other)).toEqual([1999, 2001, 2024]);
    for (const o of offered) expect(built.has(`${o.pair[0]}-${o.pair[1]}`)).toBe(true);
  });
  it('pickerLinks offers every pair up to 30 years', () => {
    const years = Array.from({ length: 30 }, (_, i) => 1990 + i);
    const pairs = indexPairs(pairsToPrerender(years));
    const { links, more } = pickerLinks(2019, 2019, pairs);
    expect(links.map((l) => l.other)).toEqual(years.slice(0, 29));
    expect(more).toBe(0);
  });
  it('pickerLinks bounds the latest year of a long series, nearest the page, and counts the rest', () => {
    const years = Array.from({ length: 320 }, (_, i) => 1949 + i);
    const built = new Set(pairsToPrerender(years).map(([a, b]) => `${a}-${b}`));
    const pairs = indexPairs(pairsToPrerender(years));
    const { links, more } = pickerLinks(2268, 2025, pairs);
    expect(links).toHaveLength(PICKER_LINKS);
    expect(more).toBe(319 - PICKER_LINKS);
    expect(links.map((l) => l.other)).toEqual(Array.from({ length: 29 }, (_, i) => 2011 + i));
    for (const l of links) expect(built.has(`${l.pair[0]}-${l.pair[1]}`)).toBe(true);
    // On the latest year's own page: its most recent partners.
    expect(pickerLinks(2268, 2268, pairs).links.at(-1)?.other).toBe(2267);
    expect(pickerLinks(2268, 2268, pairs).links[0]?.other).toBe(2268 - 29);
    // Every left-out pair is still linked from its other year's list.
    for (const y of years.slice(0, -1)) expect(pickerLinks(y, y, pairs).links.map((l) => l.other)).toContain(2268);
  });
  it('pickerLinks takes the nearest other years, the earlier on a tie, whatever the gaps between years', () => {
    // The rule, spelt out: sort all of the year's pairs by distance from `near`, then by year; keep the first.
    const reference = (all: readonly { other: number }[], near: number, limit: number) =>
      [...all].sort((x, y) => Math.abs(x.other - near) - Math.abs(y.other - near) || x.other - y.other).slice(0, limit).map((x) => x.other).sort((x, y) => x - y);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const years = [...new Set(Array.from({ length: 31 + Math.floor(random() * 60) }, () => 1900 + Math.floor(random() * 300)))].sort((a, b) => a - b);
      if (years.length <= 30) continue;
      const index = indexPairs(pairsToPrerender(years));
      const latest = years.at(-1) as number;
      const all = pairsWith(latest, index);
      const limit = 1 + Math.floor(random() * 40);
      for (const near of [years[0] as number, latest, years[Math.floor(random() * years.length)] as number, 1850 + Math.floor(random() * 400)]) {
        const { links, more } = pickerLinks(latest, near, index, limit);
        expect(links.map((l) => l.other)).toEqual(all.length <= limit ? all.map((x) => x.other) : reference(all, near, limit));
        expect(more).toBe(Math.max(0, all.length - limit));
      }
    }
  });
  it('parsePair accepts only two ascending years', () => {
    expect(parsePair('2019-2023')).toEqual([2019, 2023]);
    expect(parsePair('2023-2019')).toBeUndefined();
    expect(parsePair('2019-2019')).toBeUndefined();
    expect(parsePair('19-23')).toBeUndefined();
  });
});

describe('stats export', () => {
  const records = statRecords(series);

  it('one record per metric × year, registry order then year', () => {
    expect(records).toHaveLength(metrics.length * 4);
    expect(records.slice(0, 4).map((r) => [r.metric, r.year])).toEqual([['a', 2019], ['a', 2020], ['a', 2021], ['a', 2022]]);
  });

  it('keeps the value as written and as shown, and a number only where there is one', () => {
    const rec = (id: string, year: number) => records.find((r) => r.metric === id && r.year === year)!;
    expect(rec('a', 2021)).toMatchObject({ written: '30+', shown: '30余', status: 'atLeast', value: 30, label: '学习', unit: '次', group: '甲组' });
    expect(rec('b', 2020)).toMatchObject({ written: '*', shown: '*', status: 'masked', value: null });
    expect(rec('c', 2019)).toMatchObject({ written: '**', shown: '**', status: 'masked', value: null });
    expect(rec('c', 2021)).toMatchObject({ written: 0, shown: '0', status: 'exact', value: 0 });
    expect(rec('d', 2019)).toMatchObject({ written: null, shown: '—', status: 'missing', value: null });
    expect(rec('d', 2021)).toMatchObject({ written: 92.5, value: 92.5 });
  });

  it('the JSON document carries the registry, the years and every value', () => {
    const doc = statsDocument({ title: 'T', organization: 'O' }, 'public', series);
    expect(doc.years).toEqual([2019, 2020, 2021, 2022]);
    expect(doc.metrics.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(doc.values).toEqual(records);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('CSV: UTF-8 BOM, Chinese header with ids, CRLF, empty 填报值 when not reported', () => {
    const csv = statsCsv(records);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toBe('指标id,指标,单位,分组,年份,填报值,显示值');
    expect(lines).toContain('a,学习,次,甲组,2021,30+,30余');
    expect(lines).toContain('d,办结率,%,丙组,2019,,—');
    expect(lines).toContain('c,处分,人,乙组,2019,**,**');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + records.length + 1);
    expect(csv.slice(1)).not.toMatch(/[^\r]\n/);
  });

  it('CSV quotes a field holding a comma or quote', () => {
    const odd = buildSeries([metric('x', '组，一', 'up', '次', '学习,“教育”"')], [{ year: 2020, stats: { x: exact(1) } }]);
    const line = statsCsv(statRecords(odd)).split('\r\n')[1];
    expect(line).toBe('x,"学习,“教育”""",次,组，一,2020,1,1');
  });
});
