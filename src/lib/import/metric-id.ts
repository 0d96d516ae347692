// The id of a metric `import --add-metrics` registers, from its label: toneless pinyin, one part per
// word (党风廉政建设专题会议 → dangfeng-lianzheng-jianshe-zhuanti-huiyi, shortened to 32 characters as
// dangfeng-lianzheng-jianshe-huiyi). Words come from jieba (./words.ts) and readings from pinyin-pro,
// which reads a character by the word it stands in (银行 yinhang, 行政 xingzheng, 重庆 chongqing).
// Words of four characters or more are split in pairs of syllables (专题会议 → zhuanti-huiyi), as
// readers of pinyin split them. Latin letters and digits stay as they are, lower-cased.
//
// The same label gives the same id on every run: both libraries are pinned by package-lock.json, and
// an id once written to metrics.yaml is never derived again (a later import finds the metric by its label).
import { pinyin } from 'pinyin-pro';
import { METRIC_ID } from '../content/metrics.ts';
import { words } from './words.ts';

/** Longest id: short enough to type into <Stat id="…" />, long enough to keep a label's first and last words. */
export const MAX_ID = 32;
/** The id of a label with no letters at all (指标, "metric"). */
export const FALLBACK_ID = 'zhibiao';

/** The parts of a label's id, in order. */
export function idParts(label: string): string[] {
  const text = label.normalize('NFKC').toLowerCase();
  const chars = [...text];
  // One reading per character, read in the context of the whole label.
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  const aligned = readings.length === chars.length;
  const parts: string[] = [];
  let at = 0; // code-point offset of the current word
  for (const w of words(text)) {
    const wordChars = [...w.text];
    let latin = '';
    let han: string[] = [];
    const flushHan = () => {
      if (han.length >= 4) for (let i = 0; i < han.length; i += 2) parts.push(han.slice(i, i + 2).join(''));
      else if (han.length) parts.push(han.join(''));
      han = [];
    };
    const flushLatin = () => {
      if (latin) parts.push(latin);
      latin = '';
    };
    wordChars.forEach((ch, i) => {
      if (/\p{Script=Han}/u.test(ch)) {
        flushLatin();
        const reading = (aligned ? readings[at + i] : pinyin(ch, { toneType: 'none', v: true })) ?? '';
        const ascii = reading.replace(/[^a-z]/g, '');
        if (ascii) han.push(ascii);
      } else if (/[a-z0-9]/.test(ch)) {
        flushHan();
        latin += ch;
      } else {
        flushHan();
        flushLatin();
      }
    });
    flushHan();
    flushLatin();
    at += wordChars.length;
  }
  return parts;
}

/** At most `max` characters: the first parts that fit and the last part (what the label names). */
function shorten(parts: string[], max: number): string {
  const whole = parts.join('-');
  if (whole.length <= max) return whole;
  const last = parts[parts.length - 1] as string;
  if (last.length >= max) return last.slice(0, max);
  const kept: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if ([...kept, p, last].join('-').length > max) break;
    kept.push(p);
  }
  return [...kept, last].join('-');
}

/** The id a label gets before collisions: kebab-case ASCII, at most MAX_ID characters. */
export function baseId(label: string): string {
  const id = shorten(idParts(label), MAX_ID);
  return id === '' ? FALLBACK_ID : id;
}

/** The label's id, made unique against `taken` with -2, -3 … (still at most MAX_ID characters). */
export function metricId(label: string, taken: ReadonlySet<string>): string {
  const base = baseId(label);
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  if (!METRIC_ID.test(id)) throw new Error(`内部错误：生成的指标 id 不合规范：${id}`);
  return id;
}
