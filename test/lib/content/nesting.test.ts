// Absurd nesting is refused with a Chinese line, before it can slow the parser, overflow a tree walker
// or segfault the bundler; ordinary nesting passes.
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { MAX_NESTING, sourceNesting, treeNesting } from '../../../src/lib/content/nesting.ts';
import { parseBody } from '../../../src/lib/content/report-body.ts';
import { checkBody } from '../../../src/lib/check/check.ts';
import { makeRegistry } from '../../../src/lib/content/metrics.ts';

const check = (body: string) => checkBody({ file: 'reports/2022.mdx', raw: {}, body, bodyLineOffset: 6 }, makeRegistry([]));

describe('nesting in check', () => {
  it.each([
    ['300 nested list markers in 654 bytes (segfaulted the bundler)', `${'- '.repeat(300)}深\n`.padEnd(654, ' '), 300],
    ['500 nested >', `${'>'.repeat(500)} 引用\n`, 500],
    ['3,000 nested - ', `${'- '.repeat(3000)}深\n`, 3000],
    ['5,000 nested <Redact>', `${'<Redact>'.repeat(5000)}秘${'</Redact>'.repeat(5000)}\n`, 5000],
    ['300 lists nested by indentation', Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- 第${i}级`).join('\n'), 300],
    ['1. markers', `${'1. '.repeat(1000)}深\n`, 1000],
  ])('%s: one error naming the line and the limit, in Chinese', (_name, body, depth) => {
    const ps = check(`## 一、情况\n\n${body}`);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.severity).toBe('error');
    expect(ps[0]?.message).toBe(`正文嵌套过深：列表、引用、<Redact> 或强调在这里套了 ${depth} 层（最多 ${MAX_NESTING} 层）`);
    expect(ps[0]?.line).toBeGreaterThanOrEqual(9);
    expect(ps[0]?.hint).toContain('<Redact> 是否套了多层');
  });

  it('3,000 stars of emphasis: refused too', () => {
    const ps = check(`${'*'.repeat(3000)}字${'*'.repeat(3000)}\n`);
    expect(ps.map((p) => p.message)).toEqual([expect.stringContaining('正文嵌套过深')]);
  });

  it(`${MAX_NESTING} levels pass; ${MAX_NESTING + 1} are refused, measured on the parsed tree with the line`, () => {
    expect(check(`一是：\n\n${'- '.repeat(MAX_NESTING)}深\n`)).toEqual([]);
    const mixed = `一是：\n\n${'> - '.repeat(5)}${'<Redact>'.repeat(MAX_NESTING - 10)}深${'</Redact>'.repeat(MAX_NESTING - 10)}\n`;
    expect(check(mixed)).toEqual([]);
    const deeper = `一是：\n\n${'> - '.repeat(5)}${'<Redact>'.repeat(MAX_NESTING - 9)}深${'</Redact>'.repeat(MAX_NESTING - 9)}\n`;
    expect(check(deeper)).toEqual([expect.objectContaining({ line: 9, message: expect.stringContaining(`套了 ${MAX_NESTING + 1} 层`) })]);
  });

  it('a real report structure (four levels of points, a quote, redactions, emphasis) is nowhere near the limit', () => {
    const body = '一是加强学习。\n\n1. 第一点\n   - （1）分项\n     - ①细目 <Redact>**王某某**</Redact>\n\n> 引用 *强调* 的原文\n';
    const parsed = parseBody(body);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(treeNesting(parsed.tree, 6)).toBeUndefined();
    expect(sourceNesting(body).depth).toBeLessThanOrEqual(6);
  });
});

describe('sourceNesting', () => {
  it('counts markers on a line, indentation, open components and emphasis runs; escaped and closed tags do not count', () => {
    expect(sourceNesting('> > - 1. x').depth).toBe(4);
    expect(sourceNesting('- a\n  - b\n    - c\n- d').depth).toBe(3);
    expect(sourceNesting('<Redact><Redact>x</Redact></Redact>').depth).toBe(2);
    expect(sourceNesting('<Stat id="a" /><Stat id="b" />').depth).toBe(0);
    expect(sourceNesting('\\<Redact>\\<Redact>').depth).toBe(0);
    expect(sourceNesting('******x******').depth).toBe(3);
    expect(sourceNesting('**********').depth).toBe(0); // a thematic break, not emphasis
    expect(sourceNesting('a\n\n- x\n  - y\n\nb\n- z').line).toBe(4);
  });
});

describe('treeNesting', () => {
  it('walks a tree far deeper than the call stack without overflowing', () => {
    let node: { type: string; children: unknown[] } = { type: 'text', children: [] };
    for (let i = 0; i < 200_000; i++) node = { type: 'blockquote', children: [node] };
    const found = treeNesting({ type: 'root', children: [node] } as unknown as Root);
    expect(found?.depth).toBe(MAX_NESTING + 1);
  });
});
