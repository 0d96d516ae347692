// The demo's party-governance site (examples/demo), built as `npm run demo` builds it: public edition under /demo/;
// and the banner on every page of both samples the demo shows (examples/gov-info-disclosure too).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFiles, readDecoded, readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';
import { SAMPLE_NOTICE } from '../../src/lib/content/site.ts';

const DIR = siteDir('demo');
const YEARS = [2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024];
const text = (html: string) => textOf(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

describe.each(['demo', 'govInfo'] as const)('every page of the %s sample says it is sample data', (name) => {
  const dir = siteDir(name);
  const pages = allFiles(dir).filter((f) => f.endsWith('.html'));

  it('builds every page: home, each year, trends, measures, search, every metric and compare pair', () => {
    expect(pages.length).toBeGreaterThanOrEqual(name === 'demo' ? 1 + 10 + 3 + 24 + 45 : 1 + 3 + 3 + 200 + 3);
  });

  it.each(pages)('%s carries the banner and （示例） in its title', (page) => {
    const html = readPage(dir, page);
    const banner = /<aside class="sample-notice"[^>]*>([^<]*)<\/aside>/.exec(html);
    expect(banner?.[1]).toBe(SAMPLE_NOTICE);
    expect(banner![0]).toContain('data-pagefind-ignore');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toMatch(/（示例(数据)?）$/);
  });
});

describe('the years', () => {
  const home = readPage(DIR, 'index.html');

  it('lists the ten reports on the home page, newest first, linked under /demo/', () => {
    const linked = [...new Set([...home.matchAll(/href="\/demo\/(\d{4})\/"/g)].map((m) => Number(m[1])))];
    expect(linked.sort()).toEqual(YEARS);
    const order = YEARS.map((y) => home.indexOf(`${y}年度落实`)).filter((i) => i >= 0);
    expect(order).toHaveLength(10);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });

  it('has no 2019: no page, no link, and the report pages step from 2018 to 2020', () => {
    expect(existsSync(join(DIR, '2019'))).toBe(false);
    expect(allFiles(DIR).filter((f) => f.endsWith('.html')).map((f) => readPage(DIR, f)).some((h) => h.includes('href="/demo/2019/'))).toBe(false);
    const y2020 = readPage(DIR, '2020/index.html');
    expect(y2020).toContain('href="/demo/2018/"');
    const y2018 = readPage(DIR, '2018/index.html');
    expect(y2018).toContain('href="/demo/2020/"');
  });
});

describe('a metric that starts later', () => {
  const html = readPage(DIR, 'metrics/micro-power-inspections/index.html');
  const row = (year: number) => new RegExp(`<tr data-year="${year}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

  it('is first reported in 2020, the sixth report', () => {
    for (const y of [2014, 2015, 2016, 2017, 2018]) expect(row(y), String(y)).toContain('cell-missing');
    expect(row(2020)).toContain('cell-exact');
    expect(text(row(2020))).toContain('4');
    expect(row(2020)).toContain('首次报告');
    expect(text(row(2024))).toContain('10');
  });
});

describe('the 2022 report page', () => {
  const html = readPage(DIR, '2022/index.html');

  it('notes the problem that recurs, in the same or other words, three years running', () => {
    const m = /<p id="([^"]+)"[^>]*>(一是政治理论学习有待加强。[\s\S]*?)<\/p>\s*<aside class="item-notes"[^>]*>([\s\S]*?)<\/aside>/.exec(html);
    expect(m, 'the note after 一是政治理论学习有待加强').not.toBeNull();
    const note = text(m![3]!);
    expect(note).toContain('另见 2021年（相近）');
    expect(note).toContain('连续3年');
    expect(m![3]).toContain('href="/demo/2021/#');
  });

  it('follows up 2021’s measures with 2022’s work', () => {
    const start = html.indexOf('<section id="follow-up"');
    expect(start).toBeGreaterThan(0);
    const follow = html.slice(start, html.indexOf('</section>', start));
    expect(text(follow)).toContain('2021年措施的落实情况');
    const item = /<li class="follow-up" data-measure="[^"]+">([\s\S]*?)<\/li>\s*(?=<li class="follow-up"|<\/ol>)/g;
    const measures = [...follow.matchAll(item)].map((m) => text(m[1]!));
    const clean = measures.find((m) => m.includes('一是开展“清廉企业”建设。'));
    expect(clean).toContain('相近程度：较强');
    expect(clean).toContain('二是开展“清廉企业”建设。');
    expect(measures.find((m) => m.includes('二是深化以案促改。'))).toContain('三是深化以案促改。');
  });

  it('shows masked figures as asterisks and lower bounds as 余', () => {
    const figures = html.slice(html.indexOf('class="report-figures"'), html.indexOf('class="report-text"'));
    expect(figures).toContain('stat-masked');
    expect(text(figures)).toContain('30余');
  });
});

describe('the public edition of the demo', () => {
  const files = allFiles(DIR);
  const redacted = ['某社区原党支部书记违规套取养老服务补贴', '园区规划建设局一名工作人员违规接受企业宴请', '县委第二巡察组于5月至7月', '某社区工作人员在老旧小区改造中虚报工程量'];

  it('leaves every <Redact> passage out of every file, search index included', () => {
    for (const f of files) {
      const content = readDecoded(join(DIR, f));
      for (const r of redacted) expect(content.includes(r), `${r} in ${f}`).toBe(false);
    }
  });

  it('hides the figures of its two internal metrics, and shows the public ones', () => {
    const { values } = JSON.parse(readFileSync(join(DIR, 'data/stats.json'), 'utf8')) as { values: { metric: string; year: number; status: string; value?: number }[] };
    const of = (id: string) => values.filter((v) => v.metric === id);
    for (const id of ['inquiry-letters', 'party-expulsions']) {
      expect(of(id)).toHaveLength(10);
      for (const v of of(id)) expect(v, `${id} ${v.year}`).toMatchObject({ status: 'masked' });
      for (const v of of(id)) expect(v.value ?? null, `${id} ${v.year}`).toBeNull();
    }
    expect(of('petitions-received').find((v) => v.year === 2024)).toMatchObject({ status: 'exact', value: 11 });
    const trends = readPage(DIR, 'trends/index.html');
    const row = /<tr data-metric="party-expulsions">[\s\S]*?<\/tr>/.exec(trends)?.[0] ?? '';
    expect(row).toContain('stat-masked');
    expect(row).not.toContain('stat-exact');
  });
});
