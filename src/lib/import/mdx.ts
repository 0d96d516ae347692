// Writing a report MDX with real serializers: YAML through `yaml`, the body through
// mdast-util-to-markdown + mdast-util-mdx (which escape `*`, `{`, `<`, `_` … where MDX would misread them).
import { Document, Scalar, isMap, isScalar } from 'yaml';
import { toMarkdown } from 'mdast-util-to-markdown';
import { reportToMarkdownExtensions } from '../../markdown/syntax.ts';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import { formatStat, MISSING, writeStat, type StatValue } from '../stat.ts';
import type { RenderedBlock } from '../report-text.ts';

export { renderBody, type RenderedBlock } from '../report-text.ts';

export type Inline = { type: 'text'; value: string } | { type: 'stat'; id: string };

export interface DocBlock {
  type: 'heading' | 'paragraph';
  depth?: 2 | 3;
  inline: Inline[];
}

export interface Frontmatter {
  year: number;
  title: string;
  published?: string;
  /** In the order they should be written. */
  stats: [string, StatValue][];
}

export function statElement(id: string): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'Stat', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] };
}

export function toMdast(blocks: DocBlock[]): Root {
  const children: RootContent[] = blocks.map((b) => {
    const inline: PhrasingContent[] = b.inline.map((x) => (x.type === 'text' ? { type: 'text', value: x.value } : statElement(x.id)));
    return b.type === 'heading' ? { type: 'heading', depth: b.depth ?? 2, children: inline } : { type: 'paragraph', children: inline };
  });
  return { type: 'root', children };
}

/**
 * A paragraph starting with the word `import` or `export` would be read as an ES module statement;
 * mdast-util-mdx does not guard against that, so we ask for its first letter as a character reference.
 */
const ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

export function serializeBody(blocks: DocBlock[]): string {
  return toMarkdown(toMdast(blocks), { extensions: reportToMarkdownExtensions(), unsafe: ESM_AT_LINE_START });
}

/** YAML frontmatter; string stat values in double quotes as the docs write them ("**", "30+"). */
export function serializeFrontmatter(fm: Frontmatter): string {
  const data: Record<string, unknown> = { year: fm.year, title: fm.title };
  if (fm.published) data.published = fm.published;
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
  return blocks.map((b) => ({
    type: b.type,
    ...(b.type === 'heading' && { depth: b.depth ?? 2 }),
    text: b.inline.map((x) => (x.type === 'text' ? x.value : formatStat(stats[x.id] ?? MISSING))).join(''),
  }));
}
