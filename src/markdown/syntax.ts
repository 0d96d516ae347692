// The one Markdown dialect of a report, shared by `npm run check`, import's read-back and the build:
// MDX plus GFM tables, nothing else of GFM. If check and the build parsed differently, text that check
// reads as harmless could become markup in the build, so both parse with the build's own parser, Sätteri
// (Astro's native Markdown processor), through parseReport below.
//
// Sätteri parses GFM as a whole: besides tables, strikethrough, task lists and bare-URL autolinks, which are
// not report syntax (`1~3月` is a range, not struck-out text; an autolinked URL swallows the backslash of a
// following `\<`, so `https://x/\<img …>` would turn an escaped, literal `<` into a real element). Sätteri can
// only switch footnotes off on their own, so the characters that start those constructs (`~`, the `:` of
// `://`, the `.` of `www.`, `@`, the `[` of `- [ ]`) are swapped for stand-ins before parsing and put back in
// every string of the tree after. A stand-in is punctuation, as the character it replaces, so emphasis next
// to it reads the same; it takes the same room, so every position stays true; and it starts no construct,
// so none of those can arise. Sätteri autolinks across escapes too (`a\@b.cn`), so an escaped trigger is
// swapped with its backslash, and put back as the character where escapes are read, as written in code.
import { mdxToMdast, type Features } from 'satteri';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { mdxToMarkdown } from 'mdast-util-mdx';

/**
 * The parser features of the dialect, for the build (src/markdown/pipeline.ts) and check alike. No
 * frontmatter: Astro hands the compiler the body with the frontmatter blanked out, and check parses the body alone.
 */
export const REPORT_FEATURES: Features = { gfm: { footnotes: false }, frontmatter: false, smartPunctuation: false };

export type DialectNode = { type: string; children?: DialectNode[]; position?: unknown; [key: string]: unknown };

/** Where a GFM-only construct could start: a tilde, `://`, `www.`, `@`, a task-list box. */
const TRIGGER = /~|:\\?\/\\?\/|www\\?\.|@|\[[ \txX]\]/i;
// What may stand before a block's first character on its line: quote markers, then list markers (several may share a line).
const QUOTES = String.raw`(?:[ \t]*>)*[ \t]*`;
const MARKER = String.raw`(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:>[ \t]*)*)`;
/** List markers before a would-be task box `[ ]`, `[x]`, `[\t]`. */
const TASK_BOX = new RegExp(String.raw`^(${QUOTES}${MARKER}+)\[(?=[ \txX]\])`, 'gm');
/** A fenced code block's tildes are the fence, not text (after quote or list markers too). */
const TILDE_FENCE = new RegExp(String.raw`^${QUOTES}${MARKER}*~{3,}`);

/** Unused punctuation (Po, outside ASCII: never Markdown or MDX syntax) to stand in for a character. */
function standIns(source: string, count: number): string[] {
  const out: string[] = [];
  // A character the text writes as a numeric reference (`&#x2E00;`) is in the tree though not in the source.
  const referenced = new Set([...source.matchAll(/&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g)].map((m) => (m[1] ? parseInt(m[1], 16) : Number(m[2]))));
  // Supplemental Punctuation first (no report uses it), then the rest of the Basic Multilingual Plane.
  const ranges: [number, number][] = [[0x2e00, 0x2e7f], [0x00a1, 0x2dff], [0x2e80, 0xfffd]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to && out.length < count; code++) {
      const ch = String.fromCharCode(code);
      if (/\p{Po}/u.test(ch) && !referenced.has(code) && !source.includes(ch)) out.push(ch);
    }
  }
  if (out.length < count) throw new Error('报告中用到了所有可作替代的标点符号，无法解析');
  return out;
}

/** Written with a backslash before it (an odd run of them): an escape. */
function escaped(source: string, at: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= 0 && source[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** A source as the parser is given it: construct-starting characters swapped, and the way back. */
export interface Neutralised {
  text: string;
  /** Stand-in → the character it replaced. */
  back: Map<string, string>;
  /** Stands in for the backslash of an escaped trigger (`\@`): GFM autolinks across escapes, so both characters are swapped. */
  escape: string;
}

/** The source with every construct-starting character swapped for its stand-in; undefined when it holds none. */
export function neutralise(source: string): Neutralised | undefined {
  if (!TRIGGER.test(source)) return undefined;
  const [tilde, colon, dot, at, box, escape] = standIns(source, 6) as [string, string, string, string, string, string];
  const chars = source.split('');
  const swap = (i: number, to: string) => {
    if (escaped(source, i)) chars[i - 1] = escape;
    chars[i] = to;
  };
  let fence = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (i === 0 || source[i - 1] === '\n') {
      const eol = source.indexOf('\n', i);
      fence = TILDE_FENCE.test(source.slice(i, eol < 0 ? undefined : eol));
    }
    if (c === '~' && !fence) swap(i, tilde);
    else if (c === ':' && /^\\?\/\\?\//.test(source.slice(i + 1, i + 5))) swap(i, colon);
    else if (c === '.' && /www$/i.test(source.slice(Math.max(0, i - 4), escaped(source, i) ? i - 1 : i))) swap(i, dot);
    else if (c === '@') swap(i, at);
  }
  for (const m of source.matchAll(TASK_BOX)) swap((m.index as number) + (m[1] as string).length, box);
  const back = new Map([[tilde, '~'], [colon, ':'], [dot, '.'], [at, '@'], [box, '[']]);
  return { text: chars.join(''), back, escape };
}

/** Strings the parser keeps as written (no escapes read): code, JSX attribute values, expressions. */
const LITERAL = new Set(['code', 'inlineCode', 'mdxJsxAttribute', 'mdxJsxAttributeValueExpression', 'mdxJsxExpressionAttribute', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);

interface Restorer {
  literal(value: string): string;
  read(value: string): string;
}

function restorer(swapped: Neutralised): Restorer {
  const chars = [...swapped.back.keys()].join('');
  const any = new RegExp(`[${chars}${swapped.escape}]`);
  const one = new RegExp(`[${chars}${swapped.escape}]`, 'g');
  // Where escapes were read, an escaped trigger is just the character; a lone stand-in for a backslash is one.
  const read = new RegExp(`${swapped.escape}?([${chars}])|${swapped.escape}`, 'g');
  const put = (c: string) => (c === swapped.escape ? '\\' : (swapped.back.get(c) as string));
  return {
    literal: (v) => (any.test(v) ? v.replace(one, put) : v),
    read: (v) => (any.test(v) ? v.replace(read, (_m, c?: string) => (c ? (swapped.back.get(c) as string) : '\\')) : v),
  };
}

/** Every string in the tree with the stand-ins put back (positions untouched: they did not move). */
function restore(node: unknown, r: Restorer, literal = false): unknown {
  if (typeof node === 'string') return literal ? r.literal(node) : r.read(node);
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = restore(node[i], r, literal);
    return node;
  }
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const lit = typeof o.type === 'string' && LITERAL.has(o.type);
    for (const key of Object.keys(o)) if (key !== 'position') o[key] = restore(o[key], r, lit && (key === 'value' || key === 'name'));
  }
  return node;
}

/** The stand-ins put back into the parser's message, so it quotes what was written. */
export function restoreMessage(e: unknown, swapped: Neutralised): unknown {
  if (e instanceof Error) e.message = restorer(swapped).literal(e.message);
  return e;
}

/** A neutralised source (or one that needed none: `swapped` undefined) parsed, with the stand-ins put back. */
export function parseNeutralised(text: string, swapped: Neutralised | undefined): DialectNode {
  let tree: unknown;
  try {
    tree = mdxToMdast(text, { features: REPORT_FEATURES, position: true });
  } catch (e) {
    throw swapped ? restoreMessage(e, swapped) : e;
  }
  return (swapped ? restore(tree, restorer(swapped)) : tree) as DialectNode;
}

/**
 * A report body (or a whole report with its frontmatter blanked out) as the dialect reads it, positions
 * included. Throws what the parser reports (`3:1: Expected a closing tag …`).
 */
export function parseReport(source: string): DialectNode {
  const swapped = neutralise(source);
  return parseNeutralised(swapped?.text ?? source, swapped);
}

/**
 * mdast-util-to-markdown extensions that write this dialect (import's writer). Table rows are written
 * compact (`| a | b |`), not padded into columns: padding counts characters, not the double width of
 * Chinese, so it would not line up anyway and would only make long official forms wider.
 */
export function reportToMarkdownExtensions(): NonNullable<ToMarkdownOptions['extensions']> {
  return [mdxToMarkdown(), gfmTableToMarkdown({ tablePipeAlign: false })];
}
