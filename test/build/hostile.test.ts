// Reports written as an attacker would, built. test/fixtures/hostile passes check: every attack is only
// text and the only links are allowed ones. test/fixtures/hostile-unchecked is what check refuses, built
// with the check skipped: the build's own allowlist must leave nothing that can run script.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFiles, readDecoded, readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';
import { executableMarkup } from '../../src/lib/content/html-safety.ts';
import { verifySite } from '../../src/lib/publish/verify-site.ts';

const reportText = (html: string) => html.slice(html.indexOf('class="report-text"'), html.indexOf('</article>'));
/** The report's own paragraphs and headings (anchored, with a kind), without what the page adds (notes, follow-ups). */
const ownBlocks = (text: string) => [...text.matchAll(/<(p|h[2-6]) id="[^"]+" data-kind[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[0]).join('\n');
const paragraph = (html: string, id: string) => new RegExp(`<p id="${id}"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1] ?? '';
const hrefs = (html: string) => [...html.matchAll(/<a\b([^>]*)>/g)].map((m) => /\bhref="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? null);

describe('hostile content that passes check, built', () => {
  const html = readPage(siteDir('hostile'), '2022/index.html');
  const text = reportText(html);

  it('a URL followed by an escaped tag, and link syntax written as text, stay text: no element, no handler, no link', () => {
    const literal = ['s1-1', 's1-2', 's1-3'].map((id) => paragraph(text, id)).join('\n');
    expect(literal).not.toMatch(/<(img|script|a)\b/i);
    expect(literal, 'an event handler inside a tag').not.toMatch(/<[^>]*\son\w+=/i);
    expect(textOf(text)).toContain('一是详见 https://example.com/<img src="/favicon.svg" onload="alert(document.domain)" />。');
    expect(textOf(text)).toContain('二是参见 www.example.com/<script>alert(1)</script> 和 mailto:a@example.com<b>。');
    expect(textOf(text)).toContain('三是文中写出的链接语法只是文字：[点我](javascript:window.__pwned=1) 和 ![图](https://evil.example/a.png)。');
  });

  it('the report text links only where check allows, exactly as written', () => {
    expect(hrefs(ownBlocks(text))).toEqual(['https://www.example.gov.cn/xxgk/', 'mailto:xxgk@example.gov.cn', 'tel:010-12345678', '#s1', '/2022/#s1-1', 'https://www.example.gov.cn/', '/2022/#s1']);
  });

  it('keeps the table as a table, and a list nested 20 levels deep (the limit) builds', () => {
    expect(text).toMatch(/<table\b[^>]*>[\s\S]*<th scope="col"[^>]*>项目<\/th>[\s\S]*<th scope="row"[^>]*>专题会议<\/th>/);
    expect(text.match(/<ul>/g)).toHaveLength(20);
    expect(textOf(text)).toMatch(/19\s+20/);
  });

  it('nothing on any page can run script, and the release verifies', () => {
    const dir = siteDir('hostile');
    for (const f of allFiles(dir).filter((f) => f.endsWith('.html'))) expect(executableMarkup(readDecoded(join(dir, f))), f).toEqual([]);
    expect(verifySite(dir, { years: [2022], edition: 'public' }).ok).toBe(true);
  });
});

describe('hostile content that check refuses, built with the check skipped', () => {
  const dir = siteDir('hostileUnchecked');
  const html = readPage(dir, '2022/index.html');
  const text = reportText(html);

  it('every refused link is left as its words; the one allowed link stays', () => {
    const links = paragraph(text, 's1-1');
    expect(links).toBe('一是链接：点我、大写、字符引用、十六进制引用、制表符、前导空格、vb、数据、文件、协议相对、反斜杠和引用式。');
    expect(hrefs(ownBlocks(text))).toEqual(['https://example.com/']);
  });

  it('images, JSX elements, handlers, scripts, frames, SVG and expressions are gone from the page', () => {
    expect(text).not.toMatch(/<(img|script|iframe|svg|object|embed|b)\b/i);
    expect(text).not.toMatch(/\s(on\w+|style|src|data-template)=/i);
    expect(text).not.toContain('id="search-root"');
    expect(paragraph(text, 's1-2')).toBe('二是图片：、和。');
    expect(paragraph(text, 's1-3')).toBe('三是组件：、组件链接、<span class="x">点击</span>、<span class="redacted" title="此处内容在公开版中隐去">■■■</span>、、、和。');
  });

  it('no file of the build holds any payload, and the release verifies', () => {
    for (const f of allFiles(dir)) {
      const content = readDecoded(join(dir, f));
      expect(content.includes('__pwned'), f).toBe(false);
      expect(content.includes('evil.example'), f).toBe(false);
      if (f.endsWith('.html')) expect(executableMarkup(content), f).toEqual([]);
    }
    const verified = verifySite(dir, { years: [2021, 2022], edition: 'public' });
    expect(verified.checks.filter((c) => !c.ok && c.severity === 'error')).toEqual([]);
  });

  it('the contents list reads like the page (nothing dropped from the page survives in the item titles)', () => {
    const toc = html.slice(html.indexOf('class="toc'), html.indexOf('class="report-text"'));
    expect(textOf(toc)).toContain('三是组件：、组件链接、点击、■■■、、、和。');
    expect(existsSync(join(dir, 'compare/2021-2022/index.html'))).toBe(true);
  });
});
