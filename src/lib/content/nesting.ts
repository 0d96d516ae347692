// A limit on how deeply a report body may nest lists, quotes, <Redact> and emphasis.
// Real reports go three or four levels deep; a few hundred levels (654 bytes of `- `) make the parser
// slow, the tree walkers overflow the stack and the bundler segfault. So the body is measured twice:
// a cheap scan of the source before parsing (so the parser never sees an absurd body), then the
// parsed tree itself, iteratively (the exact measure, with the line to fix).
import type { Root } from 'mdast';

/** Levels of lists, quotes, components, emphasis and links inside one another. */
export const MAX_NESTING = 20;

/**
 * The source scan may count a level the parser would not make (a `<` inside backticks, say), so it only
 * refuses what is far beyond the limit; the tree measure below is the one that holds authors to it.
 */
const SOURCE_SCAN_LIMIT = 2 * MAX_NESTING;

export interface NestingFinding {
  /** 1-based line in the body. */
  line: number;
  depth: number;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
// A run of `*` or `_` opens up to one level of emphasis per two characters (`***` is em + strong).
const EMPHASIS_RUN = /(?<!\\)(?:\*{2,}|_{2,})/g;
const THEMATIC_BREAK = /^\s*([*_-])(?:\s*\1){2,}\s*$/;
// `<Name …>`, `</Name>` or `<Name … />`, not escaped as `\<`.
const TAG = /(?<!\\)<(\/)?[A-Za-z][^<>]*?(\/)?>/g;

/** The deepest nesting the source could open, and where. Linear in the length of the body. */
export function sourceNesting(body: string): NestingFinding {
  let deepest: NestingFinding = { line: 1, depth: 0 };
  // Columns where the list items enclosing the current line start.
  const items: number[] = [];
  let jsx = 0;
  const lines = body.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    let col = 0;
    let markers = 0;
    let firstItemCol = -1;
    for (;;) {
      while (line[col] === ' ' || line[col] === '\t') col++;
      if (line[col] === '>') {
        markers++;
        col++;
        continue;
      }
      const m = LIST_MARKER.exec(line.slice(col, col + 11));
      if (!m) break;
      if (firstItemCol < 0) firstItemCol = col;
      markers++;
      col += m[0].length;
    }
    if (firstItemCol >= 0) {
      while (items.length && (items[items.length - 1] as number) >= firstItemCol) items.pop();
      markers += items.length;
      items.push(firstItemCol);
    } else if (line.trim() !== '' && col === 0) {
      items.length = 0;
    }
    for (const m of line.matchAll(TAG)) {
      if (m[1]) jsx = Math.max(0, jsx - 1);
      else if (!m[2]) jsx++;
      if (markers + jsx > deepest.depth) deepest = { line: n + 1, depth: markers + jsx };
    }
    let emphasis = 0;
    if (!THEMATIC_BREAK.test(line)) for (const m of line.matchAll(EMPHASIS_RUN)) emphasis = Math.max(emphasis, Math.floor(m[0].length / 2));
    if (markers + jsx + emphasis > deepest.depth) deepest = { line: n + 1, depth: markers + jsx + emphasis };
  }
  return deepest;
}

/** Node types that make one level of nesting (a list item belongs to its list's level). */
const LEVEL = new Set(['list', 'blockquote', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);

type Node = { type: string; children?: Node[]; position?: { start: { line: number } } };

/** The first place the parsed body nests deeper than `limit`, found without recursion. */
export function treeNesting(tree: Root, limit = MAX_NESTING): NestingFinding | undefined {
  const stack: [Node, number][] = [[tree as Node, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [Node, number];
    const here = depth + (LEVEL.has(node.type) ? 1 : 0);
    if (here > limit) return { line: node.position?.start.line ?? 1, depth: here };
    for (const child of node.children ?? []) stack.push([child, here]);
  }
  return undefined;
}

/** Too deep for the source scan: refuse before parsing. */
export function tooDeepToParse(body: string): NestingFinding | undefined {
  const found = sourceNesting(body);
  return found.depth > SOURCE_SCAN_LIMIT ? found : undefined;
}

export const NESTING_HINT = `报告的条目一般只分三四级：检查行首是否多写了 -、*、1. 或 >，<Redact> 是否套了多层（隐去一段文字只需一个 <Redact>），星号是否被当成了强调（字面星号写成 \\*）`;

export function nestingMessage(found: NestingFinding | undefined): string {
  return found
    ? `正文嵌套过深：列表、引用、<Redact> 或强调在这里套了 ${found.depth} 层（最多 ${MAX_NESTING} 层）`
    : `正文嵌套过深，无法解析（最多 ${MAX_NESTING} 层）`;
}

/** The stack ran out inside the parser or a tree walker. */
export function isStackOverflow(e: unknown): boolean {
  // The native parser reports it as a plain Error with the same words.
  return e instanceof Error && /maximum call stack/i.test(e.message);
}
