// The text a reader sees in a report body, block by block: each <Stat> shown as its value.
// Shared by import (to prove an imported MDX reads back word for word) and the structure checks.
import type { Root } from 'mdast';
import { formatStat, MISSING, type StatValue } from '../content/stat.ts';
import { jsxAttribute, parseBody } from '../content/report-body.ts';
import { cellsText, tableCells } from '../tables/text.ts';

export interface RenderedBlock {
  /** A table's text is one line per cell, with its place and merge (src/lib/tables/text.ts). */
  type: 'heading' | 'paragraph' | 'table' | 'other';
  depth?: number;
  text: string;
  /** Line in the body (1-based). */
  line?: number;
  /** The mdast node type (list, table, …), for the structure. */
  node?: string;
}

type Node = { type: string; value?: string; name?: string | null; children?: Node[]; depth?: number; position?: { start: { line: number } } };

function textOf(node: Node, stats: Record<string, StatValue>): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'break') return '\n';
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Stat') {
    const id = jsxAttribute(node as never, 'id') ?? '';
    return formatStat(Object.hasOwn(stats, id) ? (stats[id] as StatValue) : MISSING);
  }
  return (node.children ?? []).map((c) => textOf(c, stats)).join('');
}

function tableText(table: Node, stats: Record<string, StatValue>): string {
  const cells = tableCells(table as never, (content) => (content as Node[]).map((n) => textOf(n, stats)).join(''));
  return cells ? cellsText(cells) : textOf(table, stats);
}

/** Top-level blocks of a parsed body, as text. */
export function renderTree(tree: Root, stats: Record<string, StatValue>): RenderedBlock[] {
  return (tree.children as Node[]).map((child) => ({
    type: child.type === 'heading' ? 'heading' : child.type === 'paragraph' ? 'paragraph' : child.type === 'table' ? 'table' : 'other',
    ...(child.type === 'heading' && { depth: child.depth }),
    text: child.type === 'table' ? tableText(child, stats) : textOf(child, stats),
    line: child.position?.start.line,
    node: child.type,
  }));
}

/** Parse and render; throws when the body is not valid MDX. */
export function renderBody(body: string, stats: Record<string, StatValue>): RenderedBlock[] {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(`MDX 语法错误（第 ${parsed.line ?? '?'} 行）：${parsed.message}`);
  return renderTree(parsed.tree, stats);
}
