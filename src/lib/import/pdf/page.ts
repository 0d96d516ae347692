// What pdf.js tells about one page of a PDF, reduced to what the importer reads: each run of text with
// its place, size and font, and the ruling lines a table is drawn with (stroked lines and rectangles,
// and the thin filled rectangles some writers draw borders with). Build time only: never shipped to a browser.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { metricOfMark } from '../figure-marks.ts';

/** A run of text, in PDF points with y up (the page's own coordinates). */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
  font: string;
}

/** A horizontal (`y0 === y1`) or vertical (`x0 === x1`) ruling line. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a PDF nianbao exported names the metric of a figure (figure-marks.ts): a link to a destination named after it, over the figure. */
export interface FigureLink {
  metric: string;
  /** The destination's name: one per citation; a figure broken over two lines or pages has a link on each part. */
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
  /** Figures the file names the metric of (only nianbao's own exported PDFs have them). */
  figures?: FigureLink[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A border is at most this thick when drawn as a filled rectangle (points). */
const THIN = 2.5;
/** Lines shorter than this are glyph strokes or marks, not rules. */
const SHORTEST = 4;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is loaded only when a PDF is imported: every other command stays as fast as before. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** The folder pdf.js keeps its CMaps and standard fonts in, so CJK fonts without their own maps still read. */
function assetUrl(folder: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${pathToFileURL(join(root, folder)).href}/`;
}

/**
 * Straight segments of a path, by subpath (pdf.js's DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo,
 * 3 quadraticCurveTo, 4 closePath). One path often holds many rectangles: every border of a table.
 */
function subpaths(data: ArrayLike<number>): [number, number, number, number][][] {
  const out: [number, number, number, number][][] = [];
  let current: [number, number, number, number][] = [];
  let i = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      if (current.length) out.push(current);
      current = [];
      [cx, cy, sx, sy] = [data[i]!, data[i + 1]!, data[i]!, data[i + 1]!];
      i += 2;
    } else if (op === 1) {
      current.push([cx, cy, data[i]!, data[i + 1]!]);
      [cx, cy] = [data[i]!, data[i + 1]!];
      i += 2;
    } else if (op === 2) [cx, cy] = [data[i + 4]!, data[i + 5]!], (i += 6);
    else if (op === 3) [cx, cy] = [data[i + 2]!, data[i + 3]!], (i += 4);
    else if (op === 4) {
      if (cx !== sx || cy !== sy) current.push([cx, cy, sx, sy]);
      [cx, cy] = [sx, sy];
    } else break;
  }
  if (current.length) out.push(current);
  return out;
}

function axisRule(x0: number, y0: number, x1: number, y1: number): Rule | undefined {
  if (Math.abs(y0 - y1) < 0.8 && Math.abs(x1 - x0) >= SHORTEST) return { x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (Math.abs(x0 - x1) < 0.8 && Math.abs(y1 - y0) >= SHORTEST) return { x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) };
  return undefined;
}

/**
 * CJK fonts map some ideographs to the radical of the same shape (⼯ U+2F2F for 工, ⺠ U+2EA0 for 民), and
 * PDF writers copy that into the text layer: read them as the ideographs they show. Kangxi radicals have
 * compatibility forms (NFKC); the supplement's simplified forms do not, so they are listed. (NFKC is not
 * used on the whole text: it would turn full-width punctuation into ASCII.)
 */
const RADICALS: Record<string, string> = {
  '⺠': '民', '⻔': '门', '⻓': '长', '⻛': '风', '⻜': '飞', '⻚': '页', '⻅': '见', '⻢': '马', '⻋': '车', '⻉': '贝', '⻝': '食', '⻥': '鱼', '⻦': '鸟', '⻬': '齐', '⻮': '齿', '⻳': '龟', '⻰': '龙', '⻆': '角', '⻄': '西', '⻘': '青', '⺟': '母', '⺩': '王', '⻤': '鬼', '⻨': '麦', '⻩': '黄', '⻍': '辶', '⺁': '厂', '⺊': '卜', '⺮': '竹',
};
export function ideographs(text: string): string {
  // NFC also turns the deprecated angle brackets 〈〉 (U+2329/232A) some fonts map to into 〈〉 (U+3008/3009).
  return text.normalize('NFC').replace(/[\u2f00-\u2fdf]/gu, (c) => c.normalize('NFKC')).replace(/[\u2e80-\u2eff]/gu, (c) => RADICALS[c] ?? c);
}

/**
 * The simplified-Chinese faces of Noto CJK / Source Han draw 户 and 戶 with one glyph, and a PDF writer that maps each
 * glyph back to one character (Chromium's Skia takes the lowest) writes 戶 for every 户 of the text: in those faces the
 * glyph means the simplified character. (Seen in nianbao's own exported PDFs: “门户网站” read back as “门戶网站”.)
 */
const SC_FACE = /(?:NotoS(?:erif|ans)(?:Mono)?CJK|SourceHan(?:Serif|Sans))[-_]?(?:sc|SC)\b|(?:NotoS(?:erif|ans)CJKsc|SourceHan(?:Serif|Sans)(?:SC|CN))/;
const SC_SHARED: Record<string, string> = { '戶': '户' };

function simplifiedGlyphs(text: string, font: string): string {
  return SC_FACE.test(font) ? text.replace(/[戶]/gu, (c) => SC_SHARED[c] ?? c) : text;
}

/** A font's PostScript name without its subset tag; a Chinese name stored as UTF-8 bytes (黑体) read back as such. */
function fontName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let name = raw.replace(/^[A-Z]{6}\+/, '');
  if (/[\u0080-\u00ff]/.test(name) && ![...name].some((c) => c.charCodeAt(0) > 0xff)) {
    const utf8 = Buffer.from(name, 'latin1').toString('utf8');
    if (!utf8.includes('\ufffd')) name = utf8;
  }
  return name;
}

export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument, OPS } = await loadPdfJs();
  const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  // pdf.js takes over the buffer it is given: hand it a copy, the caller's bytes stay usable.
  const task = getDocument({ data: new Uint8Array(bytes), cMapUrl: assetUrl('cmaps'), cMapPacked: true, standardFontDataUrl: assetUrl('standard_fonts'), disableFontFace: true, fontExtraProperties: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const ops = await page.getOperatorList();
      const rules: Rule[] = [];
      let ctm: Matrix = IDENTITY;
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
        else if (fn === OPS.constructPath) {
          const [paint, paths] = args as [number, ArrayLike<number>[] | undefined];
          const data = paths?.[0];
          if (!data) continue;
          for (const sub of subpaths(data)) {
            const segs = sub.map(([ax, ay, bx, by]) => [...apply(ctm, ax, ay), ...apply(ctm, bx, by)] as [number, number, number, number]);
            if (STROKES.has(paint)) for (const s of segs) {
              const r = axisRule(...s);
              if (r) rules.push(r);
            }
            if (FILLS.has(paint) && segs.length >= 2) {
              // A filled rectangle: a rule when it is thin (a border), nothing when it is a shaded area.
              const xs = segs.flatMap((s) => [s[0], s[2]]);
              const ys = segs.flatMap((s) => [s[1], s[3]]);
              const [l, r, b, t] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
              if (t - b <= THIN && r - l >= SHORTEST) rules.push({ x0: l, x1: r, y0: (t + b) / 2, y1: (t + b) / 2 });
              else if (r - l <= THIN && t - b >= SHORTEST) rules.push({ x0: (l + r) / 2, x1: (l + r) / 2, y0: b, y1: t });
            }
          }
        }
      }
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        const font = fontName(page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string })?.name : undefined) ?? item.fontName;
        runs.push({ text: simplifiedGlyphs(ideographs(item.str), font), x: e! - x0, y: f! - y0, width: item.width, size: Math.hypot(a!, b!) || item.height, font });
      }
      const figures: FigureLink[] = [];
      for (const a of (await page.getAnnotations({ intent: 'display' })) as { subtype?: string; dest?: unknown; rect?: number[] }[]) {
        const metric = a.subtype === 'Link' && typeof a.dest === 'string' ? metricOfMark(a.dest) : undefined;
        if (!metric || !a.rect || a.rect.length !== 4) continue;
        const [ax0, ay0, ax1, ay1] = a.rect as [number, number, number, number];
        figures.push({ metric, name: a.dest as string, x0: Math.min(ax0, ax1) - x0, x1: Math.max(ax0, ax1) - x0, y0: Math.min(ay0, ay1) - y0, y1: Math.max(ay0, ay1) - y0 });
      }
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, runs, rules: rules.map((r) => ({ x0: r.x0 - x0, x1: r.x1 - x0, y0: r.y0 - y0, y1: r.y1 - y0 })), ...(figures.length && { figures }) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
