// The county portal built as a reader and an attacker would check it (issue 31 point 6), from the fixture sites
// portal / portalInternal (a copy of examples/county with figures hidden in every office, in some, or in none:
// test/helpers/county-mixed.ts) and portalBase (examples/county as committed, under /xxgk/):
// - every portal page and every series' pages, under /<series>/;
// - the home page's offices by group, /coverage/'s late and missing reports, /review/'s planted warnings in the
//   evaluator's terms with links that land, /figures/' rates with their formulas and totals that add up;
// - the public edition: no hidden figure of any series in any output file, and no total, rate or ranking on
//   /figures/ made from one; /review/ without check's wording;
// - every link of the sub-path build resolves (the publish command's own verifier).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COUNTY_SOURCE, GOV_INFO_SERIES, HIDDEN, mixedCounty, PARTY_SERIES } from '../helpers/county-mixed.ts';
import { allFiles, readDecoded, readPage, textOf } from '../helpers/html.ts';
import { MIXED_COUNTY, SITES, siteDir, type SiteName } from '../helpers/sites.ts';
import { checkPortal } from '../../src/lib/portal/check-portal.ts';
import { kindRates } from '../../src/lib/across-offices/rates.ts';
import { verifySite } from '../../src/lib/publish/verify-site.ts';

const PORTAL_SITES = ['portal', 'portalInternal', 'portalBase'] as const satisfies SiteName[];
const GROUPS = ['县政府', '政府部门', '乡镇街道'];

/** The content a site was built from: series → its site.yaml and each report's year and stats as written. */
function content(dir: string) {
  const series = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return series.map((id) => {
    const site = parseYaml(readFileSync(join(dir, id, 'site.yaml'), 'utf8')) as { organization: string; group: string; kind: string };
    const reports = readdirSync(join(dir, id, 'reports'))
      .filter((f) => /^\d{4}\.mdx$/.test(f))
      .map((f) => {
        const front = parseYaml(readFileSync(join(dir, id, 'reports', f), 'utf8').split(/^---$/m)[1]!) as { year: number; stats: Record<string, unknown> };
        return { year: front.year, stats: front.stats };
      })
      .sort((a, b) => a.year - b.year);
    return { id, ...site, reports };
  });
}

const MIXED = () => content(MIXED_COUNTY);
const COUNTY = content(COUNTY_SOURCE);
const contentOf = (name: SiteName) => (name === 'portalBase' ? COUNTY : MIXED());

/** A built page's file for a link on it (`/xxgk/zfb-xxgk/2024/#s3-t1` → `zfb-xxgk/2024/index.html`, `s3-t1`). */
function target(href: string, base: string): { file: string; anchor?: string } {
  const [path, anchor] = href.split('#');
  expect(path!.startsWith(base), href).toBe(true);
  const rel = decodeURI(path!.slice(base.length));
  return { file: rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel, ...(anchor && { anchor }) };
}

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const squash = (s: string) => textOf(s).replace(/\s+/g, ' ').trim();

interface TableRow {
  series: string;
  office: string;
  cells: { cls: string; text: string; status?: string }[];
}

/** The office rows (`<tr data-series>`) of a page's tables, and its footer rows by label. */
function tableRows(html: string): { rows: TableRow[]; foot: Map<string, string[]>; years: number[] } {
  const rows = [...html.matchAll(/<tr data-series="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, series, tr]) => ({
    series: series!,
    office: squash(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(tr!)![1]!),
    cells: [...tr!.matchAll(/<td class="([^"]*)"([^>]*)>([\s\S]*?)<\/td>/g)].map(([, cls, attrs, inner]) => ({
      cls: cls!,
      text: squash(inner!),
      ...(/data-status="([^"]+)"/.test(attrs!) && { status: /data-status="([^"]+)"/.exec(attrs!)![1] }),
    })),
  }));
  const tfoot = /<tfoot>([\s\S]*?)<\/tfoot>/.exec(html)?.[1] ?? '';
  const foot = new Map([...tfoot.matchAll(/<tr><th scope="row"[^>]*>([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map(([, label, tds]) => [squash(label!), [...tds!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => squash(m[1]!))]));
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  const years = [...thead.matchAll(/>(\d{4})年</g)].map((m) => Number(m[1]));
  return { rows, foot, years };
}

/** Each year's ranking on a /figures/ page: ranked offices (with what is shown), and those listed apart as hidden. */
function rankings(html: string): { year: number; ranked: { office: string; shown: string }[]; masked: string[] }[] {
  const section = html.slice(html.indexOf('id="rankings-title"'));
  return [...section.matchAll(/<details class="ranking"[^>]*>([\s\S]*?)<\/details>/g)].map(([, d]) => ({
    year: Number(/<summary>(\d{4})年/.exec(d!)![1]),
    ranked: [...d!.matchAll(/<li[^>]*><a[^>]*>([\s\S]*?)<\/a> <span class="num">([\s\S]*?)<\/span>/g)].map((m) => ({ office: squash(m[1]!), shown: squash(m[2]!) })),
    masked: (/已遮蔽、不排名：([^<]*)</.exec(d!)?.[1] ?? '').split('、').filter(Boolean),
  }));
}

const MASKED_FIGURE = /^\*+余?$/;
const NUMBER = /\d/;

describe('the fixture copy', () => {
  it('checks with exactly the planted warnings of examples/county (hiding figures made no new problem)', () => {
    const result = checkPortal(MIXED_COUNTY);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.problems.filter((p) => p.severity === 'warning').map((p) => `${p.file} ${p.field}`).sort()).toEqual([
      'cgz-xxgk/reports/2022.mdx stats.requests-carried-over-natural-person',
      'cgz-xxgk/reports/2022.mdx stats.requests-carried-over-total',
      'scjgj-xxgk/reports/2023.mdx stats.requests-new-total',
      'wjj-xxgk/reports/2022.mdx stats.review-total',
    ]);
  });

  it('hides figures in every office, in some, and in none, with sentinels where nothing ties a value to another', () => {
    const key = mixedCounty();
    const hiddenIn = (metric: string) => new Set(key.figures.filter((f) => f.metric === metric && f.hidden).map((f) => f.series));
    expect(hiddenIn('licensing-decisions')).toEqual(new Set(GOV_INFO_SERIES));
    expect(hiddenIn('enforcement-decisions')).toEqual(new Set(['jyj-xxgk', 'wjj-xxgk']));
    expect(key.figures.some((f) => f.metric === 'enforcement-decisions' && !f.hidden)).toBe(true);
    const mixed = MIXED();
    // The copy's reports hold the sentinels, and each registry marks exactly the metrics the key says.
    for (const f of key.figures.filter((x) => x.hidden && (x.series === PARTY_SERIES || HIDDEN[x.metric]!.sentinel))) {
      expect(mixed.find((s) => s.id === f.series)!.reports.find((r) => r.year === f.year)!.stats[f.metric]).toBe(f.value);
    }
    expect(key.sentinels.length).toBeGreaterThan(200);
    for (const s of mixed) {
      const metrics = parseYaml(readFileSync(join(MIXED_COUNTY, s.id, 'metrics.yaml'), 'utf8')) as { id?: string; public?: boolean }[];
      const hidden = metrics.filter((m) => m.id && !m.public).map((m) => m.id).sort();
      const expected = s.id === PARTY_SERIES ? hidden : Object.keys(HIDDEN).filter((id) => HIDDEN[id]!.series.includes(s.id)).sort();
      expect(hidden, s.id).toEqual(expected);
    }
  });
});

describe('pages', () => {
  for (const name of PORTAL_SITES) {
    it(`${name}: every portal page at the root, every series' pages under /<series>/ and none at the root`, () => {
      const dir = siteDir(name);
      const files = new Set(allFiles(dir));
      const portalPages = ['index.html', '404.html', 'compare/index.html', 'coverage/index.html', 'review/index.html', 'figures/index.html', 'search/index.html', 'figures/licensing-decisions/index.html', ...kindRates('gov-info-disclosure').map((r) => `figures/rates/${r.id}/index.html`)];
      for (const f of portalPages) expect(files.has(f), f).toBe(true);
      for (const s of contentOf(name)) {
        const pages = ['index.html', 'trends/index.html', 'measures/index.html', 'compare/index.html', 'metrics/index.html', 'data/stats.json', 'data/stats.csv', ...s.reports.map((r) => `${r.year}/index.html`)];
        for (const p of pages) expect(files.has(`${s.id}/${p}`), `${s.id}/${p}`).toBe(true);
        // Exactly its own years.
        const years = [...files].filter((f) => f.startsWith(`${s.id}/`) && /^[^/]+\/\d{4}\/index\.html$/.test(f)).map((f) => Number(f.split('/')[1])).sort();
        expect(years, s.id).toEqual(s.reports.map((r) => r.year));
      }
      // A single folder's pages (/2024/, /trends/ …) are not at a portal's root.
      const rootDirs = new Set([...files].map((f) => f.split('/')[0]));
      for (const single of ['trends', 'measures', 'metrics', 'data', '2020', '2024']) expect(rootDirs.has(single), single).toBe(false);
      // /compare/ at the root is the portal's own (any two reports), with no year pairs under it.
      expect([...files].filter((f) => f.startsWith('compare/'))).toEqual(['compare/index.html']);
      expect([...rootDirs].filter((d) => !d.includes('.')).sort()).toEqual(['_astro', 'compare', 'coverage', 'figures', 'pagefind', 'review', 'search', ...contentOf(name).map((s) => s.id)].sort());
    });
  }

  it('the home page lists every office under its group, groups in portal.yaml order, with its years', () => {
    const html = main(readPage(siteDir('portal'), 'index.html'));
    const sections = [...html.matchAll(/<section class="portal-group"[^>]*><h2[^>]*>([^<]+)<\/h2>([\s\S]*?)<\/section>/g)];
    expect(sections.map((m) => m[1])).toEqual(GROUPS);
    const mixed = MIXED();
    for (const [, group, body] of sections) {
      const listed = [...body!.matchAll(/<tr data-series="([^"]+)">([\s\S]*?)<\/tr>/g)];
      // Offices by name within a group (the model's order: organization, zh-CN collation).
      const expected = mixed.filter((s) => s.group === group).sort((a, b) => a.organization.localeCompare(b.organization, 'zh-CN')).map((s) => s.id);
      expect(listed.map((m) => m[1]), group).toEqual(expected);
      for (const [, id, row] of listed) {
        const s = mixed.find((x) => x.id === id)!;
        expect(squash(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/.exec(row!)![1]!)).toBe(s.organization);
        const chips = [...row!.matchAll(/<a class="pick-chip" href="([^"]+)"[^>]*>(\d{4})<\/a>/g)];
        expect(chips.map((c) => Number(c[2])), id).toEqual(s.reports.map((r) => r.year).reverse());
        for (const [, href, year] of chips) expect(href).toBe(`/${id}/${year}/`);
      }
    }
    // lxjd-xxgk's missing year is not offered.
    expect(html).not.toContain('href="/lxjd-xxgk/2022/"');
    expect(squash(html)).toContain('7 个单位（系列），34 份报告');
  });

  it('/coverage/ shows the late report (jyj-xxgk 2023) as 逾期 and the gap (lxjd-xxgk 2022) as 缺, and nothing else late or missing', () => {
    for (const name of ['portal', 'portalBase'] as const) {
      const { rows, years, foot } = tableRows(readPage(siteDir(name), 'coverage/index.html'));
      expect(years).toEqual([2020, 2021, 2022, 2023, 2024]);
      expect(rows.map((r) => r.series).sort()).toEqual(contentOf(name).map((s) => s.id));
      const marked = (status: string) => rows.flatMap((r) => years.filter((_, i) => r.cells[i]!.status === status).map((y) => `${r.series} ${y}`));
      expect(marked('late')).toEqual(['jyj-xxgk 2023']);
      expect(marked('missing')).toEqual(['lxjd-xxgk 2022']);
      const cell = (series: string, year: number) => rows.find((r) => r.series === series)!.cells[years.indexOf(year)]!;
      expect(cell('jyj-xxgk', 2023).text).toMatch(/^逾期/);
      expect(cell('jyj-xxgk', 2023).cls).toContain('cov-late');
      expect(cell('lxjd-xxgk', 2022).text).toBe('缺');
      expect(cell('zfb-xxgk', 2023).text).toBe('✓');
      // Every other report is there and on time or dated-without-a-deadline; none is missing.
      expect(marked('on-time').length + marked('published').length).toBe(33);
      // Per year, then the 缺失 and 逾期 columns.
      expect(foot.get('已发布')).toEqual(['7', '7', '6', '7', '7', '', '']);
      expect(foot.get('其中逾期')).toEqual(['', '', '', '1', '', '', '']);
      expect(foot.get('缺失')).toEqual(['', '', '1', '', '', '1', '']);
      expect(rows.find((r) => r.series === 'jyj-xxgk')!.cells.slice(-2).map((c) => c.text)).toEqual(['', '1']);
      expect(rows.find((r) => r.series === 'lxjd-xxgk')!.cells.slice(-2).map((c) => c.text)).toEqual(['1', '']);
    }
  });

  const PLANTED = [
    { series: 'wjj-xxgk', year: 2022, term: '勾稽关系不符', label: '行政复议 · 总计', table: '行政复议' },
    { series: 'scjgj-xxgk', year: 2023, term: '文字与表格数字不一致', label: '一、本年新收政府信息公开申请数量 · 总计', table: '本年新收' },
    { series: 'cgz-xxgk', year: 2022, term: '上年结转与上年报告不符', label: '二、上年结转政府信息公开申请数量 · 自然人', table: '上年结转' },
    { series: 'cgz-xxgk', year: 2022, term: '上年结转与上年报告不符', label: '二、上年结转政府信息公开申请数量 · 总计', table: '上年结转' },
  ];

  /** /review/'s entries: office section, year heading, term, link and (internal edition) message. */
  function reviewEntries(html: string) {
    return [...html.matchAll(/<section class="review-office" id="s-([^"]+)"[\s\S]*?<\/section>/g)].flatMap(([office, series]) =>
      [...office.matchAll(/<h4>([\s\S]*?)<\/h4>\s*<ul class="review-list">([\s\S]*?)<\/ul>/g)].flatMap(([, h4, ul]) =>
        [...ul!.matchAll(/<li class="review-(\w+)"><span class="review-term">([^<]+)<\/span><a href="([^"]+)">([\s\S]*?)<\/a>([\s\S]*?)<\/li>/g)].map(([, severity, term, href, label, rest]) => ({
          series: series!,
          heading: squash(h4!),
          severity: severity!,
          term: term!,
          href: href!,
          label: squash(label!),
          message: squash(/<p class="review-message">([\s\S]*?)<\/p>/.exec(rest!)?.[1] ?? ''),
        })),
      ),
    );
  }

  for (const name of PORTAL_SITES) {
    it(`${name}: /review/ lists each planted warning under its office and year, in the evaluator's term, linked to its table`, () => {
      const dir = siteDir(name);
      const base = SITES[name].base;
      const html = main(readPage(dir, 'review/index.html'));
      const entries = reviewEntries(html);
      expect(entries.map((e) => `${e.series} ${e.heading} ${e.term} ${e.label}`).sort()).toEqual(PLANTED.map((p) => `${p.series} ${p.year}年报告 ${p.term} ${p.label}`).sort());
      for (const p of PLANTED) {
        const e = entries.find((x) => x.series === p.series && x.label === p.label)!;
        expect(e.severity).toBe('warning');
        const { file, anchor } = target(e.href, base);
        expect(file).toBe(`${p.series}/${p.year}/index.html`);
        expect(anchor, e.href).toBeDefined();
        const page = readPage(dir, file);
        expect(ids(page).has(anchor!), `${e.href}: no id="${anchor}"`).toBe(true);
        // The anchor is the table the problem is in.
        const at = page.slice(page.indexOf(`id="${anchor}"`));
        expect(squash(at.slice(0, at.indexOf('</table>'))), e.href).toContain(p.table);
      }
      // Offices without problems are not listed; the counts by term add up.
      expect(new Set(entries.map((e) => e.series))).toEqual(new Set(['wjj-xxgk', 'scjgj-xxgk', 'cgz-xxgk']));
      const counts = Object.fromEntries([...html.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="num">(\d+)<\/td><\/tr>/g)].map((m) => [m[1], Number(m[2])]));
      expect(counts).toEqual({ 勾稽关系不符: 1, 文字与表格数字不一致: 1, 上年结转与上年报告不符: 2 });
      // The home page's problem links land on the office's section here.
      const home = readPage(dir, 'index.html');
      for (const s of ['wjj-xxgk', 'scjgj-xxgk', 'cgz-xxgk']) expect(home).toContain(`href="${base}review/#s-${s}"`);
      expect(ids(readPage(dir, 'review/index.html')).has('s-cgz-xxgk')).toBe(true);
    });
  }

  it('/review/ in the internal edition gives check\'s wording with its figures; the public edition gives the same entries without it', () => {
    const internal = reviewEntries(main(readPage(siteDir('portalInternal'), 'review/index.html')));
    const publicHtml = main(readPage(siteDir('portal'), 'review/index.html'));
    const pub = reviewEntries(publicHtml);
    expect(pub.map(({ message: _, ...e }) => e)).toEqual(internal.map(({ message: _, ...e }) => e));
    const wjj = internal.find((e) => e.series === 'wjj-xxgk')!;
    expect(wjj.message).toMatch(/应为 1\+0\+0\+0 = 1，报告为 0，相差 1/);
    for (const e of internal) expect(e.message, e.label).toMatch(/\d/);
    for (const e of pub) expect(e.message).toBe('');
    expect(publicHtml).not.toContain('review-message');
    const text = squash(publicHtml);
    for (const words of ['应为', '报告为', '相差', '正文“', '结转下年度继续办理 为']) expect(text).not.toContain(words);
    for (const e of internal) expect(publicHtml).not.toContain(e.message.slice(0, 30));
    expect(text).toContain('对外公开版只列出问题的类别和位置');
  });

  it('/figures/ lists the kind\'s rates with their formulas, each linked to its page, and the shared figures', () => {
    const dir = siteDir('portal');
    const html = main(readPage(dir, 'figures/index.html'));
    const rates = kindRates('gov-info-disclosure');
    expect(rates.length).toBeGreaterThanOrEqual(2);
    const listed = [...html.matchAll(/<ul class="figure-rates">([\s\S]*?)<\/ul>/g)].flatMap(([, ul]) => [...ul!.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><span class="muted formula">([^<]+)<\/span><\/li>/g)].map((m) => ({ href: m[1]!, label: m[2]!, formula: textOf(m[3]!) })));
    expect(listed).toEqual(rates.map((r) => ({ href: `/figures/rates/${r.id}/`, label: r.label, formula: r.formula })));
    expect(listed.find((r) => r.label === '实质公开率')?.formula).toBe('实质公开率 = （予以公开 + 部分公开） ÷ 办理结果总计 × 100%');
    for (const r of rates) expect(squash(readPage(dir, `figures/rates/${r.id}/index.html`))).toContain(`计算公式：${r.formula}`);
    // The shared figures of the gov-info kind, each with a page; the 全面从严治党 series is alone of its kind: none of its figures.
    const figureLinks = [...html.matchAll(/<ul class="figure-list">([\s\S]*?)<\/ul>/g)].flatMap(([, ul]) => [...ul!.matchAll(/href="\/figures\/([^/"]+)\/"/g)].map((m) => m[1]!));
    expect(figureLinks).toEqual(expect.arrayContaining(['licensing-decisions', 'enforcement-decisions', 'requests-new-total', 'review-total']));
    for (const m of figureLinks) expect(allFiles(join(dir, 'figures', m)), m).toEqual(['index.html']);
    expect(figureLinks).not.toContain('petitions-received');
  });

  it('a /figures/<metric>/ page in the internal edition: each office\'s values as reported, totals the sum of them', () => {
    const dir = siteDir('portalInternal');
    const mixed = MIXED();
    for (const metric of ['licensing-decisions', 'enforcement-decisions', 'requests-new-total', 'normative-documents-in-force']) {
      const { rows, foot, years } = tableRows(readPage(dir, `figures/${metric}/index.html`));
      const given = (year: number) => mixed.some((s) => typeof s.reports.find((r) => r.year === year)?.stats[metric] === 'number');
      expect(years, metric).toEqual([2020, 2021, 2022, 2023, 2024].filter(given));
      expect(years.length).toBeGreaterThanOrEqual(4);
      expect(rows.map((r) => r.series).sort()).toEqual([...GOV_INFO_SERIES].sort());
      const totals = foot.get('合计')!;
      years.forEach((year, i) => {
        const values = mixed.filter((s) => s.kind === 'gov-info-disclosure').flatMap((s) => {
          const v = s.reports.find((r) => r.year === year)?.stats[metric];
          return typeof v === 'number' ? [{ series: s.id, v }] : [];
        });
        for (const { series, v } of values) expect(rows.find((r) => r.series === series)!.cells[i]!.text, `${metric} ${series} ${year}`).toBe(String(v));
        const shown = rows.map((r) => r.cells[i]!.text).filter((t) => /^\d+$/.test(t)).map(Number);
        const sum = values.reduce((n, x) => n + x.v, 0);
        expect(shown.reduce((n, x) => n + x, 0), `${metric} ${year}`).toBe(sum);
        expect(totals[i], `${metric} ${year} 合计`).toBe(String(sum));
      });
    }
  });
});

describe('editions', () => {
  const key = () => mixedCounty();
  const pattern = (values: number[]) => new RegExp(`(?<![\\d.a-f])(?:${values.join('|')})(?![\\da-f])`);

  it('public: no output file holds a hidden figure of any series, or a total or difference of them (pagefind fragments decompressed)', () => {
    const dir = siteDir('portal');
    const files = allFiles(dir);
    expect(files.filter((f) => f.startsWith('pagefind/fragment/')).length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('.csv')) && files.some((f) => f.endsWith('.json'))).toBe(true);
    const sentinels = pattern(key().sentinels);
    const leaks: string[] = [];
    for (const file of files) {
      const m = sentinels.exec(readDecoded(join(dir, file)));
      if (m) leaks.push(`${file}: ${m[0]}`);
    }
    expect(leaks).toEqual([]);
  });

  it('internal: the same files do hold them (so the check above can fail)', () => {
    const dir = siteDir('portalInternal');
    const all = allFiles(dir).map((f) => readDecoded(join(dir, f))).join('\n');
    const k = key();
    const values = k.figures.filter((f) => f.hidden && (f.series === PARTY_SERIES || HIDDEN[f.metric]!.sentinel)).map((f) => f.value);
    expect(values.length).toBeGreaterThan(100);
    for (const v of values) expect(pattern([v]).test(all), String(v)).toBe(true);
    // The totals over offices of each year are on the internal /figures/ pages.
    const figurePages = ['licensing-decisions', 'penalty-decisions', 'enforcement-decisions'].map((m) => readPage(dir, `figures/${m}/index.html`)).join('\n');
    const totals = k.sentinels.filter((n) => n >= 1_000_000 && !k.figures.some((f) => f.value === n));
    expect(totals.length).toBeGreaterThan(10);
    for (const n of totals.filter((t) => pattern([t]).test(figurePages))) expect(all).toMatch(pattern([n]));
    expect(totals.filter((t) => pattern([t]).test(figurePages)).length).toBeGreaterThanOrEqual(15);
    // and the search index is among what was read
    const index = allFiles(dir).filter((f) => f.startsWith('pagefind/fragment/')).map((f) => readDecoded(join(dir, f))).join('\n');
    expect(index).toMatch(pattern(k.figures.filter((f) => f.series === PARTY_SERIES).map((f) => f.value)));
  });

  /** The series a metric is hidden in (the copy's registries). */
  const hiddenIn = (metric: string) => HIDDEN[metric]?.series ?? [];

  it('public /figures/<metric>/: hidden offices\' cells masked, every total with a hidden figure in it 已遮蔽, hidden offices never ranked', () => {
    const pub = siteDir('portal');
    const int = siteDir('portalInternal');
    const checked: string[] = [];
    for (const metric of readdirSync(join(pub, 'figures')).filter((m) => m !== 'index.html' && m !== 'rates')) {
      const html = readPage(pub, `figures/${metric}/index.html`);
      const { rows, foot, years } = tableRows(html);
      const hidden = new Set(hiddenIn(metric));
      const office = new Map(rows.map((r) => [r.office, r.series]));
      const totals = foot.get('合计');
      years.forEach((year, i) => {
        const maskedHere = rows.filter((r) => r.cells[i]!.cls.includes('fig-masked'));
        for (const r of rows) {
          const c = r.cells[i]!;
          if (hidden.has(r.series) && !c.cls.includes('fig-no-report') && !c.cls.includes('fig-missing')) {
            expect(c.cls, `${metric} ${r.series} ${year}`).toContain('fig-masked');
            expect(c.text, `${metric} ${r.series} ${year}`).toMatch(MASKED_FIGURE);
          }
          if (!hidden.has(r.series)) expect(c.cls, `${metric} ${r.series} ${year}`).not.toContain('fig-masked');
        }
        // A total of hidden figures is hidden too — for every figure page, not only the ones planted here.
        if (totals && maskedHere.length > 0) expect(totals[i], `${metric} ${year} 合计`).toBe('已遮蔽');
        if (totals && maskedHere.length === 0) expect(totals[i], `${metric} ${year} 合计`).not.toBe('已遮蔽');
      });
      for (const r of rankings(html)) {
        const i = years.indexOf(r.year);
        const masked = rows.filter((row) => row.cells[i]!.cls.includes('fig-masked')).map((row) => row.office);
        expect(r.masked, `${metric} ${r.year}`).toEqual(masked);
        for (const e of r.ranked) {
          expect(hidden.has(office.get(e.office)!), `${metric} ${r.year}: ${e.office} ranked`).toBe(false);
          expect(e.shown).toMatch(NUMBER);
        }
      }
      if (hidden.size) {
        checked.push(metric);
        // The internal edition shows numbers in the same places (so the checks above can fail).
        const internal = readPage(int, `figures/${metric}/index.html`);
        const t = tableRows(internal);
        expect(t.rows.filter((r) => hidden.has(r.series)).flatMap((r) => r.cells).some((c) => /^\d+$/.test(c.text)), metric).toBe(true);
        if (totals) expect(t.foot.get('合计')!.some((x) => /^\d+$/.test(x)), metric).toBe(true);
        expect(rankings(internal).flatMap((r) => r.ranked).some((e) => hidden.has(office.get(e.office)!)), metric).toBe(true);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['licensing-decisions', 'penalty-decisions', 'enforcement-decisions', 'review-total', 'review-corrected', 'requests-granted-total', 'requests-partly-granted-total']));
  });

  it('public /figures/enforcement-decisions/: the public offices keep their numbers, the two hidden ones do not, the total is 已遮蔽', () => {
    const html = readPage(siteDir('portal'), 'figures/enforcement-decisions/index.html');
    const { rows, foot } = tableRows(html);
    const mixed = MIXED();
    for (const r of rows) {
      const s = mixed.find((x) => x.id === r.series)!;
      const expected = s.reports.map((rep) => rep.stats['enforcement-decisions']);
      const shown = r.cells.filter((c) => !c.cls.includes('fig-no-report')).map((c) => c.text);
      if (hiddenIn('enforcement-decisions').includes(r.series)) expect(shown.every((t) => MASKED_FIGURE.test(t))).toBe(true);
      else expect(shown).toEqual(expected.map(String));
    }
    expect(foot.get('合计')).toEqual(['已遮蔽', '已遮蔽', '已遮蔽', '已遮蔽', '已遮蔽']);
    const latest = rankings(html).find((r) => r.year === 2024)!;
    expect(latest.masked).toEqual(['青禾县教育局', '青禾县卫生健康局']);
    expect(latest.ranked.map((e) => e.office)).toEqual(expect.arrayContaining(['青禾县市场监督管理局']));
  });

  it('public rates: an office with a hidden input, and the county\'s rate, 已遮蔽 and unranked; the rest as in the internal edition', () => {
    const pub = siteDir('portal');
    const int = siteDir('portalInternal');
    const cases = [
      { rate: 'disclosure-rate', hidden: ['jyj-xxgk'] },
      { rate: 'review-correction-rate', hidden: [...GOV_INFO_SERIES] },
    ];
    for (const { rate, hidden } of cases) {
      const html = readPage(pub, `figures/rates/${rate}/index.html`);
      const internal = readPage(int, `figures/rates/${rate}/index.html`);
      const p = tableRows(html);
      const i = tableRows(internal);
      expect(p.rows.map((r) => r.series)).toEqual(i.rows.map((r) => r.series));
      for (const r of p.rows) {
        const same = i.rows.find((x) => x.series === r.series)!;
        r.cells.forEach((c, k) => {
          const where = `${rate} ${r.series} ${p.years[k]}`;
          if (c.cls.includes('fig-no-report')) return;
          if (hidden.includes(r.series)) expect(c.text, where).toBe('已遮蔽');
          else expect(c.text, where).toBe(same.cells[k]!.text);
        });
      }
      expect(p.foot.get('全县')!.every((x) => x === '已遮蔽'), rate).toBe(true);
      const names = new Set(p.rows.filter((r) => hidden.includes(r.series)).map((r) => r.office));
      for (const r of rankings(html)) {
        for (const e of r.ranked) expect(names.has(e.office), `${rate} ${r.year} ranks ${e.office}`).toBe(false);
        expect(r.masked.every((n) => names.has(n))).toBe(true);
      }
      // What the public page hides is a number in the internal one (so the checks above can fail).
      expect(i.foot.get('全县')!.some((x) => /%$/.test(x)), rate).toBe(true);
      expect(i.rows.filter((r) => hidden.includes(r.series)).flatMap((r) => r.cells).some((c) => /%$/.test(c.text)), rate).toBe(true);
      // The internal page's rates of the hidden offices and of the county appear nowhere on the public one.
      const secret = new Set([...i.foot.get('全县')!, ...i.rows.filter((r) => hidden.includes(r.series)).flatMap((r) => r.cells.map((c) => c.text))].filter((x) => /%$/.test(x)));
      // (a rate an office with public inputs also has is no secret)
      for (const r of i.rows.filter((x) => !hidden.includes(x.series))) for (const c of r.cells) secret.delete(c.text);
      const publicShown = new Set([...p.rows.flatMap((r) => r.cells.map((c) => c.text)), ...p.foot.get('全县')!, ...rankings(html).flatMap((r) => r.ranked.map((e) => e.shown))]);
      expect(secret.size, rate).toBeGreaterThan(0);
      for (const s of secret) expect(publicShown.has(s), `${rate}: ${s}`).toBe(false);
    }
    // The 复议纠错率 is hidden for every office: the public page ranks none and shows no percentage at all.
    const review = main(readPage(pub, 'figures/rates/review-correction-rate/index.html'));
    expect(rankings(review).flatMap((r) => r.ranked)).toEqual([]);
    expect(squash(review.slice(review.indexOf('<table')))).not.toMatch(/\d%/);
  });
});

describe('links', () => {
  for (const name of PORTAL_SITES) {
    it(`${name}: every link and asset resolves, every #anchor exists, nothing outside the site (the publish verifier)`, () => {
      const v = SITES[name];
      const reportPages = contentOf(name).flatMap((s) => s.reports.map((r) => `${s.id}/${r.year}`));
      expect(reportPages).toHaveLength(34);
      const result = verifySite(siteDir(name), { base: v.base, years: [], reportPages, edition: v.edition });
      const failing = result.checks.filter((c) => !c.ok || c.severity === 'warning').map((c) => `${c.label}: ${c.summary}\n  ${c.problems.slice(0, 5).join('\n  ')}`);
      expect(failing).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.htmlFiles).toBeGreaterThan(1500);
      // Under /xxgk/, every page link carries the prefix.
      if (v.base !== '/') {
        const home = readPage(siteDir(name), 'index.html');
        const hrefs = [...home.matchAll(/href="([^"#]*)"/g)].map((m) => m[1]!).filter((h) => h.startsWith('/'));
        expect(hrefs.length).toBeGreaterThan(40);
        for (const h of hrefs) expect(h.startsWith(v.base), h).toBe(true);
      }
    });
  }

  it('the verifier fails the sub-path build checked as if it were at the root, and a report page it lacks (so the check above can fail)', () => {
    const reportPages = COUNTY.flatMap((s) => s.reports.map((r) => `${s.id}/${r.year}`));
    const atRoot = verifySite(siteDir('portalBase'), { base: '/', years: [], reportPages, edition: 'public' });
    expect(atRoot.ok).toBe(false);
    expect(atRoot.checks.find((c) => c.label === '站内链接和资源')?.ok).toBe(false);
    // The gap year has no page.
    const gap = verifySite(siteDir('portalBase'), { base: SITES.portalBase.base, years: [], reportPages: [...reportPages, 'lxjd-xxgk/2022'], edition: 'public' });
    expect(gap.ok).toBe(false);
    expect(gap.checks.find((c) => !c.ok)?.problems.join('\n')).toContain('lxjd-xxgk/2022/index.html');
  });
});
