import { describe, expect, it } from 'vitest';
import { ZWS } from '../../../src/lib/search/normalise.ts';
import { decodeEntities, joinLines, rawBlocks, reportBlocks, reportSource, searchRecords } from '../../../src/lib/search/records.ts';
import { NO_GROUP } from '../../../src/lib/search/portal-search.ts';
import { UNGROUPED } from '../../../src/lib/portal/model.ts';
import { expectLinear } from '../../helpers/linear.ts';

const PAGE = `<html><body><header><form><input name="q"></form><nav>历年报告</nav></header>
<main><table class="figures"><tr><td>受理来信来访</td><td>12</td></tr></table>
<div class="report-text" data-pagefind-body><p id="p1" data-kind="intro">2022年工委以……现将有关情况汇报如下：</p>
<h2 id="s1" data-kind="work">一、履行主体责任情况</h2>
<p id="s1-1" data-kind="work" class="item">一是认真落实主体责任。开展学习<span class="stat stat-masked" data-metric="x" title="学习（次）：已遮蔽">**</span>次，处理<span class="redacted" title="此处内容在公开版中隐去">■■■</span>。</p>
<ul><li>附：清单甲</li><li>清单乙 &amp; 丙</li></ul>
<h2 id="s2" data-kind="problems">二、存在的问题及原因</h2>
<ul><li>直接跟在标题后的列表</li></ul>
<p id="s2-1" data-kind="problems" class="item">一是学习不够。<br>仍有差距&#x3002;<!-- 注释 --><script>var x = "不应出现";</script></p>
<p id="s2-p1" data-kind="problems">深入剖析原因如下：</p>
<p id="s2-c1" data-kind="causes" class="item">一是认识不到位。</p>
<div><p>嵌套<em>段落</em></p></div>
</div>
<footer>共 5 份年度报告</footer></main></body></html>`;

describe('reading a built report page', () => {
  it('skips the notes the page puts after an item (data-pagefind-ignore): they never join the paragraph before them', () => {
    const page = `<div class="report-text"><h2 id="s2" data-kind="problems">二、存在的问题</h2>
<p id="s2-1" data-kind="problems" class="item">一是政治理论学习有待加强。学的不深。</p>
<aside class="item-notes" data-pagefind-ignore aria-label="此条在其他年份"><p class="item-note"><span class="recur-badge">↻ 另见 <a href="/2022/#s2-1">2022年</a></span></p></aside>
<ul><li>附：清单</li></ul>
<p id="s2-2" data-kind="problems" class="item">二是监督不够。</p></div>`;
    const blocks = reportBlocks(page);
    expect(blocks.map((b) => [b.anchor, b.text])).toEqual([
      ['s2-1', '一是政治理论学习有待加强。学的不深。\n附：清单'],
      ['s2-2', '二是监督不够。'],
    ]);
  });

  it('decodes entities', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &#22235;&#x98CE; &quot;&nbsp;&unknown;')).toBe('a & b <c> 四风 "\u00a0&unknown;');
  });
  it('takes only the report text: no header, figures table, footer, comments, scripts or attributes', () => {
    const all = rawBlocks(PAGE).map((b) => b.text).join('\n');
    expect(all).not.toMatch(/历年报告|受理来信来访|共 5 份|注释|不应出现|已遮蔽|此处内容/);
    expect(all).toContain('开展学习**次，处理■■■。');
  });
  it('gives every paragraph its anchor, kind, item flag and section; lists join the paragraph before them', () => {
    const blocks = reportBlocks(PAGE);
    expect(blocks.map((b) => [b.anchor, b.kind, b.item, b.section?.title ?? null])).toEqual([
      ['p1', 'intro', false, null],
      ['s1-1', 'work', true, '一、履行主体责任情况'],
      ['s2', 'problems', false, '二、存在的问题及原因'],
      ['s2-1', 'problems', true, '二、存在的问题及原因'],
      ['s2-p1', 'problems', false, '二、存在的问题及原因'],
      ['s2-c1', 'causes', true, '二、存在的问题及原因'],
    ]);
    expect(blocks[1].text).toBe('一是认真落实主体责任。开展学习**次，处理■■■。\n附：清单甲\n清单乙 & 丙');
    expect(blocks[2].text).toBe('直接跟在标题后的列表');
    expect(blocks[3].text).toBe('一是学习不够。\n仍有差距。');
    expect(blocks[5].text).toBe('一是认识不到位。\n嵌套段落');
    expect(blocks.map((b) => b.pos)).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('makes every item written inside a paragraph a record of its own, with its anchor and kind', () => {
    // As src/markdown/report-structure.ts builds it (gov-2023-pingtan, 五、存在的主要问题及改进情况).
    const page = `<div class="report-text"><h2 id="s5" data-kind="problems-then-measures">五、存在的主要问题及改进情况</h2>
<p id="s5-p1" data-kind="problems">存在的问题主要有以下几个方面：<span id="s5-1" class="item item-inline" data-kind="problems" data-search-record="">一是部分栏目存在信息噪音；</span><span id="s5-2" class="item item-inline" data-kind="problems" data-search-record="">二是开拓创新不够有力。</span></p>
<p id="s5-p2" data-kind="measures">2024年，我区将采取以下措施加以改进：</p>
<p id="s5-p3" data-kind="measures"><span id="s5-m1" class="item item-inline" data-kind="measures" data-search-record="">一是加大检查力度，检查<span class="stat stat-masked" data-metric="x">**</span>次。</span><span id="s5-m2" class="item item-inline" data-kind="measures" data-search-record="">二是提升内容质量。</span></p>
<ol><li>每月巡检通报。</li></ol>
<p id="s1-1" data-kind="work" class="item item-paren-runin">（一）政务服务综合能力显著提升。<span id="s1-1-1" class="item item-inline" data-kind="work" data-search-record="">一是聚焦满意度。</span></p>
</div>`;
    const blocks = reportBlocks(page);
    expect(blocks.map((b) => [b.anchor, b.kind, b.item, b.text])).toEqual([
      ['s5-p1', 'problems', false, '存在的问题主要有以下几个方面：'],
      ['s5-1', 'problems', true, '一是部分栏目存在信息噪音；'],
      ['s5-2', 'problems', true, '二是开拓创新不够有力。'],
      ['s5-p2', 'measures', false, '2024年，我区将采取以下措施加以改进：'],
      ['s5-m1', 'measures', true, '一是加大检查力度，检查**次。'],
      // A list after the paragraph belongs to its last item.
      ['s5-m2', 'measures', true, '二是提升内容质量。\n每月巡检通报。'],
      ['s1-1', 'work', true, '（一）政务服务综合能力显著提升。'],
      ['s1-1-1', 'work', true, '一是聚焦满意度。'],
    ]);
    const recs = searchRecords(2023, blocks);
    expect(recs.map((r) => [r.url, r.filters.kind[0]])).toEqual([
      ['2023/#s5-p1', 'problems'],
      ['2023/#s5-1', 'problems'],
      ['2023/#s5-2', 'problems'],
      ['2023/#s5-p2', 'measures'],
      ['2023/#s5-m1', 'measures'],
      ['2023/#s5-m2', 'measures'],
      ['2023/#s1-1', 'work'],
      ['2023/#s1-1-1', 'work'],
    ]);
  });
  it('a page without report text gives nothing', () => {
    expect(reportBlocks('<html><body><p id="x">文字</p></body></html>')).toEqual([]);
  });
});

describe('search records', () => {
  it('one record per paragraph: unique url, unigram content, meta, filters and sort', () => {
    const recs = searchRecords(2022, reportBlocks(PAGE));
    expect(recs.map((r) => r.url)).toEqual(['2022/#p1', '2022/#s1-1', '2022/#s2', '2022/#s2-1', '2022/#s2-p1', '2022/#s2-c1']);
    expect(new Set(recs.map((r) => r.url)).size).toBe(recs.length);
    const r = recs[1];
    expect(r.language).toBe('zh');
    expect(r.content.split(ZWS).slice(0, 4)).toEqual(['一', '是', '认', '真']);
    expect(r.content.replaceAll(ZWS, '')).toBe(reportBlocks(PAGE)[1].text);
    expect(r.meta).toEqual({ title: '一是认真落实主体责任。', year: '2022', anchor: 's1-1', pos: '1', section: '一、履行主体责任情况', item: '1' });
    expect(r.filters).toEqual({ year: ['2022'], kind: ['work'] });
    expect(r.sort).toEqual({ year: '2022', pos: '00001' });
    expect(recs[0].filters.kind).toEqual(['other']); // intro paragraphs
    expect(recs[5].filters.kind).toEqual(['causes']);
    expect(recs[4].meta.item).toBeUndefined();
  });
  it('long first sentences are shortened for the title', () => {
    const recs = searchRecords(2020, [{ anchor: 'p1', kind: 'intro', item: false, text: '字'.repeat(100), pos: 0 }]);
    expect(Array.from(recs[0].meta.title)).toHaveLength(60);
    expect(recs[0].meta.title.endsWith('…')).toBe(true);
  });
});

describe('a portal’s report: series, group and office', () => {
  it('reads them from the report article, entities decoded, other articles and attributes ignored', () => {
    const html = `<article class="card" data-series="other"></article>
<article data-year="2023" class="report report--gov" data-office="某某县财政局&amp;国资办 &#x300C;甲&#x300D; &quot;乙&quot;" data-series=" czj-xxgk " data-group='街道&lt;乡镇&gt;'>`;
    expect(reportSource(html)).toEqual({ series: 'czj-xxgk', office: '某某县财政局&国资办 「甲」 "乙"', group: '街道<乡镇>' });
    expect(reportSource('<article class="report" data-series="czj-xxgk" data-office="" data-group="">')).toEqual({ series: 'czj-xxgk' });
  });
  it('a page that names no series is a single folder’s', () => {
    expect(reportSource('<article class="report" data-year="2023">')).toBeUndefined();
    expect(reportSource('<article class="report" data-series="">')).toBeUndefined();
    expect(reportSource('<article class="reports" data-series="x">')).toBeUndefined();
    expect(reportSource(PAGE)).toBeUndefined();
  });
  it('records carry the series and group as filters, series and office as meta, and link under the series', () => {
    const recs = searchRecords(2022, reportBlocks(PAGE), { series: 'czj-xxgk', office: '某某县财政局', group: '部门' });
    expect(recs.map((r) => r.url)).toEqual(['czj-xxgk/2022/#p1', 'czj-xxgk/2022/#s1-1', 'czj-xxgk/2022/#s2', 'czj-xxgk/2022/#s2-1', 'czj-xxgk/2022/#s2-p1', 'czj-xxgk/2022/#s2-c1']);
    expect(recs[1]?.filters).toEqual({ year: ['2022'], kind: ['work'], series: ['czj-xxgk'], group: ['部门'] });
    expect(recs[1]?.meta).toEqual({ title: '一是认真落实主体责任。', year: '2022', anchor: 's1-1', pos: '1', section: '一、履行主体责任情况', item: '1', series: 'czj-xxgk', office: '某某县财政局' });
    expect(recs[1]?.sort).toEqual({ year: '2022', pos: '00001' });
  });
  it('an office without a group is filed under the portal’s own word for it', () => {
    expect(NO_GROUP).toBe(UNGROUPED);
    const [r] = searchRecords(2022, reportBlocks(PAGE), { series: 'czj-xxgk' });
    expect(r?.filters.group).toEqual([NO_GROUP]);
    expect(r?.meta.office).toBeUndefined();
  });
  it('without a source: exactly the single folder’s records', () => {
    expect(searchRecords(2022, reportBlocks(PAGE), undefined)).toEqual(searchRecords(2022, reportBlocks(PAGE)));
    expect(searchRecords(2022, reportBlocks(PAGE))[1]?.filters).toEqual({ year: ['2022'], kind: ['work'] });
  });
});

describe('tables in the report text', () => {
  const TABLE_PAGE = `<div class="report-text"><h2 id="s3" data-kind="work">三、收到和处理政府信息公开申请情况</h2>
<div class="table-scroll" id="s3-t1" data-kind="work" role="region"><table class="report-table"><caption id="s3-p1">表1　申请情况</caption>
<thead><tr id="s3-t1-r1" data-search-record><th scope="col">项目</th><th scope="col">自然人</th><th scope="col">总计</th></tr></thead>
<tbody><tr id="s3-t1-r2" data-search-record><th scope="row">1.属于国家秘密</th><td class="num">0</td><td class="num"><span class="stat stat-masked" data-metric="x">**</span></td></tr>
<tr id="s3-t1-r3" data-search-record><th scope="row">其中<span class="redacted">■■■</span></th><td class="blank"></td><td class="num">5</td></tr></tbody></table></div>
<p id="s3-p2" data-kind="work">表后的段落。</p></div>`;

  it('each row is a record of its own, after the caption, with the table’s kind and section; cells apart', () => {
    const blocks = reportBlocks(TABLE_PAGE);
    expect(blocks.map((b) => [b.anchor, b.kind, b.section?.title, b.text])).toEqual([
      ['s3-t1', 'work', '三、收到和处理政府信息公开申请情况', '表1　申请情况'],
      ['s3-t1-r1', 'work', '三、收到和处理政府信息公开申请情况', '项目 | 自然人 | 总计'],
      ['s3-t1-r2', 'work', '三、收到和处理政府信息公开申请情况', '1.属于国家秘密 | 0 | **'],
      ['s3-t1-r3', 'work', '三、收到和处理政府信息公开申请情况', '其中■■■ |  | 5'],
      ['s3-p2', 'work', '三、收到和处理政府信息公开申请情况', '表后的段落。'],
    ]);
    expect(searchRecords(2022, blocks).map((r) => r.url)).toEqual(['2022/#s3-t1', '2022/#s3-t1-r1', '2022/#s3-t1-r2', '2022/#s3-t1-r3', '2022/#s3-p2']);
  });

  it('a table without caption gives only its rows', () => {
    const blocks = reportBlocks(TABLE_PAGE.replace(/<caption[^]*?<\/caption>/, ''));
    expect(blocks.map((b) => b.anchor)).toEqual(['s3-t1-r1', 's3-t1-r2', 's3-t1-r3', 's3-p2']);
  });
});

// Issue 28 case 5: a paragraph holding a long run of whitespace stalled the build. The page reader and
// the record titles joined lines with /\s*\n\s*/g, which retries from every character of a run of spaces
// that holds no line break: 100 KB of spaces took 21 s.
describe('reading a page is linear in its text, whatever whitespace it holds', () => {
  const OLD = (text: string, joiner: string) => text.replace(/\s*\n\s*/g, joiner).trim();

  it('joinLines gives what the old expression gave', () => {
    const pieces = ['', ' ', '  ', '\n', '\n\n', ' \n ', '\t', '\u3000', '\u00a0', '\u2028', '\r', '文', 'a', '。', '\ufeff', '\u200b'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: next() % 12 }, () => pieces[next() % pieces.length]).join('');
      expect(joinLines(text, '\n'), JSON.stringify(text)).toBe(OLD(text, '\n'));
      expect(joinLines(text, ' '), JSON.stringify(text)).toBe(OLD(text, ' '));
    }
  });

  const page = (run: string) => `<div class="report-text"><h2 id="s1" data-kind="work">一、情况</h2><p id="s1-1" data-kind="work" class="item">一是加强学习。${run}结束。</p>\n<p id="s1-2" data-kind="work">二是${run}<br>${run}</p></div>`;
  for (const [name, ch] of [['spaces', ' '], ['full-width spaces', '\u3000'], ['tabs', '\t'], ['no-break spaces', '\u00a0'], ['spaces around line breaks', ' \n ']] as const) {
    it(`a paragraph with a long run of ${name}`, () => {
      expectLinear((n) => page(ch.repeat(n)), (html) => searchRecords(2022, reportBlocks(html)), 10_000, name);
      const [first] = reportBlocks(page(ch.repeat(10)));
      expect(first?.text).toBe(ch.includes('\n') ? '一是加强学习。\n结束。' : `一是加强学习。${ch.repeat(10)}结束。`);
    });
  }
});
