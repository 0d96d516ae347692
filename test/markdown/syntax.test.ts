// The report dialect: what check parses is what the build renders, so text check accepts as text stays text.
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseBody } from '../../src/lib/content/report-body.ts';

function parsed(body: string): Root {
  const r = parseBody(body);
  if (!r.ok) throw new Error(r.message);
  return r.tree;
}

const types = (tree: Root) => {
  const out = new Set<string>();
  visit(tree, (n) => void out.add(n.type));
  return out;
};

describe('the report dialect', () => {
  it.each([
    'https://example.com/\\<img src="/favicon.svg" onload="alert(1)" />',
    'www.example.com/\\<script>alert(1)\\</script>',
    'mailto:a@example.com\\<b>',
    'a@example.com\\<img src=x onerror=alert(1)>',
  ])('keeps a URL followed by an escaped tag as text: %s', (line) => {
    const tree = parsed(`一是详见 ${line}。`);
    expect(types(tree).has('mdxJsxTextElement')).toBe(false);
    expect(types(tree).has('link')).toBe(false);
    const text: string[] = [];
    visit(tree, 'text', (n) => void text.push(n.value));
    expect(text.join('')).toBe(`一是详见 ${line.replaceAll('\\<', '<')}。`);
  });

  it('reads GFM tables, with <Stat> in a cell', () => {
    const tree = parsed('| 项目 | 次数 |\n| --- | --- |\n| 会议 | <Stat id="meetings" /> |\n');
    expect(tree.children[0]?.type).toBe('table');
    expect(types(tree).has('mdxJsxTextElement')).toBe(true);
  });

  it('has no strikethrough, footnotes or task lists: tildes and brackets read as written', () => {
    const tree = parsed('增长~~10%~~以上，见[^1]。\n\n- [ ] 待办\n');
    const t = types(tree);
    for (const type of ['delete', 'footnoteReference', 'footnoteDefinition']) expect(t.has(type)).toBe(false);
    let checked: unknown;
    visit(tree, 'listItem', (n) => void (checked = n.checked));
    expect(checked).toBeNull();
  });
});

describe('the dialect on the build’s parser', () => {
  const textOf = (body: string) => {
    const text: string[] = [];
    visit(parsed(body), 'text', (n) => void text.push(n.value));
    return text.join('');
  };

  it('reads tildes as written: ranges, doubled, escaped, next to emphasis', () => {
    const tree = parsed('1~3月至5~6月，增长~~10%~~，转义\\~号，*约~5次*。');
    expect(types(tree).has('delete')).toBe(false);
    expect(textOf('1~3月至5~6月，增长~~10%~~，转义\\~号，*约~5次*。')).toBe('1~3月至5~6月，增长~~10%~~，转义~号，约~5次。');
    expect(types(tree).has('emphasis')).toBe(true);
  });

  it('keeps the brackets of a would-be task list, in a quote and an ordered list too', () => {
    for (const body of ['- [ ] 待办\n- [x] 已办\n', '> 1. [X] 引用中\n']) {
      const tree = parsed(body);
      visit(tree, 'listItem', (n) => void expect(n.checked).toBeNull());
    }
    expect(textOf('- [ ] 待办\n- [x] 已办\n')).toBe('[ ] 待办[x] 已办');
  });

  it('leaves a URL, www address or e-mail as words, in a paragraph and in a table cell', () => {
    const tree = parsed('网址 https://www.example.gov.cn/xxgk?a=1&b=2 ，信箱 xxgk@example.gov.cn。\n\n| 项目 | 说明 |\n| --- | --- |\n| 网址 | www.example.com/\\<b> 与 1~2月 |\n');
    expect(types(tree).has('link')).toBe(false);
    expect(types(tree).has('mdxJsxTextElement')).toBe(false);
    const cells: string[] = [];
    visit(tree, 'tableCell', (c) => void cells.push(c.children.map((n) => ('value' in n ? n.value : '')).join('')));
    expect(cells).toContain('www.example.com/<b> 与 1~2月');
  });

  it('keeps code and a tilde fence exactly', () => {
    const tree = parsed('~~~\nhttp://x ~ a@b\n~~~\n\n行内 `~a@b://` 代码\n');
    const codes: string[] = [];
    visit(tree, (n) => {
      if (n.type === 'code' || n.type === 'inlineCode') codes.push((n as { value: string }).value);
    });
    expect(codes).toEqual(['http://x ~ a@b', '~a@b://']);
  });

  it('works when the text already holds the punctuation it uses as stand-ins', () => {
    const stand = Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0x2e00 + i)).join('');
    expect(textOf(`${stand} 1~3月 a@b.cn`)).toBe(`${stand} 1~3月 a@b.cn`);
  });

  it('never turns a character written as a reference into one it swapped', () => {
    const written = 'a@b.cn 与 1~3月 和 &#x2E00;&#11777;&#x2e02;&#x2E03;&#x2E06;&#x2E07;&#x2E08;&#x2E0B;&#x2E0E; 。';
    expect(textOf(written)).toBe('a@b.cn 与 1~3月 和 \u2E00\u2E01\u2E02\u2E03\u2E06\u2E07\u2E08\u2E0B\u2E0E 。');
  });

  it('makes no link of an address whose trigger is escaped, and keeps the backslash where escapes are not read', () => {
    const body = '信箱 xxgk\\@example.gov.cn，网址 www\\.example.gov.cn 和 https\\://example.com/\\<b>，代码 `a\\@b\\~c`，<span title="x\\@y">字</span>。';
    const tree = parsed(body);
    expect(types(tree).has('link')).toBe(false);
    expect(textOf(body)).toBe('信箱 xxgk@example.gov.cn，网址 www.example.gov.cn 和 https://example.com/<b>，代码 ，字。');
    const code: string[] = [];
    visit(tree, 'inlineCode', (n) => void code.push(n.value));
    expect(code).toEqual(['a\\@b\\~c']);
    let title: unknown;
    visit(tree, 'mdxJsxTextElement', (n) => void (title = (n.attributes[0] as { value: unknown }).value));
    expect(title).toBe('x\\@y');
  });

  it.each(['- - [ ] 尚未完成的整改', '- * [x] 已完成', '1. - [x] 已办', '- > - [ ] 引用', '- [\t] 任务', '> > - [X] 两层引用'])('keeps the box of %j as text', (body) => {
    const tree = parsed(`${body}\n`);
    visit(tree, 'listItem', (n) => void expect(n.checked).toBeNull());
    expect(textOf(`${body}\n`)).toMatch(/\[[ \txX]\]/);
  });

  it('keeps a tilde fence opened on a list line as a fence', () => {
    const tree = parsed('- ~~~\n  1~3月\n  ~~~\n');
    const codes: string[] = [];
    visit(tree, 'code', (n) => void codes.push(n.value));
    expect(codes).toEqual(['1~3月']);
  });

  it('reports a syntax error at its place, quoting what was written', () => {
    const r = parseBody('第一行~\n\n见 https://x.cn <span>未闭合');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.line).toBe(3);
    expect(r.message).toMatch(/span/);
    expect(r.message).not.toMatch(/[\u2e00-\u2e7f]/);
  });
});
