// The search records of one report, read from its built page: what the edition really shows (stats as
// shown, redacted spans as ■■■), one record per paragraph with its anchor, kind and section.
// A small purpose-built reader for the markup our own report page emits; no HTML parser dependency.
import { itemTitle, type ItemKind } from '../structure/structure.ts';
import { CELL_SEPARATOR, indexContent } from './normalise.ts';
import { NO_GROUP } from './portal-search.ts';
import { reportPath } from './report-path.ts';

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

// One expression per attribute name, made once: a page has hundreds of tags, each asked for several attributes.
const valueOf = new Map<string, RegExp>();
const presenceOf = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = valueOf.get(name);
  if (!re) valueOf.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')));
  const m = re.exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

function hasAttr(attrs: string, name: string): boolean {
  let re = presenceOf.get(name);
  if (!re) presenceOf.set(name, (re = new RegExp(`(?:^|\\s)${name}(?:\\s*=|\\s|$)`, 'i')));
  return re.test(attrs);
}

interface RawBlock {
  tag: string;
  id?: string;
  kind?: string;
  /** class="item": an 一是/二是 paragraph. */
  item: boolean;
  text: string;
}

/**
 * The text with the whitespace around each line break made one `joiner`, and its ends trimmed: what
 * replacing every match of `\s*\n\s*` with `joiner` and trimming gives, in time linear in the text. That
 * expression (used here before) retries from every character of a run of whitespace that holds no line
 * break, so a paragraph with 100 KB of spaces (or 68 K full-width ones) stalled the build for 20 s
 * (issue 28); splitting at the breaks and trimming each line reads every character once. trim() removes
 * exactly the characters `\s` matches.
 */
export function joinLines(text: string, joiner: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(joiner);
}

const isItem = (attrs: string) => /(?:^|\s)item(?:\s|$)/.test(attr(attrs, 'class') ?? '');

/**
 * The direct children of the report text container, each with its visible text. An element inside one
 * that carries `data-search-record` (a table row, an item written inside a paragraph) is a record of its
 * own, with its own id and kind, right after the text of its container before it; a row's cells are
 * joined by CELL_SEPARATOR.
 */
export function rawBlocks(html: string, container = 'report-text'): RawBlock[] {
  const open = new RegExp(`<div\\b[^>]*\\bclass\\s*=\\s*["'][^"']*\\b${container}\\b[^"']*["'][^>]*>`, 'i').exec(html);
  if (!open) return [];
  const tokens = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  tokens.lastIndex = open.index + open[0].length;
  const blocks: RawBlock[] = [];
  const stack: string[] = [];
  let current: RawBlock | undefined;
  // A record nested in the current block (a table row), the stack depth it opened at, and its cells so far.
  let nested: { block: RawBlock; depth: number; cells: number } | undefined;
  let skipDepth = -1;
  let at = tokens.lastIndex;
  const text = (s: string) => {
    const target = nested?.block ?? current;
    if (target && skipDepth === -1) target.text += decodeEntities(s);
  };
  // Blocks are listed when they open, so a container's own text comes before the records inside it.
  const finish = () => {
    current = undefined;
    nested = undefined;
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
      if (nested && stack.length <= nested.depth) nested = undefined;
      else if (BLOCKISH.has(tag) && !(nested && (tag === 'td' || tag === 'th'))) text('\n');
      if (stack.length === 0) finish();
      continue;
    }
    if (VOID.has(tag) || /\/\s*$/.test(attrs)) {
      if (tag === 'br') text('\n');
      continue;
    }
    if (stack.length === 0) {
      current = { tag, id: attr(attrs, 'id'), kind: attr(attrs, 'data-kind'), item: isItem(attrs), text: '' };
      blocks.push(current);
    } else if (current && !nested && skipDepth === -1 && hasAttr(attrs, 'data-search-record')) {
      nested = { block: { tag, id: attr(attrs, 'id'), kind: attr(attrs, 'data-kind') ?? current.kind, item: isItem(attrs), text: '' }, depth: stack.length, cells: 0 };
      blocks.push(nested.block);
    } else if (nested && (tag === 'td' || tag === 'th')) {
      if (nested.cells++ > 0) text(CELL_SEPARATOR);
    } else if (BLOCKISH.has(tag)) text('\n');
    if (skipDepth === -1 && (SKIP.has(tag) || hasAttr(attrs, 'data-pagefind-ignore') || hasAttr(attrs, 'hidden') || attr(attrs, 'aria-hidden') === 'true')) skipDepth = stack.length;
    stack.push(tag);
  }
  return blocks.map((b) => ({ ...b, text: joinLines(b.text, '\n') })).filter((b) => b.text);
}

/** In a portal, whose report a page is: what its `<article class="report">` says. */
export interface ReportSource {
  /** data-series: the series id. */
  series: string;
  /** data-office: the office (site.yaml's organization). */
  office?: string;
  /** data-group: the office's group in portal.yaml (empty or absent: none). */
  group?: string;
}

const ARTICLE = /<article\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/**
 * The series, office and group a report page names on its `<article class="report" data-series=…
 * data-office=… data-group=…>` (values decoded), or undefined when it names no series (a single content folder).
 */
export function reportSource(html: string): ReportSource | undefined {
  for (const m of html.matchAll(ARTICLE)) {
    const attrs = m[1] ?? '';
    if (!(attr(attrs, 'class') ?? '').split(/\s+/).includes('report')) continue;
    const series = attr(attrs, 'data-series')?.trim();
    if (!series) return undefined;
    const office = attr(attrs, 'data-office')?.trim();
    const group = attr(attrs, 'data-group')?.trim();
    return { series, ...(office && { office }), ...(group && { group }) };
  }
  return undefined;
}

/**
 * Paragraph blocks of a report page. Top-level headings (h2) open sections; every other child with an
 * id is a record; a child without one (a list, a table) belongs to the record before it.
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
    if (!b.id && previousInSection) {
      previousInSection.text += `\n${b.text}`;
      continue;
    }
    const block: ReportBlock = { anchor: b.id ?? section?.id ?? '', kind: b.kind ?? sectionKind, item: b.item, text: b.text, section, pos: out.length };
    out.push(block);
    previousInSection = block;
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
  const t = itemTitle(joinLines(text, ' '));
  return Array.from(t).length > TITLE_MAX ? `${Array.from(t).slice(0, TITLE_MAX - 1).join('')}…` : t;
}

/**
 * One record per block. The url is relative to the site base (pagefind prefixes the bundle's base);
 * the page builds its links from meta.year, meta.series and meta.anchor. With a `source` (a portal's
 * report) every record also carries its series and group as filters and its series and office as meta.
 */
export function searchRecords(year: number, blocks: ReportBlock[], source?: ReportSource): SearchRecord[] {
  const path = reportPath({ year, series: source?.series });
  return blocks.map((b) => {
    const meta: Record<string, string> = { title: shortTitle(b.text), year: String(year), anchor: b.anchor, pos: String(b.pos) };
    if (b.section) meta.section = b.section.title;
    if (b.item) meta.item = '1';
    const filters: Record<string, string[]> = { year: [String(year)], kind: [filterKind(b.kind)] };
    if (source) {
      meta.series = source.series;
      if (source.office) meta.office = source.office;
      filters.series = [source.series];
      filters.group = [source.group || NO_GROUP];
    }
    return {
      url: `${path}${b.anchor ? `#${b.anchor}` : ''}`,
      content: indexContent(b.text),
      language: 'zh',
      meta,
      filters,
      sort: { year: String(year), pos: String(b.pos).padStart(5, '0') },
    };
  });
}
