// The trend, compare, metric, measures and data pages as built from the five-year series fixture
// (answer key: test/fixtures/series/README.md), in both editions and under a base path.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFiles, readPage, textOf } from '../helpers/html.ts';
import { siteDir, type SiteName } from '../helpers/sites.ts';

const PUB = siteDir('seriesPublic');
const INT = siteDir('seriesInternal');
const BASE = siteDir('seriesPublicBase');
const YEARS = [2019, 2020, 2021, 2022, 2023];
const METRICS = ['study-sessions', 'warning-education', 'inspections', 'problems-found', 'online-tips', 'petitions-received', 'petitions-closed', 'petitions-pending', 'disciplinary-actions'];
const SENTINELS = ['4817', '3629', '5903', '7741', '7698'];
const REDACTED = ['张某某', '李某某', '王某某'];
const PAIRS = YEARS.flatMap((a, i) => YEARS.slice(i + 1).map((b) => `${a}-${b}`));
/** The pages this work adds (plus the two it edits). */
const MY_PAGES = ['index.html', 'trends/index.html', 'measures/index.html', ...PAIRS.map((p) => `compare/${p}/index.html`), ...METRICS.map((m) => `metrics/${m}/index.html`), ...YEARS.map((y) => `${y}/index.html`)];

/** What a sighted reader sees: screen-reader-only sentences removed. */
function visible(html: string): string {
  const shown = html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ');
  return textOf(shown).replace(/[\s\u00a0]+/g, ' ').trim();
}
function attr(tag: string, name: string): string | undefined {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : textOf(v);
}
function row(html: string, metric: string): string {
  const m = new RegExp(`<tr data-metric="${metric}">([\\s\\S]*?)</tr>`).exec(html);
  expect(m, `row ${metric}`).not.toBeNull();
  return m![0];
}
function cell(rowHtml: string, year: number): { html: string; text: string; title: string } {
  const m = new RegExp(`<td\\b([^>]*data-year="${year}"[^>]*)>([\\s\\S]*?)</td>`).exec(rowHtml);
  expect(m, `cell ${year}`).not.toBeNull();
  return { html: m![0], text: visible(m![2]!), title: attr(m![1]!, 'title') ?? '' };
}
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}
function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => textOf(m[1]!));
}

describe('/trends/', () => {
  const html = readPage(INT, 'trends/index.html');

  it('has every metric as a row, one collapsible section per registry group, with its unit and a link to its page', () => {
    const rows = [...html.matchAll(/<tr data-metric="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(METRICS);
    const groups = [...html.matchAll(/<details class="metric-group" id="(group-\d+)" open><summary><h2 class="metric-group__title">([^<]+)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(groups).toEqual(['group-1 教育学习', 'group-2 监督检查', 'group-3 信访执纪']);
    // The group links at the top lead to the sections.
    const nav = /<nav class="group-nav"[\s\S]*?<\/nav>/.exec(html)![0];
    expect(hrefs(nav)).toEqual(['#group-1', '#group-2', '#group-3']);
    expect(visible(nav)).toBe('分组： 教育学习 （2） 监督检查 （3） 信访执纪 （4）');
    expect(visible(row(html, 'petitions-received'))).toMatch(/^受理信访举报 （件次） 走势：/);
    expect(row(html, 'petitions-received')).toMatch(/<\/th><td class="spark-col"><svg class="sparkline"/);
    expect(row(html, 'online-tips')).toContain('href="/metrics/online-tips/"');
    // Nothing of this series is 0 or unreported in every year: nothing is folded.
    expect(html).not.toContain('class="folded-rows"');
  });

  it('is accessible tables: a caption each, column headers for every year, row headers, sticky first column', () => {
    const tables = [...html.matchAll(/<div class="table-scroll trends-scroll" role="region" aria-labelledby="(group-\d+)-caption" tabindex="0">\s*<table class="trends-table">\s*<caption id="\1-caption">([\s\S]*?)<\/caption>([\s\S]*?)<\/table>/g)];
    expect(tables.map((t) => visible(t[2]!))).toEqual(['教育学习：历年数值与变化（2019—2023年，2 项）', '监督检查：历年数值与变化（2019—2023年，3 项）', '信访执纪：历年数值与变化（2019—2023年，4 项）']);
    for (const t of tables) {
      const cols = [...t[3]!.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => visible(m[1]!));
      expect(cols).toEqual(['指标（单位）', '走势', '2019年', '2020年', '2021年', '2022年', '2023年']);
      // Fixed column widths, so the three tables line up.
      expect(t[3]).toContain('<colgroup><col class="col-metric"><col class="col-spark"><col class="col-year">');
    }
    expect([...html.matchAll(/<th scope="row" class="sticky-col/g)]).toHaveLength(9);
    expect(visible(html)).toContain('2019—2023年各项指标的数值，共 9 项。');
  });

  it('shows each value with its change under it, honest about lower bounds', () => {
    const r = row(html, 'study-sessions');
    expect(cell(r, 2019).text).toBe('12');
    expect(cell(r, 2020).text).toBe('14 ↑ +2（+17%）');
    expect(cell(r, 2021).text).toBe('30余 约 ↑ +16');
    expect(cell(r, 2022).text).toBe('18 约 ↓ -12');
    expect(cell(r, 2022).title).toBe('2022年：18次；较2021年约减少12次（含约数，仅供参考）');
    expect(cell(r, 2023).text).toBe('24 ↑ +6（+33%）');
  });

  it('colours by `better` but never only by colour: arrow and sign carry the direction', () => {
    const pending = row(html, 'petitions-pending');
    // 43 → 0, better: down → good.
    expect(cell(pending, 2023).text).toBe('0 ↓ -43（-100%）');
    expect(cell(pending, 2023).html).toContain('tone-good');
    const insp = row(html, 'inspections');
    expect(cell(insp, 2021).html).toContain('tone-good');
    // neutral: 5903 → 120+ is down, but neutral.
    const found = row(html, 'problems-found');
    expect(cell(found, 2023).text).toBe('120余 约 ↓ -5783');
    expect(cell(found, 2023).html).toContain('tone-neutral');
    expect(cell(found, 2023).html).not.toMatch(/tone-(good|bad)/);
  });

  it('says 已遮蔽 for a masked year, in the cell and its tooltip, and does not compare across it', () => {
    const found = row(html, 'problems-found');
    expect(cell(found, 2020).text).toBe('** 已遮蔽');
    expect(cell(found, 2020).title).toContain('已遮蔽');
    expect(cell(found, 2021).text).toBe('44 已遮蔽');
    expect(cell(found, 2021).title).toContain('2020年或本年数值已遮蔽，无法比较');
    expect(cell(row(html, 'warning-education'), 2020).text).toBe('*余 已遮蔽');
  });

  it('says 未报告 for a missing year, and compares a later year with the last one that reported', () => {
    const we = row(html, 'warning-education');
    expect(cell(we, 2023).text).toBe('— 未报告');
    expect(cell(we, 2023).title).toBe('2023年：本年未报告此项');
    const da = row(html, 'disciplinary-actions');
    expect(cell(da, 2021).text).toBe('0 已遮蔽');
    expect(cell(da, 2022).text).toBe('— 未报告');
    // 2023 against 2021's zero: no percent, no Infinity.
    expect(cell(da, 2023).text).toBe('2 ↑ +2（基数为0）');
    expect(cell(da, 2023).title).toContain('较2021年增加2人（2021年为0，无法计算增幅）');
    const tips = row(html, 'online-tips');
    expect(cell(tips, 2019).text).toBe('— 未报告');
    expect(cell(tips, 2021).text).toBe('3629 首次报告');
    expect(html).not.toMatch(/Infinity|NaN/);
  });

  it('draws a sparkline per row with a text alternative; masked and missing years are marked, not zero', () => {
    const sparks = [...html.matchAll(/<svg class="sparkline"[^>]*role="img"[^>]*aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)];
    expect(sparks).toHaveLength(9);
    const we = row(html, 'warning-education');
    const svg = /<svg class="sparkline"[\s\S]*?<\/svg>/.exec(we)![0];
    expect(svg).toContain('<title>走势：警示教育活动（场次），2019—2023年：2019年6场次；2020年已遮蔽；2021年9场次；2022年8场次；2023年未报告。</title>');
    expect(svg.match(/spark-gap--masked/g)).toHaveLength(1);
    expect(svg.match(/spark-gap--missing/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    // Two runs: 2019 alone, then 2021–2022.
    expect(/ d="([^"]+)"/.exec(svg.slice(svg.indexOf('spark-line')))![1]!.split('M').filter(Boolean)).toHaveLength(2);
  });

  it('offers the data downloads', () => {
    expect(hrefs(html)).toEqual(expect.arrayContaining(['/data/stats.csv', '/data/stats.json']));
  });

  it('in the public edition shows the public metrics and masks the rest', () => {
    const pub = readPage(PUB, 'trends/index.html');
    expect(cell(row(pub, 'inspections'), 2023).text).toBe('35 ↑ +4（+13%）');
    expect(cell(row(pub, 'problems-found'), 2019).text).toBe('**** 已遮蔽');
    expect(cell(row(pub, 'problems-found'), 2023).text).toBe('***余 已遮蔽');
    expect(cell(row(pub, 'disciplinary-actions'), 2021).text).toBe('* 已遮蔽');
    expect(cell(row(pub, 'petitions-pending'), 2023).text).toBe('* 已遮蔽');
  });
});

describe('/compare/<a>-<b>/', () => {
  it('is built for every pair of the five years, and only those', () => {
    const pairPage = /^compare\/\d{4}-\d{4}\/index\.html$/;
    const built = allFiles(INT).filter((f) => pairPage.test(f)).map((f) => f.split('/')[1]).sort();
    expect(built).toEqual([...PAIRS].sort());
    // beside them, only the page listing them and the picker's list of pairs
    expect(allFiles(INT).filter((f) => f.startsWith('compare/') && !pairPage.test(f)).sort()).toEqual(['compare/index.html', 'compare/pairs.json']);
  });

  const html = readPage(INT, 'compare/2019-2023/index.html');
  const figures = section(html, 'figures');

  it('shows every figure of both years with the change between them, computed directly', () => {
    expect(html).toMatch(/<h1>2019年与2023年对比<\/h1>/);
    expect([...figures.matchAll(/<tr data-metric="([^"]+)">/g)].map((m) => m[1])).toEqual(METRICS);
    const change = (metric: string) => visible(/<td class="change-cell"[^>]*>([\s\S]*?)<\/td>/.exec(row(figures, metric))![1]!);
    const ss = row(figures, 'study-sessions');
    expect(cell(ss, 2019).text).toBe('12');
    expect(cell(ss, 2023).text).toBe('24');
    expect(change('study-sessions')).toBe('↑ +12（+100%）');
    expect(change('inspections')).toBe('↑ +20（+133%）');
    expect(change('problems-found')).toBe('约 ↓ -4697');
    expect(change('petitions-received')).toBe('↓ -19（-33%）');
    expect(change('disciplinary-actions')).toBe('↓ -1（-33%）');
  });

  it('says why a figure cannot be compared', () => {
    const we = row(figures, 'warning-education');
    expect(cell(we, 2023).text).toBe('— 未报告');
    expect(visible(/<td class="change-cell"[^>]*>([\s\S]*?)<\/td>/.exec(we)![1]!)).toBe('未报告');
    expect(/<td class="change-cell" title="([^"]*)"/.exec(we)![1]).toBe('2023年未报告');
    const tips = row(figures, 'online-tips');
    expect(cell(tips, 2019).text).toBe('— 未报告');
    expect(visible(/<td class="change-cell"[^>]*>([\s\S]*?)<\/td>/.exec(tips)![1]!)).toBe('2019年未报告');
    const masked = row(section(readPage(INT, 'compare/2020-2022/index.html'), 'figures'), 'problems-found');
    expect(cell(masked, 2020).text).toBe('** 已遮蔽');
    expect(visible(/<td class="change-cell"[^>]*>([\s\S]*?)<\/td>/.exec(masked)![1]!)).toBe('已遮蔽');
  });

  /** The item titles in one year's column of a section. */
  function titles(sectionHtml: string, year: number): string[] {
    const start = sectionHtml.indexOf(`<div class="pair-col" data-year="${year}"`);
    expect(start, `column ${year}`).toBeGreaterThan(-1);
    const col = sectionHtml.slice(start, sectionHtml.indexOf('</ol>', start));
    return [...col.matchAll(/<p class="item-entry__title"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);
  }

  it('puts the two years’ problems, causes and measures side by side, each linked to its paragraph', () => {
    expect(titles(section(html, 'problems'), 2019)).toEqual([
      '一是学习教育的针对性不强。 → /2019/#s2-1',
      '二是监督检查覆盖面不够广。 → /2019/#s2-2',
      '三是基层党组织建设存在薄弱环节。 → /2019/#s2-3',
    ]);
    expect(titles(section(html, 'problems'), 2023)).toEqual(['一是政治理论学习有待加强。 → /2023/#s2-1', '二是监督质效有待提高。 → /2023/#s2-2']);
    expect(titles(section(html, 'causes'), 2019).map((t) => t.split(' → ')[1])).toEqual(['/2019/#s2-c1', '/2019/#s2-c2']);
    expect(titles(section(html, 'measures'), 2023)[0]).toBe('一是强化监督执纪问责，保持惩治腐败高压态势。 → /2023/#s3-1');
  });

  it('marks a title that recurs in the other year, on both sides', () => {
    const causes = section(html, 'causes');
    const recurring = [...causes.matchAll(/<li class="item-entry kind-causes is-recurring" data-item="([^"]+)">[\s\S]*?<a href="[^"]+">([^<]+)<\/a>\s*<span class="recur-badge"[^>]*>([\s\S]*?)<\/span>\s*<\/p>/g)].map((m) => [m[1], m[2], visible(m[3]!)]);
    expect(recurring).toEqual([
      ['s2-c1', '一是思想认识还不够到位。', '↻ 另见 2023年'],
      ['s2-c1', '一是思想认识还不够到位。', '↻ 另见 2019年'],
    ]);
  });

  it('follows year a’s measures into year a+1’s work only when the two years are consecutive', () => {
    // 2019-2023 is not a pair of consecutive years: no follow-up there (it used to list 2019 next to 2020).
    expect(html).not.toContain('id="follow-up"');
    const later = readPage(INT, 'compare/2022-2023/index.html');
    const follow = section(later, 'follow-up');
    expect(visible(follow)).toContain('2022年提出的措施在2023年的落实情况');
    const measures = [...follow.matchAll(/<li class="follow-up" data-measure="([^"]+)">([\s\S]*?)<\/li>\s*(?=<li class="follow-up"|<\/ol>)/g)].map((m) => [m[1], visible(m[2]!)]);
    expect(measures.map((m) => m[0])).toEqual(['s3-1', 's3-2', 's3-3']);
    // 强化监督执纪问责 (2022) → 2023's 四是严肃执纪问责, with the words they share and a strength, never a verdict.
    expect(measures[0]![1]).toMatch(/^2022年措施 一是强化监督执纪问责，保持惩治腐败高压态势。 相近程度：一般 四是严肃执纪问责，巩固惩治腐败成果。 共同词语：惩治、腐败、执纪问责$/);
    expect(follow).toContain('href="/2023/#s1-4"');
    expect(measures[1]![1]).toContain('未见落实情况');
    expect(visible(follow)).not.toContain('已落实');
  });

  it('redacted text stays redacted on the public compare page', () => {
    const pub = readPage(PUB, 'compare/2021-2022/index.html');
    for (const name of REDACTED) expect(pub).not.toContain(name);
    expect(pub).toContain('■■■');
    expect(readPage(INT, 'compare/2021-2022/index.html')).toContain('王某某');
  });
});

describe('compare picker', () => {
  function picker(html: string): string {
    const start = html.indexOf('<section class="compare-picker"');
    expect(start, 'picker').toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</section>', start));
  }

  it('is on every compare page and every report page', () => {
    for (const p of PAIRS) expect(readPage(PUB, `compare/${p}/index.html`)).toContain('data-compare-picker');
    for (const y of YEARS) expect(readPage(PUB, `${y}/index.html`)).toContain('data-compare-picker');
  });

  it('knows every built pair (from one shared file) and offers links only to pages that exist', () => {
    const shared = JSON.parse(readPage(PUB, 'compare/pairs.json')) as { years: number[]; pairs: string[] };
    expect(shared.pairs.sort()).toEqual([...PAIRS].sort());
    expect(shared.years).toEqual(YEARS);
    for (const key of shared.pairs) expect(existsSync(join(PUB, 'compare', key, 'index.html')), key).toBe(true);
    for (const page of ['2021/index.html', 'compare/2019-2023/index.html']) {
      const p = picker(readPage(PUB, page));
      expect(attr(p, 'data-pairs-src')).toBe('/compare/pairs.json');
      expect(attr(p, 'data-template')).toBe('/compare/{a}-{b}/');
      for (const href of hrefs(p)) expect(existsSync(join(PUB, href, 'index.html')), href).toBe(true);
      // The page itself carries only its own pair: the picker does not grow with the number of years.
      expect(p.match(/<option /g)).toHaveLength(2);
    }
  });

  it('on a report page, links the year with every other year', () => {
    const p = picker(readPage(PUB, '2021/index.html'));
    expect(hrefs(p)).toEqual(['/compare/2019-2021/', '/compare/2020-2021/', '/compare/2021-2022/', '/compare/2021-2023/']);
    expect(p).toMatch(/<option value="2020" selected>/);
    expect(p).toMatch(/<option value="2021" selected>/);
  });

  it('on a compare page, links both years with the others and marks the current pair', () => {
    const p = picker(readPage(PUB, 'compare/2019-2023/index.html'));
    expect(hrefs(p)).toHaveLength(3 + 3);
    expect(p.match(/aria-current="page"/g)).toHaveLength(2);
  });

  it('keeps the select form hidden until its script runs, so it never shows a dead control without JavaScript', () => {
    expect(picker(readPage(PUB, '2021/index.html'))).toMatch(/<form class="compare-picker__form" hidden>/);
  });
});

describe('/metrics/<id>/', () => {
  it('is built for every metric', () => {
    for (const m of METRICS) expect(existsSync(join(INT, 'metrics', m, 'index.html')), m).toBe(true);
  });

  const html = readPage(INT, 'metrics/warning-education/index.html');

  it('explains the definition: description, unit, group and which direction is better', () => {
    const def = visible(/<dl class="metric-def">([\s\S]*?)<\/dl>/.exec(html)![1]!);
    expect(def).toContain('组织党员干部观看警示教育片、参观廉政教育基地等警示教育活动的场次。');
    expect(def).toContain('单位 场次');
    expect(def).toContain('分组 教育学习');
    expect(def).toContain('越多越好');
    const neutral = visible(/<dl class="metric-def">([\s\S]*?)<\/dl>/.exec(readPage(INT, 'metrics/problems-found/index.html'))![1]!);
    expect(neutral).toContain('中性');
    expect(neutral).toContain('不代表好坏');
  });

  it('draws a chart with real axes, a text alternative, and masked/missing years marked instead of drawn at zero', () => {
    const svg = /<svg[^>]*data-chart="wide"[^>]*>([\s\S]*?)<\/svg>/.exec(html)![0];
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain('<desc id="chart-warning-education-wide-desc">警示教育活动（场次），2019—2023年：2019年6场次；2020年已遮蔽；2021年9场次；2022年8场次；2023年未报告。</desc>');
    const xAxis = svg.slice(svg.indexOf('chart-axis--x'), svg.indexOf('chart-points'));
    const xLabels = [...xAxis.matchAll(/<text[^>]*>(\d{4})<\/text>/g)].map((m) => m[1]);
    expect(xLabels).toEqual(YEARS.map(String));
    const yAxis = /chart-axis--y[\s\S]*?(?=<g class="chart-axis chart-axis--x")/.exec(svg)![0];
    const yLabels = [...yAxis.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(yLabels[0]).toBe(0);
    expect(Math.max(...yLabels)).toBeGreaterThanOrEqual(9);
    expect(svg).toMatch(/<g class="chart-gap chart-gap--masked" data-year="2020"><title>2020年：已遮蔽<\/title>/);
    expect(svg).toMatch(/<g class="chart-gap chart-gap--missing" data-year="2023"><title>2023年：未报告<\/title>/);
    const points = [...svg.matchAll(/<g class="chart-point[^"]*" data-year="(\d+)">/g)].map((m) => Number(m[1]));
    expect(points).toEqual([2019, 2021, 2022]);
    const line = /<path class="chart-line" d="([^"]+)"/.exec(svg)![1]!;
    expect(line.split('M').filter(Boolean)).toHaveLength(2);
    expect(html).toMatch(/<figcaption class="chart-legend">[\s\S]*已遮蔽[\s\S]*未报告/);
    // The compact drawing for phones says the same.
    expect(html).toMatch(/data-chart="compact"/);
  });

  it('marks a lower bound as approximate in the chart', () => {
    const ss = readPage(INT, 'metrics/study-sessions/index.html');
    expect(ss).toMatch(/<g class="chart-point is-approx" data-year="2021"><title>2021年：30余次（至少30次，为约数）<\/title>/);
  });

  it('has the data table beside the chart, with 已遮蔽 / 未报告 and changes', () => {
    const table = /<table class="metric-table">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(table).toMatch(/<caption id="metric-caption">警示教育活动历年数值（场次）<\/caption>/);
    const rows = [...table.matchAll(/<tr data-year="(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => `${m[1]}: ${visible(m[2]!)}`);
    expect(rows).toEqual(['2019: 2019年 6 —', '2020: 2020年 *余 已遮蔽 已遮蔽', '2021: 2021年 9 已遮蔽', '2022: 2022年 8 ↓ -1（-11%）', '2023: 2023年 — 未报告 未报告']);
  });

  it('quotes each year’s paragraph that cites the figure, linked to that paragraph in the report', () => {
    const cites = [...html.matchAll(/<li data-year="(\d+)">([\s\S]*?)<\/li>/g)];
    expect(cites.map((m) => Number(m[1]))).toEqual([2023, 2022, 2021, 2020, 2019]);
    const byYear = new Map(cites.map((m) => [Number(m[1]), m[2]!]));
    expect(visible(byYear.get(2023)!)).toContain('本年报告正文没有引用此项数字');
    for (const year of [2019, 2020, 2021, 2022]) {
      const links = [...byYear.get(year)!.matchAll(/<a href="\/(\d{4})\/#([^"]+)">在\d{4}年报告中查看此段/g)];
      expect(links, `${year}`).toHaveLength(1);
      const [, y, id] = links[0]!;
      expect(Number(y)).toBe(year);
      // The anchor exists in that report and is the paragraph holding the <Stat>.
      const report = readPage(INT, `${year}/index.html`);
      const para = new RegExp(`<p id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(report);
      expect(para, `${year}#${id}`).not.toBeNull();
      expect(para![1]).toContain('data-metric="warning-education"');
      // The quote is that paragraph's text.
      const quote = /<blockquote class="citation">\s*<p>([\s\S]*?)<\/p>/.exec(byYear.get(year)!)![1]!;
      expect(textOf(quote)).toBe(textOf(para![1]!));
    }
  });

  it('in the public edition says the metric is not public and leaks no number', () => {
    const pub = readPage(PUB, 'metrics/problems-found/index.html');
    expect(visible(pub)).toContain('本指标不对外公开');
    expect(pub).toMatch(/<g class="chart-gap chart-gap--masked" data-year="2019">/);
    expect(pub).not.toMatch(/<g class="chart-point[ "]/);
    expect(visible(readPage(PUB, 'metrics/study-sessions/index.html'))).not.toContain('本指标不对外公开');
  });
});

describe('/measures/', () => {
  const html = readPage(INT, 'measures/index.html');

  it('lists the titles that recur across years, with the years they recur in (README answer key)', () => {
    const rec = section(html, 'recurring');
    const found = [...rec.matchAll(/<div class="recur-group" data-kind="([a-z]+)">([\s\S]*?)<\/ul>\s*<\/div>/g)].flatMap((g) =>
      [...g[2]!.matchAll(/<p class="recur-entry__title">([^<]+)<\/p>\s*<p class="recur-entry__years">([\s\S]*?)<\/p>/g)].map(
        (e) => `${g[1]} ${e[1]} ${[...e[2]!.matchAll(/>(\d{4})年</g)].map((y) => y[1]).join(',')}`,
      ),
    );
    expect(found).toEqual([
      'problems 政治理论学习有待加强。 2020,2023',
      'causes 思想认识还不够到位。 2019,2023',
      'causes 压力传导还不够精准到位。 2021,2022',
      'measures 强化监督执纪问责，保持惩治腐败高压态势。 2020,2022,2023',
      'measures 坚持标本兼治，一体推进“三不腐”。 2020,2023',
      'measures 建强纪检监察干部队伍。 2020,2023',
      'measures 加强作风建设，持续正风肃纪。 2019,2021',
    ]);
    // Identical titles are 相同; the two joined in other words are 相近, with each year's wording listed.
    const wording = [...rec.matchAll(/<p class="recur-entry__title">([^<]+)<\/p>[\s\S]*?<span class="recur-wording[^"]*"[^>]*>([^<]+)<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(wording.filter((w) => w.endsWith('相近'))).toEqual(['坚持标本兼治，一体推进“三不腐”。 相近', '建强纪检监察干部队伍。 相近']);
    expect(visible(rec)).toContain('2020年： 加强纪检干部队伍建设。 2023年： 建强纪检监察干部队伍。');
    // Each year chip links to the item itself.
    expect(rec).toContain('href="/2022/#s3-1"');
    expect(rec).toContain('href="/2019/#s2-c1"');
  });

  it('has every year, newest first, with its problems, causes and measures', () => {
    const years = [...html.matchAll(/<section id="y(\d{4})"/g)].map((m) => Number(m[1]));
    expect(years).toEqual([...YEARS].reverse());
    const count = (year: number, kind: string) => {
      const s = section(html, `y${year}`);
      const start = s.indexOf(`<div class="kind-col" data-kind="${kind}">`);
      return (s.slice(start, s.indexOf('</ol>', start)).match(/<li class="item-entry/g) ?? []).length;
    };
    expect(YEARS.map((y) => count(y, 'problems'))).toEqual([3, 3, 3, 3, 2]);
    expect(YEARS.map((y) => count(y, 'causes'))).toEqual([2, 2, 2, 2, 2]);
    expect(YEARS.map((y) => count(y, 'measures'))).toEqual([3, 3, 3, 3, 3]);
  });

  it('marks recurring items in the year lists with the other years', () => {
    const y2022 = visible(section(html, 'y2022')).replace(/ /g, '');
    expect(y2022).toContain('一是强化监督执纪问责，保持惩治腐败高压态势。↻另见2020年、2023年');
    expect(y2022).toContain('一是压力传导还不够精准到位。↻另见2021年');
    expect(y2022).not.toContain('一是落实“一岗双责”还有差距。↻');
  });
});

describe('/data/stats.json and /data/stats.csv', () => {
  const json = (dir: string) => JSON.parse(readFileSync(join(dir, 'data/stats.json'), 'utf8'));
  const csv = (dir: string) => readFileSync(join(dir, 'data/stats.csv'));

  it('JSON: every metric × year with label, unit, group, the value as written and as shown', () => {
    const doc = json(INT);
    expect(doc.years).toEqual(YEARS);
    expect(doc.metrics.map((m: { id: string }) => m.id)).toEqual(METRICS);
    expect(doc.values).toHaveLength(45);
    const v = (metric: string, year: number) => doc.values.find((x: { metric: string; year: number }) => x.metric === metric && x.year === year);
    expect(v('study-sessions', 2021)).toEqual({ metric: 'study-sessions', label: '理论学习中心组集中学习', unit: '次', group: '教育学习', year: 2021, written: '30+', shown: '30余', status: 'atLeast', value: 30 });
    expect(v('problems-found', 2019)).toMatchObject({ written: 4817, shown: '4817', value: 4817 });
    expect(v('problems-found', 2020)).toMatchObject({ written: '**', shown: '**', status: 'masked', value: null });
    expect(v('warning-education', 2023)).toMatchObject({ written: null, shown: '—', status: 'missing', value: null });
    expect(v('online-tips', 2019)).toMatchObject({ written: null, status: 'missing' });
    expect(v('disciplinary-actions', 2021)).toMatchObject({ written: 0, value: 0 });
    expect(doc.edition).toBe('internal');
  });

  it('JSON in the public edition is masked like every page', () => {
    const doc = json(PUB);
    const v = (metric: string, year: number) => doc.values.find((x: { metric: string; year: number }) => x.metric === metric && x.year === year);
    expect(v('problems-found', 2019)).toMatchObject({ written: '****', shown: '****', status: 'masked', value: null });
    expect(v('problems-found', 2023)).toMatchObject({ written: '***+', shown: '***余', status: 'masked', value: null });
    expect(v('inspections', 2022)).toMatchObject({ written: 31, shown: '31', value: 31 });
    expect(doc.edition).toBe('public');
  });

  it('CSV: UTF-8 with BOM for Excel, Chinese header with ids, one line per metric × year', () => {
    const bytes = csv(INT);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('指标id,指标,单位,分组,年份,填报值,显示值');
    expect(lines.filter(Boolean)).toHaveLength(46);
    expect(lines).toContain('study-sessions,理论学习中心组集中学习,次,教育学习,2021,30+,30余');
    expect(lines).toContain('problems-found,发现问题,个,监督检查,2019,4817,4817');
    expect(lines).toContain('warning-education,警示教育活动,场次,教育学习,2023,,—');
    expect(lines).toContain('disciplinary-actions,党纪政务处分,人,信访执纪,2022,,—');
  });

  it('CSV in the public edition is masked', () => {
    const lines = csv(PUB).toString('utf8').split('\r\n');
    expect(lines).toContain('problems-found,发现问题,个,监督检查,2019,****,****');
    expect(lines).toContain('petitions-received,受理信访举报,件次,信访执纪,2022,****,****');
    expect(lines).toContain('inspections,监督检查,次,监督检查,2022,31,31');
  });
});

describe('home page: the latest year’s key figures', () => {
  it('shows 2023’s figures with their changes and links to trends and the latest comparison', () => {
    const html = readPage(INT, 'index.html');
    const latest = /<section class="latest-figures"[\s\S]*?<\/section>/.exec(html)![0];
    expect(visible(latest)).toContain('最新数据（2023年）');
    const cards = [...latest.matchAll(/<li class="latest-card" data-metric="([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => `${m[1]}: ${visible(m[2]!)}`);
    expect(cards).toEqual([
      'study-sessions: 理论学习中心组集中学习 24 次 ↑ +6（+33%）',
      'inspections: 监督检查 35 次 ↑ +4（+13%）',
      'problems-found: 发现问题 120余 个 约 ↓ -5783',
      'online-tips: 网上举报平台受理问题线索 47 条 ↓ -5（-9.6%）',
      'petitions-received: 受理信访举报 38 件次 ↓ -7703（-99.5%）',
      'petitions-closed: 办结 38 件次 ↓ -7660（-99.5%）',
    ]);
    expect(hrefs(latest)).toEqual(expect.arrayContaining(['/trends/', '/compare/2022-2023/', '/measures/', '/metrics/study-sessions/']));
  });

  it('in the public edition headlines public figures and says 已遮蔽 for the rest', () => {
    const latest = /<section class="latest-figures"[\s\S]*?<\/section>/.exec(readPage(PUB, 'index.html'))![0];
    const cards = [...latest.matchAll(/<li class="latest-card" data-metric="([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => `${m[1]}: ${visible(m[2]!)}`);
    expect(cards).toEqual(['study-sessions: 理论学习中心组集中学习 24 次 ↑ +6（+33%）', 'inspections: 监督检查 35 次 ↑ +4（+13%）', 'petitions-received: 受理信访举报 ** 已遮蔽']);
  });
});

describe('nothing leaks, every link resolves, under any base', () => {
  it('no public output file holds a sentinel number or a redacted name', () => {
    for (const dir of [PUB, BASE]) {
      for (const f of allFiles(dir)) {
        if (!/\.(html|json|csv|js|mjs|css|svg|xml|txt)$/.test(f)) continue;
        const text = readFileSync(join(dir, f), 'utf8');
        for (const s of SENTINELS) expect(new RegExp(`(?<!\\d)${s}(?!\\d)`).test(text), `${s} in ${f}`).toBe(false);
        for (const n of REDACTED) expect(text.includes(n), `${n} in ${f}`).toBe(false);
      }
    }
  });

  it('the internal edition does show them (so the test above can fail)', () => {
    expect(readPage(INT, 'trends/index.html')).toContain('>4817<');
    expect(readFileSync(join(INT, 'data/stats.csv'), 'utf8')).toContain('7741');
  });

  function resolves(dir: string, base: string, from: string, href: string): string | undefined {
    if (href.startsWith('data:')) return undefined;
    if (/^(https?:)?\/\//.test(href)) return `external link ${href}`;
    if (href.startsWith('#')) {
      const id = href.slice(1);
      return readPage(dir, from).includes(`id="${id}"`) ? undefined : `missing anchor ${href}`;
    }
    if (!href.startsWith(base)) return `not under base ${base}: ${href}`;
    const [path, anchor] = href.slice(base.length).split('#') as [string, string | undefined];
    let file = join(dir, path);
    if (!existsSync(file)) return `404 ${href}`;
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return `404 ${href}`;
    if (anchor && !readFileSync(file, 'utf8').includes(`id="${anchor}"`)) return `missing anchor ${href}`;
    return undefined;
  }

  it.each<[SiteName, string]>([
    ['seriesPublic', '/'],
    ['seriesInternal', '/'],
    ['seriesPublicBase', '/reports/'],
  ])('%s: every link on the trends, compare, metric, measures, home and report pages leads to a built page', (name, base) => {
    const dir = siteDir(name);
    const problems: string[] = [];
    for (const page of MY_PAGES) {
      const html = readPage(dir, page);
      for (const href of hrefs(html)) {
        const p = resolves(dir, base, page, href);
        if (p) problems.push(`${page}: ${p}`);
      }
      for (const m of html.matchAll(/\s(?:src|action)="([^"]*)"/g)) {
        if (!m[1]!.startsWith(base) && !m[1]!.startsWith('data:')) problems.push(`${page}: src/action not under base: ${m[1]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('under /reports/ the picker navigates inside the base', () => {
    const html = readPage(BASE, 'compare/2020-2021/index.html');
    expect(attr(/<section class="compare-picker"[^>]*>/.exec(html)![0], 'data-template')).toBe('/reports/compare/{a}-{b}/');
    expect(attr(/<section class="compare-picker"[^>]*>/.exec(html)![0], 'data-pairs-src')).toBe('/reports/compare/pairs.json');
    expect(existsSync(join(BASE, 'compare/pairs.json'))).toBe(true);
    expect(readPage(BASE, 'trends/index.html')).toContain('href="/reports/data/stats.csv"');
    expect(existsSync(join(BASE, 'data/stats.csv'))).toBe(true);
  });
});
