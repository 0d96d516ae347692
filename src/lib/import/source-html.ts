// Reading a portal page saved from a browser (.html/.htm): the article as paragraphs and tables, without
// the portal's navigation, share buttons and footers. parse5 parses the page as a browser would (the
// HTML standard's algorithm), and this module only ever reads text out of the tree: no script runs, no
// link is followed, and no markup leaves it (the MDX writer escapes the text).
//
// Two layers: `htmlToBlocks` turns any HTML into blocks (also used for the HTML parts Word embeds as
// altChunks), and `readHtml` first finds the article body of a portal page and drops its chrome.
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import { decodeText, decodeUtf8OrGb18030, normaliseText } from '../content/text-file.ts';
import { ImportError, joinCellLines, type Source, type SourceBlock, type SourceCell, type SourceTable } from './source.ts';

type Element = T.Element;
type Node = T.Node;

/** Saved pages are a few MB at most; beyond this the file is not a report page. */
const MAX_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Encoding

/** How far into the file to look for `<meta charset>` (browsers look at the first 1,024 bytes; CMS
 *  templates often put long comments and scripts first, so look further). */
const META_SCAN_BYTES = 8192;

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Every element under `root`, in document order, without recursion (pages can nest 100,000 deep). */
function* elements(root: Node): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) yield n;
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

function childrenOf(n: Node): Node[] {
  if (n.nodeName === 'template') return (n as T.Template).content.childNodes;
  return 'childNodes' in n ? n.childNodes : [];
}

/** The charset a page declares in `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII; latin1 maps every byte to one character, so nothing is lost or refused.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES));
  for (const el of elements(parse(head))) {
    if (el.tagName !== 'meta') continue;
    const charset = attr(el, 'charset')?.trim();
    if (charset) return charset;
    if (attr(el, 'http-equiv')?.trim().toLowerCase() === 'content-type') {
      const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(attr(el, 'content') ?? '');
      if (m) return m[1];
    }
  }
  return undefined;
}

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', gbk: 'GB18030', gb18030: 'GB18030', big5: 'Big5', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/**
 * The page's text: by its byte-order mark, else by the charset it declares (when its bytes really are
 * in that charset — pages saved by one tool and edited in another often keep a stale declaration),
 * else UTF-8 when the bytes are valid UTF-8 and GB18030 (a superset of GBK/GB2312) otherwise.
 */
export function decodeHtml(bytes: Uint8Array, declared = declaredCharset(bytes)): { text: string; encoding: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Valid UTF-8 with non-ASCII text is UTF-8 whatever the page declares: GBK text is almost never valid
  // UTF-8 by chance, while pages re-saved as UTF-8 by an editor often keep their old gb2312 declaration.
  if (!bom && !utf16 && declared && !(bytes.some((b) => b >= 0x80) && decodeText(bytes).ok)) {
    let label: string | undefined;
    try {
      label = new TextDecoder(declared).encoding;
    } catch {
      label = undefined; // an unknown label: decide from the bytes
    }
    // The HTML standard reads a declared UTF-16 as UTF-8 (a UTF-16 page is known by its BOM); GBK is
    // decoded as GB18030, which reads every GBK byte sequence the same and more.
    if (label === 'utf-16le' || label === 'utf-16be') label = 'utf-8';
    if (label === 'gbk') label = 'gb18030';
    if (label) {
      try {
        const text = normaliseText(new TextDecoder(label, { fatal: true }).decode(bytes));
        return { text, encoding: ENCODING_NAMES[label] ?? label };
      } catch {
        // declared one charset, written in another: fall through to detection
      }
    }
  }
  const d = decodeUtf8OrGb18030(bytes);
  return { text: d.text, encoding: d.encoding };
}

// ---------------------------------------------------------------------------------------------------
// From a tree to blocks

/** Never text: scripts, styles, form controls, embedded documents, media, and the document head. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio', 'video', 'img', 'picture', 'map', 'head', 'title', 'meta', 'link', 'base', 'button', 'select', 'option', 'optgroup', 'datalist', 'input', 'textarea', 'dialog']);

/** Elements that start and end a line (a paragraph) of text. */
const BLOCKS = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);

/** The few CSS declarations that decide how a line reads. Not a CSS parser: `prop: value` pairs only. */
function styleOf(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of (attr(el, 'style') ?? '').split(';')) {
    const i = decl.indexOf(':');
    if (i > 0) out.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim().toLowerCase().replace(/\s*!important$/, ''));
  }
  return out;
}

function hidden(el: Element, style: Map<string, string>): boolean {
  return el.attrs.some((a) => a.name === 'hidden') || style.get('display') === 'none' || style.get('visibility') === 'hidden';
}

const CENTER_CLASSES = new Set(['center', 'text-center', 'text_center', 'text_align_center', 'textcenter', 'txtcenter', 'tc', 'tac', 'align-center', 'aligncenter']);

/** The element's own text alignment, when it sets one: `align=`, `text-align:`, `<center>` or a centring class. */
function ownAlignment(el: Element, style: Map<string, string>): 'center' | 'other' | undefined {
  const css = style.get('text-align');
  if (css) return css === 'center' || css === '-webkit-center' ? 'center' : 'other';
  if (el.tagName === 'center') return 'center';
  // `<table align=center>` places the table on the page; it does not centre the text in its cells.
  const a = el.tagName === 'table' ? undefined : attr(el, 'align')?.trim().toLowerCase();
  if (a) return a === 'center' || a === 'middle' ? 'center' : 'other';
  if ((attr(el, 'class') ?? '').split(/\s+/).some((c) => CENTER_CLASSES.has(c.toLowerCase()))) return 'center';
  return undefined;
}

function ownBold(el: Element, style: Map<string, string>): boolean | undefined {
  const w = style.get('font-weight');
  if (w) return w === 'bold' || w === 'bolder' || (/^\d+$/.test(w) && Number(w) >= 600);
  if (el.tagName === 'b' || el.tagName === 'strong' || /^h[1-6]$/.test(el.tagName)) return true;
  return undefined;
}

export interface HtmlBlockOptions {
  /** The number of the first table (tables count from 1 in a document). */
  firstTable?: number;
  /** Drop what a portal puts around and inside an article: share and print bars, page-view counters… */
  dropChrome?: (el: Element) => boolean;
  /** Drop a line by its text (source, publication time and view-count lines of a portal page). */
  dropLine?: (text: string) => boolean;
  /** How many tables this one sits in (tables in cells are read recursively, so the depth is capped). */
  depth?: number;
}

/** Tables nested deeper than this are read as plain lines: a hostile page cannot recurse without end. */
const MAX_TABLE_NESTING = 8;

interface Run {
  text: string;
  bold: boolean;
}

interface Context {
  centered: boolean;
  bold: boolean;
  headingLevel?: number;
}

/** Whitespace as HTML lays it out, for Chinese text: runs of spaces become one space, except that a line
 *  break between two Chinese characters disappears (CSS Text 3 segment-break rule) — pages wrap long
 *  Chinese lines in their source without meaning a space. */
function layoutText(runs: Run[]): { text: string; bold: boolean } {
  let raw = '';
  let visible = 0;
  let boldVisible = 0;
  for (const r of runs) {
    raw += r.text;
    const v = r.text.replace(/\s/g, '').length;
    visible += v;
    if (r.bold) boldVisible += v;
  }
  const text = raw
    .replace(/[ \t\n\r\f\u00a0]*\n[ \t\n\r\f\u00a0]*/g, (ws, offset: number, all: string) => {
      const before = all[offset - 1] ?? '';
      const after = all[offset + ws.length] ?? '';
      return WIDE.test(before) && WIDE.test(after) ? '' : ' ';
    })
    .replace(/[ \t\r\f\u00a0]+/g, ' ')
    .replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  return { text, bold: visible > 0 && boldVisible === visible };
}

/** CJK ideographs, kana, hangul and full-width punctuation: characters between which a source line break means nothing. */
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/**
 * Lines of text and tables from an HTML tree, in reading order. Iterative: the walk keeps its own stack,
 * so a page that nests elements 100,000 deep cannot overflow the call stack.
 */
function treeToBlocks(root: Node, options: HtmlBlockOptions): { blocks: SourceBlock[]; tables: number } {
  const blocks: SourceBlock[] = [];
  let table = (options.firstTable ?? 1) - 1;
  let runs: Run[] = [];
  let lineContext: Context = { centered: false, bold: false };

  const flush = () => {
    if (!runs.length) return;
    const { text, bold } = layoutText(runs);
    runs = [];
    if (!text || options.dropLine?.(text)) return;
    blocks.push({
      text,
      ...(lineContext.headingLevel !== undefined && { headingLevel: lineContext.headingLevel }),
      ...(lineContext.centered && { centered: true }),
      ...(bold && { bold: true }),
    });
  };

  type Frame = { node: Node; context: Context; exit?: boolean };
  const stack: Frame[] = [{ node: root, context: { centered: false, bold: false } }];
  while (stack.length) {
    const { node, context, exit } = stack.pop()!;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeName === '#text') {
      const value = (node as T.TextNode).value;
      if (!runs.length) lineContext = context;
      runs.push({ text: value, bold: context.bold });
      continue;
    }
    if (!isElement(node)) {
      // comments, CDATA (parsed as comments in HTML), doctypes: never text
      if (node.nodeName === '#document' || node.nodeName === '#document-fragment') pushChildren(stack, node, context);
      continue;
    }
    const tag = node.tagName;
    if (SKIPPED.has(tag)) continue;
    const style = styleOf(node);
    if (hidden(node, style) || options.dropChrome?.(node)) continue;
    if (tag === 'br') {
      // A line break ends a line; the next line takes the look of its own text (as Word's Shift+Enter lines do).
      flush();
      continue;
    }
    if (tag === 'table' && (options.depth ?? 0) < MAX_TABLE_NESTING) {
      const grid = readTable(node, (options.depth ?? 0) + 1);
      if (grid) {
        flush();
        blocks.push({ text: grid.rows.map((r) => r.map((c) => c.text).filter(Boolean).join('　')).join('\n'), table: ++table, grid });
        continue;
      }
      // a layout table (one column): its cells are blocks like any other
    }
    const align = ownAlignment(node, style);
    const heading = /^h([1-6])$/.exec(tag);
    const inner: Context = {
      centered: align ? align === 'center' : context.centered,
      bold: ownBold(node, style) ?? context.bold,
      headingLevel: heading ? Number(heading[1]) : context.headingLevel,
    };
    if (BLOCKS.has(tag)) {
      flush();
      stack.push({ node, context, exit: true });
    }
    pushChildren(stack, node, inner);
  }
  flush();
  return { blocks, tables: table - ((options.firstTable ?? 1) - 1) };
}

function pushChildren(stack: { node: Node; context: Context }[], node: Node, context: Context): void {
  const kids = childrenOf(node);
  for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, context });
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** The rows of a table in the order a browser shows them: header rows, body rows, then footer rows. */
function tableRows(table: Element): { rows: Element[]; headerRows: number } {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') body.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      const into = child.tagName === 'thead' ? head : child.tagName === 'tfoot' ? foot : body;
      for (const tr of child.childNodes) if (isElement(tr) && tr.tagName === 'tr') into.push(tr);
    }
  }
  return { rows: [...head, ...body, ...foot], headerRows: head.length };
}

/** The text of a cell as one line: its paragraphs and line breaks joined (as the docx reader joins a cell's lines). */
function cellText(cell: Element, depth: number): string {
  const lines = treeToBlocks({ ...cell, tagName: 'div', nodeName: 'div', attrs: [] }, { depth });
  // A table inside a cell: its rows are lines of the cell (the block's text has them row by row).
  return joinCellLines(lines.blocks.flatMap((b) => (b.grid ? b.grid.rows.flatMap((r) => r.map((c) => c.text)) : [b.text])));
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * A data table as the SourceTable the docx reader makes: each row's cells with their spans (a cell a
 * span covers is not in the HTML either). A table of one column is page layout, not data: undefined.
 */
function readTable(table: Element, depth: number): SourceTable | undefined {
  const { rows: trs, headerRows } = tableRows(table);
  const cells = trs.map((tr) => tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th')));
  if (!cells.some((r) => r.length > 1)) return undefined;
  const rows: SourceCell[][] = cells.map((row, r) =>
    row.map((cell) => {
      // rowspan=0 runs to the end of the table; spans past the last row or over 1,000 columns (the
      // standard's limit) are cut, so a hostile page cannot make the grid enormous.
      const rs = attr(cell, 'rowspan')?.trim() === '0' ? trs.length - r : span(attr(cell, 'rowspan'), trs.length - r);
      return { text: cellText(cell, depth), rowSpan: rs, colSpan: span(attr(cell, 'colspan'), 1000) };
    }),
  );
  return { rows, repeatedHeaderRows: headerRows < rows.length ? headerRows : 0 };
}

// ---------------------------------------------------------------------------------------------------
// Public: any HTML

/** The blocks of an HTML document or fragment (everything in its body; scripts, styles and hidden elements left out). */
export function htmlToBlocks(html: string, options: Pick<HtmlBlockOptions, 'firstTable'> = {}): { blocks: SourceBlock[]; tables: number } {
  const doc = parse(html);
  return treeToBlocks(bodyOf(doc) ?? doc, options);
}

function bodyOf(doc: T.Document): Element | undefined {
  const html = doc.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  return html?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'body');
}

// ---------------------------------------------------------------------------------------------------
// A portal page: finding the article

/** Containers that hold the article in the CMSs Chinese government portals run on: TRS (TRS_Editor,
 *  TRS_UEDITOR, UCAP-CONTENT of the gov.cn template), Hanweb 大汉 (#zoom, ivs_content), and the
 *  common names of other templates. Matched as an id or class, ignoring case. */
const BODY_NAMES = ['ucap-content', 'trs_editor', 'trs_ueditor', 'trs_editor_view', 'zoom', 'fontzoom', 'ivs_content', 'article-content', 'article_content', 'articlecontent', 'article-body', 'article_body', 'pages_content', 'pages-content', 'news_content', 'news-content', 'content_text', 'detail-content', 'detail_content', 'xl_content', 'zw-content', 'zwnr', 'wzzw', 'vsb_content', 'con_text', 'bt_content', 'xxgk_content'];

/** Class and id words of the page furniture inside and around articles. */
const CHROME = /^(?:.*share.*|.*fenxiang.*|print.*|.*dayin.*|close.*|guanbi|breadcrumbs?|crumbs?|.*position|location|.*qrcode.*|ewm.*|.*pagination.*|pager|page-?bar|.*related.*|xgwz|xgxx|footer.*|foot|copyright|toolbar|tools|fontsize.*|font-size.*|zihao|.*zoom-?(?:in|out|btn)|article_extend|article_btn.*|article_attachment|article_source|article_time|nav.*|menu.*|sidebar.*|login.*|search.*|weather.*)$/i;

function isChrome(el: Element): boolean {
  if (el.tagName === 'nav' || el.tagName === 'footer' || el.tagName === 'aside') return true;
  const words = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`.split(/\s+/).filter(Boolean);
  return words.some((w) => CHROME.test(w) && !BODY_NAMES.includes(w.toLowerCase()));
}

const META_KEYS = '(?:信息来源|文章来源|来源|发布时间|发布日期|发文日期|更新时间|时间|日期|作者|发布者|发布机构|编辑|责任编辑|浏览次数|点击数|点击次数|阅读次数|访问次数|浏览量|阅读量|字号|字体|分享到)';
const META_KEY = new RegExp(`${META_KEYS}\\s*[：:]`, 'g');
const COUNTER = /(?:浏览次数|点击数|点击次数|阅读次数|访问次数|浏览量|阅读量|点击量)\s*[：:]/;
/** The words of print/close/font-size/share bars (“【打印本页】【关闭窗口】”, “字号：大 中 小”). */
const CONTROL_WORDS = /打印本页|打印正文|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|加入收藏|收藏|分享到|分享|字体|字号|放大|缩小|默认|微信|微博|QQ空间|[大中小]/g;
const STRONG_CONTROL = /打印|关闭|返回顶部|收藏|分享|字体|字号/;

/** A line of the page's furniture rather than the report: source/publication lines, counters, print/close controls. */
export function isChromeLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (STRONG_CONTROL.test(t) && t.replace(CONTROL_WORDS, '').replace(/[\s【】[\]()（）|｜/、:：·•-]/g, '') === '') return true;
  if (COUNTER.test(t) && t.length <= 80) return true;
  if (/^(?:信息来源|文章来源|来源)\s*[：:]/.test(t) && t.length <= 60) return true;
  // “来源：… 发布时间：… 字号：大 中 小”: two of these keys on one short line. A lone 发布日期 line under a
  // title stays: offices print it as part of the report.
  return t.length <= 120 && (t.match(META_KEY)?.length ?? 0) >= 2;
}

function textLength(root: Node): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.nodeName === '#text') n += (x as T.TextNode).value.replace(/\s/g, '').length;
    else if (isElement(x) && SKIPPED.has(x.tagName)) continue;
    else for (const k of childrenOf(x)) stack.push(k);
  }
  return n;
}

function isWithin(inner: Element, outer: Element): boolean {
  for (let p: T.ParentNode | null = inner.parentNode; p; p = 'parentNode' in p ? p.parentNode : null) if (p === outer) return true;
  return false;
}

/** A known article container: the one with the most text; within it, a nested known container that holds nearly all of it. */
function knownContainer(doc: T.Document): Element | undefined {
  const found: { el: Element; len: number }[] = [];
  for (const el of elements(doc)) {
    // Measuring costs a walk of the element; a page that names thousands of containers is not a CMS page.
    if (found.length >= 50) break;
    const names = [attr(el, 'id') ?? '', ...(attr(el, 'class') ?? '').split(/\s+/)].map((s) => s.toLowerCase());
    if (names.some((n) => BODY_NAMES.includes(n))) {
      const len = textLength(el);
      if (len >= 20) found.push({ el, len });
    }
  }
  if (!found.length) return undefined;
  let best = found.reduce((a, b) => (b.len > a.len ? b : a));
  for (const c of found) if (c !== best && isWithin(c.el, best.el) && c.len >= best.len * 0.9) best = c;
  return best.el;
}

/** Hanweb 大汉 pages mark the article with `<!--ZJEG_RSS.content.begin-->` … `<!--ZJEG_RSS.content.end-->`. */
function markedContainer(doc: T.Document): Element | undefined {
  const stack: Node[] = [doc];
  while (stack.length) {
    const n = stack.pop()!;
    const kids = childrenOf(n);
    const begin = kids.findIndex((k) => k.nodeName === '#comment' && /ZJEG_RSS\.content\.begin/i.test((k as T.CommentNode).data));
    if (begin >= 0) {
      const end = kids.findIndex((k, i) => i > begin && k.nodeName === '#comment' && /ZJEG_RSS\.content\.end/i.test((k as T.CommentNode).data));
      const part = kids.slice(begin + 1, end > begin ? end : undefined);
      if (part.length) return { nodeName: 'div', tagName: 'div', attrs: [], childNodes: part, namespaceURI: (n as Element).namespaceURI ?? ('http://www.w3.org/1999/xhtml' as Element['namespaceURI']), parentNode: null } as Element;
    }
    for (const k of kids) stack.push(k);
  }
  return undefined;
}

/**
 * No known container: the element under which the page's paragraphs gather (the content-density idea of
 * readability tools). Each stretch of text of 20 characters or more, outside links and chrome, scores
 * its length for the block that holds it's parent and half for the grandparent.
 */
function densestContainer(doc: T.Document): Element | undefined {
  const scores = new Map<Element, number>();
  const add = (el: Element | null | undefined, s: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + s);
  };
  // A table's text counts for the table as one block: scored by its cells, rows and body, a big table of
  // figures would outweigh the article around it and be taken for the article.
  type Frame = { node: Node; block?: Element; inLink: boolean; inTable: boolean };
  const own = new Map<Element, number>();
  const stack: Frame[] = [{ node: doc, inLink: false, inTable: false }];
  while (stack.length) {
    const { node, block, inLink, inTable } = stack.pop()!;
    if (node.nodeName === '#text') {
      if (block && !inLink) own.set(block, (own.get(block) ?? 0) + (node as T.TextNode).value.replace(/\s/g, '').length);
      continue;
    }
    let here = block;
    let link = inLink;
    let table = inTable;
    if (isElement(node)) {
      if (SKIPPED.has(node.tagName) || isChrome(node) || hidden(node, styleOf(node))) continue;
      if (node.tagName === 'table' && !inTable) {
        here = node;
        table = true;
      } else if (BLOCKS.has(node.tagName) && !inTable) here = node;
      if (node.tagName === 'a') link = true;
    }
    for (const k of childrenOf(node)) stack.push({ node: k, block: here, inLink: link, inTable: table });
  }
  for (const [el, len] of own) {
    if (len < 20) continue;
    const parent = el.parentNode && isElement(el.parentNode as Node) ? (el.parentNode as Element) : undefined;
    add(parent, len);
    const grand = parent?.parentNode && isElement(parent.parentNode as Node) ? (parent.parentNode as Element) : undefined;
    add(grand, len / 2);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of scores) if (s > bestScore) [best, bestScore] = [el, s];
  return best;
}

/** The article's title as the page names it: the CMS's ArticleTitle meta, else the page `<h1>`, else the first part of `<title>`. */
function pageTitle(doc: T.Document): string | undefined {
  let h1: string | undefined;
  let title: string | undefined;
  for (const el of elements(doc)) {
    const name = attr(el, 'name')?.toLowerCase();
    if (el.tagName === 'meta' && (name === 'articletitle' || name === 'title')) {
      const t = attr(el, 'content')?.trim();
      if (t) return t;
    }
    if (el.tagName === 'h1' && h1 === undefined) h1 = layoutText([{ text: plainText(el), bold: false }]).text || undefined;
    if (el.tagName === 'title' && title === undefined) title = plainText(el).split(/[_|｜]|\s[-–—]\s/)[0]?.trim() || undefined;
  }
  return h1 ?? title;
}

function plainText(el: Element): string {
  let s = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') s += (n as T.TextNode).value;
    else if (isElement(n) && SKIPPED.has(n.tagName) && n !== el) continue;
    else {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return s;
}

/** The article of a portal page: its body's paragraphs and tables, the title put first when the page shows it outside the body. */
export function pageToBlocks(html: string): { blocks: SourceBlock[]; tables: number } {
  const doc = parse(html);
  const body = knownContainer(doc) ?? markedContainer(doc) ?? densestContainer(doc) ?? bodyOf(doc) ?? doc;
  const out = treeToBlocks(body, { dropChrome: isChrome, dropLine: isChromeLine });
  const first = out.blocks[0];
  // CMS templates print the title above the article, outside its container. Add it unless the article
  // starts with its own title (a centred, bold or heading line — possibly split over two lines).
  const title = pageTitle(doc);
  if (title && first && !first.table && !first.centered && !first.bold && first.headingLevel === undefined && first.text !== title) {
    out.blocks.unshift({ text: title, centered: true });
  }
  return out;
}

/** A saved portal page (.html/.htm) as a Source. */
export function readHtml(bytes: Uint8Array): Source {
  if (bytes.length > MAX_BYTES) throw new ImportError(`网页文件太大（${Math.round(bytes.length / 1024 / 1024)} MB），不像是一篇报告`, '请确认选对了文件；报告网页通常只有几百 KB');
  const { text, encoding } = decodeHtml(bytes);
  return readHtmlText(text, `网页（${encoding}）`);
}

export function readHtmlText(text: string, format: string): Source {
  const { blocks, tables } = pageToBlocks(text);
  if (!blocks.some((b) => b.text.trim())) throw new ImportError('网页中没有找到正文', '页面可能要靠脚本才能显示正文（另存时只存下了框架）；请在浏览器中打开原网页，全选正文复制，粘贴到记事本另存为 .txt 后导入');
  return { blocks, format, tables };
}
