// The search records of one report, read from its built page: what the edition really shows (stats as
// shown, redacted spans as ■■■), one record per paragraph with its anchor, kind and section.
// A small purpose-built reader for the markup our own report page emits; no HTML parser dependency.
import { itemTitle, type ItemKind } from '../structure.ts';
import { indexContent } from './normalise.ts';

export interface ReportBlock {
  /** The anchor a result links to ('' = the top of the report). */
  anchor: string;
  /** data-kind of the paragraph: intro, work, problems, causes, measures, other. */
  kind: string;
  text: string;
  section?: { id: string; title: string };
  /** An item (一是/二是…) rather than a plain paragraph. */
  item: boolean;
  /** Position in the report, from 0. */
  pos: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);
const BLOCKISH = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'figcaption', 'pre']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', times: '×' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

const hasAttr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}(?:\\s*=|\\s|$)`, 'i').test(attrs);

interface RawBlock {
  tag: string;
  id?: string;
  kind?: string;
  /** class="item": an 一是/二是 paragraph. */
  item: boolean;
  text: string;
  /** Items written inside the block (span class="item-inline"), each with its anchor, kind and text; not in `text`. */
  inline?: { id?: string; kind?: string; text: string }[];
}

const hasClass = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}(?:\\s|$)`).test(attr(attrs, 'class') ?? '');

/** The direct children of the report text container, each with its visible text. */
export function rawBlocks(html: string, container = 'report-text'): RawBlock[] {
  const open = new RegExp(`<div\\b[^>]*\\bclass\\s*=\\s*["'][^"']*\\b${container}\\b[^"']*["'][^>]*>`, 'i').exec(html);
  if (!open) return [];
  const tokens = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  tokens.lastIndex = open.index + open[0].length;
  const blocks: RawBlock[] = [];
  const stack: string[] = [];
  let current: RawBlock | undefined;
  // An inline item being read, and the stack depth its span opened at.
  let inline: { entry: NonNullable<RawBlock['inline']>[number]; depth: number } | undefined;
  let skipDepth = -1;
  let at = tokens.lastIndex;
  const text = (s: string) => {
    if (!current || skipDepth !== -1) return;
    if (inline) inline.entry.text += decodeEntities(s);
    else current.text += decodeEntities(s);
  };
  const finish = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (let m = tokens.exec(html); m; m = tokens.exec(html)) {
    text(html.slice(at, m.index));
    at = tokens.lastIndex;
    if (!m[2]) continue; // comment
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (closing) {
      const i = stack.lastIndexOf(tag);
      if (i === -1) {
        if (tag !== 'div') continue; // a stray end tag
        finish();
        break; // the container's own end tag
      }
      stack.length = i;
      if (skipDepth !== -1 && stack.length <= skipDepth) skipDepth = -1;
      if (inline && stack.length <= inline.depth) inline = undefined;
      if (BLOCKISH.has(tag)) text('\n');
      if (stack.length === 0) finish();
      continue;
    }
    if (VOID.has(tag) || /\/\s*$/.test(attrs)) {
      if (tag === 'br') text('\n');
      continue;
    }
    if (stack.length === 0) current = { tag, id: attr(attrs, 'id'), kind: attr(attrs, 'data-kind'), item: hasClass(attrs, 'item'), text: '' };
    else if (BLOCKISH.has(tag)) text('\n');
    else if (current && !inline && skipDepth === -1 && hasClass(attrs, 'item-inline')) {
      inline = { entry: { id: attr(attrs, 'id'), kind: attr(attrs, 'data-kind'), text: '' }, depth: stack.length };
      (current.inline ??= []).push(inline.entry);
    }
    if (skipDepth === -1 && (SKIP.has(tag) || hasAttr(attrs, 'data-pagefind-ignore') || hasAttr(attrs, 'hidden') || attr(attrs, 'aria-hidden') === 'true')) skipDepth = stack.length;
    stack.push(tag);
  }
  const tidy = (s: string) => s.replace(/\s*\n\s*/g, '\n').trim();
  return blocks
    .map((b) => ({ ...b, text: tidy(b.text), ...(b.inline && { inline: b.inline.map((x) => ({ ...x, text: tidy(x.text) })).filter((x) => x.text) }) }))
    .filter((b) => b.text || b.inline?.length);
}

/**
 * Paragraph blocks of a report page. Top-level headings (h2) open sections; every other child with an
 * id is a record, and so is every item inside it (一是……二是…… in one paragraph); a child without an id
 * (a list, a table) belongs to the record before it.
 */
export function reportBlocks(html: string): ReportBlock[] {
  const out: ReportBlock[] = [];
  let section: ReportBlock['section'];
  let sectionKind = 'intro';
  let previousInSection: ReportBlock | undefined;
  for (const b of rawBlocks(html)) {
    if (b.tag === 'h2') {
      section = { id: b.id ?? '', title: b.text };
      sectionKind = b.kind ?? 'other';
      previousInSection = undefined;
      continue;
    }
    if (!b.id && previousInSection && !b.inline?.length) {
      previousInSection.text += `\n${b.text}`;
      continue;
    }
    const kind = b.kind ?? sectionKind;
    // The block's own text (a lead-in, a （一）title), then each item written inside it as a record of its own.
    if (b.text) {
      const block: ReportBlock = { anchor: b.id ?? section?.id ?? '', kind, item: b.item, text: b.text, section, pos: out.length };
      out.push(block);
      previousInSection = block;
    }
    for (const x of b.inline ?? []) {
      const block: ReportBlock = { anchor: x.id ?? b.id ?? section?.id ?? '', kind: x.kind ?? kind, item: true, text: x.text, section, pos: out.length };
      out.push(block);
      previousInSection = block;
    }
  }
  return out;
}

/** A pagefind custom record (pagefind's CustomRecord, restated so src/lib needs no pagefind types). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** The filter value of a paragraph kind: the four item kinds, everything else (intro, other) is "other". */
export function filterKind(kind: string): ItemKind {
  return kind === 'work' || kind === 'problems' || kind === 'causes' || kind === 'measures' ? kind : 'other';
}

const TITLE_MAX = 60;

export function shortTitle(text: string): string {
  const t = itemTitle(text.replace(/\s*\n\s*/g, ' '));
  return Array.from(t).length > TITLE_MAX ? `${Array.from(t).slice(0, TITLE_MAX - 1).join('')}…` : t;
}

/**
 * One record per block. The url is relative to the site base (pagefind prefixes the bundle's base);
 * the page builds its links from meta.year and meta.anchor through links().
 */
export function searchRecords(year: number, blocks: ReportBlock[]): SearchRecord[] {
  return blocks.map((b) => {
    const meta: Record<string, string> = { title: shortTitle(b.text), year: String(year), anchor: b.anchor, pos: String(b.pos) };
    if (b.section) meta.section = b.section.title;
    if (b.item) meta.item = '1';
    return {
      url: `${year}/${b.anchor ? `#${b.anchor}` : ''}`,
      content: indexContent(b.text),
      language: 'zh',
      meta,
      filters: { year: [String(year)], kind: [filterKind(b.kind)] },
      sort: { year: String(year), pos: String(b.pos).padStart(5, '0') },
    };
  });
}
