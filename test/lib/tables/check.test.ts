import { describe, expect, it } from 'vitest';
import { checkBody } from '../../../src/lib/check/check.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { parseBody } from '../../../src/lib/content/report-body.ts';
import { tableProblems } from '../../../src/lib/tables/check.ts';

function problems(body: string, lineOffset = 0) {
  const parsed = parseBody(body);
  if (!parsed.ok) throw new Error(parsed.message);
  return tableProblems(parsed.tree, { file: 'reports/2023.mdx', lineOffset, source: body });
}

describe('npm run check on tables', () => {
  it('names the file and the file line of each problem, in Chinese, with what to do', () => {
    const body = ['前言。', '', '| 项目 | 数量 |', '| --- | --- |', '| 函询 | 2 | 3 |', '| ^ |', ''].join('\n');
    const list = problems(body, 6);
    expect(list.map((p) => [p.severity, p.file, p.line])).toEqual([
      ['error', 'reports/2023.mdx', 11],
      ['error', 'reports/2023.mdx', 12],
    ]);
    expect(list[0]!.message).toBe('表格的这一行有 3 格，而第一行（表头）有 2 格：多出的格不会显示');
    expect(list[1]!.message).toBe('表格的这一行有 1 格，而第一行（表头）有 2 格：缺的格会显示成空格');
    expect(list[0]!.hint).toContain('空的格写成 |  |');
    expect(list[0]!.hint).toContain('\\^');
  });

  it.each([
    ['| a | ^ |\n|---|---|\n| 1 | 2 |', 'error', '表格第一行的第 2 格写了 ^，但它上面没有可以合并的格'],
    ['| a | b |\n|---|---|\n| > | 2 |', 'error', '表格这一行的第一格写了 >，但它左边没有可以合并的格'],
    ['| 申请人 | > | c |\n|---|---|---|\n| 1 | ^ | 3 |', 'error', '表格这一行第 1 格开始的合并单元格“申请人”不是一个矩形'],
    ['| a | b |\n|---|---|\n| 1 | 2 |\n| ^ | ^ |', 'error', '表格的这一行每一格都与别的格合并了，这一行是空的'],
    ['|  |  |\n|---|---|\n|  |  |', 'error', '表格是空的：所有格都没有内容'],
    ['| a | b |\n|---|---|', 'warning', '表格只有表头，没有内容行'],
    ['| a | b |\n|---|---|\n| [网站](https://example.com) | 2 |', 'error', '表格这一行第 1 格中有链接'],
    ['| a | b | c |\n|---|---|\n| 1 | 2 | 3 |', 'warning', '这几行以 | 开头，像是表格，但没有被识别为表格，会显示成一段文字'],
  ])('%s', (body, severity, message) => {
    expect(problems(body).map((p) => [p.severity, p.message])).toEqual([[severity, message]]);
  });

  it('a sound table with merges, an escaped ^ and stats has no problems', () => {
    expect(problems('| a | > | b |\n|---|---|---|\n| ^ | > | \\^ |\n| 1 | <Stat id="x" /> | \\> |')).toEqual([]);
  });
});

describe('the stat checks see <Stat> in table cells', () => {
  const registry = makeRegistry([metricSchema.parse({ id: 'licensing', label: '行政许可', group: 'g' })]);
  const report = (body: string, stats: Record<string, unknown>) => ({ file: 'reports/2023.mdx', body, bodyLineOffset: 5, raw: { stats } }) as never;

  it('an unknown id, a stat without a value and a table problem, all at once', () => {
    const body = '| 项目 | 数量 |\n|---|---|\n| 行政许可 | <Stat id="licencing" /> |\n| 行政处罚 | <Stat id="licensing" /> |\n| ^ |';
    const list = checkBody(report(body, {}), registry);
    expect(list.map((p) => [p.line, p.message])).toEqual([
      [8, '<Stat> 引用了未知指标 licencing'],
      [9, '<Stat> 引用了 licensing，但本文件 frontmatter 的 stats 中没有给出它的数值'],
      [10, '表格的这一行有 1 格，而第一行（表头）有 2 格：缺的格会显示成空格'],
    ]);
    expect(list[0]!.hint).toBe('是否应为 licensing？');
  });

  it('a given value is fine', () => {
    expect(checkBody(report('| 项目 | 数量 |\n|---|---|\n| 行政许可 | <Stat id="licensing" /> |', { licensing: 3 }), registry)).toEqual([]);
  });
});
