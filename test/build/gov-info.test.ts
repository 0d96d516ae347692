// The gov-info-disclosure sample as built (examples/gov-info-disclosure, README answer key): 200 figures
// in the national format's three tables over three years, grouped, with quiet rows folded, never dropped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readPage, textOf } from '../helpers/html.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

const SITE = siteDir('govInfo');
const CONTENT = join(ROOT, 'examples/gov-info-disclosure');
const YEARS = [2021, 2022, 2023];
const registry = (parseYaml(readFileSync(join(CONTENT, 'metrics.yaml'), 'utf8')) as { id?: string; group?: string; key?: boolean }[]).filter((e) => e.id);
const stats = Object.fromEntries(YEARS.map((y) => [y, parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join(CONTENT, `reports/${y}.mdx`), 'utf8'))![1]!).stats as Record<string, number>]));
const GROUPS = ['主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况'];
/** The answer, worked out from the report files themselves: ids that are 0 in every given year. */
const zeroIn = (years: number[], group: string) => registry.filter((m) => m.group === group && years.every((y) => stats[y]![m.id!] === 0)).map((m) => m.id!);

const visible = (html: string) => textOf(html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, ' ')).replace(/[\s\u00a0]+/g, ' ').trim();
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<details class="metric-group" id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const next = html.indexOf('<details class="metric-group"', start + 10);
  return html.slice(start, next < 0 ? undefined : next);
}
const rowIds = (html: string) => [...html.matchAll(/<tr data-metric="([^"]+)">/g)].map((m) => m[1]!);
function folded(section: string): { note: string; ids: string[] } | undefined {
  const m = /<details class="folded-rows"><summary>([^<]+)<\/summary>([\s\S]*?)<\/details>/.exec(section);
  return m ? { note: m[1]!, ids: rowIds(m[2]!) } : undefined;
}
function cell(html: string, metric: string, year: number): string {
  const row = new RegExp(`<tr data-metric="${metric}">([\\s\\S]*?)</tr>`).exec(html)![1]!;
  return visible(new RegExp(`<td[^>]*data-year="${year}"[^>]*>([\\s\\S]*?)</td>`).exec(row)![1]!);
}

describe('gov-info /trends/', () => {
  const html = readPage(SITE, 'trends/index.html');

  it('has one collapsible section per table, each saying how many figures it holds', () => {
    const summaries = [...html.matchAll(/<details class="metric-group" id="group-\d" open><summary>([\s\S]*?)<\/summary>/g)].map((m) => visible(m[1]!));
    const count = (g: string) => registry.filter((m) => m.group === g).length;
    expect(summaries).toEqual(GROUPS.map((g) => `${g} ${count(g)} 项，${zeroIn(YEARS, g).length} 项折叠`));
    expect(summaries[1]).toMatch(/^收到和处理政府信息公开申请情况 175 项，\d+ 项折叠$/);
  });

  it('folds the rows that are 0 in every year behind a visible line, and drops none', () => {
    GROUPS.forEach((g, i) => {
      const s = sectionOf(html, `group-${i + 1}`);
      const f = folded(s)!;
      const zeros = zeroIn(YEARS, g);
      expect(f.note).toBe(`${zeros.length} 项各年均为 0，已折叠`);
      expect(f.ids).toEqual(zeros);
      // Shown and folded together are the whole table, each figure once, in registry order.
      const all = registry.filter((m) => m.group === g).map((m) => m.id!);
      expect([...rowIds(s).filter((id) => !zeros.includes(id)), ...f.ids].sort()).toEqual([...all].sort());
      expect(rowIds(s)).toHaveLength(all.length);
    });
    expect(zeroIn(YEARS, GROUPS[1]!)).toContain('requests-withheld-state-secret-total');
    expect(folded(sectionOf(html, 'group-2'))!.ids).not.toContain('requests-new-total');
  });

  it('shows every year of a figure with its change', () => {
    expect(cell(html, 'requests-new-total', 2021)).toBe('50');
    expect(cell(html, 'requests-new-total', 2022)).toBe('61 ↑ +11（+22%）');
    expect(cell(html, 'requests-new-total', 2023)).toBe('58 ↓ -3（-4.9%）');
    expect(cell(html, 'fees-amount', 2022)).toBe('3.12 ↓ -2.48（-44%）');
    expect(cell(html, 'review-total', 2022)).toBe('3 ↑ +1（+50%）');
    expect(html).toContain('<a href="/metrics/requests-withheld-third-party-natural-person/">（三）不予公开 · 4.保护第三方合法权益 · 自然人</a>');
  });
});

describe('gov-info /compare/2021-2023/', () => {
  const html = readPage(SITE, 'compare/2021-2023/index.html');

  it('groups the figures by table and folds those 0 in both years', () => {
    const s = sectionOf(html, 'group-2');
    const zeros = zeroIn([2021, 2023], GROUPS[1]!);
    expect(folded(s)).toEqual({ note: `${zeros.length} 项两年均为 0，已折叠`, ids: zeros });
    expect(rowIds(s)).toHaveLength(175);
    const change = visible(/<tr data-metric="requests-new-total">[\s\S]*?<td class="change-cell"[^>]*>([\s\S]*?)<\/td>/.exec(s)![1]!);
    expect(change).toBe('↑ +8（+16%）');
  });
});

describe('gov-info key figures', () => {
  const keys = registry.filter((m) => m.key).map((m) => m.id!);

  it('the registry marks a handful', () => {
    expect(keys).toEqual(['normative-documents-issued', 'normative-documents-in-force', 'requests-new-total', 'requests-granted-total', 'requests-results-total-total', 'review-total', 'litigation-direct-total', 'litigation-after-review-total']);
  });

  it('are the latest figures on /, chosen, not the first of each group', () => {
    const latest = /<section class="latest-figures"[\s\S]*?<\/section>/.exec(readPage(SITE, 'index.html'))![0];
    const cards = [...latest.matchAll(/<li class="latest-card" data-metric="([^"]+)"/g)].map((m) => m[1]);
    expect(cards).toEqual(keys);
    expect(visible(/<li class="latest-card" data-metric="requests-new-total"[\s\S]*?<\/li>/.exec(latest)![0])).toBe('一、本年新收政府信息公开申请数量 · 总计 58 件 ↓ -3（-4.9%）');
  });

  it('head the report page, with all 200 figures one click away', () => {
    const html = readPage(SITE, '2022/index.html');
    const figures = /<section class="report-figures"[\s\S]*?<\/section>/.exec(html)![0];
    expect([...figures.matchAll(/<li class="latest-card" data-metric="([^"]+)"/g)].map((m) => m[1])).toEqual(keys);
    expect(figures).toMatch(/<details class="all-figures"><summary>本年全部 200 项数字<\/summary>/);
    expect([...figures.matchAll(/<tr>\s*<th scope="row">/g)]).toHaveLength(200);
  });
});

describe('gov-info /metrics/<id>/', () => {
  it('exists for every one of the 200 figures', () => {
    expect(registry).toHaveLength(200);
    for (const m of registry) expect(existsSync(join(SITE, 'metrics', m.id!, 'index.html')), m.id).toBe(true);
  });

  const html = readPage(SITE, 'metrics/requests-new-total/index.html');

  it('says where the figure sits in its table', () => {
    const def = visible(/<dl class="metric-def">([\s\S]*?)<\/dl>/.exec(html)![1]!);
    expect(def).toContain('所在表格 收到和处理政府信息公开申请情况');
    expect(def).toContain('所在行 一、本年新收政府信息公开申请数量');
    expect(def).toContain('所在列 总计');
  });

  it('lists the 勾稽关系 it takes part in, and the other figures of its row and its column', () => {
    const rules = visible(/<section class="metric-rules"[\s\S]*?<\/section>/.exec(html)![0]);
    expect(rules).toContain('总计列 第一项加第二项之和等于第三项加第四项之和 ： 一、本年新收政府信息公开申请数量 · 总计 + 二、上年结转政府信息公开申请数量 · 总计 = （七）总计 · 总计 + 四、结转下年度继续办理 · 总计');
    expect(rules).toContain('一、本年新收政府信息公开申请数量 总计等于各类申请人之和');
    const related = [...html.matchAll(/<nav class="related-metrics"[^>]*>\s*<h2[^>]*>([^<]+)<\/h2>([\s\S]*?)<\/nav>/g)].map((m) => [m[1], [...m[2]!.matchAll(/href="\/metrics\/([^/]+)\/"/g)].length]);
    expect(related).toEqual([['同一行（一、本年新收政府信息公开申请数量）的其他数字', 6], ['同一列（总计）的其他数字', 24]]);
  });

  it('quotes each year’s sentence that cites it', () => {
    expect(visible(html)).toContain('本年新收政府信息公开申请58件');
  });
});
