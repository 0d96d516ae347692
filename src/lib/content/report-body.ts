// The MDX body of a report: parsed once with the grammar the build uses, then checked for what authors get wrong.
import { parseReport } from '../../markdown/syntax.ts';
import { parseCost } from '../../markdown/parse-cost.ts';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Problem } from './problems.ts';
import type { Registry } from './metrics.ts';
import { suggestMetricId } from './report-schema.ts';
import { isStackOverflow, nestingMessage, NESTING_HINT, tooDeepToParse, treeNesting } from './nesting.ts';
import { contentSafetyProblems } from './content-safety.ts';

/** The only components a report may use; anything else is a typo or an unsupported feature. */
export const REPORT_COMPONENTS = ['Stat', 'Redact'] as const;

/** A failure with a `hint` is not a syntax error: `message` and `hint` are the whole problem. */
export type BodyParse = { ok: true; tree: Root } | { ok: false; line?: number; column?: number; message: string; hint?: string };

/** The parsed body (the build's parser and dialect, src/markdown/syntax.ts: check sees the tree the build renders), or why not. No caller ever gets a tree nested beyond MAX_NESTING (src/lib/content/nesting.ts), and no text the parser is slow on is parsed (src/markdown/parse-cost.ts). */
export function parseBody(body: string): BodyParse {
  const deep = tooDeepToParse(body);
  if (deep) return { ok: false, line: deep.line, message: nestingMessage(deep), hint: NESTING_HINT };
  // What the parser would take minutes over is refused unparsed (src/markdown/parse-cost.ts).
  const costly = parseCost(body);
  if (costly) return { ok: false, line: costly.line, message: costly.message, hint: costly.hint };
  try {
    const tree = parseReport(body) as unknown as Root;
    const tooDeep = treeNesting(tree);
    return tooDeep ? { ok: false, line: tooDeep.line, message: nestingMessage(tooDeep), hint: NESTING_HINT } : { ok: true, tree };
  } catch (e) {
    if (isStackOverflow(e)) return { ok: false, message: nestingMessage(undefined), hint: NESTING_HINT };
    // The parser's messages start with the place: `3:1: Expected a closing tag for <div> (3:1) (mdx-jsx:…)`.
    const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([a-z-]+:[a-z-]+\))?$/.exec((e as Error).message ?? String(e));
    if (!m) return { ok: false, message: (e as Error).message ?? String(e) };
    const line = Number(m[1]);
    const column = Number(m[2]);
    return { ok: false, line, column, message: unclosedComponent(body, line, column) ?? (m[3] as string) };
  }
}

/**
 * The parser only says a tag is malformed; at one of ours, say which and how it must end (the mistake
 * authors make is `<Stat id="…" 次` without the `/>`).
 */
function unclosedComponent(body: string, line: number, column: number): string | undefined {
  const at = body.split('\n')[line - 1]?.slice(column - 1) ?? '';
  const tag = /^<(Stat|Redact)\b[^>\n]{0,40}/.exec(at);
  if (!tag) return undefined;
  return tag[1] === 'Stat' ? `第 ${column} 列的 ${tag[0]}… 没有正确结束：<Stat id="…" /> 要以 /> 结束` : `第 ${column} 列的 ${tag[0]}… 没有正确结束：<Redact> 要有对应的 </Redact>`;
}


type JsxNode = { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: { type: string; name?: string; value?: unknown }[]; position?: { start: { line: number } } };

export function jsxAttribute(node: JsxNode, name: string): string | undefined {
  const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attr?.value === 'string' ? attr.value : undefined;
}

export interface StatRef {
  id: string;
  line?: number;
}

/** Every `<Stat id>` in the body, in order. */
export function statRefs(tree: Root): StatRef[] {
  const refs: StatRef[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node as JsxNode).name === 'Stat') {
      refs.push({ id: jsxAttribute(node as JsxNode, 'id') ?? '', line: node.position?.start.line });
    }
  });
  return refs;
}

export function bodyMarkdownWithEscapes(): string {
  return '字面星号请写成 \\*，字面花括号写成 \\{ 和 \\}，字面小于号写成 \\<';
}

/**
 * Problems in a parsed body. `lineOffset` turns body lines into file lines;
 * `stats` are the ids the frontmatter gives (a value of null counts as given).
 */
export function bodyProblems(tree: Root, ctx: { file: string; lineOffset: number; registry: Registry; statsGiven: Set<string> }): Problem[] {
  const problems: Problem[] = contentSafetyProblems(tree, ctx);
  const at = (line?: number) => (line === undefined ? undefined : line + ctx.lineOffset);
  visit(tree, (node) => {
    const line = at(node.position?.start.line);
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      const jsx = node as JsxNode;
      if (jsx.name === 'Stat') {
        const id = jsxAttribute(jsx, 'id');
        const extra = jsx.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'id'));
        if (!id) {
          problems.push({ severity: 'error', file: ctx.file, line, message: '<Stat> 缺少 id 属性', hint: '写成 <Stat id="指标id" />，id 取自 metrics.yaml' });
        } else if (!ctx.registry.byId.has(id)) {
          const near = suggestMetricId(id, ctx.registry);
          problems.push({ severity: 'error', file: ctx.file, line, field: `<Stat id="${id}">`, message: `<Stat> 引用了未知指标 ${id}`, hint: near ? `是否应为 ${near}？` : '请在 metrics.yaml 中登记此指标，或改正 id' });
        } else if (!ctx.statsGiven.has(id)) {
          problems.push({ severity: 'error', file: ctx.file, line, field: `<Stat id="${id}">`, message: `<Stat> 引用了 ${id}，但本文件 frontmatter 的 stats 中没有给出它的数值`, hint: `在 stats 下加一行  ${id}: 数值（不知道可写 null）` });
        }
        if (extra.length) problems.push({ severity: 'error', file: ctx.file, line, message: '<Stat> 只接受 id 一个属性', hint: '数值写在 frontmatter 的 stats 中，正文只写 <Stat id="…" />' });
        if ((node as { children?: unknown[] }).children?.length) problems.push({ severity: 'error', file: ctx.file, line, message: '<Stat> 不能包含内容', hint: '写成自闭合的 <Stat id="…" />' });
      } else if (jsx.name === 'Redact') {
        if (!(node as { children?: unknown[] }).children?.length) problems.push({ severity: 'warning', file: ctx.file, line, message: '<Redact> 是空的', hint: '把要在公开版隐去的文字写在 <Redact> 和 </Redact> 之间' });
      } else {
        problems.push({ severity: 'error', file: ctx.file, line, message: `不支持的组件 <${jsx.name ?? ''}>`, hint: '报告正文只能使用 <Stat id="…" /> 和 <Redact>…</Redact>；如果是字面的“<”，请写成 \\<' });
      }
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      problems.push({ severity: 'error', file: ctx.file, line, message: '正文中出现了花括号表达式 {…}', hint: '报告正文不支持表达式；如果是字面的花括号，请写成 \\{ 和 \\}' });
    } else if (node.type === 'mdxjsEsm') {
      problems.push({ severity: 'error', file: ctx.file, line, message: '正文中不能写 import/export 语句', hint: '删除这一行；报告正文只需要 <Stat> 和 <Redact>，无需导入' });
    } else if (node.type === 'heading' && node.depth === 1) {
      problems.push({ severity: 'warning', file: ctx.file, line, message: '正文中用了一级标题（# ）', hint: '报告标题写在 frontmatter 的 title 中；正文的大标题（一、二、三、）用二级标题 ## ' });
    } else if (node.type === 'emphasis' || node.type === 'strong') {
      problems.push({ severity: 'warning', file: ctx.file, line, message: '正文中有被当作强调（斜体/粗体）的星号', hint: '如果是遮蔽用的字面星号，请写成 \\*；数字请用 <Stat id="…" />' });
    }
  });
  return problems;
}
