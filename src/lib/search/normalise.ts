// Text and query normalisation shared by the index builder (build time) and the search page (browser).
// Both sides must fold text the same way, so it lives here once: NFKC per character (full-width
// ＱＱ２０２２ → QQ2022, ① → 1, compatibility ideographs → unified), lower case, and whitespace, invisible
// characters, quotation marks and brackets dropped: "2022 年" matches 2022年, 纠治四风 matches 纠治“四风”.
// Sentence punctuation (，。、；：) stays, so a phrase never matches across two clauses.

/** Zero-width space: pagefind treats it as a word boundary and strips it from the content it returns. */
export const ZWS = '\u200B';

/**
 * Between two cells of a table row, in a record and when marking a phrase on arrival: `|` is not
 * ignorable, so a phrase never runs from one cell into the next.
 */
export const CELL_SEPARATOR = ' | ';

/**
 * Characters that never take part in a match: whitespace (incl. 　 ideographic space), invisible formatting,
 * and quotation marks and brackets (“”‘’《》「」（）【】"'), which readers leave out when they type a phrase.
 */
const IGNORABLE = /^[\s\u00AD\u200B-\u200F\u2060\uFEFF\p{Pi}\p{Pf}\p{Ps}\p{Pe}"']$/u;
/** Characters pagefind indexes as words: letters (incl. every CJK ideograph) and digits. */
const WORD = /^[\p{L}\p{N}]$/u;

export function isIgnorable(ch: string): boolean {
  return IGNORABLE.test(ch);
}

export function isWordChar(ch: string): boolean {
  return WORD.test(ch);
}

/** One character (code point) folded for comparison: NFKC, then lower case. May be more than one character. */
export function foldChar(ch: string): string {
  return ch.normalize('NFKC').toLowerCase();
}

export interface Normalised {
  /** The folded text, ignorable characters left out. */
  text: string;
  /** For each UTF-16 unit of `text`: where its source character starts and ends in the source. */
  starts: number[];
  ends: number[];
}

/** Fold a text for matching, remembering where every folded unit came from (for highlighting the source). */
export function normalise(source: string): Normalised {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < source.length; ) {
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    const end = i + ch.length;
    if (!isIgnorable(ch)) {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(end);
      }
      text += f;
    }
    i = end;
  }
  return { text, starts, ends };
}

/** The folded form alone. */
export function fold(source: string): string {
  return normalise(source).text;
}

/**
 * The text the index stores for a record: letters and digits folded (so ＱＱ and QQ are the same word)
 * while punctuation keeps its Chinese form, every character separated by a zero-width space so that
 * pagefind indexes single characters. Pagefind removes the separators again when it returns the content.
 */
export function indexContent(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    if (ch === ZWS) continue;
    // Most of a report: printable ASCII and the CJK ideographs block, which NFKC leaves as they are.
    const c = ch.charCodeAt(0);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x20 && c < 0x7f)) {
      out.push(ch);
      continue;
    }
    const n = ch.normalize('NFKC');
    // Compatibility forms of letters and digits (Ｑ → Q, ① → 1, ㎡ → m 2) become their plain characters;
    // punctuation keeps its Chinese form (，stays ，) since it is not indexed anyway.
    if (n !== ch && Array.from(n).some(isWordChar)) out.push(...Array.from(n));
    else out.push(ch);
  }
  return out.join(ZWS);
}

export interface Query {
  /** Folded terms; a record matches exactly when it contains every one as a contiguous phrase. */
  terms: string[];
  /** The same terms as typed (trimmed), for messages. */
  typed: string[];
}

/** Longest query taken into account; the rest is ignored. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 10;

/**
 * Split a query into terms: spaces separate terms, "double quotes" keep a phrase with spaces together
 * (its spaces are ignored like everywhere else). Chinese quotes “…” are ignored like all quotation marks.
 */
export function parseQuery(raw: string): Query {
  const q = raw.slice(0, MAX_QUERY_LENGTH);
  const pieces: string[] = [];
  const parts = q.split('"');
  parts.forEach((part, i) => {
    if (i % 2 === 1) pieces.push(part);
    else pieces.push(...part.split(/[\s\u3000]+/u));
  });
  const terms: string[] = [];
  const typed: string[] = [];
  for (const piece of pieces) {
    const term = fold(piece);
    if (!term || terms.includes(term)) continue;
    terms.push(term);
    typed.push(piece.trim());
    if (terms.length === MAX_TERMS) break;
  }
  return { terms, typed };
}

/** The characters of a term that the index knows as words, in order. */
export function indexChars(term: string): string[] {
  return Array.from(term).filter(isWordChar);
}

/**
 * What to ask pagefind for a term: its indexable characters as separate words. Pagefind returns every
 * record that holds all of them somewhere — a superset of the records holding the phrase — and the
 * search page then keeps only the real phrase matches. Undefined when the term has no indexable character.
 */
export function pagefindQuery(term: string): string | undefined {
  const chars = indexChars(term);
  return chars.length ? chars.join(' ') : undefined;
}
