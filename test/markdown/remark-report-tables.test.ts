import { describe, expect, it } from 'vitest';
import { toMarkdown } from 'mdast-util-to-markdown';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { reportToMarkdownExtensions } from '../../src/markdown/syntax.ts';
import { runSteps } from '../helpers/markdown-steps.ts';
import remarkReport from '../../src/markdown/remark-report.ts';
import remarkReportTables, { isCaption } from '../../src/markdown/remark-report-tables.ts';
import { makeRegistry, metricSchema } from '../../src/lib/content/metrics.ts';

const registry = makeRegistry([metricSchema.parse({ id: 'cases', label: '案件', unit: '件' })]);

/** The tree after both plugins, written back as MDX (the JSX the build compiles). */
function run(body: string, stats: Record<string, unknown> = { cases: 4817 }): string {
  const file = new VFile({ value: body, data: { astro: { frontmatter: { year: 2021, stats } } } });
  const tree = runSteps(file, [remarkReport({ registry, edition: 'public' }), remarkReportTables()]);
  return toMarkdown(tree, { extensions: reportToMarkdownExtensions() });
}

describe('captions', () => {
  it.each([
    ['表1　2022年主要数据', true],
    ['附表2：政府信息公开申请情况', true],
    ['表一 收支情况', true],
    ['表 3', true],
    ['表彰先进集体3个。', false],
    ['表明了态度。表1见下', false],
    ['一、总体情况', false],
    [`表1${'字'.repeat(120)}`, false],
  ])('%s → %s', (text, expected) => {
    expect(isCaption(text)).toBe(expected);
  });
});

/** The same, without the line breaks and indentation the writer puts between elements. */
const flat = (body: string) => run(body).replace(/>\s+/g, '>').replace(/\s+</g, '<');

describe('remark-report-tables', () => {
  it('numbers tables per section, takes the kind of the section and the name of the heading', () => {
    const out = run('| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n## 一、工作情况\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### （一）小标题\n\n| c | d |\n|---|---|\n| 3 | 4 |\n\n## 二、存在的问题\n\n| e | f |\n|---|---|\n| 5 | 6 |\n');
    expect([...out.matchAll(/<div class="table-scroll" id="([^"]+)" data-kind="([^"]+)" role="region" tabindex="0" (aria-[a-z]+)="([^"]+)">/g)].map((m) => m.slice(1))).toEqual([
      ['t1', 'intro', 'aria-label', '表格'],
      ['s1-t1', 'work', 'aria-labelledby', 's1'],
      ['s1-t2', 'work', 'aria-labelledby', 's1-1'], // the （一） sub-heading is an item: s1-1
      ['s2-t1', 'problems', 'aria-labelledby', 's2'],
    ]);
  });

  it('marks the row-label area a phone keeps in view: its columns, the cells ending it, outer labels merged down', () => {
    const out = flat('| 项目 | > | 数量 | 金额 |\n|---|---|---|---|\n| 收费 | 行政事业性 | 1 | 2 |\n| ^ | 其他 | 3 | 4 |\n| 合计 | > | 4 | 6 |\n');
    expect(out).toContain('<table class="report-table report-table--labels-2">');
    expect(out).toContain('<th scope="colgroup" colspan="2" class="label-c0 label-edge">项目</th><th scope="col">数量</th>');
    expect(out).toContain('<th scope="row" rowspan="2" class="label-c0 label-vertical">收费</th><th scope="row" class="label-c1 label-edge">行政事业性</th><td class="num">1</td>');
    expect(out).toContain('<th scope="row" colspan="2" class="label-c0 label-edge">合计</th>');
    // A table of figures only has no label area; nor does one whose labels take more than three columns.
    expect(run('| 维持 | 纠正 |\n|---|---|\n| 1 | 2 |\n')).not.toMatch(/label-|--labels/);
    expect(run('| a | b | c | d | e |\n|---|---|---|---|---|\n| 甲 | 乙 | 丙 | 丁 | 1 |\n')).not.toMatch(/label-|--labels/);
  });

  it('a masked stat in a cell is already its public form: the value is not in the tree', () => {
    const out = run('| 项目 | 数量 |\n|---|---|\n| 案件 | <Stat id="cases" />件 |\n').replace(/\s*\n\s*/g, '');
    expect(out).toContain('<th scope="row" class="label-c0 label-edge">案件</th><td class="num"><span class="stat stat-masked" data-metric="cases" title="案件（件）：已遮蔽">****</span>件</td>');
    expect(out).not.toContain('4817');
  });

  it('a table with broken merges fails the build with a pointer to npm run check', () => {
    expect(() => run('| a | ^ |\n|---|---|\n| 1 | 2 |\n')).toThrow(/表格有错误.*npm run check/);
  });
});
