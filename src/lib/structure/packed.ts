// A report's structure travels from the Markdown pipeline (remark-report) to the pages inside each compiled
// report module, as its frontmatter. As one JSON string it is a single literal there; as an object it was 58%
// of every compiled module, thousands of literal nodes that MDX, the bundler and Node's module loader each
// walked again for every report (issue 12: seconds at 320 years).
//
// The structure names most texts twice (a numbered item's paragraph text is also its item body), and the
// string was still more than half of every module: each repeated text is written once and referred to
// after, which takes the modules down by a fifth (bundling, the compile cache and Node's module loading
// all read them).
import type { ReportStructure } from './structure.ts';

/** Shorter texts are written out each time: a reference would not be shorter. */
const SHARED_MIN = 8;
/** Key of a reference; no object of the structure has it (content only ever fills values). */
const REF = '$';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };

export function packStructure(structure: ReportStructure): string {
  const seen = new Map<string, number>();
  const share = (value: Json): Json => {
    if (typeof value === 'string') {
      if (value.length < SHARED_MIN) return value;
      const ref = seen.get(value);
      if (ref !== undefined) return { [REF]: ref };
      seen.set(value, seen.size);
      return value;
    }
    if (Array.isArray(value)) return value.map(share);
    if (value !== null && typeof value === 'object') {
      const out: { [key: string]: Json } = {};
      for (const key of Object.keys(value)) out[key] = share(value[key]);
      return out;
    }
    return value;
  };
  return JSON.stringify(share(structure as unknown as Json));
}

/** The structure remark-report packed; `report` names the report when it is missing (a pipeline without remark-report). */
export function unpackStructure(packed: unknown, report: string): ReportStructure {
  if (typeof packed !== 'string') throw new Error(`${report}：编译结果中没有报告结构（remark-report 没有运行）`);
  // Texts are numbered in the order packStructure met them, which is the order of the JSON it wrote.
  const texts: string[] = [];
  const restore = (value: Json): Json => {
    if (typeof value === 'string') {
      if (value.length >= SHARED_MIN) texts.push(value);
      return value;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = restore(value[i]);
      return value;
    }
    if (value !== null && typeof value === 'object') {
      const ref = value[REF];
      if (ref !== undefined) {
        const text = typeof ref === 'number' ? texts[ref] : undefined;
        if (text === undefined) throw new Error(`${report}：编译结果中的报告结构已损坏（引用了不存在的第 ${String(ref)} 段文字），请重新运行 npm run build`);
        return text;
      }
      for (const key of Object.keys(value)) value[key] = restore(value[key]);
      return value;
    }
    return value;
  };
  return restore(JSON.parse(packed) as Json) as unknown as ReportStructure;
}
