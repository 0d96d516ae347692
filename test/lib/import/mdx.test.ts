import { describe, expect, it } from 'vitest';
import { expectedText, serializeBody, serializeFrontmatter, type DocBlock, type Inline } from '../../../src/lib/import/mdx.ts';
import { renderBody } from '../../../src/lib/structure/report-text.ts';
import { parseYaml } from '../../../src/lib/content/content.ts';

const para = (...inline: Inline[]): DocBlock => ({ type: 'paragraph', inline });
const text = (value: string) => ({ type: 'text' as const, value });

describe('writing MDX with the real serializer', () => {
  it('escapes what MDX would misread and reads back to the same text', () => {
    const tricky = [
      '2022年* 月**日召开，《**经济开发区》',
      '花括号{不是表达式}和小于号<div>不是标签，a_b_c 与 *强调*',
      '1. 不是列表',
      '- 不是列表',
      '# 不是标题',
      '> 不是引用',
      '[不是链接](http://x) &amp; 不是实体 \\ 反斜杠 `不是代码`',
      '---',
      '| 不是 | 表格 |',
      'import 不是语句',
      '    四个空格开头',
    ];
    const blocks = tricky.map((t) => para(text(t)));
    const body = serializeBody(blocks);
    expect(body).toContain('2022年\\* 月\\*\\*日');
    expect(renderBody(body, {}).map((b) => b.text)).toEqual(tricky);
  });

  it('writes <Stat id="…" /> inline and headings as ## / ###', () => {
    const body = serializeBody([
      { type: 'heading', depth: 2, inline: [text('一、情况')] },
      { type: 'heading', depth: 3, inline: [text('（一）学习')] },
      para(text('召开会议'), { type: 'stat', id: 'meetings' }, text('次。')),
    ]);
    expect(body).toBe('## 一、情况\n\n### （一）学习\n\n召开会议<Stat id="meetings" />次。\n');
    expect(renderBody(body, { meetings: { kind: 'atLeast', value: 30 } }).map((b) => b.text)).toEqual(['一、情况', '（一）学习', '召开会议30余次。']);
  });

  it('quotes string stat values the way the docs write them', () => {
    const yaml = serializeFrontmatter({ year: 2023, title: '2023年度报告', published: '2024-01-16', stats: [['a', { kind: 'masked', digits: 2, atLeast: true }], ['b', { kind: 'exact', value: 3 }], ['c', { kind: 'atLeast', value: 30 }]] });
    expect(yaml).toBe('year: 2023\ntitle: 2023年度报告\npublished: 2024-01-16\nstats:\n  a: "**+"\n  b: 3\n  c: "30+"\n');
    expect(parseYaml(yaml, 'x').data).toEqual({ year: 2023, title: '2023年度报告', published: '2024-01-16', stats: { a: '**+', b: 3, c: '30+' } });
  });

  it('writes a table with its merges as ^ and >, escapes cells that would read as markup, and reads back cell for cell', () => {
    const cell = (row: number, col: number, value: string | Inline[], rowSpan = 1, colSpan = 1) => ({ row, col, rowSpan, colSpan, inline: typeof value === 'string' ? (value ? [text(value)] : []) : value });
    const table: DocBlock = {
      type: 'table',
      table: {
        rows: 4,
        columns: 3,
        cells: [
          cell(0, 0, '（本列数据）', 2, 2), cell(0, 2, '申请人情况'),
          cell(1, 2, '总 计'),
          cell(2, 0, '^'), cell(2, 1, '>'), cell(2, 2, 'a|b <c> {d} *e*'),
          cell(3, 0, [text('函询')]), cell(3, 1, ''), cell(3, 2, [{ type: 'stat', id: 'x' }, text('人')]),
        ],
      },
    };
    const body = serializeBody([table]);
    expect(body).toBe(
      [
        '| （本列数据） | > | 申请人情况 |',
        '| - | - | - |',
        '| ^ | > | 总 计 |',
        '| \\^ | \\> | a\\|b \\<c> \\{d} \\*e\\* |',
        '| 函询 | | <Stat id="x" />人 |',
        '',
      ].join('\n'),
    );
    const [rendered] = renderBody(body, { x: { kind: 'exact', value: 2 } });
    expect(rendered?.type).toBe('table');
    expect(rendered?.text).toBe(['1.1 (2×2) （本列数据）', '1.3 申请人情况', '2.3 总 计', '3.1 ^', '3.2 >', '3.3 a|b <c> {d} *e*', '4.1 函询', '4.2 ', '4.3 2人'].join('\n'));
    expect(expectedText([table], { x: { kind: 'exact', value: 2 } })).toEqual([{ type: 'table', text: rendered?.text }]);
  });
});
