// Report tables, rendered as the grid they describe (src/lib/tables/grid.ts): merged cells as
// rowspan/colspan, header rows in <thead>, row headers as <th scope="row">, figures right-aligned,
// the caption as <caption>, inside a scroll container that a phone swipes sideways. Each table gets
// a stable anchor (`s2-t1`, rows `s2-t1-r3`) and its section's kind, for search.
// Runs after remark-report, so stats and <Redact> in cells are already this edition's text.
import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast';
import type { Parent } from 'unist';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { labelColumns, readTable, type GridCell, type TableGrid } from '../lib/tables/grid.ts';
import { OWN_MARKUP } from './own-markup.ts';

type Jsx = Extract<RootContent, { type: 'mdxJsxFlowElement' }>;
type Attr = { type: 'mdxJsxAttribute'; name: string; value: string };

const attr = (name: string, value: string | number): Attr => ({ type: 'mdxJsxAttribute', name, value: String(value) });
const el = (name: string, attributes: Attr[], children: unknown[]): Jsx => ({ type: 'mdxJsxFlowElement', name, attributes, children, data: { [OWN_MARKUP]: true } }) as Jsx;

/** A paragraph right above a table that names it: 表1 …, 附表2：…, 表一 … */
export const CAPTION = /^\s*附?表\s*[0-9０-９一二三四五六七八九十]+(?![0-9０-９])/u;
const CAPTION_MAX = 100;
/** Rows beyond which a table will not fit on one A4 page anyway. */
const LONG_TABLE_ROWS = 20;
/** Label columns a phone can keep in view beside the figures; a table with more keeps none (global.css). */
const MAX_STICKY_LABELS = 3;

export function isCaption(text: string): boolean {
  const t = text.trim();
  return CAPTION.test(t) && [...t].length <= CAPTION_MAX && !/[。！？]./u.test(t);
}

function props(node: { data?: unknown }): Record<string, unknown> {
  return ((node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties ?? {}) as Record<string, unknown>;
}

/**
 * A cell, with the classes a phone needs to keep the row labels in view (global.css, "Row labels"):
 * `label-c0`…`label-c2` for a header cell inside the label area (its start column sets its offset),
 * `label-edge` on the cells that end it, `label-vertical` on an outer label merged down several rows,
 * written top to bottom so that the outer columns stay narrow, as official forms set them.
 */
function cellElement(cell: GridCell, labels: number): Jsx {
  const attributes: Attr[] = [];
  if (cell.header) attributes.push(attr('scope', cell.header));
  if (cell.rowSpan > 1) attributes.push(attr('rowspan', cell.rowSpan));
  if (cell.colSpan > 1) attributes.push(attr('colspan', cell.colSpan));
  const classes: string[] = [];
  if (cell.role === 'figure') classes.push('num');
  else if (cell.role === 'blank' && !cell.header) classes.push('blank');
  const end = cell.col + cell.colSpan;
  if (cell.header && cell.col < labels && (cell.header === 'row' || end <= labels)) {
    classes.push(`label-c${cell.col}`);
    if (end >= labels) classes.push('label-edge');
    else if (cell.header === 'row' && cell.colSpan === 1 && cell.rowSpan > 1) classes.push('label-vertical');
  }
  if (classes.length) attributes.push(attr('class', classes.join(' ')));
  return el(cell.header ? 'th' : 'td', attributes, cell.content);
}

function tableElement(grid: TableGrid, id: string, caption: { id: string; content: PhrasingContent[] } | undefined, labelledBy: string | undefined): Jsx {
  const found = labelColumns(grid);
  const labels = found <= MAX_STICKY_LABELS && found < grid.columns ? found : 0;
  const row = (r: number) => el('tr', [attr('id', `${id}-r${r + 1}`), attr('data-search-record', '')], grid.rows[r]!.map((cell) => cellElement(cell, labels)));
  const groups: Jsx[] = [];
  if (grid.headerRows > 0) groups.push(el('thead', [], Array.from({ length: grid.headerRows }, (_, r) => row(r))));
  let body: number[] = [];
  const flush = () => {
    if (body.length) groups.push(el('tbody', [], body.map(row)));
    body = [];
  };
  for (let r = grid.headerRows; r < grid.rows.length; r++) {
    if (grid.groupRows.has(r)) flush();
    body.push(r);
  }
  flush();
  const children: Jsx[] = [];
  // The caption's words in a box of their own, which a phone keeps at the left of the screen (global.css).
  if (caption) children.push(el('caption', [attr('id', caption.id)], [{ type: 'mdxJsxTextElement', name: 'span', attributes: [attr('class', 'caption-text')], children: caption.content, data: { [OWN_MARKUP]: true } }]));
  children.push(...groups);
  // A table longer than a page breaks between rows in print; a shorter one is kept whole (global.css).
  const classes = ['report-table'];
  if (grid.rows.length > LONG_TABLE_ROWS) classes.push('report-table--long');
  if (labels > 0) classes.push(`report-table--labels-${labels}`);
  const tableAttrs = [attr('class', classes.join(' '))];
  if (!caption && labelledBy) tableAttrs.push(attr('aria-labelledby', labelledBy));
  return el('table', tableAttrs, children);
}

export default function remarkReportTables() {
  return (tree: Root, file: VFile) => {
    let section: { id: string; kind: string } | undefined;
    let heading: string | undefined;
    const countIn = new Map<string, number>();
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === 'heading' && parent === tree) {
        const p = props(node as Heading);
        const hid = typeof p.id === 'string' ? p.id : undefined;
        if ((node as Heading).depth === 2) {
          section = hid ? { id: hid, kind: String(p['data-kind'] ?? 'other') } : undefined;
        }
        heading = hid ?? heading;
        return;
      }
      if (node.type !== 'table' || !parent || index === undefined) return;
      const table = node as Table;
      const { grid, issues } = readTable(table);
      if (!grid) {
        file.fail(`表格有错误（${issues.map((i) => i.kind).join('、')}），运行 npm run check 查看详情`, table);
      }
      const base = section?.id ?? '';
      const count = (countIn.get(base) ?? 0) + 1;
      countIn.set(base, count);
      const id = `${base ? `${base}-` : ''}t${count}`;

      // A caption paragraph right above: it moves into the table and keeps its anchor.
      const before = index > 0 ? (parent.children[index - 1] as RootContent) : undefined;
      let caption: { id: string; content: PhrasingContent[] } | undefined;
      if (before?.type === 'paragraph' && isCaption(toString(before))) {
        const pid = props(before as Paragraph).id;
        caption = { id: typeof pid === 'string' ? pid : `${id}-caption`, content: (before as Paragraph).children };
      }
      const labelledBy = caption?.id ?? (parent === tree ? heading : undefined);
      const wrapper: Attr[] = [attr('class', 'table-scroll'), attr('id', id), attr('data-kind', section?.kind ?? 'intro'), attr('role', 'region'), attr('tabindex', 0)];
      wrapper.push(labelledBy ? attr('aria-labelledby', labelledBy) : attr('aria-label', '表格'));
      const element = el('div', wrapper, [tableElement(grid!, id, caption, labelledBy)]);
      if (caption) {
        parent.children.splice(index - 1, 2, element as never);
        return [SKIP, index];
      }
      parent.children[index] = element as never;
      return SKIP;
    });
  };
}
