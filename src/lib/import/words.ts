// Chinese words and their parts of speech, for naming new metrics (`import --add-metrics`): jieba's
// dictionary knows the words of official documents (党风廉政, 行政复议, 门户网站) where the runtime's
// Intl.Segmenter splits them (党/风/廉/政, 行政/复/议案/件), and it tags each word (v verb, n noun, p
// preposition …). Loaded on first use only: building its dictionary takes a few seconds, which an
// import that adds no metric should not pay.
import { createRequire } from 'node:module';

export interface Word {
  text: string;
  /** jieba's part-of-speech tag: n, v, vn, p, d, m, x (punctuation and unknown) … */
  pos: string;
  /** Offsets in the text the word was cut from. */
  start: number;
  end: number;
}

interface Jieba {
  tag(text: string, hmm?: boolean): { word: string; tag: string }[];
}

let jieba: Jieba | undefined;

function load(): Jieba {
  // The Node build of jieba-wasm is CommonJS and reads its .wasm next to itself.
  jieba ??= createRequire(import.meta.url)('jieba-wasm') as Jieba;
  return jieba;
}

/**
 * The words of `text`, in order, covering it exactly. Without HMM guessing, so an unknown name splits
 * into known pieces the same way every time.
 */
export function words(text: string): Word[] {
  if (text === '') return [];
  const out: Word[] = [];
  let at = 0;
  for (const { word, tag } of load().tag(text, false)) {
    // jieba hands back the text it was given, piece by piece; anything else would be a bug in the binding.
    if (text.slice(at, at + word.length) !== word) throw new Error(`分词结果与原文不一致：${text}`);
    out.push({ text: word, pos: tag, start: at, end: at + word.length });
    at += word.length;
  }
  if (at !== text.length) throw new Error(`分词结果与原文不一致：${text}`);
  return out;
}
