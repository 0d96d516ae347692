// From the paragraphs of a written report to the report's shape: its title, the 一、二、三、 sections
// (## headings), the （一）（二） sub-headings (### headings) and plain paragraphs (一是/二是 items stay
// paragraphs: the structure recognises them from their text). Official documents rarely use heading
// styles, so the text decides first and Word's styles and bold runs only fill in where the text says nothing.
import { chineseNumeral } from '../structure/structure.ts';
import type { SourceBlock, SourceTable } from './source.ts';

export type BodyBlock =
  | { type: 'heading'; depth: 2 | 3; text: string; source: number }
  | { type: 'paragraph'; text: string; source: number }
  /** A Word table; `text` is its cells' text, `table` its number in the document (from 1). */
  | { type: 'table'; grid: SourceTable; table: number; text: string; source: number };

export interface Shaped {
  title?: string;
  /** The lines the title was made of (office line and title line, or a title Word split over two lines). */
  titleLines?: string[];
  /** ISO date from a closing date line such as `2023年1月16日`. */
  published?: string;
  publishedLine?: string;
  blocks: BodyBlock[];
  /** Things the author should look at, in Chinese. */
  notes: string[];
}

const NUMERAL = '[一二三四五六七八九十]{1,3}';
export const SECTION_HEADING = new RegExp(`^(${NUMERAL})[、.．]\\s*\\S`);
export const SUB_HEADING = new RegExp(`^[（(](${NUMERAL})[）)]\\s*\\S`);
const TITLE_WORDS = /报告|情况|总结|汇报|要点|计划|方案/;
const TITLE_END = /(?:报告|情况|总结|汇报|要点|计划|方案)$/;
const SENTENCE_PUNCT = /[。！？；，,;!?]/;

/** Trim spaces (`trim` includes the ideographic space that indents Chinese paragraphs), drop zero-width characters, tabs → spaces. */
export function cleanLine(text: string): string {
  return text.replace(/\t/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
}

/** Short, and at most one sentence (a trailing 。 is allowed): a heading, not a paragraph that starts with 一、. */
export function headingLike(text: string): boolean {
  const body = text.replace(/[。：:]$/, '');
  return [...body].length <= 50 && !/[。！？]/.test(body);
}

function looksLikeTitle(b: SourceBlock, text: string): boolean {
  if (SECTION_HEADING.test(text) || SUB_HEADING.test(text) || /^[一二三四五六七八九十]{1,3}是/.test(text)) return false;
  if ([...text].length > 60 || SENTENCE_PUNCT.test(text) || /[：:]$/.test(text)) return false;
  return !!(b.isTitle || b.centered || b.headingLevel !== undefined || b.bold) || TITLE_WORDS.test(text);
}

/**
 * A line that can stand above the title: the office ("XX区统计局", "中共XX委员会") or the office and the
 * year ("平潭综合实验区2019年") — short, one phrase, not numbered, not a date and not a title itself.
 */
function isHeadLine(text: string): boolean {
  return [...text].length <= 40 && !SENTENCE_PUNCT.test(text) && !/[：:、]/.test(text) && !TITLE_END.test(text) && !SECTION_HEADING.test(text) && !SUB_HEADING.test(text) && !/^[一二三四五六七八九十]{1,3}是/.test(text) && parseDateLine(text) === undefined;
}

/**
 * Two title lines as one title, never naming an office twice: "XX局" + "2023年…报告" → "XX局2023年…报告";
 * "XX局" + "XX局2023年…报告", or any title line that already names its office before the year → that line.
 */
export function joinTitle(head: string | undefined, line: string): string {
  if (!head) return line;
  const compact = (t: string) => t.replace(/\s+/g, '');
  if (compact(line).includes(compact(head))) return line;
  const named = /^(.*?)(?:关于)?(?:19|20)\d{2}\s*年/.exec(compact(line))?.[1];
  if (named && [...named].length >= 2) return line;
  if (compact(head).endsWith(compact(line))) return head;
  return head + line;
}

const CN_DIGITS = '〇一二三四五六七八九';

function chineseYear(s: string): number | undefined {
  const digits = [...s].map((ch) => (ch === '零' || ch === '○' || ch === 'Ｏ' ? 0 : CN_DIGITS.indexOf(ch)));
  return digits.length === 4 && digits.every((d) => d >= 0) ? Number(digits.join('')) : undefined;
}

/** `2023年1月16日` or `二〇二三年一月十六日` alone on a line → `2023-01-16`. */
export function parseDateLine(text: string): string | undefined {
  const t = text.replace(/\s/g, '');
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(t))) {
    [y, mo, d] = [chineseYear(m[1] as string), chineseNumeral(m[2] as string), chineseNumeral(m[3] as string)];
  }
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return date.getUTCMonth() + 1 === mo && date.getUTCDate() === d ? iso : undefined;
}

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export interface ShapeOptions {
  /** The content folder's office (site.yaml organization): a 落款 that names it, above the closing date, is the signature, not text. */
  organization?: string;
}

export function shapeDocument(source: SourceBlock[], opts: ShapeOptions = {}): Shaped {
  const notes: string[] = [];
  const lines = source.map((b, i) => ({ b, i, text: cleanLine(b.text) })).filter((l) => l.text !== '' || l.b.grid);

  // Title: the first lines when they look like one (Word may split a long title over two centred lines),
  // or an office line above the title line ("XX区统计局" / "2023年政府信息公开工作年度报告").
  let title: string | undefined;
  const titleLines: string[] = [];
  let start = 0;
  const first = lines[0];
  const second = lines[1];
  const underHead = !!first && !!second && !first.b.grid && !second.b.grid && isHeadLine(first.text) && (TITLE_END.test(second.text) || !!second.b.isTitle) && looksLikeTitle(second.b, second.text);
  if (underHead) {
    title = joinTitle(first.text, second.text);
    titleLines.push(first.text, second.text);
    start = 2;
  }
  while (!underHead && start < lines.length && start < 3) {
    const l = lines[start] as (typeof lines)[number];
    const styled = l.b.isTitle || l.b.centered;
    if (l.b.grid || (start === 0 && !looksLikeTitle(l.b, l.text))) break;
    // A second centred line continues the title only when the title so far is unfinished
    // ("关于2023年度落实全面从严治党" + "主体责任情况的报告"), never a "（2024年1月16日）" line under it.
    if (start > 0 && (!styled || !looksLikeTitle(l.b, l.text) || TITLE_END.test(title ?? '') || /^[（(]/.test(l.text) || /\d{4}\s*年\s*\d{1,2}\s*月/.test(l.text))) break;
    title = joinTitle(title, l.text);
    titleLines.push(l.text);
    start++;
    if (!styled) break;
  }

  // A closing date line: the date the report was issued.
  let end = lines.length;
  let published: string | undefined;
  let publishedLine: string | undefined;
  const last = lines[end - 1];
  if (last && end > start && !last.b.grid && (published = parseDateLine(last.text))) {
    publishedLine = last.text;
    end--;
  }

  let body = lines.slice(start, end);
  let signature = published ? body.at(-1) : undefined;
  const compact = (t: string) => t.replace(/\s+/g, '');
  if (signature && !signature.b.grid && opts.organization && compact(signature.text) === compact(opts.organization)) {
    notes.push(`文末的落款“${signature.text}”就是 site.yaml 中的 organization：作为落款，不再作为正文的一段（网站和 npm run export 导出的公文按 organization 和印发日期写落款）`);
    body = body.slice(0, -1);
    signature = undefined;
  }
  if (signature && !signature.b.grid && [...signature.text].length <= 30 && !SENTENCE_PUNCT.test(signature.text) && !/[。：:]$/.test(signature.text) && !SECTION_HEADING.test(signature.text) && !SUB_HEADING.test(signature.text)) {
    notes.push(`文末的“${signature.text}”像是落款，保留为正文最后一段；不需要的话可以删除`);
  }
  const hasTextHeadings = body.some((l) => !l.b.grid && SECTION_HEADING.test(l.text) && headingLike(l.text));
  // Word heading levels that are not already numbered in the text: the highest becomes ##, the next ###.
  const styleLevels = [...new Set(body.filter((l) => l.b.headingLevel !== undefined && !SECTION_HEADING.test(l.text) && !SUB_HEADING.test(l.text)).map((l) => l.b.headingLevel as number))].sort();
  const depthOfStyle = (level: number): 2 | 3 | undefined => {
    const rank = styleLevels.indexOf(level) + (hasTextHeadings ? 1 : 0);
    return rank === 0 ? 2 : rank === 1 ? 3 : undefined;
  };

  const blocks: BodyBlock[] = [];
  let sectionNo = 0;
  let subNo = 0;
  const numberedNotes: string[] = [];
  let lostNumbers = 0;
  for (const { b, i, text } of body) {
    if (b.grid) {
      blocks.push({ type: 'table', grid: b.grid, table: b.table ?? 0, text, source: i });
      continue;
    }
    const short = headingLike(text);
    let depth: 2 | 3 | undefined;
    let shown = text;
    if (SECTION_HEADING.test(text) && short) depth = 2;
    else if (SUB_HEADING.test(text) && short) depth = 3;
    else if (b.numbered && short && !/[。；]$/.test(text)) {
      // Word automatic numbering: the number is drawn by Word, not typed. Write it into the heading as Word shows it.
      depth = b.numbered.level === 0 ? 2 : 3;
      const n = depth === 2 ? ++sectionNo : ++subNo;
      const ordinal = CN_ORDINALS[n - 1] ?? String(n);
      shown = depth === 2 ? `${ordinal}、${text}` : `（${ordinal}）${text}`;
      numberedNotes.push(shown);
    } else if (b.headingLevel !== undefined && short) depth = depthOfStyle(b.headingLevel);
    else if (b.numbered) lostNumbers++;
    else if (b.bold && short && !/[。；：:]$/.test(text) && !/^[一二三四五六七八九十]{1,3}是/.test(text)) depth = hasTextHeadings || styleLevels.length ? 3 : 2;
    // Like Word, number only the automatically numbered paragraphs, and restart the sub-level after each top-level one.
    if (depth === 2 && shown !== text) subNo = 0;
    blocks.push(depth ? { type: 'heading', depth, text: shown, source: i } : { type: 'paragraph', text, source: i });
  }
  if (numberedNotes.length) notes.push(`Word 自动编号的标题已补写编号：${numberedNotes.join('；')}——请核对编号是否与原文一致`);
  if (lostNumbers) notes.push(`有 ${lostNumbers} 个段落用了 Word 自动编号（如“1.”），编号不在文字中，没有导入；需要的话请在这些段落开头补写`);
  return { title, ...(titleLines.length > 1 && { titleLines }), published, publishedLine, blocks, notes };
}
