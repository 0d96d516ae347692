// The report's structure on its page: every section, paragraph and item gets its anchor and kind, and an
// item written inside a paragraph (“……：一是……。二是……。”) gets a span of its own around its run of text.
// Works on the tree after stats and redactions are resolved, so the structure sees what the edition shows;
// the spans are built in the mdast, so a <Stat> or <Redact> inside an item stays what it is.
import type { Root, RootContent, PhrasingContent, Paragraph as MdParagraph, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { jsxAttribute } from '../lib/content/report-body.ts';
import { buildStructure, type Block, type ReportStructure, type StructureOptions } from '../lib/structure/structure.ts';
import { OWN_MARKUP } from './own-markup.ts';

type Jsx = Extract<RootContent, { type: 'mdxJsxTextElement' }>;

const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });

/** The metric a resolved stat span stands for (remark-report turns <Stat id> into <span data-metric>). */
function metricOf(node: { type: string }): string | undefined {
  return node.type === 'mdxJsxTextElement' ? jsxAttribute(node as never, 'data-metric') : undefined;
}

/** Cited metrics with their offsets in the block's text (mdast-util-to-string's text, which buildStructure reads). */
function statOffsets(node: { children?: unknown[] }): { id: string; offset: number }[] {
  const out: { id: string; offset: number }[] = [];
  let offset = 0;
  const walk = (n: { type: string; children?: unknown[] }) => {
    const id = metricOf(n);
    if (id) out.push({ id, offset });
    if (id || !n.children) {
      offset += toString(n as never).length;
      return;
    }
    for (const c of n.children) walk(c as never);
  };
  for (const c of node.children ?? []) walk(c as never);
  return out;
}

/** A list's or table's text, a line per item or row (the cells of a row apart). */
function blockText(node: RootContent): string {
  if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => toString(cell)).join('　')).join('\n');
  if (node.type === 'list') return node.children.map((li) => li.children.map((c) => blockText(c)).join('\n')).join('\n');
  return toString(node);
}

function blockOf(node: RootContent): Block {
  const line = node.position?.start.line;
  const at = line !== undefined ? { line } : {};
  if (node.type === 'heading' || node.type === 'paragraph') {
    const offsets = statOffsets(node);
    const stats = [...new Set(offsets.map((o) => o.id))];
    return { type: node.type, ...(node.type === 'heading' && { depth: node.depth }), text: toString(node), stats, statOffsets: offsets, ...at };
  }
  if (node.type === 'list' || node.type === 'table') {
    const stats = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => {
      const id = metricOf(n);
      if (id) stats.add(id);
      for (const c of n.children ?? []) walk(c as never);
    };
    walk(node);
    return { type: node.type, text: blockText(node), stats: [...stats], ...at };
  }
  return { type: 'other', text: '' };
}

/** Split phrasing content at a text offset; an element split in two keeps its type and attributes on both sides. */
function splitAt(nodes: PhrasingContent[], at: number): [PhrasingContent[], PhrasingContent[]] {
  const left: PhrasingContent[] = [];
  const right: PhrasingContent[] = [];
  let offset = 0;
  for (const node of nodes) {
    const len = toString(node).length;
    if (offset + len <= at) left.push(node);
    else if (offset >= at) right.push(node);
    else if ('value' in node && typeof node.value === 'string') {
      const cut = at - offset;
      const { position: _p, ...rest } = node;
      left.push({ ...rest, value: node.value.slice(0, cut) } as PhrasingContent);
      right.push({ ...rest, value: node.value.slice(cut) } as PhrasingContent);
    } else if ('children' in node && Array.isArray(node.children)) {
      const [l, r] = splitAt(node.children as PhrasingContent[], at - offset);
      const { position: _p, ...rest } = node;
      if (l.length) left.push({ ...rest, children: l } as PhrasingContent);
      if (r.length) right.push({ ...rest, children: r } as PhrasingContent);
    } else left.push(node);
    offset += len;
  }
  return [left, right];
}

/** Wrap [start, end) ranges of a paragraph's text in item spans; the text itself is left exactly as it was. */
function wrapRanges(node: MdParagraph, ranges: { start: number; end: number; id: string; kind: string }[]) {
  const out: PhrasingContent[] = [];
  let rest = node.children;
  let cursor = 0;
  for (const r of ranges) {
    const [before, from] = splitAt(rest, r.start - cursor);
    const [inside, after] = splitAt(from, r.end - r.start);
    out.push(...before);
    // data-search-record: a search record of its own (src/lib/search/records.ts), as a table row is.
    out.push({ type: 'mdxJsxTextElement', name: 'span', attributes: [attr('id', r.id), attr('class', 'item item-inline'), attr('data-kind', r.kind), attr('data-search-record', '')], children: inside, data: { [OWN_MARKUP]: true } } as Jsx as PhrasingContent);
    rest = after;
    cursor = r.end;
  }
  out.push(...rest);
  node.children = out;
}

/** Anchors, kinds and inline items on the tree; returns the structure for the frontmatter. */
export function applyStructure(tree: Root, options: StructureOptions): ReportStructure {
  const nodes = tree.children;
  const { structure, placed } = buildStructure(nodes.map(blockOf), options);
  nodes.forEach((node, i) => {
    const place = placed[i];
    if (!place || !('section' in place || 'paragraph' in place)) return;
    const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
    if ('section' in place) {
      data.hProperties = { ...data.hProperties, id: place.section.id, 'data-kind': place.section.kind };
      return;
    }
    const p = place.paragraph;
    // How a table shows, its anchor included, is the table renderer's (src/markdown/remark-report-tables.ts,
    // which numbers tables as the structure does: s2-t1).
    if (p.block === 'table') return;
    const className = p.item ? (p.item.form === 'yishi' ? ['item'] : ['item', `item-${p.item.form}`]) : undefined;
    data.hProperties = { ...data.hProperties, id: p.id, 'data-kind': p.kind, ...(className && { className }) };
    if (p.inline?.length && (node.type === 'paragraph' || node.type === 'heading')) {
      wrapRanges(node as MdParagraph | Heading as MdParagraph, p.inline.map((x) => ({ start: x.start, end: x.end, id: x.id, kind: x.kind })));
    }
  });
  return structure;
}
