// Counts written in a report's prose: a number or a mask, an optional 余/多, then a unit —
// `召开集体廉政谈话会3次`, `受理来信来访*件次`, `**余次`, `30余人`. Dates (`*月**日`),
// years (`2022年`), ordinals (`第3次`) and masked names (`**市委`) are not counts.
import { parseStat, type StatValue } from '../content/stat.ts';

/** Units a yearly report counts in; the registry's own units are added to these. */
export const COMMON_UNITS = [
  '万人次', '人次', '件次', '场次', '批次', '户次', '个次', '课时',
  '万元', '亿元',
  '次', '件', '人', '个', '条', '项', '场', '份', '篇', '家', '批', '期', '起', '户', '名', '所', '处', '轮', '组', '元', '%',
];

/** "3个月", "2个小时" are durations, not counts. */
const NOT_A_COUNT_AFTER_UNIT: Record<string, RegExp> = { 个: /^(?:月|小时|工作日|季度|百分点)/ };

export interface Count {
  /** Offset of the number (or mask) in the text. */
  start: number;
  /** End of the number including 余/多, i.e. where the `<Stat>` ends. */
  end: number;
  /** As written, e.g. `**余`. */
  written: string;
  value: StatValue;
  unit: string;
  /** Offset just after the unit (spaces between number and unit included). */
  unitEnd: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function countPattern(extraUnits: string[] = []): RegExp {
  const units = [...new Set([...COMMON_UNITS, ...extraUnits.map((u) => u.trim()).filter(Boolean)])].sort((a, b) => b.length - a.length);
  // Not inside a larger number, mask or Latin word, and not an ordinal (第3次).
  return new RegExp(`(?<![A-Za-z0-9.*第])(\\d+(?:\\.\\d+)?|\\*+)(余|多)?([ \\t]*)(${units.map(escapeRegExp).join('|')})`, 'gu');
}

/** Every count in `text`, in order. */
export function findCounts(text: string, extraUnits: string[] = []): Count[] {
  const out: Count[] = [];
  const re = countPattern(extraUnits);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [all, number, more, , unit] = m as unknown as [string, string, string | undefined, string, string];
    const unitEnd = m.index + all.length;
    if (NOT_A_COUNT_AFTER_UNIT[unit]?.test(text.slice(unitEnd))) continue;
    // A number glued to a following digit-less word that is really a date (e.g. "12月") never reaches here:
    // 月/日/年 are not units. A leading zero ("03次") is a code, not a count.
    if (/^0\d/.test(number)) continue;
    const parsed = parseStat(more ? `${number}+` : number);
    if (!parsed.ok) continue;
    const written = number + (more ?? '');
    out.push({ start: m.index, end: m.index + written.length, written, value: parsed.value, unit, unitEnd });
  }
  return out;
}

/** The sentence a count stands in (to its 。！？ or ；), for the author to find it in the source. */
export function sentenceAround(text: string, c: Count): string {
  const ends = /[。！？；]/g;
  let from = 0;
  for (let m = ends.exec(text); m && m.index < c.start; m = ends.exec(text)) from = m.index + 1;
  const rest = text.slice(c.unitEnd).search(/[。！？；]/);
  const to = rest < 0 ? text.length : c.unitEnd + rest + 1;
  return text.slice(from, to).trim();
}
