// The build's defence when check was skipped: the report pipeline as the build runs it (reportHtmlTree:
// the dialect's parse, our Markdown steps, the HTML tree with MDX nodes passed through, then the allowlist), on bodies check would refuse.
// Whatever comes out must be plain, script-free HTML with nothing redacted in it.
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import { reportHtmlTree, stepFile } from '../../src/markdown/pipeline.ts';
import { DEFAULT_SECTION_WORDS } from '../../src/lib/structure/section-kinds.ts';
import { makeRegistry, metricSchema } from '../../src/lib/content/metrics.ts';
import type { Edition } from '../../src/lib/content/edition.ts';
import type { ReportStructure } from '../../src/lib/structure/structure.ts';
import { unpackStructure } from '../../src/lib/structure/packed.ts';

const registry = makeRegistry([metricSchema.parse({ id: 'meetings', label: '会议', unit: '次', public: true }), metricSchema.parse({ id: 'cases', label: '案件', unit: '件' })]);

function render(body: string, edition: Edition = 'public') {
  const file = stepFile({ astro: { frontmatter: { year: 2022, stats: { meetings: 3, cases: 4817 } } } });
  const tree = reportHtmlTree(body, { edition, registry, sectionWords: DEFAULT_SECTION_WORDS }, file) as HastRoot;
  const structure = (file.data as { astro: { frontmatter: { structure: string } } }).astro.frontmatter.structure;
  return { html: toHtml(tree), structure: JSON.stringify(unpackStructure(structure, 'test')), tree };
}

/** Every node type and attribute name in a tree: what the MDX compiler will turn into code. */
function inventory(tree: HastRoot): { types: Set<string>; attributes: Set<string> } {
  const types = new Set<string>();
  const attributes = new Set<string>();
  const stack: unknown[] = [tree];
  while (stack.length) {
    const n = stack.pop() as { type: string; properties?: Record<string, unknown>; children?: unknown[] };
    types.add(n.type);
    for (const k of Object.keys(n.properties ?? {})) attributes.add(k);
    stack.push(...(n.children ?? []));
  }
  return { types, attributes };
}

describe('rehype-allowlist in the report pipeline', () => {
  it('keeps what our plugins write: anchors, kinds, item classes, stat spans, redaction marks, tables, links', () => {
    const { html } = render('## 一、情况\n\n一是开会<Stat id="meetings" />次，办案<Stat id="cases" />件，查处<Redact>王某某</Redact>。详见[门户](https://www.example.gov.cn/)和[上年](/2021/#s1)。\n\n| 项目 | 次数 |\n| :-- | --: |\n| 会议 | <Stat id="meetings" /> |\n');
    expect(html).toContain('<h2 id="s1" data-kind="work">一、情况</h2>');
    expect(html).toContain('<p id="s1-1" data-kind="work" class="item">');
    expect(html).toContain('<span class="stat stat-exact" data-metric="meetings" title="会议（次）">3</span>');
    expect(html).toContain('<span class="stat stat-masked" data-metric="cases" title="案件（件）：已遮蔽">****</span>');
    expect(html).toContain('<span class="redacted" title="此处内容在公开版中隐去">■■■</span>');
    expect(html).toContain('<a href="https://www.example.gov.cn/">门户</a>');
    expect(html).toContain('<a href="/2021/#s1">上年</a>');
    // The label column carries the classes that keep it in view on a phone (issue 31 item 6).
    expect(html).toContain('<th scope="col" class="label-c0 label-edge">项目</th><th scope="col">次数</th>');
    expect(render('一是<Redact>王某某</Redact>。', 'internal').html).toContain('<mark class="redact" title="此内容在公开版中隐去">王某某</mark>');
  });

  it('links outside the policy become their words, in every disguise, reference links included', () => {
    const body = [
      '一是[甲](javascript:window.__pwned=1)[乙](JavaScript:alert(1))[丙](&#106;avascript:alert(1))[丁](<java\tscript:alert(1)>)[戊](vbscript:msgbox)[己](data:text/html,x)[庚](file:///etc/passwd)[辛](//evil.example/)[壬](/\\evil.example)[癸][1]。',
      '',
      '[1]: javascript:alert(2)',
    ].join('\n');
    const { html } = render(body);
    expect(html).toContain('一是甲乙丙丁戊己庚辛壬癸。');
  });

  it('JSX becomes plain elements without handlers, ids or code; unknown elements and components go with their content', () => {
    const body = '一是<img src="x" onerror="window.__pwned=1" />和<a href="javascript:1" onclick="x">组件链接</a>和<span onclick="x" id="search" data-template="javascript:1" class="x" style="color:red" title={"t"}>点击</span>和<redact>王某某</redact>和<Foo>李某某</Foo>和<>张某某</>和{"表达式"}和{<b onclick="x">元素</b>}。\n\n<script>window.__pwned=1</script>\n\n<svg><a href="javascript:1">图</a></svg>\n\nexport const leak = 1\n\nimport fs from "node:fs"\n';
    const { html, tree, structure } = render(body);
    expect(html.trim()).toBe('<p id="p1" data-kind="intro">一是和组件链接和<span class="x">点击</span>和和和和和。</p>');
    const { types, attributes } = inventory(tree);
    expect([...types].sort()).toEqual(['element', 'root', 'text']);
    expect([...attributes].filter((a) => /^on|style|src|dataTemplate/i.test(a))).toEqual([]);
    for (const hidden of ['王某某', '李某某', '张某某', '表达式', 'pwned']) {
      expect(html).not.toContain(hidden);
      expect(structure, `the contents and compare page use the structure: ${hidden}`).not.toContain(hidden);
    }
  });

  it('redacted text never reaches the page or the structure from image alt text, link titles, link URLs or code', () => {
    const body = [
      '## 一、<Redact>甲某某</Redact>情况',
      '',
      '一是![替代<Redact>乙某某</Redact>](/a.png)和![远程](https://evil.example/a.png)。',
      '',
      '二是[文字](https://example.com/ "标题<Redact>丙某某</Redact>")和[地址](https://example.com/<Redact>丁某某</Redact>)。',
      '',
      '三是`<Redact>戊某某</Redact>`。',
      '',
      '```<Redact>己某某</Redact>',
      '<Redact>庚某某</Redact>',
      '```',
      '',
      '| 项目 | 名称 |',
      '| --- | --- |',
      '| <Redact>辛某某</Redact> | 表格 |',
    ].join('\n');
    const { html, structure } = render(body);
    for (const name of ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛']) {
      expect(html, `${name}某某 in the page`).not.toContain(`${name}某某`);
      expect(structure, `${name}某某 in the structure`).not.toContain(`${name}某某`);
    }
    expect(html).not.toMatch(/<img|evil\.example|Redact/);
    expect(html).toContain('三是<code>■■■</code>。');
    expect(html).toContain('二是<a href="https://example.com/">文字</a>和地址。');
    // The internal edition keeps literal code as written (check refuses it in both editions).
    expect(render('三是`<Redact>戊某某</Redact>`。', 'internal').html).toContain('戊某某');
  });

  it('our tables keep their anchors and scroll region; the same attributes written as JSX by an author are dropped', () => {
    const { html } = render('## 一、情况\n\n| 项目 | 数量 |\n|---|---|\n| 会议 | 3 |\n\n<div id="s9" role="button" tabindex="0" data-kind="problems" aria-label="x">文字</div>');
    expect(html).toContain('<div class="table-scroll" id="s1-t1" data-kind="work" role="region" tabindex="0" aria-labelledby="s1">');
    expect(html).toContain('<tr id="s1-t1-r2" data-search-record="">');
    expect(html).toContain('<div>文字</div>');
  });
});
