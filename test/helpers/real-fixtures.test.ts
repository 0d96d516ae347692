// The answer keys are typed by hand: this holds them to the texts they describe, so a slip in a key
// (a title that is not in the report, an item out of order, a ragged table, a figure that breaks the
// format's own sums without the key saying so) fails here rather than in someone else's feature test.
import { describe, expect, it } from 'vitest';
import { loadAllReal, tableGrid, TABLE_MARK, type AnswerItem, type AnswerSubpoint, type RealReport } from './real-fixtures.ts';

const reports = loadAllReal();

function titlesInOrder(items: AnswerItem[]): string[] {
  return items.flatMap((i) => [i.title, ...subTitles(i.subpoints ?? []), ...titlesInOrder(i.children ?? [])]);
}
function subTitles(s: AnswerSubpoint[]): string[] {
  return s.flatMap((p) => [p.title, ...(p.inline ?? []), ...subTitles(p.subpoints ?? [])]);
}

function sectionText(r: RealReport, heading: string): string {
  const at = r.lines.indexOf(heading);
  const next = r.answers.sections.map((s) => r.lines.indexOf(s.heading)).filter((i) => i > at).sort((a, b) => a - b)[0] ?? r.lines.length;
  return r.lines.slice(at + 1, next).join('\n');
}

describe.each(reports.map((r) => [r.slug, r] as const))('real fixture %s', (_slug, r) => {
  it('has a title made of its first lines, and every heading is a line of the text', () => {
    const lines = r.answers.titleLines ?? [r.answers.title];
    expect(r.lines.slice(0, lines.length)).toEqual(lines);
    expect(lines.join('')).toBe(r.answers.title);
    for (const s of r.answers.sections) expect(r.lines, s.heading).toContain(s.heading);
  });

  it('lists every numbered item, in the order of the text', () => {
    for (const s of r.answers.sections) {
      const text = sectionText(r, s.heading);
      let from = 0;
      for (const title of titlesInOrder(s.items)) {
        const at = text.indexOf(title, from);
        expect(at, `${s.heading}: “${title}” not found after position ${from}`).toBeGreaterThanOrEqual(0);
        from = at + title.length;
      }
      // Every 一是/二是… and every （一）（二）… at the start of a line is accounted for.
      const starts = text.split('\n').filter((l) => /^([一二三四五六七八九十]{1,3}是|（[一二三四五六七八九十]{1,3}）)/.test(l));
      for (const l of starts) expect(titlesInOrder(s.items).some((t) => l.startsWith(t)), `${s.heading}: line “${l.slice(0, 20)}…” has no item`).toBe(true);
      if (s.measuresFrom) expect(text).toContain(s.measuresFrom);
    }
  });

  it('has one rectangular table per [[table:N]] mark', () => {
    const marks = r.lines.filter((l) => TABLE_MARK.test(l)).map((l) => Number(TABLE_MARK.exec(l)?.[1]));
    expect(marks).toEqual(r.tables.map((_, i) => i + 1));
    expect(r.tables.length).toBe(r.answers.tables);
    for (const t of r.tables) {
      const grid = tableGrid(t);
      const width = grid[0]?.length ?? 0;
      for (const row of grid) {
        expect(row.length).toBe(width);
        expect(row.includes(undefined as never)).toBe(false);
      }
    }
  });

});

describe.each(reports.filter((r) => r.answers.kind === 'gov-info-disclosure').map((r) => [r.slug, r] as const))('real 政府信息公开年报 %s', (_slug, r) => {
  it('has the format’s applications table, adding up where the office filled it in', () => {
    const grid = tableGrid(r.tables[1]!);
    const row = (label: string) => grid.find((cells) => cells.some((c) => c.text === label))!;
    const nums = (label: string) => row(label).slice(-7).map((c) => (c.text === '' ? 0 : Number(c.text)));
    const firstPlusSecond = nums('一、本年新收政府信息公开申请数量').map((v, i) => v + nums('二、上年结转政府信息公开申请数量')[i]!);
    const thirdPlusFourth = nums('（七）总计').map((v, i) => v + nums('四、结转下年度继续办理')[i]!);
    expect(firstPlusSecond).toEqual(thirdPlusFourth);
  });
});
