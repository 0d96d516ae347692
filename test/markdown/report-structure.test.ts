// The structure on the compiled tree: anchors and kinds on the blocks, a span per inline item built in the
// mdast (so <Stat> and <Redact> inside it stay what they are), and the text exactly as written.
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import { runSteps } from '../helpers/markdown-steps.ts';
import remarkReport from '../../src/markdown/remark-report.ts';
import { makeRegistry, metricSchema } from '../../src/lib/content/metrics.ts';
import type { Edition } from '../../src/lib/content/edition.ts';
import { items, type ReportStructure } from '../../src/lib/structure/structure.ts';
import { unpackStructure } from '../../src/lib/structure/packed.ts';
import { parseBody } from '../../src/lib/content/report-body.ts';
import { renderTree } from '../../src/lib/structure/report-text.ts';
import { buildStructure, structureBlocks } from '../../src/lib/structure/structure.ts';
import { importSource } from '../../src/lib/import/index.ts';
import { readText } from '../../src/lib/import/source.ts';
import { loadReal } from '../helpers/real-fixtures.ts';

const registry = makeRegistry([
  metricSchema.parse({ id: 'grassroots-items', label: '基层政务公开信息', unit: '条' }),
  metricSchema.parse({ id: 'proactive-items', label: '主动公开政府信息', unit: '条', public: true }),
]);

function compile(body: string, edition: Edition = 'public', stats: Record<string, unknown> = { 'grassroots-items': 1654, 'proactive-items': 13561 }) {
  const file = new VFile({ value: body, data: { astro: { frontmatter: { year: 2023, stats } } } });
  const tree = runSteps(file, [remarkReport({ registry, edition })]);
  const fm = (file.data as { astro: { frontmatter: { structure: string } } }).astro.frontmatter;
  return { tree, structure: unpackStructure(fm.structure, 'test') };
}

type Jsx = { type: string; name?: string; attributes?: { name: string; value: unknown }[]; children?: Jsx[] };
const attrs = (n: Jsx) => Object.fromEntries((n.attributes ?? []).map((a) => [a.name, a.value]));
const spans = (node: RootContent) => ((node as { children?: Jsx[] }).children ?? []).filter((c) => c.type === 'mdxJsxTextElement' && attrs(c).class === 'item item-inline');

// 平潭综合实验区2023年度政府信息公开工作年度报告 (shortened), with a masked figure and a redaction inside items.
const body = `## 一、总体情况

### （一）主动公开方面

2023年全区共主动公开政府信息<Stat id="proactive-items" />条。一是做好规范性文件公开。二是强化基层政务公开，持续做好重点民生领域的信息公开，公开信息<Stat id="grassroots-items" />条。三是探索开设<Redact>“自贸深改”等</Redact>特色专题专栏。

## 五、存在的主要问题及改进情况

存在的问题主要有以下几个方面：一是部分栏目存在信息噪音；二是开拓创新不够有力。

2024年，我区将采取以下措施加以改进：

一是加大政务公开检查力度。二是提升政务公开内容质量。
`;

describe('inline items on the tree', () => {
  it('wraps each inline item in a span with its anchor and kind; the paragraph reads exactly as before', () => {
    const before = parseBody(body);
    if (!before.ok) throw new Error(before.message);
    const { tree } = compile(body, 'internal');
    const paragraphs = tree.children.filter((n) => n.type === 'paragraph');
    const first = paragraphs[0] as RootContent;
    expect(spans(first).map((s) => [attrs(s).id, attrs(s)['data-kind'], toString(s as never)])).toEqual([
      ['s1-1-1', 'work', '一是做好规范性文件公开。'],
      ['s1-1-2', 'work', '二是强化基层政务公开，持续做好重点民生领域的信息公开，公开信息1654条。'],
      ['s1-1-3', 'work', '三是探索开设“自贸深改”等特色专题专栏。'],
    ]);
    expect(toString(first as never)).toBe('2023年全区共主动公开政府信息13561条。一是做好规范性文件公开。二是强化基层政务公开，持续做好重点民生领域的信息公开，公开信息1654条。三是探索开设“自贸深改”等特色专题专栏。');
    expect(first.data).toMatchObject({ hProperties: { id: 's1-p1', 'data-kind': 'work' } });
  });

  it('keeps a <Stat> and a <Redact> inside an item what they are (public edition: masked, hidden)', () => {
    const { tree } = compile(body, 'public');
    const [one, two, three] = spans(tree.children.find((n) => n.type === 'paragraph') as RootContent);
    expect(one && toString(one as never)).toBe('一是做好规范性文件公开。');
    const stat = two?.children?.find((c) => c.type === 'mdxJsxTextElement');
    expect(stat && attrs(stat)).toMatchObject({ class: 'stat stat-masked', 'data-metric': 'grassroots-items' });
    expect(toString(two as never)).toContain('公开信息****条。');
    expect(JSON.stringify(tree)).not.toContain('1654');
    const redacted = three?.children?.find((c) => c.type === 'mdxJsxTextElement');
    expect(redacted && attrs(redacted)).toMatchObject({ class: 'redacted' });
    expect(JSON.stringify(tree)).not.toContain('自贸深改');
  });

  it('the sub-heading, the problems and the measures get their anchors and kinds', () => {
    const { tree, structure } = compile(body);
    const h3 = tree.children.find((n) => n.type === 'heading' && n.depth === 3);
    expect(h3?.data).toMatchObject({ hProperties: { id: 's1-1', 'data-kind': 'work', className: ['item', 'item-paren-heading'] } });
    expect(items(structure).map((i) => `${i.id}:${i.item.kind}`)).toEqual(['s1-1:work', 's1-1-1:work', 's1-1-2:work', 's1-1-3:work', 's2-1:problems', 's2-2:problems', 's2-m1:measures', 's2-m2:measures']);
    const measures = tree.children.filter((n) => n.type === 'paragraph').at(-1) as RootContent;
    expect(spans(measures).map((s) => attrs(s).id)).toEqual(['s2-m1', 's2-m2']);
    expect(measures.data).toMatchObject({ hProperties: { id: 's2-p3', 'data-kind': 'measures' } });
  });

  it('the structure cites each figure from the item that holds it', () => {
    const { structure } = compile(body);
    const p = structure.sections[0]?.paragraphs.find((x) => x.id === 's1-p1');
    expect(p?.inline?.find((x) => x.stats.includes('grassroots-items'))?.id).toBe('s1-1-2');
    expect(p?.stats).toEqual(['proactive-items', 'grassroots-items']);
  });
});

describe('the build and check read the same structure', () => {
  it.each(['gov-2019-pingtan', 'summary-2022-pingtan-xzspj', 'gov-2019-shanghai-bgt'])('%s: the same items, anchors and kinds from the compiled tree as from the checked text', (slug) => {
    const r = loadReal(slug);
    const imported = importSource(readText(new TextEncoder().encode(r.text)), { registry: makeRegistry([]), year: r.answers.year, fileName: r.slug });
    const parsed = parseBody(imported.body);
    if (!parsed.ok) throw new Error(parsed.message);
    const checked = buildStructure(structureBlocks(renderTree(parsed.tree, {}))).structure;
    const file = new VFile({ value: imported.body, data: { astro: { frontmatter: { year: r.answers.year, stats: {} } } } });
    const tree = runSteps(file, [remarkReport({ registry: makeRegistry([]), edition: 'public' })]);
    const built = unpackStructure((file.data as { astro: { frontmatter: { structure: string } } }).astro.frontmatter.structure, 'test');
    const key = (s: ReportStructure) => items(s).map((i) => `${i.id} ${i.item.form} ${i.item.kind} ${i.item.title}`);
    expect(key(built)).toEqual(key(checked));
    expect(key(built).length).toBeGreaterThan(5);
    // Every inline item is a span on the tree, with the anchor the structure gives it.
    const onTree: string[] = [];
    const walk = (n: Jsx) => {
      if (n.type === 'mdxJsxTextElement' && attrs(n).class === 'item item-inline') onTree.push(String(attrs(n).id));
      for (const c of n.children ?? []) walk(c);
    };
    walk(tree as never);
    expect(onTree).toEqual(items(built).filter((i) => i.item.form === 'inline').map((i) => i.id));
  });
});
