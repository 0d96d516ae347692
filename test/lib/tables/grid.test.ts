import { describe, expect, it } from 'vitest';
import type { Table } from 'mdast';
import { parseBody } from '../../../src/lib/content/report-body.ts';
import { cellPlainText, cellRole, readTable, type GridCell, type TableGrid } from '../../../src/lib/tables/grid.ts';

function table(md: string): Table {
  const parsed = parseBody(md);
  if (!parsed.ok) throw new Error(parsed.message);
  const t = parsed.tree.children.find((c) => c.type === 'table');
  if (!t) throw new Error(`no table in:\n${md}`);
  return t as Table;
}

function grid(md: string): TableGrid {
  const r = readTable(table(md));
  expect(r.issues.filter((i) => i.kind !== 'header-only')).toEqual([]);
  return r.grid!;
}

/** Each row as `text[rowspan x colspan]:scope`, for compact expectations. */
function layout(g: TableGrid): string[] {
  const show = (c: GridCell) => `${cellPlainText(c) || '∅'}${c.rowSpan > 1 || c.colSpan > 1 ? `[${c.rowSpan}x${c.colSpan}]` : ''}${c.header ? `:${c.header}` : ''}`;
  return g.rows.map((row) => row.map(show).join(' | '));
}

// The national format's 收到和处理政府信息公开申请情况 (head and a few rows), as an author writes it.
const REQUESTS = `| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | > | > | 申请人情况 | > | > | > | > | > | > |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| ^ | > | > | 自然人 | 法人或其他组织 | > | > | > | > | 总计 |
| ^ | > | > | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ^ |
| 一、本年新收政府信息公开申请数量 | > | > | 71 | 3 | 0 | 0 | 0 | 0 | 74 |
| 三、本年度办理结果 | （一）予以公开 | > | 21 | 0 | 0 | 0 | 0 | 0 | 21 |
| ^ | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| ^ | ^ | 2.其他法律行政法规禁止公开 |  |  |  |  |  |  |  |
| ^ | （七）总计 | > | 72 | 3 | 0 | 0 | 0 | 0 | 75 |
`;

describe('reading a table into a grid', () => {
  it('merged cells: ^ joins the cell above, > the cell on the left, into rectangles', () => {
    const g = grid(REQUESTS);
    expect(g.columns).toBe(10);
    const corner = g.rows[0]![0]!;
    expect([corner.rowSpan, corner.colSpan]).toEqual([3, 3]);
    expect(g.at[2]![2]).toBe(corner);
    expect(g.rows[1]!.map((c) => [cellPlainText(c), c.rowSpan, c.colSpan])).toEqual([
      ['自然人', 2, 1],
      ['法人或其他组织', 1, 5],
      ['总计', 2, 1],
    ]);
    const results = g.rows[4]![0]!;
    expect(cellPlainText(results)).toBe('三、本年度办理结果');
    expect(results.rowSpan).toBe(4);
    expect(g.rows[5]![0]!.rowSpan).toBe(2); // （三）不予公开
  });

  it('header rows: the first row and the rows that continue it with ^; the body starts at the first figures', () => {
    const g = grid(REQUESTS);
    expect(g.headerRows).toBe(3);
    expect(layout(g).slice(0, 3)).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）[3x3]:colgroup | 申请人情况[1x7]:colgroup',
      '自然人[2x1]:col | 法人或其他组织[1x5]:colgroup | 总计[2x1]:col',
      '商业企业:col | 科研机构:col | 社会公益组织:col | 法律服务机构:col | 其他:col',
    ]);
  });

  it('row headers: the labels before a row’s figures, also across rows merged with ^, and before blank cells', () => {
    const g = grid(REQUESTS);
    expect(layout(g).slice(3)).toEqual([
      '一、本年新收政府信息公开申请数量[1x3]:row | 71 | 3 | 0 | 0 | 0 | 0 | 74',
      '三、本年度办理结果[4x1]:row | （一）予以公开[1x2]:row | 21 | 0 | 0 | 0 | 0 | 0 | 21',
      '（三）不予公开[2x1]:row | 1.属于国家秘密:row | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      '2.其他法律行政法规禁止公开:row | ∅ | ∅ | ∅ | ∅ | ∅ | ∅ | ∅',
      '（七）总计[1x2]:row | 72 | 3 | 0 | 0 | 0 | 0 | 75',
    ]);
  });

  it('a header row that divides a merged header cell is a header row too (行政复议、行政诉讼)', () => {
    const g = grid(`| 行政复议 | > | 行政诉讼 | > | > | > |
|---|---|---|---|---|---|
| 结果维持 | 总计 | 未经复议直接起诉 | > | 复议后起诉 | > |
| ^ | ^ | 结果维持 | 总计 | 结果维持 | 总计 |
| 0 | 2 | 1 | 1 | 0 | 0 |`);
    expect(g.headerRows).toBe(3);
    expect(layout(g)[3]).toBe('0 | 2 | 1 | 1 | 0 | 0');
  });

  it('blocks of the 第二十条 table: a full-width label row opens a group, the labels under it head the columns', () => {
    const g = grid(`| 第二十条第（一）项 | > | > |
|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 |
| 规章 | 0 | 0 |
| 第二十条第（五）项 | > | > |
| 信息内容 | 本年处理决定数量 | > |
| 行政许可 | 10690 | > |`);
    expect(g.headerRows).toBe(2);
    expect([...g.groupRows]).toEqual([3]);
    expect(layout(g)).toEqual([
      '第二十条第（一）项[1x3]:colgroup',
      '信息内容:col | 本年制发件数:col | 本年废止件数:col',
      '规章:row | 0 | 0',
      '第二十条第（五）项[1x3]:rowgroup',
      '信息内容:col | 本年处理决定数量[1x2]:colgroup',
      '行政许可:row | 10690[1x2]',
    ]);
  });

  it('a table of words has no row headers and only its first row as header', () => {
    const g = grid(`| 问题 | 整改措施 |
|---|---|
| 学习不够深入 | 加强学习 |
| 监督不够有力 | 强化监督 |`);
    expect(g.headerRows).toBe(1);
    expect(layout(g)).toEqual(['问题:col | 整改措施:col', '学习不够深入 | 加强学习', '监督不够有力 | 强化监督']);
  });

  it('escaped \\^ and \\> are literal text, not merges', () => {
    const g = grid(`| 符号 | 含义 |
|---|---|
| \\^ | 上标 |
| \\> | 大于 |`);
    expect(layout(g)).toEqual(['符号:col | 含义:col', '^ | 上标', '> | 大于']);
  });

  it('a <Stat> in any cell, also with its unit after it', () => {
    const g = grid(`| 项目 | 数量 |
|---|---|
| 函询 | <Stat id="inquiry-letters" />人 |
| 合计 | <Stat id="total" /> |`);
    expect(g.rows[1]!.map((c) => c.role)).toEqual(['label', 'figure']);
    expect(layout(g)[1]).toBe('函询:row | {inquiry-letters}人');
  });
});

describe('what a cell holds', () => {
  const role = (md: string) => cellRole(table(`| a |\n|---|\n| ${md} |`).children[1]!.children[0]!.children);
  it.each([
    ['71', 'figure'],
    ['9116.36', 'figure'],
    ['10,690', 'figure'],
    ['2人', 'figure'],
    ['30余', 'figure'],
    ['12.5%', 'figure'],
    ['\\*\\*', 'figure'],
    ['<Stat id="x" />', 'figure'],
    ['', 'blank'],
    ['—', 'blank'],
    ['/', 'blank'],
    ['无', 'blank'],
    ['2022年', 'label'],
    ['12月', 'label'],
    ['行政许可', 'label'],
    ['1.属于国家秘密', 'label'],
    ['<Stat id="x" />和<Stat id="y" />', 'label'],
    ['共<Stat id="x" />件，其中', 'label'],
    ['<Redact>某某</Redact>', 'label'],
  ])('%s → %s', (md, expected) => {
    expect(role(md)).toBe(expected);
  });
});

describe('tables that are wrong', () => {
  const issues = (md: string) => readTable(table(md)).issues.map((i) => [i.kind, i.line]);
  it.each([
    ['a row with a cell too many', '| a | b |\n|---|---|\n| 1 | 2 | 3 |', [['ragged', 3]]],
    ['a row with a cell too few', '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |', [['ragged', 4]]],
    ['^ in the first row', '| a | ^ |\n|---|---|\n| 1 | 2 |', [['up-in-first-row', 1]]],
    ['> in the first column', '| a | b |\n|---|---|\n| > | 2 |', [['left-in-first-column', 3]]],
    ['^ under a cell merged sideways (an L)', '| a | > |\n|---|---|\n| 1 | ^ |', [['not-rectangular', 1]]],
    ['> next to a cell merged down (an L)', '| a | b | c |\n|---|---|---|\n| ^ | > | 1 |', [['not-rectangular', 1]]],
    ['a whole row merged into the one above', '| a | b |\n|---|---|\n| 1 | 2 |\n| ^ | ^ |', [['whole-row-merged', 4]]],
    ['an empty table', '|  |  |\n|---|---|\n|  |  |', [['empty', 1]]],
    ['a header and no rows', '| a | b |\n|---|---|', [['header-only', 1]]],
    ['a link in a cell', '| a | b |\n|---|---|\n| [x](https://e.com) | 2 |', [['content', 3]]],
  ])('%s', (_, md, expected) => {
    expect(issues(md)).toEqual(expected);
  });

  it('a 2×2 merge written with ^ > is sound, and so is ^ ^', () => {
    for (const second of ['^ | >', '^ | ^']) {
      const r = readTable(table(`| a | > | b |\n|---|---|---|\n| ${second} | c |\n| 1 | 2 | 3 |`));
      expect(r.issues).toEqual([]);
      expect([r.grid!.rows[0]![0]!.rowSpan, r.grid!.rows[0]![0]!.colSpan]).toEqual([2, 2]);
    }
  });

  it('every problem at once', () => {
    expect(issues('| ^ | b |\n|---|---|\n| > | 2 |').map((i) => i[0])).toEqual(['up-in-first-row', 'left-in-first-column']);
  });
});
