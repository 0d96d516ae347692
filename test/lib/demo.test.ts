// The demo's sample sites (examples/, built by `npm run demo`) and its landing page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPortalFolder } from '../../src/lib/content/content-dir.ts';
import { checkPortal } from '../../src/lib/portal/check-portal.ts';
import { checkContent } from '../../src/lib/check/check.ts';
import { hasErrors } from '../../src/lib/content/problems.ts';
import { DEMO_SITES, demoBase, landingPage, yearsSummary } from '../../src/lib/demo.ts';
import { ROOT } from '../helpers/sites.ts';

describe('yearsSummary', () => {
  it('gives the span, the count and the years missing in between', () => {
    expect(yearsSummary([2016, 2014, 2015, 2018, 2020])).toBe('2014—2020年，5 份报告（缺 2017、2019 年）');
    expect(yearsSummary([2021, 2022, 2023])).toBe('2021—2023年，3 份报告');
    expect(yearsSummary([2022])).toBe('2022年，1 份报告');
    expect(yearsSummary([])).toBe('还没有报告');
  });
});

describe('the landing page', () => {
  const html = landingPage([
    { href: '/demo/', kindName: '落实全面从严治党主体责任情况报告', title: '示例<script>alert(1)</script>', organization: '示例"单位"', description: 'a & b', years: [2020, 2022] },
    { href: '/gov-info/', kindName: '政府信息公开工作年度报告', title: '示例局', organization: '示例局', years: [2023] },
  ]);

  it('links every site under its path and says it is sample data', () => {
    expect(html).toContain('href="/demo/"');
    expect(html).toContain('href="/gov-info/"');
    expect(html).toContain('class="sample-notice"');
    expect(html).toContain('<title>nianbao 年报 · 演示（示例数据）</title>');
    expect(html).toContain('2020—2022年，2 份报告（缺 2021 年）');
  });

  it('escapes what it reads from site.yaml and runs no script', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('示例&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('示例&quot;单位&quot;');
    expect(html).toContain('a &amp; b');
    expect(html).not.toMatch(/\son\w+=|style=/);
  });
});

describe('the demo sites', () => {
  it('show both named kinds of report, and a portal of several offices', () => {
    const single = DEMO_SITES.filter((s) => !isPortalFolder(join(ROOT, s.content)));
    expect(single.map((s) => checkContent(join(ROOT, s.content)).site?.kind ?? null)).toEqual(['party-governance', 'gov-info-disclosure']);
    const portals = DEMO_SITES.filter((s) => isPortalFolder(join(ROOT, s.content)));
    expect(portals.map((s) => s.content)).toEqual(['examples/county']);
    const county = checkPortal(join(ROOT, 'examples/county'));
    expect(new Set(county.series.map((s) => s.result.site?.kind))).toEqual(new Set(['party-governance', 'gov-info-disclosure']));
    expect(new Set(county.series.map((s) => s.group)).size).toBeGreaterThan(2);
  });

  it('are served each under its own path', () => {
    expect(DEMO_SITES.map((s) => demoBase(s))).toEqual(DEMO_SITES.map((s) => `/${s.id}/`));
    expect(new Set(DEMO_SITES.map((s) => s.id)).size).toBe(DEMO_SITES.length);
  });

  it.each(DEMO_SITES.map((s) => [s.content, s] as const))('%s passes npm run check and says it is sample data', (content) => {
    const dir = join(ROOT, content);
    // A portal: every series, each one's site.yaml saying it is sample data.
    const folders = isPortalFolder(dir) ? checkPortal(dir).series.map((s) => s.dir) : [dir];
    expect(hasErrors(isPortalFolder(dir) ? checkPortal(dir).problems : checkContent(dir).problems)).toBe(false);
    for (const f of folders) {
      const site = readFileSync(join(f, 'site.yaml'), 'utf8');
      expect(site, f).toMatch(/^sample: true$/m);
      expect(site, f).toMatch(/示例|虚构/);
    }
  });
});

describe('examples/demo: ten years of a fictional development zone', () => {
  const dir = join(ROOT, 'examples/demo');
  const r = checkContent(dir);
  const byYear = new Map(r.reports.map((x) => [x.year, x]));
  const firstYear = (id: string) => r.reports.find((x) => x.data.stats[id] && x.data.stats[id].kind !== 'missing')?.year;

  it('has no problem at all: no warning, no notice', () => {
    expect(r.problems).toEqual([]);
  });

  it('holds ten reports, 2014—2024 without 2019', () => {
    expect(r.reports.map((x) => x.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024]);
  });

  it('gives every metric a figure in every year from its first, and three metrics start later', () => {
    expect(r.registry.metrics.length).toBeGreaterThanOrEqual(24);
    for (const m of r.registry.metrics) {
      const first = firstYear(m.id) as number;
      for (const report of r.reports.filter((x) => x.year >= first)) expect(report.data.stats[m.id], `${report.year} ${m.id}`).toBeDefined();
    }
    expect(firstYear('micro-power-inspections')).toBe(2020);
    expect(firstYear('public-matters-resolved')).toBe(2021);
    expect(firstYear('public-matters-ongoing')).toBe(2021);
    expect(r.registry.metrics.filter((m) => firstYear(m.id) === 2014)).toHaveLength(r.registry.metrics.length - 3);
  });

  it('has masked figures, lower bounds and figures hidden from the public edition', () => {
    const all = r.reports.flatMap((x) => Object.values(x.data.stats));
    expect(all.filter((v) => v.kind === 'masked').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((v) => v.kind === 'atLeast').length).toBeGreaterThanOrEqual(5);
    expect(r.registry.metrics.filter((m) => !m.public).map((m) => m.id)).toEqual(['inquiry-letters', 'party-expulsions']);
  });

  it('checks its sum rule in most years, where every part is exact (and it holds: no problem above)', () => {
    const rule = r.registry.byId.get('petitions-received')!;
    expect(rule.sumOf).toEqual(['petitions-closed', 'petitions-pending']);
    const exact = r.reports.filter((x) => [rule.id, ...rule.sumOf!].every((id) => x.data.stats[id]?.kind === 'exact'));
    expect(exact).toHaveLength(10);
  });

  it('keeps figures plausible for a development zone: tens of meetings, a handful of cases', () => {
    const max = (id: string) => Math.max(...r.reports.map((x) => { const v = x.data.stats[id]; return v && 'value' in v ? v.value : 0; }));
    expect(max('party-education-sessions')).toBeLessThan(60);
    expect(max('cases-filed')).toBeLessThanOrEqual(6);
    expect(max('party-expulsions')).toBeLessThanOrEqual(2);
  });

  it('redacts passages in several years', () => {
    expect(r.reports.filter((x) => x.body.includes('<Redact>')).map((x) => x.year)).toEqual([2016, 2018, 2021, 2024]);
  });

  it('writes its items in the forms real offices use', () => {
    const body = (y: number) => byYear.get(y)!.body;
    // 一是/二是 paragraphs
    expect(body(2021)).toMatch(/^一是/m);
    // （一） sub-headings with 一是 under them
    expect(body(2016)).toMatch(/^### （一）.*\n\n一是/m);
    // a paragraph with a run-in （一） title and inline 一是……二是……
    expect(body(2023)).toMatch(/^（一）[^\n]*。一是[^\n]*二是/m);
    // several items inside one paragraph
    expect(body(2017)).toMatch(/^[^一\n][^\n]*：一是[^\n]*；二是[^\n]*；三是/m);
  });

  it('is its own text, not the 2022 sample report copied', () => {
    const sample = readFileSync(join(ROOT, 'test/fixtures/seed/2022.txt'), 'utf8');
    const sentences = sample.split(/[。；\n]/).map((s) => s.trim()).filter((s) => s.length >= 16);
    const demo = r.reports.map((x) => x.body).join('\n');
    const copied = sentences.filter((s) => demo.includes(s));
    expect(copied).toEqual([]);
  });

  it('marks every report file as sample data', () => {
    for (const x of r.reports) expect(readFileSync(x.path, 'utf8'), x.file).toMatch(/^# 示例数据：/m);
  });
});
