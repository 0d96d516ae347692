// Report tables as built (test/fixtures/tables/README.md): a real 政府信息公开工作年度报告's three
// national-format tables, cell for cell as published, with header rows, row headers and merged cells;
// and a made-up year with a caption, stats and <Redact> in cells, in both editions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectRecords } from '../../src/integrations/search-index.ts';
import { matchText } from '../../src/lib/search/match.ts';
import { parseQuery } from '../../src/lib/search/normalise.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';
import { htmlTableTexts, sourceTableText } from '../helpers/table-cells.ts';
import { loadReal } from '../helpers/real-fixtures.ts';

const page = (site: 'tablesPublic' | 'tablesInternal', year: number) => readPage(siteDir(site), `${year}/index.html`);
/** The markup of the element with this id, up to its end tag. */
function element(html: string, id: string): string {
  const at = html.search(new RegExp(`<(\\w+)[^>]*\\bid="${id}"`));
  expect(at, `#${id}`).toBeGreaterThan(-1);
  const tag = /^<(\w+)/.exec(html.slice(at))![1]!;
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = at;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(at, m.index + m[0].length);
  }
  throw new Error(`#${id} is not closed`);
}

describe('平潭综合实验区2022年度政府信息公开工作年度报告: the national format’s three tables', () => {
  const html = page('tablesPublic', 2022);

  it('every cell of the published tables reads word for word, in its place and with its merge', () => {
    // As its Word file wrote them: short labels spread by stray spaces (总 计, 其 他), kept as written.
    expect(htmlTableTexts(html)).toEqual(loadReal('gov-2022-pingtan').tables.map((t) => sourceTableText(t, { splitLabels: true })));
  });

  it('each table has a stable anchor, its section’s kind, and a scroll region named by its heading', () => {
    for (const [id, heading] of [['s2-t1', 's2'], ['s3-t1', 's3'], ['s4-t1', 's4']] as const) {
      expect(html).toContain(`<div class="table-scroll" id="${id}" data-kind="work" role="region" tabindex="0" aria-labelledby="${heading}">`);
      expect(html).toMatch(new RegExp(`<h2 id="${heading}"`));
    }
  });

  it('收到和处理政府信息公开申请情况: three header rows, the corner cell merged 3×3, row headers merged down', () => {
    const t = element(html, 's3-t1');
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(t)![1]!;
    expect(thead.match(/<tr\b/g)).toHaveLength(3);
    expect(thead).toContain('<th scope="colgroup" rowspan="3" colspan="3" class="label-c0 label-edge">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(thead).toContain('<th scope="colgroup" colspan="5">法人或其他组织</th>');
    expect(thead).toContain('<th scope="col" rowspan="2">总 计</th>');
    expect(t).toContain('<th scope="row" rowspan="22" class="label-c0 label-vertical">三、本年度办理结果</th>');
    expect(t).toContain('<th scope="row" rowspan="8" class="label-c1 label-vertical">（三）不予公开</th>');
    expect(t).toContain('<th scope="row" colspan="3" class="label-c0 label-edge">一、本年新收政府信息公开申请数量</th>');
    expect(t).toMatch(/<td class="num"><span class="stat stat-exact" data-metric="requests-new-total" title="[^"]*">74<\/span><\/td>/);
    // a figure the registry does not have stays a right-aligned number
    expect(t).toContain('<tr id="s3-t1-r16" data-search-record><th scope="row" rowspan="3" class="label-c1 label-vertical">（四）无法提供</th><th scope="row" class="label-c2 label-edge">1.本机关不掌握相关政府信息</th><td class="num">37</td>');
  });

  it('第二十条: each block of the form is a group of rows with its own column headings', () => {
    const t = element(html, 's2-t1');
    expect(t.match(/<tbody>/g)).toHaveLength(4);
    expect(t).toContain('<tbody><tr id="s2-t1-r5" data-search-record><th scope="rowgroup" colspan="4">第二十条第（五）项</th></tr><tr id="s2-t1-r6" data-search-record><th scope="col" class="label-c0 label-edge">信息内容</th><th scope="colgroup" colspan="3">本年处理决定数量</th></tr>');
    expect(t).toMatch(/<th scope="row" class="label-c0 label-edge">行政许可<\/th><td colspan="3" class="num"><span class="stat stat-exact" data-metric="licensing-decisions"[^>]*>10690<\/span><\/td>/);
  });

  it('行政复议、行政诉讼: three header rows, fifteen figures', () => {
    const t = element(html, 's4-t1');
    expect(/<thead>([\s\S]*?)<\/thead>/.exec(t)![1]!.match(/<tr\b/g)).toHaveLength(3);
    expect(/<tbody>([\s\S]*?)<\/tbody>/.exec(t)![1]!.match(/<td class="num">/g)).toHaveLength(15);
  });

  it('search: one record per table row, landing on the row, with its section’s kind; a phrase never spans two cells', () => {
    const { records } = collectRecords(siteDir('tablesPublic'), ['/2022/'], '/');
    const row = records.find((r) => r.url === '2022/#s3-t1-r8');
    expect(row?.content.replaceAll('\u200b', '')).toBe('（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(row?.filters.kind).toEqual(['work']);
    expect(row?.meta.section).toBe('三、收到和处理政府信息公开申请情况');
    const text = row!.content.replaceAll('\u200b', '');
    expect(matchText(text, parseQuery('属于国家秘密').terms).found).toEqual([true]);
    expect(matchText(text, parseQuery('国家秘密0').terms).found).toEqual([false]);
    // every row of every table is a record of its own
    expect(records.filter((r) => /#s[234]-t1-r\d+$/.test(r.url))).toHaveLength(14 + 28 + 4);
  });
});

describe('the made-up 2021 report: a caption, stats and <Redact> in cells, literal markers', () => {
  const pub = page('tablesPublic', 2021);
  const internal = page('tablesInternal', 2021);

  it('a 表1 paragraph right above a table is its caption, and names its region', () => {
    const t = element(pub, 't1');
    expect(t).toMatch(/^<div class="table-scroll" id="t1" data-kind="intro" role="region" tabindex="0" aria-labelledby="p2">/);
    expect(t).toContain('<caption id="p2"><span class="caption-text">表1　2021年监督执纪主要数据</span></caption>');
    expect(pub).not.toMatch(/<p[^>]*>表1/);
  });

  it('a table under a ### heading is named by it', () => {
    // The （一） sub-heading is also the section's first item (report structure), so the table is named by that anchor.
    expect(pub).toContain('<div class="table-scroll" id="s1-t1" data-kind="work" role="region" tabindex="0" aria-labelledby="s1-1"><table class="report-table" aria-labelledby="s1-1">');
    expect(pub).toMatch(/<h3 id="s1-1"[^>]*>（一）行政复议、行政诉讼情况<\/h3>/);
  });

  it('public edition: masked stats in cells show as **, redacted text as ■■■', () => {
    const t = element(pub, 't1');
    expect(textOf(t)).toContain('受理信访举报****件次全年合计');
    expect(t).toContain('<td class="num"><span class="stat stat-masked" data-metric="cases-filed" title="立案审查（件）：已遮蔽">****</span></td>');
    expect(t).toContain('<td>其中<span class="redacted" title="此处内容在公开版中隐去">■■■</span>已结案</td>');
    expect(pub).not.toMatch(/6613|2749|赵某某/);
  });

  it('internal edition: the values and the redacted text, marked', () => {
    const t = element(internal, 't1');
    expect(t).toContain('>6613</span>件次');
    expect(t).toContain('<mark class="redact" title="此内容在公开版中隐去">赵某某违纪案</mark>');
  });

  it('escaped \\^ \\> \\| are literal cells; a blank-like cell is centred, not a figure', () => {
    const t = element(pub, 's2-t1');
    expect(t).toContain('<td>^</td><td>与上方的格合并</td>');
    expect(t).toContain('<td>&gt;</td><td>与左侧的格合并</td>');
    expect(t).toContain('<td>a | b</td>');
    // markup in a cell is text
    expect(t).toContain('<td>&lt;img src=x onerror=alert(1)&gt; {1+1}</td>');
    expect(t).not.toMatch(/<img\b/);
    expect(element(pub, 't1')).toContain('<td class="blank">—</td>');
  });
});
