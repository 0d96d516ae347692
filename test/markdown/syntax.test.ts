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
