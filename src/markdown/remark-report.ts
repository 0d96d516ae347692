// Turns a report's MDX into its final text at compile time: stats become their edition's shown value,
// <Redact> spans disappear from the public edition, and every paragraph gets a stable anchor and kind.
// Doing this in the syntax tree (not in a runtime component) keeps masked values out of every module the build emits.
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import type { Edition } from '../lib/content/edition.ts';
import { visibleStat } from '../lib/content/edition.ts';
import type { Registry } from '../lib/content/metrics.ts';
import { jsxAttribute } from '../lib/content/report-body.ts';
import { formatStat, parseStat, writeStat, MISSING, type StatValue } from '../lib/content/stat.ts';
import type { SectionWords } from '../lib/structure/structure.ts';
import { applyStructure } from './report-structure.ts';
import { packStructure } from '../lib/structure/packed.ts';
import type { SectionKind } from '../lib/content/report-schema.ts';

export interface RemarkReportOptions {
  registry: Registry;
  edition: Edition;
  /** Section words of the site's report kind; the defaults otherwise. */
  sectionWords?: SectionWords;
}

type Jsx = Extract<RootContent, { type: 'mdxJsxTextElement' | 'mdxJsxFlowElement' }>;

const attr = (name: string, value: string) => ({ type: 'mdxJsxAttribute' as const, name, value });

export const REDACTED_TEXT = '■■■';

function statElement(id: string, value: StatValue, registry: Registry, type: Jsx['type']): Jsx {
  const metric = registry.byId.get(id);
  const shown = formatStat(value);
  const attributes = [attr('class', `stat stat-${value.kind}`), attr('data-metric', id)];
  if (metric) attributes.push(attr('title', `${metric.label}${metric.unit ? `（${metric.unit}）` : ''}${value.kind === 'masked' ? '：已遮蔽' : ''}`));
  return { type, name: 'span', attributes, children: [{ type: 'text', value: shown }] } as Jsx;
}

function redacted(node: Jsx, edition: Edition): Jsx {
  if (edition === 'internal') {
    return { ...node, name: node.type === 'mdxJsxFlowElement' ? 'div' : 'mark', attributes: [attr('class', 'redact'), attr('title', '此内容在公开版中隐去')] } as Jsx;
  }
  return { type: node.type, name: 'span', attributes: [attr('class', 'redacted'), attr('title', '此处内容在公开版中隐去')], children: [{ type: 'text', value: REDACTED_TEXT }] } as Jsx;
}

export default function remarkReport(options: RemarkReportOptions) {
  const { registry, edition } = options;
  return (tree: Root, file: VFile) => {
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    const frontmatter = (astro.frontmatter ??= {});
    const rawStats = (frontmatter.stats ?? {}) as Record<string, unknown>;
    const shown: Record<string, StatValue> = {};
    for (const [id, raw] of Object.entries(rawStats)) {
      const parsed = parseStat(raw, { signed: registry.byId.get(id)?.signed });
      shown[id] = visibleStat(registry.byId.get(id), parsed.ok ? parsed.value : MISSING, edition);
    }
    // The exported frontmatter must carry only what this edition may show.
    frontmatter.stats = Object.fromEntries(Object.entries(shown).map(([id, v]) => [id, writeStat(v)]));
    // A report's `layout:` names the national format its tables follow (DESIGN.md, Kinds). The MDX compiler reads
    // a `layout` in the compiled frontmatter as a page component to wrap the report in and imports it, which
    // fails the build; the site reads the report's layout from the collection entry, so the module needs none.
    delete frontmatter.layout;

    visit(tree, (node, index, parent) => {
      if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || !parent || index === undefined) return;
      const jsx = node as Jsx;
      if (jsx.name === 'Stat') {
        const id = jsxAttribute(jsx as never, 'id') ?? '';
        if (!registry.byId.has(id) || !Object.hasOwn(shown, id)) {
          file.fail(`<Stat id="${id}"> 引用的指标${registry.byId.has(id) ? '在 frontmatter 的 stats 中没有数值' : '未在 metrics.yaml 中登记'}（运行 npm run check 查看全部问题）`, node);
        }
        parent.children[index] = statElement(id, shown[id], registry, jsx.type) as never;
        return SKIP;
      }
      if (jsx.name === 'Redact') {
        parent.children[index] = redacted(jsx, edition) as never;
        return edition === 'public' ? SKIP : undefined;
      }
    });

    // Anchors, kinds and items of every form, from the text this edition shows (src/markdown/report-structure.ts).
    const structure = applyStructure(tree, { sections: frontmatter.sections as Record<string, SectionKind> | undefined, words: options.sectionWords });
    frontmatter.structure = packStructure(structure);
  };
}
