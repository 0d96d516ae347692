import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatVerification, parseHtml, resolveReference, urlPathOf, verifySite, type VerifyResult } from '../../../src/lib/publish/verify-site.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A hand-made built site: path → contents. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-verify-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (body: string, edition = 'public') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="data:,"></head><body class="page edition-${edition}">${body}</body></html>`;

/** A small site that passes every check, built for base "/". */
function goodSite(extra: Record<string, string> = {}, edition = 'public'): Record<string, string> {
  return {
    'index.html': page('<a href="/2021/">2021</a> <a href="2022/#s1-1">2022 一是</a><form action="/search/"></form><script type="module" src="/_astro/app.js"></script><script>const s = \'<a href="/nowhere/">\';</script>', edition),
    '2021/index.html': page('<h2 id="s1">一</h2><a href="../">首页</a><a href="#s1">本节</a><img src="/_astro/chart.svg" srcset="/_astro/chart.svg 1x, /_astro/chart@2x.svg 2x" alt="">', edition),
    '2022/index.html': page('<p id="s1-1">一是</p><a href="/compare/2021-2022/">对比</a><a href="/files/%E6%8A%A5%E5%91%8A.pdf">报告</a><a href="mailto:a@b.c">邮件</a>', edition),
    'compare/2021-2022/index.html': page('<a href="/2021/">2021</a>', edition),
    'search/index.html': page('<link rel="stylesheet" href="/pagefind/pagefind-ui.css">', edition),
    'files/报告.pdf': '%PDF',
    '_astro/site.css': 'body{background:url(./bg.png)} @font-face{src:url("/_astro/font.woff2")}',
    '_astro/bg.png': 'png',
    '_astro/font.woff2': 'woff',
    '_astro/app.js': '',
    '_astro/chart.svg': '<svg/>',
    '_astro/chart@2x.svg': '<svg/>',
    'pagefind/pagefind.js': '',
    'pagefind/pagefind-ui.css': '',
    ...extra,
  };
}

const failed = (r: VerifyResult) => r.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.label);
const problemsOf = (r: VerifyResult, label: string) => r.checks.find((c) => c.label === label)?.problems ?? [];

describe('verifySite', () => {
  it('passes a complete site: pages, links (relative, encoded, srcset, CSS url()), search index, edition', () => {
    const r = verifySite(site(goodSite()), { years: [2021, 2022], edition: 'public' });
    expect(failed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.htmlFiles).toBe(5);
    expect(r.references).toBeGreaterThan(15);
    expect(formatVerification(r)).toContain('校验通过');
  });

  it('catches a broken internal link and names the page it is on and the missing target', () => {
    const files = goodSite({ '2021/index.html': page('<a href="/2020/">2020</a><a href="/_astro/missing.css">x</a>') });
    const r = verifySite(site(files), { years: [2021, 2022], edition: 'public' });
    expect(r.ok).toBe(false);
    expect(failed(r)).toEqual(['站内链接和资源']);
    const problems = problemsOf(r, '站内链接和资源');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('/2020/ 不存在');
    expect(problems[0]).toContain('2021/index.html');
    expect(formatVerification(r)).toContain('✗ 站内链接和资源');
  });

  it('does not read links inside scripts or comments as markup', () => {
    const r = verifySite(site(goodSite({ '2021/index.html': page('<!-- <a href="/gone/"> --><script>document.body.innerHTML = \'<img src="/gone.png">\'</script>') })), { years: [2021, 2022], edition: 'public' });
    expect(failed(r)).toEqual([]);
  });

  it('catches a missing year page and a missing home page', () => {
    const files = goodSite();
    delete files['index.html'];
    const r = verifySite(site(files), { years: [2021, 2022, 2023], edition: 'public' });
    expect(problemsOf(r, '首页和年度页面')).toEqual(['缺少 index.html', '缺少 2023/index.html']);
  });

  it('catches a year page for a year the content folder does not have', () => {
    const r = verifySite(site(goodSite()), { years: [2021], edition: 'public' });
    expect(failed(r)).toEqual(['首页和年度页面']);
    expect(problemsOf(r, '首页和年度页面')[0]).toContain('多出 2022/index.html');
  });

  it('respects the base path: links must stay under it', () => {
    const under = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.replace(/(href|src|srcset|action)="\//g, '$1="/reports/').replace(/, \/_astro/g, ', /reports/_astro').replace(/url\("\//g, 'url("/reports/')]));
    const dir = site(under(goodSite()));
    expect(failed(verifySite(dir, { base: '/reports/', years: [2021, 2022], edition: 'public' }))).toEqual([]);
    // The same folder checked as if deployed at the root: every absolute link points outside it.
    expect(failed(verifySite(dir, { base: '/', years: [2021, 2022], edition: 'public' }))).toEqual(['站内链接和资源']);
    // A link that forgot the base.
    const forgot = site({ ...under(goodSite()), '2021/index.html': page('<a href="/reports/">首页</a><a href="/2022/">2022</a>').replace('"/_astro', '"/reports/_astro') });
    const r = verifySite(forgot, { base: '/reports', years: [2021, 2022], edition: 'public' });
    expect(problemsOf(r, '站内链接和资源')[0]).toContain('不在路径前缀 /reports/ 之下');
  });

  it('reports a missing search index clearly', () => {
    const files = goodSite();
    delete files['pagefind/pagefind.js'];
    delete files['pagefind/pagefind-ui.css'];
    delete files['search/index.html'];
    files['search/index.html'] = page('');
    const r = verifySite(site(files), { years: [2021, 2022], edition: 'public' });
    expect(failed(r)).toEqual(['搜索索引']);
    expect(formatVerification(r)).toMatch(/没有 pagefind\/ 文件夹[\s\S]*search-index\.ts/);
  });

  it('fails a public publish that contains internal-edition markup, and passes it as internal', () => {
    const files = goodSite({ '2021/index.html': page('<p>查处<mark class="redact" title="公开版中隐去">某案</mark></p>') });
    const r = verifySite(site(files), { years: [2021, 2022], edition: 'public' });
    expect(failed(r)).toEqual(['版本']);
    expect(problemsOf(r, '版本')[0]).toContain('2021/index.html');
    const internal = verifySite(site(goodSite({ '2021/index.html': page('<mark class="redact">某案</mark>', 'internal') }, 'internal')), { years: [2021, 2022], edition: 'internal' });
    expect(failed(internal)).toEqual([]);
    // A page that says it is the internal edition, in a public publish.
    expect(failed(verifySite(site(goodSite({}, 'internal')), { years: [2021, 2022], edition: 'public' }))).toEqual(['版本']);
  });

  it('fails on resources loaded from outside the site; a link out is only a warning', () => {
    const r = verifySite(site(goodSite({ '2021/index.html': page('<script src="https://cdn.example.com/x.js"></script><a href="https://www.gov.cn/">中国政府网</a>') })), { years: [2021, 2022], edition: 'public' });
    expect(failed(r)).toEqual(['不从站外加载']);
    const warn = verifySite(site(goodSite({ '2021/index.html': page('<a href="https://www.gov.cn/">中国政府网</a>') })), { years: [2021, 2022], edition: 'public' });
    expect(warn.ok).toBe(true);
    expect(warn.checks.find((c) => c.label === '站外链接')?.severity).toBe('warning');
  });

  it('fails a release with a javascript: URL or an event handler anywhere in its HTML, naming page and markup', () => {
    const r = verifySite(site(goodSite({ '2022/index.html': page('<p id="s1-1">一是<a href="javascript:window.__pwned=1">点我</a><a href="JavaScript&#58;alert(1)">再点</a></p><img src="/_astro/chart.svg" onerror="alert(1)" alt="">') })), { years: [2021, 2022], edition: 'public' });
    expect(r.ok).toBe(false);
    expect(failed(r)).toEqual(['不含可运行的脚本链接']);
    expect(problemsOf(r, '不含可运行的脚本链接')).toEqual([
      '2022/index.html：<a href="javascript:window.__pwned=1">：javascript: 地址会运行脚本',
      '2022/index.html：<a href="JavaScript:alert(1)">：javascript: 地址会运行脚本',
      '2022/index.html：<img onerror="alert(1)">：事件属性会运行脚本',
    ]);
    expect(formatVerification(r)).toContain('✗ 不含可运行的脚本链接：3 处标记可能在读者的浏览器中运行脚本');
    // A javascript: link is not "a link to outside the site" or a missing file: it is only the script finding.
    expect(r.checks.filter((c) => !c.ok).map((c) => c.label)).toEqual(['不含可运行的脚本链接']);
  });

  it('warns, without failing, about an anchor missing on its target page', () => {
    const r = verifySite(site(goodSite({ 'index.html': page('<a href="/2021/#s9">x</a><a href="/2022/#s1-1">y</a><script src="/_astro/app.js"></script><form action="/search/"></form>') })), { years: [2021, 2022], edition: 'public' });
    expect(r.ok).toBe(true);
    expect(problemsOf(r, '页内锚点')).toEqual([expect.stringContaining('id="s9"')]);
  });

  it('says so when the folder does not exist', () => {
    const r = verifySite('/nonexistent/nianbao-site', { years: [], edition: 'public' });
    expect(r.ok).toBe(false);
    expect(formatVerification(r)).toContain('不存在');
  });
});

describe('URL helpers', () => {
  it('maps built files to the URL they are served at', () => {
    expect(urlPathOf('index.html', '/')).toBe('/');
    expect(urlPathOf('2022/index.html', '/reports/')).toBe('/reports/2022/');
    expect(urlPathOf('404.html', '/')).toBe('/404.html');
  });

  it('resolves relative, absolute and folder URLs', () => {
    const files = new Set(['index.html', '2022/index.html', 'data/stats.json']);
    const exists = (f: string) => files.has(f);
    expect(resolveReference('../', '/r/2022/', '/r/', exists)).toMatchObject({ kind: 'internal', file: 'index.html' });
    expect(resolveReference('/r/2022', '/r/', '/r/', exists)).toMatchObject({ kind: 'internal', file: '2022/index.html' });
    expect(resolveReference('/r/data/stats.json?v=1#x', '/r/', '/r/', exists)).toMatchObject({ file: 'data/stats.json', fragment: 'x' });
    expect(resolveReference('/r', '/r/2022/', '/r/', exists)).toMatchObject({ file: 'index.html' });
    expect(resolveReference('/2022/', '/r/', '/r/', exists)).toMatchObject({ kind: 'outside-base' });
    expect(resolveReference('//cdn.example.com/a.js', '/', '/', exists)).toMatchObject({ kind: 'external' });
    expect(resolveReference('data:,', '/', '/', exists)).toMatchObject({ kind: 'skip' });
  });

  it('reads attributes in any quoting, with entities decoded', () => {
    const p = parseHtml(`<a href='/a/?x=1&amp;y=2'>a</a><img src=/b.png alt=""><div id="s1-2" style="background:url('/c.png')"></div>`);
    expect(p.refs.map((r) => r.url)).toEqual(['/a/?x=1&y=2', '/b.png']);
    expect(p.cssUrls).toEqual(['/c.png']);
    expect(p.ids.has('s1-2')).toBe(true);
  });
});
