// `npm run import -- FOLDER`: an office's history, a file a year. Which files are reports, which years
// clash (with each other or with the content folder), the check as it will be once they are in, and
// the one table a clerk reads.
import { basename, dirname, join, resolve } from 'node:path';
import { nodeReader, type ContentReader } from '../content/content-files.ts';

/** Extensions import reads (see source.ts `sourceKind`), and the ones it can convert. */
export const REPORT_EXTENSIONS = /\.(docx|txt|text|pdf|html?|mht|mhtml|doc|wps)$/i;

export interface FolderListing {
  files: string[];
  /** Files in the folder that are not reports (pictures, spreadsheets …), and hidden or temporary files (~$x.docx). */
  skipped: string[];
  /** Entries that are no file at all — subfolders (not looked into), pipes, broken links — each with why. */
  passed: { name: string; why: string }[];
}

/** The report files directly in `dir`, in name order (so 2015 comes before 2016). */
export function listReportFiles(dir: string, reader: ContentReader = nodeReader): FolderListing {
  const files: string[] = [];
  const skipped: string[] = [];
  const passed: FolderListing['passed'] = [];
  for (const name of reader.readdir(dir).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))) {
    const path = join(dir, name);
    let st: ReturnType<ContentReader['stat']> | undefined;
    try {
      st = reader.stat(path);
    } catch {
      passed.push({ name, why: '链接指向的文件不存在，或无法读取' });
      continue;
    }
    if (st.isDirectory()) {
      passed.push({ name: `${name}/`, why: '子文件夹不会导入（一次只导入一个文件夹里的文件；需要的话对它单独运行一次）' });
      continue;
    }
    if (!st.isFile()) {
      passed.push({ name, why: '不是普通文件' });
      continue;
    }
    // Word's owner files (~$报告.docx) and hidden files are never reports.
    if (name.startsWith('~$') || name.startsWith('.') || !REPORT_EXTENSIONS.test(name)) skipped.push(name);
    else files.push(path);
  }
  return { files, skipped, passed };
}

export interface Imported {
  file: string;
  year: number;
}

export interface YearClash {
  year: number;
  files: string[];
  /** The content folder already has this year. */
  existing: boolean;
}

/** Years given by more than one file, or already in the content folder. */
export function yearClashes(imported: Imported[], existingYears: Set<number>): YearClash[] {
  const byYear = new Map<number, string[]>();
  for (const i of imported) byYear.set(i.year, [...(byYear.get(i.year) ?? []), i.file]);
  return [...byYear]
    .filter(([year, files]) => files.length > 1 || existingYears.has(year))
    .map(([year, files]) => ({ year, files, existing: existingYears.has(year) }))
    .sort((a, b) => a.year - b.year);
}

/**
 * The content folder as it will be: the real files, with `extra` (absolute path → text) laid over them.
 * The check then runs on exactly what the import would write, before anything is written.
 */
export function overlayReader(extra: Map<string, string>, base: ContentReader = nodeReader): ContentReader {
  const files = new Map([...extra].map(([p, text]) => [resolve(p), new TextEncoder().encode(text)]));
  const byDir = new Map<string, string[]>();
  for (const p of files.keys()) byDir.set(dirname(p), [...(byDir.get(dirname(p)) ?? []), basename(p)]);
  return {
    stat: (p) => {
      const f = files.get(resolve(p));
      if (f) return { isFile: () => true, isDirectory: () => false, size: f.length };
      try {
        return base.stat(p);
      } catch (e) {
        if (byDir.has(resolve(p))) return { isFile: () => false, isDirectory: () => true, size: 0 };
        throw e;
      }
    },
    lstat: (p) => (files.has(resolve(p)) ? { isSymbolicLink: () => false } : base.lstat(p)),
    readFile: (p) => files.get(resolve(p)) ?? base.readFile(p),
    readdir: (p) => {
      let names: string[] = [];
      try {
        names = base.readdir(p);
      } catch (e) {
        if (!byDir.has(resolve(p))) throw e;
      }
      return [...new Set([...names, ...(byDir.get(resolve(p)) ?? [])])];
    },
  };
}

/** Columns of a terminal: a Chinese character takes two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** `text` cut to `width` columns, with … where cut. */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A plain-text table, columns padded to their widest cell (at most `maxWidth` columns each). */
export function textTable(header: string[], rows: string[][], maxWidth = 40): string {
  const cells = [header, ...rows].map((r) => r.map((c) => fit(c, maxWidth)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - displayWidth(c))).join('  ').trimEnd();
  return [line(cells[0] as string[]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
