// How reports number things: the 一是/二是 ordinals (at the start of a paragraph or inside one), the
// （一）/(一) items, and the sub-point labels 1./1．/1、/（1）/(1)/① that stay with their item.
// Pure text functions; src/lib/structure/structure.ts decides what the numbers mean.

const NUMERALS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99, enough for any report). */
export function chineseNumeral(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const d = (c: string) => NUMERALS.indexOf(c) + 1; // 0 for 十
  const [a, b, c] = [...s];
  if (s.length === 1) return a === '十' ? 10 : d(a);
  if (s.length === 2) {
    if (a === '十') return d(b) ? 10 + d(b) : undefined;
    return b === '十' && d(a) ? d(a) * 10 : undefined;
  }
  return b === '十' && d(a) && d(c) ? d(a) * 10 + d(c) : undefined;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 3 → 三, 12 → 十二, 23 → 二十三: the inverse of chineseNumeral. */
export function numeralText(n: number): string {
  if (n <= 10) return CN[n] ?? String(n);
  if (n < 20) return `十${CN[n - 10]}`;
  return n < 100 ? `${CN[Math.floor(n / 10)]}十${CN[n % 10]}` : String(n);
}

/**
 * `shi`: 一是; `paren`: （一）or (一) — both items. `num`: 1. 1． 1、; `paren-num`: （1）(1); `circled`: ① —
 * sub-points, which stay with the item they are under.
 */
export type MarkerStyle = 'shi' | 'paren' | 'num' | 'paren-num' | 'circled';

export interface Marker {
  style: MarkerStyle;
  ordinal: number;
  /** Where the marker's text starts (after leading spaces) and ends. */
  start: number;
  end: number;
}

/** ASCII or full-width digits (Word documents often have １．２．): their value. */
const digits = (s: string) => Number(s.normalize('NFKC'));

const LEADING: { style: MarkerStyle; re: RegExp; value: (m: RegExpExecArray) => number | undefined }[] = [
  { style: 'shi', re: /^(\s*)([一二三四五六七八九十]{1,3})是/u, value: (m) => chineseNumeral(m[2] as string) },
  { style: 'paren', re: /^(\s*)[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/u, value: (m) => chineseNumeral(m[2] as string) },
  { style: 'paren-num', re: /^(\s*)[（(]\s*([0-9０-９]{1,2})\s*[）)]/u, value: (m) => digits(m[2] as string) },
  // 1.5万 and 2023年 are numbers, not labels: the dot must not be followed by a digit.
  { style: 'num', re: /^(\s*)([0-9０-９]{1,2})\s*[.．、](?![0-9０-９])/u, value: (m) => digits(m[2] as string) },
  { style: 'circled', re: /^(\s*)([\u2460-\u2473])/u, value: (m) => (m[2] as string).charCodeAt(0) - 0x2460 + 1 },
];

/** The numbering a paragraph or heading starts with, if any. */
export function leadingMarker(text: string): Marker | undefined {
  for (const { style, re, value } of LEADING) {
    const m = re.exec(text);
    if (!m) continue;
    const ordinal = value(m);
    if (ordinal === undefined || ordinal < 1) continue;
    const start = (m[1] as string).length;
    return { style, ordinal, start, end: m[0].length };
  }
  return undefined;
}

/** The ordinal of a paragraph that starts with 一是/二是… (三是… → 3). */
export function itemOrdinal(text: string): number | undefined {
  const m = leadingMarker(text);
  return m?.style === 'shi' ? m.ordinal : undefined;
}

// What may stand right before an ordinal inside a paragraph: 统一是, 唯一是 and 第一是 are words, not ordinals.
const BOUNDARY = /[。；：，,;:！？!?”’」』）)】》〕]/u;

/**
 * Every 一是/二是… in a paragraph that stands where an ordinal can stand: at the start, or right after
 * 。；：， (ASCII too), ！？ or a closing quote or bracket (spaces between are allowed).
 */
export function shiMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  const re = /([一二三四五六七八九十]{1,3})是/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const ordinal = chineseNumeral(m[1] as string);
    if (ordinal === undefined) continue;
    let i = m.index - 1;
    while (i >= 0 && /\s/u.test(text[i] as string)) i--;
    if (i >= 0 && !BOUNDARY.test(text[i] as string)) continue;
    out.push({ style: 'shi', ordinal, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A title with its numbering taken off: "（一）主动公开情况" → "主动公开情况", "三是加强学习。" → "加强学习。". */
export function stripOrdinal(title: string): string {
  const m = leadingMarker(title);
  if (!m) return title.trim();
  return title.slice(m.end).replace(/^[，,、：:\s]+/u, '').trim();
}

/** The numbering as the report writes it, for messages: 三是, （三）, 3., （3）, ③. */
export function markerText(style: MarkerStyle, ordinal: number): string {
  switch (style) {
    case 'shi':
      return `${numeralText(ordinal)}是`;
    case 'paren':
      return `（${numeralText(ordinal)}）`;
    case 'num':
      return `${ordinal}.`;
    case 'paren-num':
      return `（${ordinal}）`;
    case 'circled':
      return String.fromCharCode(0x2460 + ordinal - 1);
  }
}

/** The first sentence: up to and including the first of `ends` (or the whole text), trimmed. */
export function firstSentence(text: string, ends = '。'): string {
  const t = text.trim();
  for (let i = 0; i < t.length; i++) if (ends.includes(t[i] as string)) return t.slice(0, i + 1);
  return t;
}

/** An item's title: its first sentence, up to and including the first 。 (or the whole text). */
export function itemTitle(text: string): string {
  return firstSentence(text, '。');
}

/** An inline item's title: up to the first 。, ； or ： (DESIGN.md "Body conventions") — not a ： right after 一是. */
export function inlineTitle(text: string): string {
  const t = text.trim();
  const m = leadingMarker(t);
  const from = m ? m.end + (/^[：:，,]/u.test(t.slice(m.end)) ? 1 : 0) : 0;
  return t.slice(0, from) + firstSentence(t.slice(from), '。；：;:');
}
