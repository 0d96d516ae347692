// The report text's blocks read from the compiled HTML tree instead of the built page, so that the search
// index can be started while Astro is still bundling (src/integrations/search-feed.ts) rather than after
// the last report page. It reads exactly as rawBlocks reads the page (src/lib/search/records.ts): every
// build compares the two for each report page and falls back to the page's reading on any difference, so
// this is a head start, never a second source of truth.
import { BLOCKISH, SKIP, tidyBlocks, VOID, type RawBlock } from './records.ts';
import { CELL_SEPARATOR } from './normalise.ts';

/** The HTML tree nodes a compiled report holds (hast). */
interface TreeNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

/** An attribute as the page will have it: hast keeps most as camelCase properties, some as written. */
function prop(node: TreeNode, property: string, attribute: string): unknown {
  const p = node.properties ?? {};
  return p[property] ?? p[attribute];
}

/** Whether the attribute is written out at all (hast-util-to-html leaves out false, null and undefined). */
const present = (v: unknown) => v !== undefined && v !== null && v !== false;

const text = (v: unknown) => (v === undefined || v === null || v === false ? undefined : Array.isArray(v) ? v.join(' ') : String(v));

const isItem = (node: TreeNode) => (text(prop(node, 'className', 'class')) ?? '').split(/\s+/).includes('item');

const skips = (node: TreeNode) =>
  SKIP.has(node.tagName as string) ||
  present(prop(node, 'dataPagefindIgnore', 'data-pagefind-ignore')) ||
  present(prop(node, 'hidden', 'hidden')) ||
  text(prop(node, 'ariaHidden', 'aria-hidden')) === 'true';

class Unreadable extends Error {}

/**
 * The raw blocks of a report text from its HTML tree (the root's children are the text container's), or
 * undefined when the tree holds anything the page reader would see differently (raw HTML, MDX nodes).
 */
export function treeBlocks(root: unknown): RawBlock[] | undefined {
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  let nested: { block: RawBlock; depth: number; cells: number } | undefined;
  let skipDepth = -1;
  const add = (s: string) => {
    const target = nested?.block ?? current;
    if (target && skipDepth === -1) target.text += s;
  };
  // `depth` is the number of open elements around this one, as the page reader's stack counts them.
  const visit = (node: TreeNode, depth: number) => {
    if (node.type === 'text') return add(node.value ?? '');
    if (node.type === 'comment') return;
    if (node.type !== 'element' || !node.tagName) throw new Unreadable();
    const tag = node.tagName.toLowerCase();
    if (VOID.has(tag)) {
      if (tag === 'br') add('\n');
      return;
    }
    if (depth === 0) {
      current = { tag, id: text(prop(node, 'id', 'id')), kind: text(prop(node, 'dataKind', 'data-kind')), item: isItem(node), text: '' };
      blocks.push(current);
    } else if (current && !nested && skipDepth === -1 && present(prop(node, 'dataSearchRecord', 'data-search-record'))) {
      nested = { block: { tag, id: text(prop(node, 'id', 'id')), kind: text(prop(node, 'dataKind', 'data-kind')) ?? current.kind, item: isItem(node), text: '' }, depth, cells: 0 };
      blocks.push(nested.block);
    } else if (nested && (tag === 'td' || tag === 'th')) {
      if (nested.cells++ > 0) add(CELL_SEPARATOR);
    } else if (BLOCKISH.has(tag)) add('\n');
    if (skipDepth === -1 && skips(node)) skipDepth = depth;
    for (const child of node.children ?? []) visit(child, depth + 1);
    if (skipDepth !== -1 && depth <= skipDepth) skipDepth = -1;
    if (nested && depth <= nested.depth) nested = undefined;
    else if (BLOCKISH.has(tag) && !(nested && (tag === 'td' || tag === 'th'))) add('\n');
    if (depth === 0) {
      current = undefined;
      nested = undefined;
    }
  };
  const top = root as TreeNode;
  if (top?.type !== 'root') return undefined;
  try {
    for (const child of top.children ?? []) {
      // Text between the blocks belongs to none of them, as on the page.
      if (child.type === 'text' || child.type === 'comment') continue;
      visit(child, 0);
    }
  } catch (e) {
    if (e instanceof Unreadable) return undefined;
    throw e;
  }
  return tidyBlocks(blocks);
}
