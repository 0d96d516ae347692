// One office's reports in three layouts, imported a folder at a time and built: 平潭综合实验区 2015 (统计表),
// 2020 (国办公开办函〔2019〕60号) and 2023 (〔2021〕30号), from their real tables (test/fixtures/real). 本年新收申请 is one
// metric with one series across the three, and where its definition changed the trend page and the metric page
// say 口径变化 and break the line instead of drawing a jump.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { realTablesHtml } from '../helpers/real-tables-html.ts';
import type { StatsDocument } from '../../src/lib/series/stats-export.ts';

const YEARS = [
  ['gov-2015-pingtan', 2015],
  ['gov-2020-pingtan', 2020],
  ['gov-2023-pingtan', 2023],
] as const;

let out: string;
let imported: RunResult;
let build: RunResult;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-layouts-site-'));
  const content = join(tmp, 'content');
  expect(runNode(join(ROOT, 'src/cli/init.ts'), [content, '--kind', 'gov-info-disclosure'], {}, 60_000).status).toBe(0);
  const folder = join(tmp, '历年报告');
  mkdirSync(folder);
  for (const [slug, year] of YEARS) writeFileSync(join(folder, `${year}.html`), realTablesHtml(slug, `平潭综合实验区${year}年政府信息公开工作年度报告`));
  imported = runNode(join(ROOT, 'src/cli/import.ts'), [folder], { NIANBAO_CONTENT: content }, 240_000);
  // A report that names its layout in the frontmatter (as import writes it when the tables are not the year's
  // format): the MDX compiler must not take `layout:` for a page component to import.
  const report2015 = join(content, 'reports/2015.mdx');
  writeFileSync(report2015, readFileSync(report2015, 'utf8').replace(/^year: 2015$/m, 'year: 2015\nlayout: pre-2019'));
  out = join(tmp, 'dist');
  // A build waits for any other build in the checkout (src/integrations/one-build.ts).
  build = astroBuild(out, { NIANBAO_CONTENT: content, NIANBAO_EDITION: 'public' });
}, 480_000);

const page = (path: string) => readFileSync(join(out, path), 'utf8');

describe('2015 + 2020 + 2023 in their own layouts', () => {
  it('import the folder and build, a report with `layout:` in its frontmatter included', () => {
    expect(imported.status, imported.output).toBe(0);
    expect(page('2015/index.html')).toContain('2015');
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it('/data/stats.json: requests-new-total is one series with a value for each of the three years', () => {
    const doc = JSON.parse(page('data/stats.json')) as StatsDocument;
    expect(doc.years).toEqual([2015, 2020, 2023]);
    expect(doc.metrics.filter((m) => m.id === 'requests-new-total')).toHaveLength(1);
    const values = doc.values.filter((v) => v.metric === 'requests-new-total');
    expect(values.map((v) => [v.year, v.status])).toEqual([[2015, 'exact'], [2020, 'exact'], [2023, 'exact']]);
    expect(values[0]!.value).toBe(0);
    expect(values[1]!.value).toBe(21);
    // The signed 本年增/减 of 2020 reaches the data with its sign.
    expect(doc.values.find((v) => v.metric === 'penalty-items-change' && v.year === 2020)).toMatchObject({ value: -18, written: -18, shown: '\u221218' });
  });

  it('/trends/: 口径变化 in 2020’s cell, and the sparkline broken there with a marker and a text alternative that says so', () => {
    const html = page('trends/index.html');
    const row = new RegExp('<tr data-metric="requests-new-total">([\\s\\S]*?)</tr>').exec(html)![1]!;
    const cell2020 = /<td[^>]*data-year="2020"[^>]*>([\s\S]*?)<\/td>/.exec(row)![1]!;
    expect(cell2020).toContain('口径变化');
    const spark = /<svg class="sparkline"[\s\S]*?<\/svg>/.exec(row)![0];
    expect(spark).toMatch(/aria-label="[^"]*2020年起口径变化，与此前各年不直接比较，折线在此断开。"/);
    expect(spark.match(/class="spark-break"/g)).toHaveLength(1);
    const d = /class="spark-line" d="([^"]+)"/.exec(spark)![1]!;
    expect(d.split('M').filter(Boolean)).toHaveLength(2);
  });

  it('/metrics/requests-new-total/: the chart in two segments, the break marked and labelled, said in the description and the legend', () => {
    const html = page('metrics/requests-new-total/index.html');
    const wide = /<svg[^>]*data-chart="wide"[^>]*>[\s\S]*?<\/svg>/.exec(html)![0];
    expect(wide).toMatch(/<g class="chart-break" data-year="2020" data-from-year="2015"><title>2015年与2020年之间口径变化：[^<]+<\/title><line [^>]+>(?:<\/line>)?<text [^>]+>口径变化<\/text><\/g>/);
    expect(/class="chart-line" d="([^"]+)"/.exec(wide)![1]!.split('M').filter(Boolean)).toHaveLength(2);
    expect(/<desc[^>]*>([^<]+)<\/desc>/.exec(wide)![1]).toContain('2020年起口径变化（2019年起按国办公开办函〔2019〕60号格式统计');
    expect(html).toMatch(/<span class="legend-item">[\s\S]*?口径变化（2020年起统计口径不同，折线断开，前后不直接比较）<\/span>/);
    // 2020 to 2023 is the same definition: a change, not a break.
    const table = html.slice(html.indexOf('<table class="metric-table"'));
    expect(/<tr data-year="2023">[\s\S]*?<\/tr>/.exec(table)![0]).not.toContain('口径变化');
  });
});
