// Reports written as an attacker would (test/fixtures/hostile): built, every attack is only text.
import { describe, expect, it } from 'vitest';
import { readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';

describe('hostile content, built', () => {
  const html = readPage(siteDir('hostile'), '2022/index.html');
  const text = html.slice(html.indexOf('class="report-text"'), html.indexOf('</article>'));

  it('a URL followed by an escaped tag stays text: no element, no handler, no link', () => {
    expect(text).not.toMatch(/<img\b/i);
    expect(text).not.toMatch(/<script\b/i);
    expect(text, "an event handler inside a tag").not.toMatch(/<[^>]*\son\w+=/i);
    expect(text).not.toMatch(/<a\b/i);
    expect(textOf(text)).toContain('一是详见 https://example.com/<img src="/favicon.svg" onload="alert(document.domain)" />。');
    expect(textOf(text)).toContain('二是参见 www.example.com/<script>alert(1)</script> 和 mailto:a@example.com<b>。');
  });

  it('keeps the table as a table', () => {
    expect(text).toMatch(/<table\b[^>]*>[\s\S]*<th scope="col">项目<\/th>[\s\S]*<th scope="row">专题会议<\/th>/);
  });
});
