// The search index can start from the compiled tree (src/lib/search/tree-blocks.ts) only because it reads
// that tree exactly as rawBlocks reads the page made from it: every case here is a tree, its HTML, and
// the demand that both readings agree.
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { blocksOfReport, rawBlocks, reportBlocks } from '../../../src/lib/search/records.ts';
import { treeBlocks } from '../../../src/lib/search/tree-blocks.ts';

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
const h = (tagName: string, properties: Record<string, unknown>, ...children: (Node | string)[]): Node => ({
  type: 'element',
  tagName,
  properties,
  children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});
const root = (...children: (Node | string)[]): Node => ({ type: 'root', children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)) });

/** The page's reading of a tree: the tree as the report text container's content, then rawBlocks. */
const pageReading = (tree: Node) => rawBlocks(`<main><div class="report-text" data-pagefind-body>${toHtml(tree as never)}</div><footer>页脚</footer></main>`);

function agree(tree: Node) {
  const fromTree = treeBlocks(tree);
  expect(fromTree).toBeDefined();
  expect(fromTree).toEqual(pageReading(tree));
  return fromTree!;
}

describe('reading the compiled tree as the page is read', () => {
  it('headings, items, a list after an item, line breaks, entities and the whitespace between blocks', () => {
    const blocks = agree(
      root(
        h('p', { id: 'p1', dataKind: 'intro' }, '2022年工委以……现将有关情况汇报如下：'),
        '\n',
        h('h2', { id: 's1', dataKind: 'work' }, '一、履行主体责任情况'),
        '\n',
        h('p', { id: 's1-1', dataKind: 'work', className: ['item'] }, '一是认真落实主体责任。', h('strong', {}, '开展学习'), h('span', { className: ['stat', 'stat-masked'], title: '学习（次）：已遮蔽' }, '**'), '次 & <b>', h('br', {}), '仍有差距'),
        h('ul', {}, h('li', {}, '附：清单甲'), '\n', h('li', {}, '清单乙 "丙" \u00a0丁')),
        { type: 'comment', value: ' 注释 ' },
        h('div', {}, h('p', {}, '嵌套', h('em', {}, '段落'))),
      ),
    );
    expect(blocks.map((b) => b.id)).toEqual(['p1', 's1', 's1-1', undefined, undefined]);
    expect(blocks[2]?.text).toBe('一是认真落实主体责任。开展学习**次 & <b>\n仍有差距');
    expect(blocks[2]?.item).toBe(true);
  });

  it('what the page hides: scripts, styles, svg, hidden, aria-hidden and data-pagefind-ignore, and their content', () => {
    const blocks = agree(
      root(
        h('p', { id: 'a' }, '可见', h('script', {}, 'var x = "不应出现";'), h('style', {}, '.x{}'), '文字'),
        h('p', { id: 'b' }, '一', h('span', { hidden: true }, '隐藏'), '二', h('span', { ariaHidden: 'true' }, '无障碍隐藏'), '三', h('span', { ariaHidden: 'false' }, '读出'), '四'),
        h('aside', { dataPagefindIgnore: true, className: ['item-notes'] }, h('p', {}, '另见 2021年')),
        h('p', { id: 'c' }, h('svg', { viewBox: '0 0 1 1' }, h('title', {}, '图')), '图后'),
        h('p', { id: 'd', hidden: true }, '整段隐藏'),
      ),
    );
    expect(blocks.map((b) => [b.id, b.text])).toEqual([
      ['a', '可见文字'],
      ['b', '一二三读出四'],
      ['c', '图后'],
    ]);
  });

  it('records inside a block: table rows with their cells, an item written inside a paragraph', () => {
    const row = (id: string, ...cells: string[]) => h('tr', { id, dataSearchRecord: '', dataKind: 'table' }, ...cells.map((c, i) => h(i === 0 ? 'th' : 'td', {}, c)));
    const blocks = agree(
      root(
        h('h2', { id: 's2', dataKind: 'figures' }, '二、主动公开政府信息情况'),
        h('figure', { className: ['report-table'] }, h('figcaption', {}, '表一'), h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '信息内容'), h('th', {}, '本年制发件数'))), h('tbody', {}, row('t1-r1', '规章', '0'), row('t1-r2', '规范性文件', '12')))),
        h('p', { id: 's5', dataKind: 'problems-then-measures' }, '存在的问题：', h('span', { id: 's5-1', dataSearchRecord: true, className: 'item', dataKind: 'problems' }, '一是公开不够及时。'), h('span', { id: 's5-2', dataSearchRecord: true, className: 'item' }, '二是解读不够。')),
      ),
    );
    expect(blocks.map((b) => b.id)).toEqual(['s2', undefined, 't1-r1', 't1-r2', 's5', 's5-1', 's5-2']);
    expect(blocks.find((b) => b.id === 's5-2')?.kind).toBe('problems-then-measures');
    expect(blocks.find((b) => b.id === 's5-1')?.item).toBe(true);
  });

  it('gives the same report blocks (anchors, kinds, sections, positions) as the page', () => {
    const tree = root(
      h('h2', { id: 's1', dataKind: 'work' }, '一、工作情况'),
      h('p', { id: 's1-1', dataKind: 'work', className: ['item'] }, '一是学习。'),
      h('ol', {}, h('li', {}, '附项')),
      h('h2', { id: 's2', dataKind: 'problems' }, '二、问题'),
      h('p', { id: 's2-1', dataKind: 'problems', className: ['item'] }, '一是不足。'),
    );
    const page = `<div class="report-text">${toHtml(tree as never)}</div>`;
    expect(blocksOfReport(treeBlocks(tree)!)).toEqual(reportBlocks(page));
  });

  it('declines a tree the page could read differently: raw HTML or MDX left in it, or not a root', () => {
    expect(treeBlocks(root(h('p', { id: 'a' }, 'x'), { type: 'raw', value: '<p>直接写的 HTML</p>' }))).toBeUndefined();
    expect(treeBlocks(root(h('p', { id: 'a' }, { type: 'mdxJsxTextElement', children: [] } as never)))).toBeUndefined();
    expect(treeBlocks(h('p', {}, 'x'))).toBeUndefined();
    expect(treeBlocks(undefined)).toBeUndefined();
  });
});
