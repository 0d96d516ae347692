// One file through the import, as both `import FILE` and `import FOLDER` do it: read, shaped, bound.
import { basename } from 'node:path';
import type { LoadedContent } from '../lib/content/content.ts';
import type { Registry } from '../lib/content/metrics.ts';
import { importSource, type ImportResult } from '../lib/import/index.ts';
import { defaultPublic } from '../lib/import/new-metrics.ts';
import { readSource } from '../lib/import/source.ts';
import { kindById } from '../lib/kinds/index.ts';
import { templateReport, titleForYear } from '../lib/scaffold/scaffold.ts';

export interface FileImportOptions {
  year?: number;
  addMetrics?: boolean;
  public?: boolean;
}

/** Throws ImportError (the file's fault, in Chinese) or another Error (ours). */
export async function importFile(input: string, bytes: Uint8Array, content: LoadedContent, registry: Registry, opts: FileImportOptions): Promise<{ result: ImportResult; format: string }> {
  const source = await readSource(input, bytes);
  const result = importSource(source, {
    registry,
    year: opts.year,
    fileName: basename(input).replace(/\.[^.]*$/, ''),
    sectionWords: kindById(content.site?.kind).sectionWords,
    kind: kindById(content.site?.kind),
    organization: content.site?.organization,
    ...(opts.addMetrics && { addMetrics: { public: opts.public ?? defaultPublic(content.site?.kind) } }),
    previousTitle: (y) => {
      const prev = templateReport(content.reports.filter((r) => r.year !== y), y);
      return prev?.data.title.includes(String(prev.year)) ? titleForYear(y, { year: prev.year, title: prev.data.title }) : undefined;
    },
  });
  return { result, format: source.format };
}
