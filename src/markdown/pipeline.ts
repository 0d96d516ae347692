// The report dialect as Astro's unified Markdown processor runs it: which plugins, in which order, fed
// with what the content folder says (its metric registry, the kind's section words) and the edition.
import { loadRegistry, loadSiteConfig } from '../lib/content/content.ts';
import type { Edition } from '../lib/content/edition.ts';
import type { Registry } from '../lib/content/metrics.ts';
import { kindById } from '../lib/kinds/index.ts';
import type { SectionWords } from '../lib/structure/structure.ts';
import rehypeAllowlist from './rehype-allowlist.ts';
import remarkReport from './remark-report.ts';
import remarkReportTables from './remark-report-tables.ts';
import remarkSafety from './remark-safety.ts';
import remarkReportSyntax from './syntax.ts';

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

/** Options for `unified()` from @astrojs/markdown-remark. */
export function reportMarkdownOptions({ edition, registry, sectionWords }: PipelineInputs) {
  return {
    // gfm: false — the report dialect (MDX + GFM tables only) comes from the plugin check and import use too.
    // remarkSafety before remarkReport and rehypeAllowlist last: what check refuses never reaches a page (src/lib/content/content-safety.ts).
    remarkPlugins: [remarkReportSyntax, [remarkSafety, { edition }], [remarkReport, { registry, edition, sectionWords }], remarkReportTables] as never[],
    rehypePlugins: [rehypeAllowlist] as never[],
    smartypants: false,
    gfm: false,
  };
}
