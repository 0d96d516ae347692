// Every numbering form on the built pages of the `forms` fixture (two real reports, test/fixtures/forms/README.md):
// the report reads as published, every item has its anchor and kind, the contents nest them, and /measures/,
// /compare/, a metric's citations and the search records see every form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from '../helpers/html.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';
import { reportBlocks, searchRecords } from '../../src/lib/search/records.ts';

const DIST = siteDir('forms');
const page = (path: string) => readPage(DIST, path);

/** The report text's top-level blocks (h2, h3, p, table) as a reader sees them. */
function blocks(html: string): { tag: string; id: string; attrs: string; text: string; inner: string }[] {
  const start = html.indexOf('class="report-text"');
  const end = [html.indexOf('id="follow-up"', start), html.indexOf('</article>', start)].filter((i) => i > 0).sort((a, b) => a - b)[0];
  // Notes on recurring items stand beside the blocks (data-pagefind-ignore); they are not report text.
  const body = html.slice(start, end).replace(/<aside class="item-notes"[\s\S]*?<\/aside>/g, '');
  return [...body.matchAll(/<(h2|h3|p|table|ol|ul)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => ({
    tag: m[1] as string,
    id: /\bid="([^"]*)"/.exec(m[2] as string)?.[1] ?? '',
    attrs: m[2] as string,
    text: textOf(m[3] as string),
    inner: m[3] as string,
  }));
}

const spansOf = (inner: string) => [...inner.matchAll(/<span id="([^"]+)" class="item item-inline" data-kind="([^"]+)"[^>]*>/g)].map((m) => `${m[1]}:${m[2]}`);

describe('the 2023 report page', () => {
  const html = page('2023/index.html');
  const published = readFileSync(join(ROOT, 'test/fixtures/real/gov-2023-pingtan/report.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');

  it('reads like the published report, paragraph by paragraph, inline items and all', () => {
    const shown = blocks(html).filter((b) => b.tag !== 'table').map((b) => b.text);
    // The title is the page's h1; the tables 2 and 3 are replaced (README); the one non-public figure is masked.
    const expected = published.slice(1).filter((l) => !/^\[\[table:1\]\]$/.test(l)).map((l) => (/^\[\[table:[23]\]\]$/.test(l) ? '本节的统计表见原报告。' : l.replace('公开信息1654条', '公开信息****条')));
    expect(shown).toEqual(expected);
    expect(html).not.toContain('1654');
  });

  it('anchors every item where the report writes it: sub-headings, spans inside paragraphs', () => {
    const b = blocks(html);
    const h3 = b.filter((x) => x.tag === 'h3').map((x) => `${x.id} ${/class="([^"]+)"/.exec(x.attrs)?.[1]} ${x.text}`);
    expect(h3).toEqual([
      's1-1 item item-paren-heading （一）主动公开方面',
      's1-2 item item-paren-heading （二）依申请公开方面',
      's1-3 item item-paren-heading （三）政府信息管理方面',
      's1-4 item item-paren-heading （四）信息公开平台建设方面',
      's1-5 item item-paren-heading （五）监督保障方面',
    ]);
    const byId = new Map(b.map((x) => [x.id, x]));
    expect(spansOf(byId.get('s1-p2')!.inner)).toEqual(['s1-1-1:work', 's1-1-2:work', 's1-1-3:work', 's1-1-4:work', 's1-1-5:work']);
    expect(spansOf(byId.get('s5-p1')!.inner)).toEqual(['s5-1:problems', 's5-3:problems', 's5-3b:problems']);
    expect(byId.get('s5-p2')!.attrs).toContain('data-kind="measures"');
    expect(spansOf(byId.get('s5-p3')!.inner)).toEqual(['s5-m1:measures', 's5-m2:measures', 's5-m3:measures']);
    // A masked figure inside an inline item is a stat span inside the item span.
    expect(byId.get('s1-p2')!.inner).toMatch(/<span id="s1-1-4"[^>]*>四是强化基层政务公开[^<]*<span class="stat stat-masked" data-metric="grassroots-items"[^>]*>\*\*\*\*<\/span>条。<\/span>/);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a table stands in its section and does not disturb the items around it', () => {
    const b = blocks(html);
    const t = b.findIndex((x) => x.tag === 'table');
    expect(b[t]?.text).toContain('行政规范性文件');
    expect(b[t - 1]?.id).toBe('s2');
    expect(b[t + 1]?.id).toBe('s3');
    // Its anchor, given by the table renderer, is the one the structure knows it by.
    expect(html).toMatch(/<div class="table-scroll" id="s2-t1" data-kind="work"/);
  });

  it('the contents nest the inline items under their sub-heading and name the measures after the problems', () => {
    const toc = html.slice(html.indexOf('class="toc"'), html.indexOf('</nav>', html.indexOf('class="toc"')));
    const nested = toc.slice(toc.indexOf('href="#s1-1"'), toc.indexOf('href="#s1-2"'));
    expect([...nested.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(['s1-1', 's1-1-1', 's1-1-2', 's1-1-3', 's1-1-4', 's1-1-5']);
    expect(nested).toContain('toc-items--nested');
    const s5 = toc.slice(toc.indexOf('href="#s5"'), toc.indexOf('href="#s6"'));
    const entries = [...s5.matchAll(/<a href="#(s5-[^"]+)">([\s\S]*?)<\/a>/g)].map((m) => `${m[1]} ${textOf(m[2] as string)}`);
    expect(entries).toEqual([
      's5-1 一是部分单位信息发布属性界定还不够精确，部分栏目存在信息噪音；',
      's5-3 三是开拓创新不够有力，实验区政务公开工作特色打造、亮点挖掘还不够；',
      's5-3b 三是政策解读的质量有待提高，形式还要更加多样、更加“接地气”。',
      's5-m1 工作措施一是加大政务公开检查力度，结合政府信息公开保密审查、发布时间节点限制等方面具体要求定期进行抽查，每月对政务公开情况进行巡检通报，通报结果纳入年度绩效考核。',
      's5-m2 工作措施二是提升政务公开内容质量。',
      's5-m3 工作措施三是拓宽政民互动渠道，做好“亲民情、接地气”工作，贴近民众心理，丰富信息发布形式，用群众喜闻乐见的语言传播政府的声音。',
    ]);
    for (const m of toc.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${m[1]}"`);
  });

  it('search records: one per paragraph text and one per item, each with its anchor and kind', () => {
    const recs = searchRecords(2023, reportBlocks(html));
    const kinds = Object.fromEntries(recs.map((r) => [r.meta.anchor, r.filters.kind[0]]));
    expect(kinds).toMatchObject({ 's1-1': 'work', 's1-1-4': 'work', 's5-p1': 'problems', 's5-1': 'problems', 's5-3b': 'problems', 's5-p2': 'measures', 's5-m1': 'measures', 's5-m3': 'measures', 's6-p1': 'other' });
    const m3 = recs.find((r) => r.meta.anchor === 's5-m3');
    expect(m3?.url).toBe('2023/#s5-m3');
    expect(m3?.meta.item).toBe('1');
    expect(m3?.content.replaceAll('\u200b', '')).toBe('三是拓宽政民互动渠道，做好“亲民情、接地气”工作，贴近民众心理，丰富信息发布形式，用群众喜闻乐见的语言传播政府的声音。');
    // No record holds another's item: the paragraph around the measures keeps only what is not an item.
    expect(recs.find((r) => r.meta.anchor === 's5-p1')?.content.replaceAll('\u200b', '')).toBe('存在的问题主要有以下几个方面：');
    expect(recs.some((r) => r.meta.anchor === 's5-p3')).toBe(false);
  });
});

describe('the 2022 report page', () => {
  const html = page('2022/index.html');
  const byId = new Map(blocks(html).map((x) => [x.id, x]));

  it('an ASCII (三) run-in paragraph is the item; its 一是 are spans inside it', () => {
    const p = byId.get('s1-3')!;
    expect(p.tag).toBe('p');
    expect(p.attrs).toContain('class="item item-paren-runin"');
    expect(spansOf(p.inner)).toEqual(['s1-3-1:work', 's1-3-2:work', 's1-3-3:work']);
    expect(p.text.startsWith('(三)政府信息管理方面。一是健全信息发布平台管理机制。')).toBe(true);
  });

  it('一是 paragraphs under a sub-heading nest under it; the list stays with its item; （1）sub-points are no items', () => {
    expect(byId.get('s1-5-2')?.attrs).toMatch(/class="item"/);
    const list = blocks(html).find((x) => x.tag === 'ol');
    expect(list?.text).toContain('结合工作考核机制进行抽查通报');
    const toc = html.slice(html.indexOf('class="toc"'), html.indexOf('</nav>', html.indexOf('class="toc"')));
    const under4 = toc.slice(toc.indexOf('href="#s1-4"'), toc.indexOf('href="#s1-5"'));
    expect([...under4.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(['s1-4']);
    const under5 = toc.slice(toc.indexOf('href="#s1-5"'), toc.indexOf('href="#s2"'));
    expect([...under5.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(['s1-5', 's1-5-1', 's1-5-2', 's1-5-3']);
  });

  it('redacted text inside an inline measure is hidden in the public edition', () => {
    expect(byId.get('s5-p2')?.inner).toMatch(/<span id="s5-m1"[^>]*>一是丰富意见征集形式，将<span class="redacted"[^>]*>■■■<\/span>问卷调查/);
    expect(html).not.toContain('座谈会、听证会');
  });
});

describe('pages built from the structure', () => {
  const entries = (html: string) => [...html.matchAll(/<li class="item-entry kind-(\w+)[^"]*" data-item="([^"]+)">\s*<p class="item-entry__title">\s*<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]} ${m[3]}`);

  it('/measures/ lists every year’s inline problems and measures, each linked to its span', () => {
    const html = page('measures/index.html');
    const y2023 = html.slice(html.indexOf('id="y2023"'), html.indexOf('</section>', html.indexOf('id="y2023"')));
    expect(entries(y2023)).toEqual([
      's5-1 problems /2023/#s5-1',
      's5-3 problems /2023/#s5-3',
      's5-3b problems /2023/#s5-3b',
      's5-m1 measures /2023/#s5-m1',
      's5-m2 measures /2023/#s5-m2',
      's5-m3 measures /2023/#s5-m3',
    ]);
    const y2022 = html.slice(html.indexOf('id="y2022"'), html.indexOf('</section>', html.indexOf('id="y2022"')));
    expect(entries(y2022).map((e) => e.split(' ')[0])).toEqual(['s5-1', 's5-2', 's5-3', 's5-m1', 's5-m2', 's5-m3']);
    expect(textOf(y2022)).not.toContain('座谈会');
  });

  it('/compare/2022-2023/ sets the two years’ problems and measures side by side', () => {
    const html = page('compare/2022-2023/index.html');
    const section = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));
    expect(entries(section('problems')).map((e) => e.split(' ').slice(0, 1).concat(e.split(' ')[2]!).join(' '))).toEqual([
      's5-1 /2022/#s5-1',
      's5-2 /2022/#s5-2',
      's5-3 /2022/#s5-3',
      's5-1 /2023/#s5-1',
      's5-3 /2023/#s5-3',
      's5-3b /2023/#s5-3b',
    ]);
    expect(entries(section('measures'))).toHaveLength(6);
    // 2022's measures, each inside one paragraph, followed up in 2023's work items, inline ones included.
    const follow = section('follow-up');
    expect([...follow.matchAll(/data-measure="([^"]+)"/g)].map((m) => m[1])).toEqual(['s5-m1', 's5-m2', 's5-m3']);
    const work = [...follow.matchAll(/<a href="\/2023\/#([^"]+)">/g)].map((m) => m[1]);
    expect(work.length).toBeGreaterThan(0);
    const y2023 = page('2023/index.html');
    for (const id of work) expect(y2023).toContain(`id="${id}"`);
  });

  it('a metric’s page cites the inline item that holds the figure, linked to it', () => {
    const html = page('metrics/requests-received/index.html');
    const cites = [...html.matchAll(/<blockquote class="citation">([\s\S]*?)<footer><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [textOf(m[1] as string).slice(0, 13), m[2], m[3]]);
    expect(cites).toEqual([
      ['持续强化服务理念，严格按照', '/2023/#s1-p3', '在2023年报告中查看此段 ›'],
      ['二是规范依申请受理答复流程', '/2022/#s1-2-2', '在2022年报告中查看此条 ›'],
    ]);
  });

  it('the home page counts every item, of every form', () => {
    const html = page('index.html');
    expect(textOf(html)).toContain('6 个部分 · 21 个条目');
  });
});
