// `npm run export` and the build's download files: a report of a loaded content folder as the official
// document of one edition, as Word (docx.ts) or as the HTML Chromium prints to PDF (html.ts, pdf.ts).
import type { LoadedContent, ReportSource } from '../content/content.ts';
import type { Edition } from '../content/edition.ts';
import { SAMPLE_NOTICE } from '../content/site.ts';
import { officialDocument, type OfficialDocument } from './document.ts';

export { officialDocument, INTERNAL_NOTICE, REDACTED_TEXT, documentDate, runsText, type OfficialDocument, type DocBlock, type Run } from './document.ts';
export { writeDocx } from './docx.ts';
export { documentHtml } from './html.ts';
export { ExportError, exportFileName } from './names.ts';
import { ExportError } from './names.ts';

/** The report of `year`, or an error that lists the years there are. */
export function reportOfYear(content: Pick<LoadedContent, 'reports' | 'dir'>, year: number): ReportSource {
  const report = content.reports.find((r) => r.year === year);
  if (report) return report;
  const years = content.reports.map((r) => r.year);
  throw new ExportError(`没有 ${year} 年的报告`, years.length ? `内容目录 ${content.dir} 中有这些年份：${years.join('、')}` : `内容目录 ${content.dir} 的 reports/ 中还没有报告`);
}

/** The document of one report in one edition. */
export function reportDocument(content: Pick<LoadedContent, 'site' | 'registry'>, report: ReportSource, edition: Edition): OfficialDocument {
  return officialDocument({
    title: report.data.title,
    year: report.year,
    published: report.data.published,
    body: report.body,
    stats: report.data.stats,
    registry: content.registry,
    edition,
    organization: content.site?.organization ?? '',
    ...(content.site?.sample && { sampleNotice: SAMPLE_NOTICE }),
  });
}

