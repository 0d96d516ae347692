// The official document as one HTML page that Chromium prints to PDF (pdf.ts): the same 公文 page as the
// Word file (layout.ts) through CSS @page — page size and margins, page numbers in the page-margin boxes
// (odd pages right, even pages left), the internal edition's notice at the top of every page — and the
// faces of layout.ts through @font-face local(), ending in the Noto CJK faces Chromium embeds.
// No script, no request: the page is given to the browser as a string and prints as it is.
import { CHAR_SPACING_PT, FONTS, LINE_PT, MARGIN_MM, SIZE_PT } from './layout.ts';
import { INTERNAL_NOTICE, type DocBlock, type DocCell, type OfficialDocument, type Run } from './document.ts';
import { figureMarkName } from '../import/figure-marks.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\A ')}"`;

/** Noto's full names, for local(): the bold serif stands in for 小标宋, as the weight it is closest to. */
const NOTO: Record<keyof typeof FONTS, string[]> = {
  title: ['Noto Serif CJK SC Bold', 'NotoSerifCJKsc-Bold'],
  body: ['Noto Serif CJK SC', 'Noto Serif CJK SC Regular', 'NotoSerifCJKsc-Regular'],
  heading1: ['Noto Sans CJK SC Medium', 'NotoSansCJKsc-Medium', 'Noto Sans CJK SC', 'Noto Sans CJK SC Regular'],
  heading2: ['Noto Serif CJK SC Medium', 'NotoSerifCJKsc-Medium', 'Noto Serif CJK SC'],
  pageNumber: ['Noto Serif CJK SC', 'Noto Serif CJK SC Regular'],
  latin: ['Liberation Serif', 'Noto Serif'],
};

function fontFaces(): string {
  return (Object.keys(FONTS) as (keyof typeof FONTS)[])
    .map((face) => {
      const names = [...FONTS[face].filter((n) => !n.startsWith('Noto')), ...NOTO[face]];
      // The Latin face sets Latin letters and figures only: quotation marks, dashes and the like stay in the Chinese face,
      // full width as Word sets them with its East Asian font (else “ ” come out narrow in Chinese text).
      const range = face === 'latin' ? ' unicode-range: U+0000-007F, U+00A0-00FF, U+0100-024F;' : '';
      return `@font-face { font-family: "nb-${face}"; src: ${names.map((n) => `local(${cssString(n)})`).join(', ')};${range} }`;
    })
    .join('\n');
}

const family = (face: keyof typeof FONTS) => `"nb-latin", "nb-${face}", ${face === 'heading1' ? 'sans-serif' : 'serif'}`;

function css(doc: OfficialDocument): string {
  const letterSpacing = CHAR_SPACING_PT;
  const notice = [...(doc.edition === 'internal' ? [INTERNAL_NOTICE] : []), ...(doc.sampleNotice ? [doc.sampleNotice] : [])].join('\n');
  const number = `content: "— " counter(page) " —"; font-family: ${family('pageNumber')}; font-size: ${SIZE_PT.pageNumber}pt; vertical-align: top; padding-top: 7mm;`;
  return `
${fontFaces()}
@page {
  size: A4;
  margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
  ${notice ? `@top-center { content: ${cssString(notice)}; white-space: pre-wrap; font-family: ${family('heading1')}; font-size: ${SIZE_PT.notice}pt; vertical-align: bottom; padding-bottom: 8mm; }` : ''}
}
@page :right { @bottom-right { ${number} text-align: right; padding-right: 1em; } }
@page :left { @bottom-left { ${number} text-align: left; padding-left: 1em; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${family('body')}; font-size: ${SIZE_PT.body}pt; line-height: ${LINE_PT}pt; color: #000; letter-spacing: ${letterSpacing}pt; }
h1 { font-family: ${family('title')}; font-size: ${SIZE_PT.title}pt; font-weight: normal; text-align: center; line-height: ${LINE_PT + 6}pt; margin: 0 0 ${LINE_PT}pt; letter-spacing: 0; }
h2, h3, h4, p { margin: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; }
p, h2, h3, h4 { text-indent: 2em; text-align: justify; }
h2 { font-family: ${family('heading1')}; break-after: avoid; }
h3 { font-family: ${family('heading2')}; break-after: avoid; }
h4 { font-weight: bold; break-after: avoid; }
mark { background: #d9d9d9; color: inherit; }
a.figure { color: inherit; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 0 0 ${LINE_PT / 2}pt; font-size: ${SIZE_PT.table}pt; line-height: 1.35; letter-spacing: 0; table-layout: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 1pt 3pt; vertical-align: middle; font-weight: normal; text-indent: 0; text-align: left; }
thead th, th[scope="col"], th[scope="colgroup"], td.blank { text-align: center; }
td.figure { text-align: right; }
.signature { text-indent: 0; text-align: right; }
.signature.office { margin-top: ${LINE_PT * 2}pt; }
`;
}

/**
 * Each figure links to itself under the name of its metric (figure-marks.ts, the names the Word file's bookmarks
 * have): Chromium writes the link and its named destination into the PDF, where a reader sees nothing of it and
 * `npm run import` reads back which metric each figure is. The citations of the document being written.
 */
let citations = new Map<string, number>();

function runs(rs: Run[]): string {
  return rs.map((r) => {
    let text = esc(r.text).replace(/\n/g, '<br>');
    if (r.metric) {
      const n = (citations.get(r.metric) ?? 0) + 1;
      citations.set(r.metric, n);
      const name = figureMarkName(r.metric, n);
      if (name) text = `<a class="figure" id="${name}" href="#${name}">${text}</a>`;
    }
    return r.redacted ? `<mark>${text}</mark>` : text;
  }).join('');
}

function cell(c: DocCell, inHead: boolean): string {
  const span = `${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
  const tag = inHead || c.header ? 'th' : 'td';
  const scope = tag === 'th' ? ` scope="${c.header ?? 'col'}"` : '';
  return `<${tag}${span}${scope} class="${c.role}">${runs(c.runs)}</${tag}>`;
}

function block(b: DocBlock): string {
  if (b.type === 'heading') {
    const tag = b.depth <= 2 ? 'h2' : b.depth === 3 ? 'h3' : 'h4';
    return `<${tag}>${runs(b.runs)}</${tag}>`;
  }
  if (b.type === 'paragraph') return `<p>${runs(b.runs)}</p>`;
  const head = b.rows.slice(0, b.headerRows).map((r) => `<tr>${r.map((c) => cell(c, true)).join('')}</tr>`).join('');
  const body = b.rows.slice(b.headerRows).map((r) => `<tr>${r.map((c) => cell(c, false)).join('')}</tr>`).join('');
  return `<table>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
}

/** The whole document as a standalone HTML page (no script, no external resource). */
export function documentHtml(doc: OfficialDocument): string {
  citations = new Map();
  const signature = doc.date
    ? (() => {
        // The office centred over the date, the date 右空四字 (as the Word file).
        const dateChars = [...doc.date].length;
        const orgChars = [...doc.organization].length;
        const orgRight = orgChars < dateChars ? 4 + (dateChars - orgChars) / 2 : 2;
        return `<p class="signature office" style="padding-right: ${orgRight}em">${esc(doc.organization)}</p><p class="signature" style="padding-right: 4em">${esc(doc.date)}</p>`;
      })()
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'none'">
<title>${esc(doc.title)}</title>
<style>${css(doc)}</style>
</head>
<body>
<h1>${esc(doc.title)}</h1>
${doc.blocks.map(block).join('\n')}
${signature}
</body>
</html>
`;
}
