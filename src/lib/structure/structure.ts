// The shape of a report: its top-level sections (## 一、二、三、), the items they number in every form
// offices write them (DESIGN.md "Body conventions"), each item's kind and a stable anchor for each.
// One extraction serves every consumer: the build (src/markdown/report-structure.ts), check and import.
//
// Anchors (stable under edits elsewhere: an item's id comes from its numbering, not its position):
//   section                     s3
//   一是 item, in a section      s3-2          causes s2-c1; measures after problems s5-m1
//   （一）item (heading/run-in)   s1-2
//   一是 under a （一）item        s1-2-3        (the 三是 under （二） of section 1)
//   under a sub-point 1./（1）    s1-2-2-4-1    (the sub-points' numbers join the path; they are not items)
//   other paragraphs            s3-p1, intro p1; tables s2-t1
// A number the report repeats (三是 twice) gets a letter: s5-3, s5-3b.
import type { SectionKind } from '../content/report-schema.ts';
import { firstSentence, inlineTitle, itemTitle, leadingMarker, shiMarkers, stripOrdinal, type Marker, type MarkerStyle } from './numbering.ts';
import { DEFAULT_SECTION_WORDS, inferSectionKind, mentions, sectionKind, type SectionWords } from './section-kinds.ts';

export { chineseNumeral, itemOrdinal, itemTitle, stripOrdinal } from './numbering.ts';
export { DEFAULT_SECTION_WORDS, headingOrdinal, inferSectionKind, sectionKind, type SectionWords } from './section-kinds.ts';

export type ItemKind = 'work' | 'problems' | 'causes' | 'measures' | 'other';

export const KIND_LABELS: Record<ItemKind, string> = {
  work: '工作情况',
  problems: '存在问题',
  causes: '原因分析',
  measures: '工作措施',
  other: '其他',
};

/** A block's kind on the page (data-kind): an item kind, or intro before the first section. */
export type BlockKind = ItemKind | 'intro';

/**
 * How the report writes the item: `yishi` a paragraph that starts with 一是 and holds only that item; `inline`
 * one of the 一是 inside a paragraph (also when it starts with 一是); `paren-heading` a （一） sub-heading (### or
 * a line of its own); `paren-runin` a paragraph that starts with （一）and runs on after its title.
 * (The names of the real-report answer keys, test/fixtures/real/README.md.)
 */
export type ItemForm = 'yishi' | 'inline' | 'paren-heading' | 'paren-runin';

/** One top-level block of the body, as its text reads on the page. */
export interface Block {
  type: 'heading' | 'paragraph' | 'list' | 'table' | 'other';
  /** Heading level: 2 (the default) opens a section, 3 and deeper are sub-headings. */
  depth?: number;
  text: string;
  /** Metric ids cited in the block through <Stat>. */
  stats?: string[];
  /** Where in `text` each cited stat stands, so an item inside a paragraph knows its own. */
  statOffsets?: { id: string; offset: number }[];
  /** Line in the file or body, carried to the structure for messages. */
  line?: number;
}

export interface ItemInfo {
  ordinal: number;
  title: string;
  kind: ItemKind;
  form: ItemForm;
  /** 1: directly in its section; 2: under a （一）item. */
  depth: number;
  /** The id of the （一）item this one is under. */
  parent?: string;
  /** The item's own text as a list shows it: its block(s), sub-points and body, without the items nested in it. */
  body: string;
}

export interface Paragraph {
  /** The HTML id: the anchor a link lands on. */
  id: string;
  /** The block's text (with the list that follows it, which belongs to it). */
  text: string;
  stats: string[];
  kind: BlockKind;
  /** Set when the block is an item. */
  item?: ItemInfo;
  /** Items written inside this paragraph (一是……二是……), each with its own anchor on a span. */
  inline?: InlineItem[];
  /** The item this block belongs to without being one: a sub-point, a paragraph or table under a （一）item. */
  of?: string;
  /** A sub-heading (###) or a table; a paragraph otherwise. */
  block?: 'heading' | 'table';
  line?: number;
}

export interface InlineItem {
  id: string;
  /** The item's run of text: from its 一是 to the next item (or the paragraph's end). */
  text: string;
  stats: string[];
  kind: ItemKind;
  item: ItemInfo;
  /** The run's place in the paragraph's text (as given to buildStructure, untrimmed): [start, end). */
  start: number;
  end: number;
  line?: number;
}

export interface Section {
  id: string;
  title: string;
  kind: SectionKind;
  paragraphs: Paragraph[];
  line?: number;
}

export interface ReportStructure {
  /** Paragraphs before the first heading. */
  intro: Paragraph[];
  sections: Section[];
}

/** An item of any form, with its section. `text` is the item's own text (ItemInfo.body). */
export interface Item {
  id: string;
  text: string;
  stats: string[];
  kind: BlockKind;
  item: ItemInfo;
  section: Section;
  line?: number;
}

export interface StructureOptions {
  /** The frontmatter `sections` override: by ordinal (二) or full heading. */
  sections?: Record<string, SectionKind>;
  /** Section words of the report's kind (src/lib/kinds/); the defaults otherwise. */
  words?: SectionWords;
}

/** What each input block became, in input order: its section, paragraph, or nothing (a list, other blocks). */
export type Placed = { section: Section } | { paragraph: Paragraph } | { attachedTo?: string } | undefined;

const SUB_POINT: MarkerStyle[] = ['num', 'paren-num', 'circled'];
// “以下措施”, “以下几个方面”, “如下几点” — not “5万元以下的项目”.
const LEAD_OUT = /(以下|如下)[几个一二三四五六七八九十\d项条点方面]{0,4}(方面|措施|举措|工作|原因|问题|内容|点|条|项)|如下[。：:]?$/u;

/** A sentence that announces a list: “……采取以下措施加以改进：”, “原因主要有以下几点。” */
function announcesList(sentence: string): boolean {
  return /[：:]\s*$/u.test(sentence) || LEAD_OUT.test(sentence.trim());
}

/** The last sentence of a run when it announces what follows rather than belonging to the item: its start. */
function leadOutStart(run: string, titleLength: number): number | undefined {
  const t = run.replace(/\s+$/u, '');
  const ends = [...t.matchAll(/[。！？!?]/gu)].map((m) => (m.index as number) + 1).filter((i) => i < t.length);
  const start = ends.at(-1);
  if (start === undefined || start < titleLength) return undefined;
  return announcesList(t.slice(start)) ? start : undefined;
}

interface SubScope {
  style: MarkerStyle;
  ordinal: number;
}

/**
 * Give every block its place. `ids` holds each block's anchor in input order ('' for lists and other
 * blocks, which have none); `placed` what each became.
 */
export function buildStructure(blocks: Block[], options: StructureOptions | Record<string, SectionKind> = {}): { structure: ReportStructure; ids: string[]; placed: Placed[] } {
  const opts: StructureOptions = 'sections' in options || 'words' in options ? (options as StructureOptions) : { sections: options as Record<string, SectionKind> };
  const words = opts.words ?? DEFAULT_SECTION_WORDS;
  const structure: ReportStructure = { intro: [], sections: [] };
  const ids: string[] = [];
  const placed: Placed[] = [];
  const used = new Set<string>();
  const unique = (id: string) => {
    let out = id;
    for (let n = 1; used.has(out); n++) out = `${id}${n < 25 ? String.fromCharCode(97 + n) : `x${n}`}`;
    used.add(out);
    return out;
  };

  let section: Section | undefined;
  let plain = 0;
  let tables = 0;
  // The kind new blocks take, and what may change it (DESIGN.md: causes after 原因, measures after 下一步/改进/将).
  let mode: ItemKind = 'other';
  let mixed = false;
  let switched = false;
  let problemsLike = false;
  // Open scopes: the （一）item, the sub-points (1./（1）/①) inside it or the section, the last 一是 paragraph.
  let paren: Paragraph | undefined;
  let parenHeadingDepth: number | undefined;
  let subs: SubScope[] = [];
  let openShi: ItemInfo | undefined;
  let openShiId = '';
  // What a following list belongs to: the last record, and the item whose text it joins.
  let last: { id: string; text: string; stats: string[] } | undefined;
  let lastOwner: ItemInfo | undefined;
  let lastSeq = 0;

  const closeParen = () => {
    paren = undefined;
    parenHeadingDepth = undefined;
    subs = [];
    openShi = undefined;
    lastSeq = 0;
  };
  const toMeasures = () => {
    switched = true;
    mode = 'measures';
  };

  /** Text that is nobody's item (a plain paragraph, a lead-in, a closing sentence) may change the kind. */
  const leadIn = (text: string) => {
    if (mixed && !switched && mentions(text, words.measuresFrom)) toMeasures();
    else if (problemsLike && mode === 'problems' && mentions(text, words.causes)) mode = 'causes';
  };
  /** A sub-heading's words set the kind of what it heads. */
  const subheading = (title: string) => {
    const bare = stripOrdinal(title).replace(/[。：:；;]$/u, '');
    const said = inferSectionKind(bare, words);
    if (!problemsLike) {
      // In a work or measures section only a plain “（五）存在的问题” / “（六）下一步打算” changes the kind.
      const short = [...bare].length <= 12;
      if (said === 'problems-then-measures' && short) {
        problemsLike = mixed = true;
        switched = false;
        mode = 'problems';
      } else if (said === 'problems' && short && /^(存在|(主要)?(问题|不足))/u.test(bare)) {
        // From here on the section reads like “存在的问题及改进”: problems, then what will be done.
        problemsLike = mixed = true;
        switched = false;
        mode = 'problems';
      } else if (said === 'measures' && short) mode = 'measures';
      return;
    }
    if (mixed && !switched && (said === 'measures' || mentions(bare, words.measuresFrom))) toMeasures();
    else if (mode !== 'measures') {
      if (mentions(bare, words.causes)) mode = 'causes';
      else if (said === 'problems' || said === 'problems-then-measures') mode = 'problems';
    }
  };
  /** An item that opens with 下一步/今后/将… is a measure, and so is everything after it. */
  const itemOpening = (title: string) => {
    if (mixed && !switched && words.measuresFrom.some((w) => w && stripOrdinal(title).startsWith(w))) toMeasures();
  };

  const path = () => [paren ? paren.id : (section as Section).id, ...subs.map((s) => String(s.ordinal))].join('-');
  // Causes (c) and, outside a measures section, measures (m) number on their own: s2-c1, s5-m1.
  const prefix = (kind: ItemKind, parentKind: BlockKind | undefined) =>
    kind === 'causes' && parentKind !== 'causes' ? 'c' : kind === 'measures' && section?.kind !== 'measures' && parentKind !== 'measures' ? 'm' : '';
  const itemId = (kind: ItemKind, ordinal: number) => unique(`${path()}-${prefix(kind, paren?.kind)}${ordinal}`);
  const info = (ordinal: number, title: string, kind: ItemKind, form: ItemForm, body: string): ItemInfo => ({
    ordinal,
    title,
    kind,
    form,
    depth: paren ? 2 : 1,
    ...(paren && { parent: paren.id }),
    body,
  });
  const addBody = (owner: ItemInfo | undefined, text: string) => {
    if (owner && text) owner.body = owner.body ? `${owner.body}\n${text}` : text;
  };
  const push = (p: Paragraph, i: number) => {
    (section ? section.paragraphs : structure.intro).push(p);
    ids[i] = p.id;
    placed[i] = { paragraph: p };
  };
  const plainId = () => {
    plain++;
    return unique(section ? `${section.id}-p${plain}` : `p${plain}`);
  };

  /** The 一是 markers in `text` from `from` on that are items; a lone one must look like the start of a list. */
  const acceptedMarkers = (text: string, from: number, next: Block | undefined, afterTitle = false): Marker[] => {
    const found = shiMarkers(text).filter((m) => m.start >= from);
    if (found.length !== 1) return found;
    const m = found[0] as Marker;
    const before = text.slice(from, m.start).replace(/\s+$/u, '');
    // “（一）加强学习。一是……”: right after a （一）title, a lone 一是 opens its list.
    const announced = before === '' || /[：:]$/u.test(before) || (afterTitle && /^[^。]*。$/u.test(before));
    const continues = lastSeq > 0 && m.ordinal === lastSeq + 1;
    const opensList = m.ordinal === 1 && next?.type === 'paragraph' && leadingOrFirstShi(next.text) === 2;
    return announced || continues || opensList ? found : [];
  };

  /** The items inside one paragraph, from its markers; the last one's closing “以下……：” sentence is not its. */
  const inlineRuns = (raw: string, markers: Marker[], stats: Block['statOffsets'], line: number | undefined) => {
    const out: InlineItem[] = [];
    let leadOut = '';
    const textEnd = raw.replace(/\s+$/u, '').length;
    markers.forEach((m, k) => {
      let end = markers[k + 1]?.start ?? textEnd;
      let run = raw.slice(m.start, end).replace(/\s+$/u, '');
      const title = inlineTitle(run);
      if (k === markers.length - 1) {
        const cut = leadOutStart(run, title.length);
        if (cut !== undefined) {
          leadOut = run.slice(cut).trim();
          run = run.slice(0, cut).replace(/\s+$/u, '');
        }
      }
      end = m.start + run.length;
      itemOpening(title);
      const kind = mode;
      const id = itemId(kind, m.ordinal);
      const runStats = [...new Set((stats ?? []).filter((s) => s.offset >= m.start && s.offset < end).map((s) => s.id))];
      out.push({ id, text: run, stats: runStats, kind, item: info(m.ordinal, title, kind, 'inline', run), start: m.start, end, ...(line !== undefined && { line }) });
      lastSeq = m.ordinal;
    });
    if (leadOut) leadIn(leadOut);
    const lastItem = out.at(-1) as InlineItem;
    last = lastItem;
    lastOwner = lastItem.item;
    return { items: out, leadOut };
  };

  blocks.forEach((block, i) => {
    ids[i] = '';
    placed[i] = undefined;
    const raw = block.text;
    const text = raw.trim();
    const stats = block.stats ?? [];
    const at = block.line !== undefined ? { line: block.line } : {};

    if (block.type === 'heading' && (block.depth ?? 2) === 2) {
      const n = structure.sections.length + 1;
      const kind = sectionKind(text, opts.sections, words);
      section = { id: unique(`s${n}`), title: text, kind, paragraphs: [], ...at };
      structure.sections.push(section);
      ids[i] = section.id;
      placed[i] = { section };
      plain = 0;
      tables = 0;
      closeParen();
      last = lastOwner = undefined;
      mixed = kind === 'problems-then-measures';
      problemsLike = mixed || kind === 'problems';
      switched = false;
      mode = mixed ? 'problems' : (kind as ItemKind);
      return;
    }
    if (block.type === 'other' || (block.type === 'heading' && (block.depth ?? 2) < 2)) return;

    if (block.type === 'list' && last) {
      // A list belongs to what it follows: the 一是 item (or the last item inside the paragraph) before it.
      last.text = last.text ? `${last.text}\n${text}` : text;
      for (const s of stats) if (!last.stats.includes(s)) last.stats.push(s);
      addBody(lastOwner, text);
      placed[i] = { attachedTo: last.id };
      return;
    }

    if (block.type === 'list') {
      const p: Paragraph = { id: plainId(), text, stats, kind: section ? mode : 'intro', ...(paren && { of: paren.id }), ...at };
      push(p, i);
      last = p;
      lastOwner = paren?.item;
      return;
    }

    if (!section) {
      const kind = block.type === 'table' ? 'table' : block.type === 'heading' ? 'heading' : undefined;
      const p: Paragraph = { id: kind === 'table' ? unique(`t${++tables}`) : plainId(), text, stats, kind: 'intro', ...(kind && { block: kind }), ...at };
      push(p, i);
      last = p;
      lastOwner = undefined;
      return;
    }

    if (block.type === 'table') {
      const owner = openShi ? openShiId : paren?.id;
      const p: Paragraph = { id: unique(`${section.id}-t${++tables}`), text, stats, kind: openShi?.kind ?? mode, block: 'table', ...(owner && { of: owner }), ...at };
      push(p, i);
      return;
    }

    const isHeading = block.type === 'heading';
    const depth = block.depth ?? 2;
    const marker = leadingMarker(raw);
    const subPoint = marker !== undefined && SUB_POINT.includes(marker.style);

    // A sub-heading closes the （一）item it does not sit under.
    if (isHeading && paren && marker?.style !== 'paren' && !subPoint && (parenHeadingDepth === undefined || depth <= parenHeadingDepth)) closeParen();

    // （一）…: an item heading what follows, up to the next （二） or a heading of its level.
    if (marker?.style === 'paren') {
      closeParen();
      const inner = isHeading ? [] : acceptedMarkers(raw, marker.end, blocks[i + 1], true);
      const titleEnd = inner[0]?.start ?? raw.length;
      const head = raw.slice(0, titleEnd).trim();
      const title = itemTitle(head);
      subheading(title);
      if (head.length > title.length) leadIn(head.slice(title.length));
      const kind = mode;
      const form: ItemForm = (isHeading || head === title) && !inner.length ? 'paren-heading' : 'paren-runin';
      const id = unique(`${section.id}-${prefix(kind, undefined)}${marker.ordinal}`);
      const p: Paragraph = { id, text, stats, kind, item: { ordinal: marker.ordinal, title, kind, form, depth: 1, body: head }, ...(isHeading && { block: 'heading' as const }), ...at };
      push(p, i);
      paren = p;
      parenHeadingDepth = isHeading ? depth : undefined;
      last = p;
      lastOwner = p.item;
      if (inner.length) {
        const { items, leadOut } = inlineRuns(raw, inner, block.statOffsets, block.line);
        p.inline = items;
        addBody(p.item, leadOut);
      }
      return;
    }

    // 1./（1）/①: a sub-point, part of the item it is under; its number joins the anchors of items inside it.
    if (subPoint) {
      const scope = subs.findIndex((s) => s.style === marker.style);
      let owner: ItemInfo | undefined;
      if (scope >= 0) {
        subs = [...subs.slice(0, scope), { style: marker.style, ordinal: marker.ordinal }];
        openShi = undefined;
        lastSeq = 0;
      } else if (openShi) owner = openShi;
      else {
        subs = [...subs, { style: marker.style, ordinal: marker.ordinal }];
        lastSeq = 0;
      }
      const of = owner ? openShiId : paren?.id;
      const p: Paragraph = { id: plainId(), text, stats, kind: owner?.kind ?? mode, ...(of && { of }), ...(isHeading && { block: 'heading' as const }), ...at };
      push(p, i);
      last = p;
      lastOwner = owner ?? paren?.item;
      const inner = isHeading || owner ? [] : acceptedMarkers(raw, marker.end, blocks[i + 1]);
      if (inner.length) {
        const lead = raw.slice(0, (inner[0] as Marker).start).trim();
        const { items, leadOut } = inlineRuns(raw, inner, block.statOffsets, block.line);
        p.inline = items;
        p.kind = (items[0] as InlineItem).kind;
        addBody(paren?.item, [lead, leadOut].filter(Boolean).join(''));
      } else addBody(owner ?? paren?.item, text);
      return;
    }

    // 一是…: an item paragraph — unless more items follow inside it: then each is an inline item.
    if (marker?.style === 'shi' && !isHeading) {
      const more = shiMarkers(raw).filter((m) => m.start >= marker.end);
      openShi = undefined;
      if (more.length === 0) {
        const title = itemTitle(text);
        itemOpening(title);
        const kind = mode;
        const id = itemId(kind, marker.ordinal);
        const p: Paragraph = { id, text, stats, kind, item: info(marker.ordinal, title, kind, 'yishi', text), ...(paren && { of: paren.id }), ...at };
        push(p, i);
        openShi = p.item;
        openShiId = id;
        last = p;
        lastOwner = p.item;
        lastSeq = marker.ordinal;
        return;
      }
      const p: Paragraph = { id: plainId(), text, stats, kind: mode, ...(paren && { of: paren.id }), ...at };
      push(p, i);
      const { items, leadOut } = inlineRuns(raw, [marker, ...more], block.statOffsets, block.line);
      p.inline = items;
      p.kind = (items[0] as InlineItem).kind;
      addBody(paren?.item, leadOut);
      return;
    }

    // Anything else: a plain paragraph or sub-heading, and the lead-in of the items it may hold.
    openShi = undefined;
    const inner = isHeading ? [] : acceptedMarkers(raw, 0, blocks[i + 1]);
    const p: Paragraph = { id: plainId(), text, stats, kind: mode, ...(paren && { of: paren.id }), ...(isHeading && { block: 'heading' as const }), ...at };
    push(p, i);
    last = p;
    lastOwner = paren?.item;
    if (inner.length) {
      const lead = raw.slice(0, (inner[0] as Marker).start).trim();
      leadIn(lead);
      p.kind = mode;
      const { leadOut, items } = inlineRuns(raw, inner, block.statOffsets, block.line);
      p.inline = items;
      addBody(paren?.item, [lead, leadOut].filter(Boolean).join(''));
      return;
    }
    if (isHeading) subheading(text);
    else {
      // The paragraph takes the new kind when its first sentence says so (“2024年，我区将采取以下措施加以改进：”).
      leadIn(firstSentence(text));
      p.kind = mode;
      leadIn(text);
    }
    p.kind = isHeading ? mode : p.kind;
    addBody(paren?.item, text);
  });

  return { structure, ids, placed };
}

/** The ordinal of the first 一是 that starts a paragraph or stands inside it. */
function leadingOrFirstShi(text: string): number | undefined {
  return shiMarkers(text)[0]?.ordinal;
}

/** Blocks from a rendered body (src/lib/structure/report-text.ts), for check and import. */
export function structureBlocks(rendered: { type: string; depth?: number; text: string; line?: number; node?: string }[]): Block[] {
  return rendered.map((r) => {
    const type: Block['type'] = r.type === 'heading' ? 'heading' : r.type === 'paragraph' ? 'paragraph' : r.node === 'list' ? 'list' : r.node === 'table' ? 'table' : 'other';
    return { type, ...(r.depth !== undefined && { depth: r.depth }), text: r.text, ...(r.line !== undefined && { line: r.line }) };
  });
}

/** Every item in report order, nested ones right after the item they are under, inline ones in place. */
export function items(structure: ReportStructure): Item[] {
  const out: Item[] = [];
  for (const section of structure.sections) {
    for (const p of section.paragraphs) {
      if (p.item) out.push({ id: p.id, text: p.item.body, stats: p.stats, kind: p.kind, item: p.item, section, ...(p.line !== undefined && { line: p.line }) });
      for (const x of p.inline ?? []) out.push({ id: x.id, text: x.item.body, stats: x.stats, kind: x.kind, item: x.item, section, ...(x.line !== undefined && { line: x.line }) });
    }
  }
  return out;
}

/**
 * The report's numbered lists, each in order: items that number one after another — the 一是… of one
 * section, （一）item or sub-point (causes and measures after problems on their own), or the （一）…
 * of one section. A list may start again at 一 (a new list after a lead-in).
 */
export function numberedRuns(structure: ReportStructure): Item[][] {
  const runs = new Map<string, Item[]>();
  for (const it of items(structure)) {
    const paren = it.item.form === 'paren-heading' || it.item.form === 'paren-runin';
    // The id without its own number: s1-2-3 → s1-2-, s2-c1 → s2-c, s5-3b → s5-.
    const key = `${paren ? 'paren' : 'shi'}:${it.id.replace(/\d+[a-z]?$/u, '')}`;
    const run = runs.get(key);
    if (run) run.push(it);
    else runs.set(key, [it]);
  }
  return [...runs.values()];
}

export function itemsOfKind(structure: ReportStructure, kind: ItemKind): Item[] {
  return items(structure).filter((i) => i.item.kind === kind);
}

export interface ItemNode extends Item {
  children: Item[];
}

/** A section's items as the contents shows them: the top-level ones, each with the items under it. */
export function itemTree(section: Section): ItemNode[] {
  const all = items({ intro: [], sections: [section] });
  const top: ItemNode[] = [];
  const byId = new Map<string, ItemNode>();
  for (const it of all) {
    const parent = it.item.parent ? byId.get(it.item.parent) : undefined;
    if (parent) parent.children.push(it);
    else {
      const node = { ...it, children: [] };
      top.push(node);
      byId.set(it.id, node);
    }
  }
  return top;
}

export function allParagraphs(structure: ReportStructure): Paragraph[] {
  return [...structure.intro, ...structure.sections.flatMap((s) => s.paragraphs)];
}

export interface Citation {
  /** The anchor: the inline item when the figure stands in one, else the block. */
  id: string;
  text: string;
  /** What the anchor is: a table, an item written inside a paragraph, or a paragraph. */
  at: 'table' | 'item' | 'paragraph';
}

/**
 * Where the report cites a metric: the inline items that hold it, or else the block itself. A table's anchor
 * (s2-t1) is the one the table renderer gives it (src/markdown/remark-report-tables.ts numbers them alike).
 */
export function citationsOf(structure: ReportStructure, metricId: string): Citation[] {
  const out: Citation[] = [];
  for (const p of allParagraphs(structure)) {
    if (!p.stats.includes(metricId)) continue;
    const inside = (p.inline ?? []).filter((x) => x.stats.includes(metricId));
    if (inside.length) for (const x of inside) out.push({ id: x.id, text: x.text, at: 'item' });
    else out.push({ id: p.id, text: p.text, at: p.block === 'table' ? 'table' : 'paragraph' });
  }
  return out;
}

/** How many items of each kind a section holds, every form counted. */
export function itemCounts(section: Section): Map<ItemKind, number> {
  const counts = new Map<ItemKind, number>();
  for (const it of items({ intro: [], sections: [section] })) counts.set(it.item.kind, (counts.get(it.item.kind) ?? 0) + 1);
  return counts;
}
