// Turn zod issues into author-facing problems, with the line of the offending YAML node.
import { z } from 'zod';
import type { Document, LineCounter } from 'yaml';
import type { Problem, Severity } from './problems.ts';

const zhCN = z.locales.zhCN();

export function safeParseZh<T extends z.ZodType>(schema: T, data: unknown) {
  return schema.safeParse(data, { error: zhCN.localeError as z.core.$ZodErrorMap });
}

/** A field path as the author wrote it: `stats.petitions-received`, `[3].better`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

export function yamlLine(doc: Document | undefined, lines: LineCounter | undefined, path: readonly PropertyKey[], lineOffset = 0): number | undefined {
  if (!doc || !lines) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line + lineOffset;
  }
  return undefined;
}

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  opts: { doc?: Document; lines?: LineCounter; lineOffset?: number; fieldPrefix?: readonly PropertyKey[]; severity?: Severity; describe?: (issue: z.core.$ZodIssue) => string | undefined } = {},
): Problem[] {
  return issues.map((issue) => {
    const path = [...(opts.fieldPrefix ?? []), ...issue.path];
    let message = issue.message;
    let hint = (issue as { params?: { hint?: string } }).params?.hint;
    if (issue.code === 'unrecognized_keys') {
      message = `不认识的字段：${issue.keys.join('、')}`;
      hint ??= opts.describe?.(issue) ?? '请删除该字段，或检查拼写';
    }
    return {
      severity: opts.severity ?? 'error',
      file,
      field: fieldName(path) || undefined,
      line: yamlLine(opts.doc, opts.lines, path, opts.lineOffset),
      message,
      hint,
    };
  });
}
