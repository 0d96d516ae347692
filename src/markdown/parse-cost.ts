// What the parser cannot read in time linear in its size, refused before it is given the text.
//
// Sätteri (the build's native parser, which check shares: src/markdown/syntax.ts) is linear on what
// reports are made of, but not on two things, measured on satteri 0.10:
//
// - Markup on one long line. Once a line holds a non-ASCII character (every line of a Chinese report
//   does), each node's column is found by reading the line again from its start, so a line costs its
//   nodes times its length: one line of 100 KB of `\*` took 6 s, 1.5 MB did not finish. Nodes need
//   ASCII punctuation (`\ * _ [ ] < & {` …), so a line may hold at most MAX_LINE_MARKS of it; then each
//   line costs at most that many passes over itself. The heaviest line of a real report holds 136 (a row
//   of a 政府信息公开 table, every cell a <Stat>).
// - Character references (`&amp;`, `&#42;`) in one paragraph. Each joins the text around it by copying
//   the paragraph's text so far: 400 of them in a 2 MB paragraph took 5 s and 1.8 GB of memory. A paragraph
//   (lines up to a blank one) may hold MAX_PARAGRAPH_REFERENCES; reports write characters as themselves.
// - An unclosed `<` tag or `{` expression. The parser looks for its end through the rest of the text
//   before it reports the error, so each costs a pass over the report: 20 000 of them took minutes. Any
//   one is an error check reports anyway (a report may use only <Stat … /> and <Redact>…</Redact>, and no
//   expressions), so the ordinary message names the first of a few; past MAX_UNCLOSED, the text is not
//   parsed at all.

/** ASCII punctuation on one line, at most: about 4 times the heaviest line of a real report. */
export const MAX_LINE_MARKS = 500;
/** Character references in one paragraph, at most (200 MB of copies at most in a 2 MB paragraph). */
export const MAX_PARAGRAPH_REFERENCES = 20;
/** Tags and braces the parser cannot close, at most, before the body is refused unparsed. */
export const MAX_UNCLOSED = 10;

export interface ParseCost {
  /** 1-based line of the text. */
  line: number;
  message: string;
  hint: string;
}

const isPunctuation = (c: number) => (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c);

// A tag read at one position (sticky), with bounded length, so no search runs far: `<name …>`, `<name … />`, `</name>`.
const OPEN = /<([A-Za-z$_][\w$.:-]{0,80})(?=[\s/>])[^<>]{0,2000}>/y;
const CLOSE = /<\/([A-Za-z$_][\w$.:-]{0,80})\s{0,40}>/y;
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/y;
/** How far down the open tags a closing tag looks for its own: the parser refuses nesting past 20 anyway. */
const CLOSE_SEARCH = 64;

const read = (re: RegExp, text: string, i: number): RegExpExecArray | null => {
  re.lastIndex = i;
  return re.exec(text);
};

/**
 * Why `text` (a report body, or a whole report with its frontmatter blanked out) must not be parsed, or
 * undefined. One pass, linear in the length of the text.
 */
export function parseCost(text: string): ParseCost | undefined {
  let line = 1;
  let marks = 0;
  // Whether this line holds more than whitespace; a line that does not ends the paragraph.
  let blank = true;
  let references = 0;
  // Lines of the `<` and `{` the parser cannot close: found unclosable, or still open at the end.
  const unclosed: number[] = [];
  const tags: { name: string; line: number }[] = [];
  const braces: number[] = [];
  // Inside a tag already read: its characters are counted as marks, but start nothing.
  let skipTo = 0;
  let backslashes = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || i === text.length) {
      if (marks > MAX_LINE_MARKS) {
        return {
          line,
          message: `这一行有 ${marks} 个半角符号（\\ * _ < > [ ] & { } 等），超过了每行 ${MAX_LINE_MARKS} 个的上限：解析这样一行要反复从行首读起，网站会构建得极慢，所以没有解析`,
          hint: '把这一行分成几段（段与段之间空一行），或删去多余的符号；数字的遮蔽写在 frontmatter 的 stats 中（如 "**"），正文用 <Stat id="…" />，不要写一长串 \\*',
        };
      }
      if (blank) references = 0;
      line++;
      marks = 0;
      blank = true;
      backslashes = 0;
      continue;
    }
    if (blank && !isSpace(c)) blank = false;
    if (!isPunctuation(c)) {
      backslashes = 0;
      continue;
    }
    marks++;
    const escaped = backslashes % 2 === 1;
    backslashes = c === 0x5c ? backslashes + 1 : 0;
    if (i < skipTo || escaped) continue;
    if (c === 0x26 && read(REFERENCE, text, i) && ++references > MAX_PARAGRAPH_REFERENCES) {
      return {
        line,
        message: `这一段到这一行已有 ${references} 个字符引用（&amp;、&#42; 这样的写法），超过了每段 ${MAX_PARAGRAPH_REFERENCES} 个的上限：解析器每遇到一个都要把这一段已读的文字重抄一遍，网站会构建得极慢，所以没有解析`,
        hint: '直接写出字符本身，不用 &名称; 或 &#编号; 的写法；段与段之间空一行',
      };
    }
    if (c === 0x7b) braces.push(line); // `{`: an expression, never part of a report
    else if (c === 0x7d) braces.pop();
    else if (c === 0x3c && !isSpace(text.charCodeAt(i + 1))) {
      let m: RegExpExecArray | null;
      if ((m = read(CLOSE, text, i))) {
        for (let k = tags.length - 1; k >= Math.max(0, tags.length - CLOSE_SEARCH); k--) {
          if (tags[k]?.name !== m[1]) continue;
          // Tags opened inside this one and never closed stay unclosed.
          for (const t of tags.splice(k).slice(1)) unclosed.push(t.line);
          break;
        }
        skipTo = i + m[0].length;
      } else if ((m = read(OPEN, text, i))) {
        if (text.charCodeAt(i + m[0].length - 2) !== 0x2f) tags.push({ name: m[1] as string, line });
        skipTo = i + m[0].length;
      } else unclosed.push(line); // a `<` that starts no tag the parser can finish: `<文`, `<a` with no `>`
    }
  }
  for (const t of tags) unclosed.push(t.line);
  for (const b of braces) unclosed.push(b);
  if (unclosed.length > MAX_UNCLOSED) {
    return {
      line: unclosed.reduce((a, b) => Math.min(a, b)),
      message: `正文中有 ${unclosed.length} 处无法配对的 < 或 {（第一处在这一行），超过了 ${MAX_UNCLOSED} 处的上限：解析器要为每一处读遍其后的全文，网站会构建得极慢，所以没有解析`,
      hint: '字面的小于号写成 \\<，字面的花括号写成 \\{ 和 \\}；<Redact> 要有对应的 </Redact>，<Stat id="…" /> 要以 /> 结束',
    };
  }
  return undefined;
}
