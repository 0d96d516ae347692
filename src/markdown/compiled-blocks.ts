// What the build learnt of each report's text while compiling it: its year and its blocks as the search
// index reads them (src/lib/search/tree-blocks.ts). The pipeline notes them as each report is compiled
// (src/markdown/pipeline.ts), the compile cache keeps and restores them with the compiled module
// (src/integrations/mdx-cache.ts), and the search feed starts the index from them before the first page
// is rendered (src/integrations/search-feed.ts). Per build: cleared when a build starts.
import type { ReportBlock } from '../lib/search/records.ts';

export interface CompiledReport {
  year: number;
  blocks: ReportBlock[];
}

const compiled = new Map<string, CompiledReport>();

/** A module id without its query (`?…`), so every step names one report file alike. */
const fileOf = (id: string) => id.replace(/\?.*$/, '');

export function noteCompiled(id: string, report: CompiledReport | undefined): void {
  if (report) compiled.set(fileOf(id), report);
  else compiled.delete(fileOf(id));
}

export function compiledReport(id: string): CompiledReport | undefined {
  return compiled.get(fileOf(id));
}

export function compiledReports(): CompiledReport[] {
  return [...compiled.values()];
}

export function forgetCompiled(): void {
  compiled.clear();
}
