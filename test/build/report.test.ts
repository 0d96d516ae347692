// The report page as built: the sample reads word for word, both editions, under a base path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';

// The sample report as the office wrote it (a copy of shared/seeds/000_37b62e7f3efae86f.txt).
const seedPath = join(import.meta.dirname, '../fixtures/seed/2022.txt');

/** The report text's blocks (h2 and p) as a reader sees them. */
function reportBlocks(html: string): { tag: string; id: string; text: string }[] {
  const start = html.indexOf('class="report-text"');
  expect(start, 'report text container').toBeGreaterThan(-1);
  const body = html.slice(start, html.indexOf('</article>', start));
  return [...body.matchAll(/<(h2|p)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => ({
    tag: m[1],
    id: /\bid="([^"]*)"/.exec(m[2])?.[1] ?? '',
    text: textOf(m[3]),
  }));
}

describe('the 2022 sample report', () => {
  const html = readPage(siteDir('default'), '2022/index.html');
  const seedLines = readFileSync(seedPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');

  it('reads exactly like the sample, paragraph by paragraph', () => {
    const blocks = reportBlocks(html);
    expect(blocks.map((b) => b.text)).toEqual(seedLines);
  });

  it('shows the three sections as headings and the items as anchored paragraphs', () => {
    const blocks = reportBlocks(html);
    expect(blocks.filter((b) => b.tag === 'h2').map((b) => b.text)).toEqual(['一、履行主体责任情况', '二、存在的主要问题及原因', '三、下一步工作思路和主要措施']);
    expect(html).toMatch(/<p id="s1-1" data-kind="work" class="item">一是认真落实党风廉政建设主体责任制。/);
    expect(html).toMatch(/<p id="s2-c1" data-kind="causes" class="item">一是政治建设还不够深入全面。/);
    expect(html).toMatch(/<p id="s3-5" data-kind="measures" class="item">五是注重纪检监察干部队伍的建设。/);
    const ids = blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists every section and item in the contents, each linking to an anchor on the page', () => {
    const toc = html.slice(html.indexOf('class="toc"'), html.indexOf('</nav>', html.indexOf('class="toc"')));
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBe(3 + 7 + 4 + 5 + 5);
    for (const id of targets) expect(html).toContain(`id="${id}"`);
  });

  it('shows the figures grouped as in the registry, masked as the sample masks them', () => {
    const table = html.slice(html.indexOf('<table class="figures"'), html.indexOf('</table>'));
    const groups = [...table.matchAll(/<th scope="rowgroup"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(groups[0]).toBe('教育学习');
    expect(new Set(groups).size).toBe(groups.length);
    expect(textOf(table)).toContain('学习典型案例**余次');
    expect(textOf(table)).toContain('为群众办实事解决问题***件');
    expect([...table.matchAll(/<tr>\s*<th scope="row">/g)].length).toBe(21);
  });

  it('is a Chinese page with the site title, organization and navigation', () => {
    expect(html).toMatch(/<html lang="zh-CN"/);
    expect(html).toContain('经济开发区工委');
    expect(html).toMatch(/<nav class="site-nav" aria-label="主导航">/);
    expect(html).toMatch(/<form class="site-search" action="\/search\/" method="get"/);
  });

  it('carries an A4 official-document print style with page numbers', () => {
    const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n') + linkedCss(siteDir('default'), html);
    expect(css).toMatch(/@page\s*{[^}]*size:\s*A4/);
    expect(css).toMatch(/margin:\s*37mm 26mm 35mm 28mm/);
    expect(css).toMatch(/counter\(page\)/);
    expect(css).toMatch(/FangSong/);
  });
});

function linkedCss(dir: string, html: string): string {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(dir, m[1].replace(/^\//, '')), 'utf8')).join('\n');
}

describe('home page', () => {
  it('lists the reports newest first with their key figures', () => {
    const html = readPage(siteDir('seriesPublic'), 'index.html');
    const years = [...html.matchAll(/<li class="report-card" data-year="(\d{4})"/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2023, 2022, 2021, 2020, 2019]);
    const card2021 = html.slice(html.indexOf('data-year="2021"'), html.indexOf('data-year="2020"'));
    expect(textOf(card2021)).toContain('30余');
  });
});

describe('editions', () => {
  it('the internal edition shows exact figures and redacted text, marked as such', () => {
    const html = readPage(siteDir('seriesInternal'), '2022/index.html');
    expect(html).toMatch(/>7741</);
    expect(html).toMatch(/<mark class="redact"[^>]*>滨河街道李某某虚报冒领补贴问题<\/mark>/);
    expect(html).toContain('内部版');
  });

  it('the public edition masks non-public figures and hides redacted text, but shows public figures', () => {
    const html = readPage(siteDir('seriesPublic'), '2022/index.html');
    expect(html).not.toMatch(/(?<!\d)7741(?!\d)/);
    expect(html).toMatch(/data-metric="petitions-received"[^>]*>\*\*\*\*</);
    expect(html).toContain('■■■');
    expect(html).not.toContain('李某某');
    // inspections is public: shown exactly in both editions
    expect(html).toMatch(/data-metric="inspections"[^>]*>31</);
  });
});

describe('deploying under a sub-path', () => {
  for (const name of ['seriesPublicBase', 'minimalInternalBase'] as const) {
    it(`${name}: every internal link and asset stays under /reports/`, () => {
      const dir = siteDir(name);
      for (const page of ['index.html', name === 'minimalInternalBase' ? '2021/index.html' : '2022/index.html']) {
        const html = readPage(dir, page);
        const urls = [...html.matchAll(/\s(?:href|src|action)="([^"#][^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
        expect(urls.length).toBeGreaterThan(3);
        for (const u of urls) expect(u, `${page}: ${u}`).toMatch(/^\/reports\//);
        for (const u of urls) {
          const path = u.replace(/^\/reports\//, '').replace(/[?#].*$/, '');
          const file = path === '' || path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
          expect(existsSync(file), `${page} links to ${u}`).toBe(true);
        }
      }
    });
  }
});
