// Excerpts: the text around the first occurrence, every occurrence marked.
import type { Range } from './match.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

export interface ExcerptOptions {
  /** Characters shown before the first occurrence. */
  before?: number;
  /** Total characters shown (at least the whole first occurrence). */
  length?: number;
  ellipsis?: string;
}

/** Split a text into plain and marked segments. Ranges must be sorted and non-overlapping (mergeRanges). */
export function highlight(text: string, ranges: Range[], from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false });
  return out;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Never cut between the two halves of a surrogate pair. */
function snap(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text.charCodeAt(i)) ? i - 1 : i;
}

/** The part of a text around the first range, with every range inside it marked and "…" where it was cut. */
export function excerpt(text: string, ranges: Range[], options: ExcerptOptions = {}): Segment[] {
  const { before = 24, length = 96, ellipsis = '…' } = options;
  const t = text.trim();
  const offset = text.indexOf(t);
  const shifted: Range[] = ranges.map(([s, e]) => [s - offset, e - offset]);
  const first = shifted[0];
  let start = first ? Math.max(0, first[0] - before) : 0;
  let end = Math.min(t.length, start + Math.max(length, first ? first[1] - start : 0));
  // Use the room left at the end for more text before the occurrence.
  if (end === t.length) start = Math.max(0, Math.min(start, end - length));
  start = snap(t, start);
  end = snap(t, end);
  const segments = highlight(t, shifted, start, end);
  if (start > 0) segments.unshift({ text: ellipsis, mark: false });
  if (end < t.length) segments.push({ text: ellipsis, mark: false });
  return joinPlain(segments);
}

function joinPlain(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && !last.mark && !s.mark) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Segments as HTML: escaped text, occurrences in <mark>. */
export function segmentsToHtml(segments: Segment[]): string {
  return segments.map((s) => (s.mark ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join('');
}

export function segmentsText(segments: Segment[]): string {
  return segments.map((s) => s.text).join('');
}

/**
 * The excerpt of a paragraph whose first sentence is already shown as the result's title: taken from the
 * rest of the paragraph, so the title is not repeated. Falls back to the whole text when the title is not
 * its beginning (shortened titles) or nothing follows it.
 */
export function excerptAfterTitle(text: string, title: string, ranges: Range[], options: ExcerptOptions = {}): Segment[] {
  const offset = title && text.startsWith(title) ? title.length : 0;
  const rest = text.slice(offset);
  if (offset === 0 || !rest.trim()) return excerpt(text, ranges, options);
  const shifted = ranges.filter(([, e]) => e > offset).map(([s, e]): Range => [Math.max(s, offset) - offset, e - offset]);
  return excerpt(rest, shifted, options);
}
