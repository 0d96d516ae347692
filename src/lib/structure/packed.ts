// A report's structure travels from the Markdown pipeline (remark-report) to the pages inside each compiled
// report module, as its frontmatter. As one JSON string it is a single literal there; as an object it was 58%
// of every compiled module, thousands of literal nodes that MDX, the bundler and Node's module loader each
// walked again for every report (issue 12: seconds at 320 years).
import type { ReportStructure } from './structure.ts';

export function packStructure(structure: ReportStructure): string {
  return JSON.stringify(structure);
}

/** The structure remark-report packed; `report` names the report when it is missing (a pipeline without remark-report). */
export function unpackStructure(packed: unknown, report: string): ReportStructure {
  if (typeof packed !== 'string') throw new Error(`${report}：编译结果中没有报告结构（remark-report 没有运行）`);
  return JSON.parse(packed) as ReportStructure;
}
