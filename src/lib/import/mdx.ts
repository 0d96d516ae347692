// Writing a report MDX with real serializers: YAML through `yaml`, the body through
// mdast-util-to-markdown + mdast-util-mdx (which escape `*`, `{`, `<`, `_` … where MDX would misread them).
import { Document, Scalar, isMap, isScalar } from 'yaml';
import { toMarkdown } from 'mdast-util-to-markdown';
import { reportToMarkdownExtensions } from '../../markdown/syntax.ts';
import type { Root, RootContent, PhrasingContent, Table, TableCell, TableRow } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import { formatStat, MISSING, ownStat, writeStat, type StatValue } from '../content/stat.ts';
import type { RenderedBlock } from '../structure/report-text.ts';
import { cellsText } from '../tables/text.ts';

export { renderBody, type RenderedBlock } from '../structure/report-text.ts';

/** `redact`: text the clerk marked secret in the source, written as <Redact> (shown only in the internal edition). */
export type Inline = { type: 'text'; value: string } | { type: 'stat'; id: string } | { type: 'redact'; value: string } | { type: 'space' };

export type DocBlock = { type: 'heading' | 'paragraph'; depth?: 2 | 3; inline: Inline[] } | { type: 'table'; table: DocTable };

/** A table to write: its cells where they start, with their spans; the positions a span covers are written as ^ or >. */
export interface DocTable {
  rows: number;
  columns: number;
  cells: { row: number; col: number; rowSpan: number; colSpan: number; inline: Inline[] }[];
}

export interface Frontmatter {
  year: number;
  title: string;
  published?: string;
  /** The layout the report's tables were read in, when it is not its year's. */
  layout?: string;
  /** In the order they should be written. */
  stats: [string, StatValue][];
}

export function statElement(id: string): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'Stat', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] };
}

export function redactElement(value: string): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'Redact', attributes: [], children: [{ type: 'text', value }] };
}

function phrasingOf(x: Inline): PhrasingContent {
  switch (x.type) {
    case 'text':
      return { type: 'text', value: x.value };
    case 'redact':
      return redactElement(x.value);
    case 'stat':
      return statElement(x.id);
    case 'space':
      return { type: SPACE_REFERENCE } as never;
  }
}

const phrasing = (inline: Inline[]): PhrasingContent[] => inline.map(phrasingOf);

/** A cell whose whole text is `^` or `>` would read as a merge: it is written escaped (node type of our own, see HANDLERS). */
const LITERAL = 'nianbaoLiteralMarker';

function tableCellContent(inline: Inline[]): PhrasingContent[] {
  const only = inline.length === 1 ? inline[0] : undefined;
  if (only?.type === 'text' && (only.value.trim() === '^' || only.value.trim() === '>')) return [{ type: LITERAL, value: only.value.trim() } as never];
  return phrasing(inline);
}

export function tableToMdast(t: DocTable): Table {
  const owner: (DocTable['cells'][number] | undefined)[][] = Array.from({ length: t.rows }, () => new Array(t.columns).fill(undefined));
  for (const c of t.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r]![k] = c;
  const rows: TableRow[] = owner.map((row, r) => ({
    type: 'tableRow',
    children: row.map((c, k): TableCell => {
      if (!c) return { type: 'tableCell', children: [] };
      if (c.row === r && c.col === k) return { type: 'tableCell', children: tableCellContent(c.inline) };
      return { type: 'tableCell', children: [{ type: 'text', value: c.col < k ? '>' : '^' }] };
    }),
  }));
  return { type: 'table', align: new Array(t.columns).fill(null), children: rows };
}

/** A zero-width space written as a character reference: text to MDX, so a line of elements stays a paragraph; nothing to the reader. */
const SPACE_REFERENCE = 'nianbaoSpaceReference';
const TRAILING_PUNCT = /[。；！？：，.;!?:,…]+$/u;

/**
 * A paragraph holding only elements (a whole paragraph the clerk redacted) would be read back as a block
 * element, not a paragraph: its closing punctuation is moved out of the <Redact> (it hides nothing), or,
 * where it has none, a zero-width space written as `&#8203;` keeps it a paragraph (a plain space would not: the line would still hold nothing but the element).
 */
export function asParagraphInline(inline: Inline[]): Inline[] {
  if (inline.some((x) => x.type === 'text' && x.value.trim())) return inline;
  const last = inline.at(-1);
  const punct = last?.type === 'redact' ? TRAILING_PUNCT.exec(last.value)?.[0] : undefined;
  if (last?.type === 'redact' && punct && punct.length < last.value.length) {
    return [...inline.slice(0, -1), { type: 'redact', value: last.value.slice(0, -punct.length) }, { type: 'text', value: punct }];
  }
  return inline.length ? [...inline, { type: 'space' }] : inline;
}

export function toMdast(blocks: DocBlock[]): Root {
  const children: RootContent[] = blocks.map((b) => {
    if (b.type === 'table') return tableToMdast(b.table);
    const inline = phrasing(b.type === 'paragraph' ? asParagraphInline(b.inline) : b.inline);
    return b.type === 'heading' ? { type: 'heading', depth: b.depth ?? 2, children: inline } : { type: 'paragraph', children: inline };
  });
  return { type: 'root', children };
}

const HANDLERS = { [LITERAL]: (node: { value: string }) => `\\${node.value}`, [SPACE_REFERENCE]: () => '&#8203;' } as never;

/**
 * A paragraph starting with the word `import` or `export` would be read as an ES module statement;
 * mdast-util-mdx does not guard against that, so we ask for its first letter as a character reference.
 */
const ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

export function serializeBody(blocks: DocBlock[]): string {
  return toMarkdown(toMdast(blocks), { extensions: reportToMarkdownExtensions(), unsafe: ESM_AT_LINE_START, handlers: HANDLERS });
}

/** YAML frontmatter; string stat values in double quotes as the docs write them ("**", "30+"). */
export function serializeFrontmatter(fm: Frontmatter): string {
  const data: Record<string, unknown> = { year: fm.year, title: fm.title };
  if (fm.published) data.published = fm.published;
  if (fm.layout) data.layout = fm.layout;
  data.stats = Object.fromEntries(fm.stats.map(([id, v]) => [id, writeStat(v)]));
  const doc = new Document(data);
  const stats = doc.get('stats', true);
  if (isMap(stats)) {
    for (const pair of stats.items) {
      if (isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = Scalar.QUOTE_DOUBLE;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

export function serializeReport(fm: Frontmatter, blocks: DocBlock[]): string {
  const body = serializeBody(blocks);
  return `---\n${serializeFrontmatter(fm)}---\n\n${body}`;
}

/** What the blocks should render to. */
export function expectedText(blocks: DocBlock[], stats: Record<string, StatValue>): RenderedBlock[] {
  const text = (inline: Inline[]) => inline.map((x) => (x.type === 'stat' ? formatStat(ownStat(stats, x.id) ?? MISSING) : x.type === 'space' ? '\u200b' : x.value)).join('');
  return blocks.map((b) => {
    if (b.type === 'table') {
      const cells = [...b.table.cells].sort((x, y) => x.row - y.row || x.col - y.col).map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: text(c.inline).trim() }));
      return { type: 'table', text: cellsText(cells) };
    }
    return { type: b.type, ...(b.type === 'heading' && { depth: b.depth ?? 2 }), text: text(b.type === 'paragraph' ? asParagraphInline(b.inline) : b.inline) };
  });
}
