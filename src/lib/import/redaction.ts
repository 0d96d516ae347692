// What a clerk marked secret in the file being imported, carried to the report as <Redact>: a
// `<Redact>…</Redact>` typed into the Word file or the text (it means redact: nobody types that tag
// to have it printed), and Word's hidden text (w:vanish — kept out of the printed document, so never
// to be published silently). Readers mark such spans in the text with two noncharacters, which no
// real document may carry (they are removed from what is read), and the import turns them into <Redact>.
import type { Inline } from './mdx.ts';
import { ImportError, type Source, type SourceBlock } from './source.ts';

export const REDACT_OPEN = '\uFDD0';
export const REDACT_CLOSE = '\uFDD1';
/** Every marker character nianbao uses inside imported text (also the altChunk placeholder's and the PDF reader's figure mark). */
const MARKERS = /[\uFDD0-\uFDD4]/g;

/** Text as read from a file, with any of nianbao's marker characters taken out. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKERS, '');
}

/** A source read from a file that marks nothing itself (a page, a PDF): any marker character in it is the file's, and goes. */
export function sourceWithoutMarkers(source: Source): Source {
  const clean = (b: SourceBlock): SourceBlock => ({ ...b, text: withoutMarkers(b.text), ...(b.grid && { grid: { ...b.grid, rows: b.grid.rows.map((r) => r.map((c) => ({ ...c, text: withoutMarkers(c.text) }))) } }) });
  return { ...source, blocks: source.blocks.map(clean) };
}

/** `text` marked as one redacted span (Word hidden text). */
export function redacted(text: string): string {
  return text ? `${REDACT_OPEN}${text}${REDACT_CLOSE}` : text;
}

// <Redact>, </Redact>, <redact >, ＜Redact＞, <Redact/>, and the brackets a Chinese input method types in
// their place (《Redact》, 〈Redact〉, ‹Redact›, 【Redact】); attributes are tolerated (the tag still means redact).
const OPEN_BRACKET = '<＜《〈‹«【〔［';
const CLOSE_BRACKET = '>＞》〉›»】〕］';
const TAG = new RegExp(`[${OPEN_BRACKET}]\\s*([/／]?)\\s*redact\\b[^${OPEN_BRACKET}${CLOSE_BRACKET}\\n]*?([/／]?)\\s*[${CLOSE_BRACKET}]`, 'giu');

export interface RedactionCount {
  /** `<Redact>` spans written in the file. */
  written: number;
  /** Word hidden-text spans. */
  hidden: number;
  /** Where, for the summary: the first words of each paragraph holding one. */
  places: string[];
}

interface Place {
  block: number;
  cell?: string;
}

/** The text of one block or cell with its written tags turned into markers; `open` carries a span across blocks. */
function markText(text: string, state: { depth: number; opened?: Place; strays: Place[]; written: number }, place: Place): string {
  let out = '';
  let at = 0;
  // A span left open in an earlier paragraph goes on here.
  if (state.depth > 0) out += REDACT_OPEN;
  for (const m of text.matchAll(TAG)) {
    out += text.slice(at, m.index);
    at = (m.index ?? 0) + m[0].length;
    const closing = m[1] !== '';
    const selfClosing = m[2] !== '';
    if (selfClosing && !closing) continue;
    if (!closing) {
      if (state.depth++ === 0) {
        out += REDACT_OPEN;
        state.opened = place;
        state.written++;
      }
    } else if (state.depth === 0) {
      state.strays.push(place);
    } else if (--state.depth === 0) {
      out += REDACT_CLOSE;
    }
  }
  out += text.slice(at);
  if (state.depth > 0) out += REDACT_CLOSE;
  return out;
}

const shortText = (text: string) => {
  const plain = text.replace(/[\uFDD0-\uFDD3]/g, '').trim();
  return Array.from(plain).length > 16 ? `${Array.from(plain).slice(0, 16).join('')}…` : plain;
};

/**
 * Turn `<Redact>…</Redact>` written in the document into markers, in document order (a span may run over
 * several paragraphs). Unclosed or stray tags stop the import, all of them named at once: guessing where
 * a secret ends could publish it.
 */
export function markWrittenRedactions(source: Source): { source: Source; count: RedactionCount } {
  const state = { depth: 0, opened: undefined as Place | undefined, strays: [] as Place[], written: 0 };
  const places = new Set<number>();
  // Spans the reader marked (Word hidden text), before the written tags add theirs.
  const hidden = source.blocks.reduce((n, b) => n + (b.grid ? b.grid.rows.flat().map((c) => c.text) : [b.text]).reduce((k, t) => k + t.split(REDACT_OPEN).length - 1, 0), 0);
  const blocks: SourceBlock[] = source.blocks.map((b, block) => {
    if (b.grid) {
      const rows = b.grid.rows.map((row, r) => row.map((cell, c) => ({ ...cell, text: markText(cell.text, state, { block, cell: `第 ${r + 1} 行第 ${c + 1} 格` }) })));
      return { ...b, grid: { ...b.grid, rows }, text: markText(b.text, { depth: 0, strays: [], written: 0 }, { block }) };
    }
    return { ...b, text: markText(b.text, state, { block }) };
  });
  const describe = (p: Place) => {
    const b = source.blocks[p.block] as SourceBlock;
    return `第 ${p.block + 1} 段${p.cell ? `（表格${p.cell}）` : ''}“${shortText(b.text)}”`;
  };
  const problems: string[] = state.strays.map((p) => `${describe(p)}有 </Redact>，但前面没有对应的 <Redact>`);
  if (state.depth > 0 && state.opened) problems.push(`${describe(state.opened)}的 <Redact> 到文末也没有对应的 </Redact>，不知道要隐去到哪里为止`);
  if (problems.length) {
    throw new ImportError(`文件中标记隐去文字的 <Redact> 不成对，没有导入：\n  ${problems.join('\n  ')}`, '在原文件中把要在公开版隐去的文字写成 <Redact>要隐去的文字</Redact>（开头和结尾各一个），再导入');
  }
  blocks.forEach((b, i) => {
    if ((b.grid ? b.grid.rows.flat().map((c) => c.text) : [b.text]).some(hasRedaction)) places.add(i);
  });
  // Adjacent spans (a tag closed and opened again, or hidden runs side by side) read as one.
  const merged = blocks.map((b) => (b.grid ? { ...b, grid: { ...b.grid, rows: b.grid.rows.map((row) => row.map((c) => ({ ...c, text: mergeSpans(c.text) }))) } } : { ...b, text: mergeSpans(b.text) }));
  return {
    source: { ...source, blocks: merged },
    count: { written: state.written, hidden, places: [...places].map((i) => `第 ${i + 1} 段“${shortText((source.blocks[i] as SourceBlock).text)}”`) },
  };
}

function mergeSpans(text: string): string {
  return text.split(`${REDACT_CLOSE}${REDACT_OPEN}`).join('');
}

export type Span = { redacted: boolean; text: string };

/** A marked text as plain and redacted spans, in order; empty spans left out. */
export function spansOf(text: string): Span[] {
  const out: Span[] = [];
  let redactedNow = false;
  let current = '';
  const flush = () => {
    if (current) out.push({ redacted: redactedNow, text: current });
    current = '';
  };
  for (const ch of text) {
    if (ch === REDACT_OPEN || ch === REDACT_CLOSE) {
      flush();
      redactedNow = ch === REDACT_OPEN;
    } else current += ch;
  }
  flush();
  return out;
}

export function hasRedaction(text: string): boolean {
  return text.includes(REDACT_OPEN);
}

/** A marked text as inlines: its redacted spans become <Redact>. */
export function inlineOf(text: string): Inline[] {
  return spansOf(text).map((s) => (s.redacted ? { type: 'redact', value: s.text } : { type: 'text', value: s.text }));
}

/** For each character of a marked text: whether it is inside a redacted span (markers count as inside). */
export function redactedAt(text: string): boolean[] {
  const inside: boolean[] = new Array(text.length);
  let now = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === REDACT_OPEN) now = true;
    inside[i] = now || ch === REDACT_CLOSE;
    if (ch === REDACT_CLOSE) now = false;
  }
  return inside;
}
