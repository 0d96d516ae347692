// The terms an item is compared by when matching items across years: Chinese words, not characters.
// Intl.Segmenter('zh') (ICU's dictionary) gives words; what it leaves as single characters ("压/实",
// "一/岗/双/责") is read as one word when it is short (压实, 一岗双责, 党风廉政: words the dictionary lacks),
// as character pairs when longer. A lone character (的, 条, 性) says little and is dropped. docs/matching.md
// compares this with plain character bigrams on labelled pairs from real reports.

export type TermMode = 'words' | 'bigrams';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

// The numbering an item starts with (一是, （一）, 1.) says where it stands, not what it is about.
const LEADING_NUMBERING = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、](?!\d))\s*/u;

export function stripNumbering(text: string): string {
  return text.replace(LEADING_NUMBERING, '');
}

function pairs(run: string, out: string[]): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
}

function halves(word: string): string[] {
  const chars = Array.from(word);
  return [chars.slice(0, 2).join(''), chars.slice(2).join('')];
}

/** The distinct terms of a text, in order of first appearance. Numbers are not terms (they change every year). */
export function terms(text: string, mode: TermMode = 'words'): string[] {
  const t = stripNumbering(text.normalize('NFKC')).toLowerCase();
  const out: string[] = [];
  if (mode === 'bigrams') {
    for (const run of t.match(HAN_RUN) ?? []) pairs(run, out);
    return [...new Set(out)];
  }
  let singles = '';
  const flush = () => {
    const n = Array.from(singles).length;
    if (n > 4) pairs(singles, out);
    else if (n > 1) out.push(singles);
    singles = '';
  };
  for (const s of segmenter.segment(t)) {
    const seg = s.segment;
    const length = Array.from(seg).length;
    if (!s.isWordLike || /^[\d.]+$/.test(seg)) {
      flush();
      continue;
    }
    if (length === 1 && HAN.test(seg)) {
      singles += seg;
      continue;
    }
    flush();
    if (length > 1) out.push(seg);
    // The dictionary joins some compounds (信访积案, 积案台账) that other reports write apart: a four-character
    // word also counts as its two halves, so 积案 meets 积案.
    if (length === 4 && HAN.test(seg)) out.push(...halves(seg));
  }
  flush();
  return [...new Set(out)];
}
