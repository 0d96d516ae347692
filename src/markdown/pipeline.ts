// The report dialect as the build compiles it: which steps, in which order, fed with what the content
// folder says (its metric registry, the kind's section words) and the edition, run inside Astro's native
// Markdown processor, Sätteri.
//
// Sätteri parses and compiles in native code; the report's own steps are JavaScript tree transforms, the
// same ones the tests run. Reading Sätteri's tree node by node from JavaScript costs more than parsing
// again, so the Markdown plugin parses the source once more into a plain tree (parseReport: the dialect
// check reads too), runs the steps, turns the result into HTML's tree as @mdx-js/mdx does, and runs the
// allowlist; the HTML plugin then puts that tree in place of Sätteri's, for Astro's own steps (heading
// ids, metadata) and the compiler.
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { toHast } from 'mdast-util-to-hast';
import { loadRegistry, loadSiteConfig } from '../lib/content/content.ts';
import type { Edition } from '../lib/content/edition.ts';
import type { Registry } from '../lib/content/metrics.ts';
import { kindById } from '../lib/kinds/index.ts';
import type { SectionWords } from '../lib/structure/structure.ts';
import rehypeAllowlist from './rehype-allowlist.ts';
import remarkReport from './remark-report.ts';
import remarkReportTables from './remark-report-tables.ts';
import remarkSafety from './remark-safety.ts';
import { neutralise, parseNeutralised, restoreMessage, REPORT_FEATURES, type Neutralised } from './syntax.ts';
import { parseCost } from './parse-cost.ts';

export interface PipelineInputs {
  edition: Edition;
  registry: Registry;
  /** The site's report kind (site.yaml), if it names one. */
  siteKind?: string;
  /** The kind's heading words decide each section's kind on the pages, as in check and import. */
  sectionWords: SectionWords;
}

export function pipelineInputs(contentDir: string, edition: Edition): PipelineInputs {
  const { registry } = loadRegistry(contentDir);
  const siteKind = loadSiteConfig(contentDir).site?.kind;
  return { edition, registry, siteKind, sectionWords: kindById(siteKind).sectionWords };
}

/** Each report's inputs, by the file compiled: in a portal, those of the series the report belongs to. */
export interface SiteInputs {
  /** The inputs of the series holding `filePath` (a report's path), or of the only series. */
  forFile(filePath: unknown): PipelineInputs;
  /** Every series' inputs, keyed by series id ('' for a single content folder): what the compile cache is keyed by. */
  all: Map<string, PipelineInputs>;
}

/** The inputs of a site of one series, whatever file is compiled (and for tests of the processor). */
export function singleInputs(inputs: PipelineInputs): SiteInputs {
  return { all: new Map([['', inputs]]), forFile: () => inputs };
}

export function siteInputs(series: readonly { id?: string; dir: string }[], edition: Edition): SiteInputs {
  const all = new Map(series.map((s) => [s.id ?? '', { dir: s.dir, inputs: pipelineInputs(s.dir, edition) }]));
  const only = series.length === 1 && series[0]?.id === undefined ? all.get('') : undefined;
  return {
    all: new Map([...all].map(([id, v]) => [id, v.inputs])),
    forFile(filePath) {
      if (only) return only.inputs;
      // Astro may hand a path relative to the project (where it runs) or an absolute one.
      const path = typeof filePath === 'string' ? resolve(filePath.startsWith('file:') ? fileURLToPath(filePath) : filePath) : '';
      for (const { dir, inputs } of all.values()) if (path.startsWith(join(resolve(dir), sep))) return inputs;
      // A report outside every series never reaches a page (the collections read only series folders).
      throw new Error(`nianbao 内部错误：${String(filePath)} 不属于门户中的任何系列（src/markdown/pipeline.ts）`);
    },
  };
}

/** What the steps are given of the file being compiled: its data (astro.frontmatter, read and rewritten by remark-report) and a way to stop. */
export interface StepFile {
  data: Record<string, unknown>;
  fail(message: string, node?: { position?: { start?: { line?: number; column?: number } } }): never;
}

// What @mdx-js/mdx passes from the Markdown tree to the HTML tree untouched (its `nodeTypes`).
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;

/** A stop with the place first (`3:5: …`), the form Astro reads a compile error's line and column from. */
export function stepFile(data: Record<string, unknown>): StepFile {
  return {
    data,
    fail(message, node) {
      const at = node?.position?.start;
      throw new Error(at?.line ? `${at.line}:${at.column ?? 1}: ${message}` : message);
    },
  };
}

/**
 * A report's HTML tree, before Astro's own steps: parsed in the dialect, then remark-safety before
 * remark-report and the allowlist last, so what check refuses never reaches a page
 * (src/lib/content/content-safety.ts). `file.data.astro.frontmatter` is read and rewritten on the way.
 */
export function reportHtmlTree(source: string, inputs: PipelineInputs, file: StepFile): unknown {
  const swapped = neutralise(source);
  return neutralisedHtmlTree(swapped?.text ?? source, swapped, inputs, file);
}

function neutralisedHtmlTree(text: string, swapped: Neutralised | undefined, { edition, registry, sectionWords }: PipelineInputs, file: StepFile): unknown {
  const tree = parseNeutralised(text, swapped);
  remarkSafety({ edition })(tree as never);
  remarkReport({ registry, edition, sectionWords })(tree as never, file as never);
  remarkReportTables()(tree as never, file as never);
  const html = toHast(tree as never, { allowDangerousHtml: true, passThrough: [...MDX_NODES] });
  return rehypeAllowlist()(html as never);
}

const HTML_TREE = 'nianbao:report-html';

type HookContext = { source: string; data: Record<string, unknown>; replaceNode(node: unknown, replacement: unknown): void };

type MdxRenderer = { process(content: string, ...rest: unknown[]): Promise<unknown> };

/**
 * Astro's `markdown.processor`: Sätteri with the report's steps. Sätteri parses a report before any plugin
 * sees it, so it is handed the neutralised source (src/markdown/syntax.ts), never one in which full GFM
 * could find strikethrough, a task list or an autolink; the Markdown step finds the way back by the report's
 * frontmatter object, which the renderer is handed and the plugins see again.
 */
export function reportProcessor(site: SiteInputs) {
  // Reports being compiled, by their frontmatter object: the one Astro hands the renderer is the one the
  // plugins find in ctx.data.astro (a key by text would miss: Sätteri drops a BOM before the plugins run).
  const compiling = new WeakMap<object, Neutralised>();
  // …and the inputs of the series each one belongs to, found by its file path, which the hooks are not given.
  const inputsOf = new WeakMap<object, PipelineInputs>();
  const markdown = {
    name: 'nianbao:report',
    before(_root: unknown, ctx: HookContext) {
      const frontmatter = (ctx.data.astro as { frontmatter?: object } | undefined)?.frontmatter;
      const swapped = frontmatter ? compiling.get(frontmatter) : undefined;
      // A source Sätteri was handed unswapped would be read with full GFM: never let one through.
      if (!swapped && neutralise(ctx.source)) throw new Error('nianbao 内部错误：报告没有经过方言的替换步骤（src/markdown/pipeline.ts）');
      const inputs = frontmatter ? inputsOf.get(frontmatter) : undefined;
      if (!inputs) throw new Error('nianbao 内部错误：报告没有经过 nianbao 的编译入口（src/markdown/pipeline.ts）');
      ctx.data[HTML_TREE] = neutralisedHtmlTree(ctx.source, swapped, inputs, stepFile(ctx.data));
    },
  };
  const html = {
    name: 'nianbao:report-html',
    before(root: unknown, ctx: HookContext) {
      const tree = ctx.data[HTML_TREE];
      delete ctx.data[HTML_TREE];
      if (!tree) throw new Error('报告没有经过 nianbao 的处理步骤（src/markdown/pipeline.ts）');
      ctx.replaceNode(root, tree);
    },
  };
  const processor = satteri({ features: REPORT_FEATURES, mdastPlugins: [markdown as never], hastPlugins: [html as never] });
  const createMdxRenderer = processor.createMdxRenderer?.bind(processor);
  if (!createMdxRenderer) throw new Error('@astrojs/markdown-satteri 不支持 MDX：请运行 npm install');
  processor.createMdxRenderer = async (...args: Parameters<typeof createMdxRenderer>) => {
    const renderer = (await createMdxRenderer(...args)) as unknown as MdxRenderer;
    return {
      ...renderer,
      async process(content: string, filePath: unknown, frontmatter: Record<string, unknown>, ...rest: unknown[]) {
        // Check refuses these first; this stops a build that was not checked (or whose report changed
        // since) before Sätteri spends minutes on the text (src/markdown/parse-cost.ts).
        const costly = parseCost(content);
        if (costly) throw new Error(`${costly.line}:1: ${costly.message}（${costly.hint}）`);
        inputsOf.set(frontmatter, site.forFile(filePath));
        const swapped = neutralise(content);
        try {
          if (!swapped) return await renderer.process(content, filePath, frontmatter, ...rest);
          compiling.set(frontmatter, swapped);
          return await renderer.process(swapped.text, filePath, frontmatter, ...rest);
        } catch (e) {
          throw swapped ? restoreMessage(e, swapped) : e;
        } finally {
          compiling.delete(frontmatter);
          inputsOf.delete(frontmatter);
        }
      },
    } as never;
  };
  return processor;
}
