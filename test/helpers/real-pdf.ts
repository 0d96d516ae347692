// PDFs made from the real-report fixtures by Chromium's print (another PDF writer than the WPS of the
// real PDF fixture): a centred title, body paragraphs indented two characters and justified, page
// numbers “— N —” at the foot of each page, and the tables with their merges and ruling lines; a long
// table breaks over pages and Chromium repeats its header rows (thead) on the next page.
import { launchChromium } from './chromium.ts';
import { TABLE_MARK, type RealReport, type RealTable } from './real-fixtures.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Header rows: the first row and every row a rowspan from it reaches into. */
function headerRows(table: RealTable): number {
  let end = 1;
  table.rows[0]!.forEach((c) => (end = Math.max(end, c.rowspan ?? 1)));
  return end;
}

function tableHtml(table: RealTable, repeatHeader: boolean): string {
  const row = (cells: RealTable['rows'][number]) => `<tr>${cells.map((c) => `<td${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}${c.colspan ? ` colspan="${c.colspan}"` : ''}>${escapeHtml(c.text)}</td>`).join('')}</tr>`;
  const head = repeatHeader ? headerRows(table) : 0;
  return `<table>${head ? `<thead>${table.rows.slice(0, head).map(row).join('')}</thead>` : ''}<tbody>${table.rows.slice(head).map(row).join('')}</tbody></table>`;
}

export function realHtml(report: RealReport, opts: { repeatHeader?: boolean } = {}): string {
  const titleLines = report.answers.titleLines ?? [report.answers.title];
  const body = report.lines.slice(titleLines.length).map((line) => {
    const mark = TABLE_MARK.exec(line);
    return mark ? tableHtml(report.tables[Number(mark[1]) - 1]!, opts.repeatHeader ?? true) : `<p>${escapeHtml(line)}</p>`;
  });
  const css = `
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
    body { font: 16pt/28pt "Noto Serif CJK SC", serif; margin: 0; }
    h1 { font: 22pt/36pt "Noto Serif CJK SC", serif; text-align: center; margin: 0 0 28pt; }
    p { text-indent: 2em; text-align: justify; margin: 0; }
    table { border-collapse: collapse; width: 100%; margin: 8pt 0; font-size: 10pt; line-height: 14pt; }
    td { border: 0.75pt solid #000; padding: 4pt; text-align: center; }
    tr { break-inside: avoid; }`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${titleLines.map((t) => `<h1>${escapeHtml(t)}</h1>`).join('')}${body.join('')}</body></html>`;
}

/** The report printed to PDF by Chromium, page numbers in the footer. */
export async function realPdf(report: RealReport, opts: { repeatHeader?: boolean } = {}): Promise<Buffer> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(realHtml(report, opts));
    return await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="width:100%;text-align:center;font-size:12pt;font-family:serif">— <span class="pageNumber"></span> —</div>',
    });
  } finally {
    await browser.close();
  }
}
