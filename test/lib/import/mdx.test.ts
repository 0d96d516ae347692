import { describe, expect, it } from 'vitest';
import { serializeBody, serializeFrontmatter, type DocBlock, type Inline } from '../../../src/lib/import/mdx.ts';
import { renderBody } from '../../../src/lib/report-text.ts';
import { parseYaml } from '../../../src/lib/content.ts';

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
});
