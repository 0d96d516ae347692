import { describe, expect, it } from 'vitest';
import type { BodyBlock } from '../../../src/lib/import/blocks.ts';
import { importTables, joinSplitTables } from '../../../src/lib/import/tables.ts';
import type { SourceCell } from '../../../src/lib/import/source.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';

/** Rows written `text` or `text@rowspan×colspan`. */
const rows = (...rs: string[][]): SourceCell[][] =>
  rs.map((r) => r.map((s) => {
    const [text = '', span] = s.split('@');
    const [rowSpan = 1, colSpan = 1] = (span ?? '1×1').split('×').map(Number);
    return { text, rowSpan, colSpan };
  }));
const table = (n: number, r: SourceCell[][], repeatedHeaderRows = 0): BodyBlock => ({ type: 'table', table: n, grid: { rows: r, repeatedHeaderRows }, text: '', source: n });
const para = (text: string): BodyBlock => ({ type: 'paragraph', text, source: 0 });
const HEAD = ['项目@1×2', '数量'];

describe('a table Word split in two', () => {
  it('is joined when the second part repeats the header; a 续表 line between goes too; a label cut by the split is merged again', () => {
    const top = table(1, rows(HEAD, ['三、办理结果@2×1', '（一）公开', '3'], ['（二）部分公开', '1']));
    const bottomBlank = table(2, rows(HEAD, ['@1×1', '（三）不予公开', '0']));
    const { blocks, joined } = joinSplitTables([top, para('续表'), bottomBlank]);
    expect(blocks).toHaveLength(1);
    expect(joined).toEqual([{ into: 1, from: 2, headerRows: 1, dropped: '续表' }]);
    const rowsOut = (blocks[0] as Extract<BodyBlock, { type: 'table' }>).grid.rows;
    expect(rowsOut.map((r) => r.map((c) => `${c.text}@${c.rowSpan}×${c.colSpan}`))).toEqual([
      ['项目@1×2', '数量@1×1'],
      ['三、办理结果@3×1', '（一）公开@1×1', '3@1×1'],
      ['（二）部分公开@1×1', '1@1×1'],
      ['（三）不予公开@1×1', '0@1×1'],
    ]);
    // The label typed again below the cut continues it just the same.
    const retyped = table(2, rows(HEAD, ['三、办理结果@2×1', '（三）不予公开', '0'], ['（四）无法提供', '0']));
    const again = joinSplitTables([top, retyped]).blocks[0] as Extract<BodyBlock, { type: 'table' }>;
    expect(again.grid.rows[1]![0]).toEqual({ text: '三、办理结果', rowSpan: 4, colSpan: 1 });
    expect(again.grid.rows[3]!.map((c) => c.text)).toEqual(['（三）不予公开', '0']);
  });

  it('is joined when the second part has no header at all: it starts with figures, in as many columns', () => {
    const a = table(1, rows(HEAD, ['甲', '乙', '1']));
    const { blocks, joined } = joinSplitTables([a, para(''), table(2, rows(['丙', '丁', '2']))].filter((b) => b.text !== '' || b.type === 'table'));
    expect(joined).toEqual([{ into: 1, from: 2, headerRows: 0 }]);
    expect((blocks[0] as Extract<BodyBlock, { type: 'table' }>).grid.rows.map((r) => r.map((c) => c.text))).toEqual([['项目', '数量'], ['甲', '乙', '1'], ['丙', '丁', '2']]);
  });

  it('is not joined when the second part starts with a header of its own, with another width, or with a paragraph of text between', () => {
    const a = table(1, rows(HEAD, ['甲', '乙', '1']));
    expect(joinSplitTables([a, table(2, rows(['类别', '名称', '合计'], ['丙', '丁', '2']))]).joined).toEqual([]);
    expect(joinSplitTables([a, table(2, rows(['项目', '数量'], ['丙', '2']))]).joined).toEqual([]);
    expect(joinSplitTables([a, para('下表为另一项统计。'), table(2, rows(HEAD, ['丙', '丁', '2']))]).joined).toEqual([]);
  });

  it('two one-row cells that read the same at the cut stay two cells', () => {
    const top = table(1, rows(HEAD, ['其他', '甲', '1']));
    const bottom = table(2, rows(HEAD, ['其他', '乙', '2']));
    const joinedRows = (joinSplitTables([top, bottom]).blocks[0] as Extract<BodyBlock, { type: 'table' }>).grid.rows;
    expect(joinedRows.map((r) => r.length)).toEqual([2, 3, 3]);
  });
});

describe('importing tables', () => {
  const registry = makeRegistry([metricSchema.parse({ id: 'licensing', label: '行政许可 · 数量', unit: '件', group: 'g' })]);
  it('binds, lists and pads: a short row gets blank cells and a note', () => {
    const t = importTables([table(1, rows(['项目', '数量', '说明'], ['行政许可', '12', '—'], ['行政处罚', '7']))], registry);
    expect(t.bound.map((b) => [b.metric.id, b.row, b.col, b.written])).toEqual([['licensing', 2, 2, '12']]);
    expect(t.unbound.map((u) => [u.name, u.written, u.reason])).toEqual([['行政处罚 × 数量', '7', 'no-metric']]);
    expect(t.blank.map((b) => [b.row, b.col, b.written])).toEqual([[2, 3, '—'], [3, 3, '']]);
    expect(t.notes).toEqual(['第 1 个表格有 1 行比其他行少格（第 3 行），已在行尾补了空格；请对照原文核对这几行']);
    expect(t.docs.get(0)!.cells.find((c) => c.row === 1 && c.col === 1)!.inline).toEqual([{ type: 'stat', id: 'licensing' }]);
  });
});
