// The download files a site built with exports on offers on every report page (NIANBAO_EXPORTS, off by
// default): the report as Word and, where a browser is installed to print it, as PDF, written into the
// report's own folder at build time (src/integrations/exports.ts). The page and the build step decide from
// the same setting and the same browser check, so a page never links to a file that was not written.
import { findChromium } from './pdf.ts';

export interface SiteExports {
  word: boolean;
  pdf: boolean;
  /** Why PDF is off although asked for (no browser), for the build log. */
  pdfMissing?: string;
}

export const EXPORTS_ENV = 'NIANBAO_EXPORTS';

/**
 * `NIANBAO_EXPORTS`: unset, empty, 0, off, false → none (the default); 1, on, true, all → Word and PDF (PDF only
 * where Chromium, Chrome or Edge is found, else Word alone, and the build says so); word or docx → Word only.
 */
export function readSiteExports(env: Record<string, string | undefined> = process.env): SiteExports {
  const raw = (env[EXPORTS_ENV] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'off' || raw === 'false' || raw === 'no') return { word: false, pdf: false };
  if (raw === 'word' || raw === 'docx') return { word: true, pdf: false };
  if (raw === '1' || raw === 'on' || raw === 'true' || raw === 'yes' || raw === 'all' || raw === 'pdf') {
    const browser = findChromium(env);
    return browser ? { word: true, pdf: true } : { word: true, pdf: false, pdfMissing: '没有找到 Chromium（或 Chrome、Edge），本次只提供 Word 文件下载' };
  }
  throw new Error(`${EXPORTS_ENV}=${env[EXPORTS_ENV]} 无效：不设或 0 为不提供下载（默认），1 为提供 Word 和 PDF 下载，word 为只提供 Word 下载。`);
}

/** Where a report's files are, inside its page's folder: `2024/2024.docx`. */
export function exportPath(year: number, ext: 'docx' | 'pdf'): string {
  return `${year}/${year}.${ext}`;
}
