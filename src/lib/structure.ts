// The shape of a report: top-level sections (一、二、三、), their items (一是/二是…) and each item's kind.
import type { SectionKind } from './report-schema.ts';

export type ItemKind = 'work' | 'problems' | 'causes' | 'measures' | 'other';

export const KIND_LABELS: Record<ItemKind, string> = {
  work: '工作情况',
  problems: '存在问题',
  causes: '原因分析',
  measures: '工作措施',
  other: '其他',
};

const NUMERALS = '一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99, enough for any report). */
export function chineseNumeral(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const d = (c: string) => NUMERALS.indexOf(c) + 1; // 0 for 十
  const [a, b, c] = [...s];
  if (s.length === 1) return a === '十' ? 10 : d(a);
  if (s.length === 2) {
    if (a === '十') return d(b) ? 10 + d(b) : undefined;
    return b === '十' && d(a) ? d(a) * 10 : undefined;
  }
  return b === '十' && d(a) && d(c) ? d(a) * 10 + d(c) : undefined;
}

const ITEM_START = /^\s*([一二三四五六七八九十]{1,3})是/;

/** The ordinal of an item paragraph (三是… → 3), or undefined when the paragraph is not an item. */
export function itemOrdinal(text: string): number | undefined {
  const m = ITEM_START.exec(text);
  return m ? chineseNumeral(m[1]) : undefined;
}

/** The item's title: its first sentence, up to and including the first 。 (or the whole text). */
export function itemTitle(text: string): string {
  const t = text.trim();
  const end = t.indexOf('。');
  return end === -1 ? t : t.slice(0, end + 1);
}

/** Inferred from the heading's words; an explicit frontmatter `sections` entry wins. */
export function inferSectionKind(heading: string): SectionKind {
  if (/措施|下一步|思路|打算|计划/.test(heading)) return 'measures';
  if (/问题|不足|差距/.test(heading)) return 'problems';
  if (/情况|成效|工作|做法/.test(heading)) return 'work';
  return 'other';
}

/** The ordinal prefix of a heading: "二、存在的主要问题" → "二". */
export function headingOrdinal(heading: string): string | undefined {
  return /^\s*([一二三四五六七八九十]{1,3})[、.．]/.exec(heading)?.[1];
}

export function sectionKind(heading: string, overrides: Record<string, SectionKind> | undefined): SectionKind {
  const t = heading.trim();
  const ord = headingOrdinal(t);
  return overrides?.[t] ?? (ord ? overrides?.[ord] : undefined) ?? inferSectionKind(t);
}

const CAUSES_INTRO = /原因/;

export interface Block {
  type: 'heading' | 'paragraph';
  text: string;
  /** Metric ids cited in the block through <Stat>. */
  stats?: string[];
}

export interface Paragraph {
  /** The HTML id: the anchor a link lands on. */
  id: string;
  text: string;
  stats: string[];
  /** Set when the paragraph is an item. */
  item?: { ordinal: number; title: string; kind: ItemKind };
}

export interface Section {
  id: string;
  title: string;
  kind: SectionKind;
  paragraphs: Paragraph[];
}

export interface ReportStructure {
  /** Paragraphs before the first heading. */
  intro: Paragraph[];
  sections: Section[];
}

export interface Item extends Paragraph {
  item: NonNullable<Paragraph['item']>;
  section: Section;
}

/**
 * Give every block its place. Anchors are stable under edits elsewhere in the report:
 * an item's id comes from its section number and its own 一是/二是 ordinal (`s2-3`, causes `s2-c3`),
 * other paragraphs are numbered within their section (`s2-p1`, intro `p1`).
 */
export function buildStructure(blocks: Block[], overrides?: Record<string, SectionKind>): { structure: ReportStructure; ids: string[] } {
  const structure: ReportStructure = { intro: [], sections: [] };
  const ids: string[] = [];
  const used = new Set<string>();
  const unique = (id: string) => {
    let out = id;
    for (let n = 2; used.has(out); n++) out = `${id}-${n}`;
    used.add(out);
    return out;
  };
  let section: Section | undefined;
  let inCauses = false;
  let plain = 0;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const n = structure.sections.length + 1;
      section = { id: unique(`s${n}`), title: block.text.trim(), kind: sectionKind(block.text, overrides), paragraphs: [] };
      structure.sections.push(section);
      ids.push(section.id);
      inCauses = false;
      plain = 0;
      continue;
    }
    const text = block.text.trim();
    const ordinal = itemOrdinal(text);
    const stats = block.stats ?? [];
    let para: Paragraph;
    if (section && ordinal !== undefined) {
      const kind: ItemKind = section.kind === 'problems' && inCauses ? 'causes' : section.kind;
      para = { id: unique(`${section.id}-${kind === 'causes' ? 'c' : ''}${ordinal}`), text, stats, item: { ordinal, title: itemTitle(text), kind } };
    } else {
      plain++;
      para = { id: unique(section ? `${section.id}-p${plain}` : `p${plain}`), text, stats };
      if (section?.kind === 'problems' && CAUSES_INTRO.test(text)) inCauses = true;
    }
    (section ? section.paragraphs : structure.intro).push(para);
    ids.push(para.id);
  }
  return { structure, ids };
}

export function items(structure: ReportStructure): Item[] {
  return structure.sections.flatMap((section) => section.paragraphs.filter((p): p is Paragraph & { item: Item['item'] } => !!p.item).map((p) => ({ ...p, section })));
}

export function itemsOfKind(structure: ReportStructure, kind: ItemKind): Item[] {
  return items(structure).filter((i) => i.item.kind === kind);
}

export function allParagraphs(structure: ReportStructure): Paragraph[] {
  return [...structure.intro, ...structure.sections.flatMap((s) => s.paragraphs)];
}
