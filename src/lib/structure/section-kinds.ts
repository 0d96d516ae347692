// What a top-level section holds, read from its heading's words (DESIGN.md "Body conventions"):
// work, problems, measures, other, or problems and then measures (“五、存在的主要问题及改进情况”).
// The words are data: a report kind (src/lib/kinds/) may bring its own; these are the defaults.
import type { SectionKind } from '../content/report-schema.ts';

export interface SectionWords {
  /**
   * Heading words per section kind. `problems-then-measures` and `other` words win wherever they stand;
   * otherwise the heading's head word decides — the matching word that ends last, as Chinese puts the head
   * noun last (“问题线索处置情况” is work, “下一步工作思路和主要措施” measures); the order breaks ties.
   */
  headings: { kind: SectionKind; words: string[] }[];
  /** In a problems section, the items after a paragraph (or a sub-heading) that mentions one of these are causes. */
  causes: string[];
  /**
   * In a problems-then-measures section, where the measures begin: a lead-in (a paragraph that is not an
   * item, the text before a paragraph's first 一是, a closing “以下/如下……：” sentence) that contains one of
   * these, a （一）sub-heading whose words say measures or contain one, or an item that starts with one.
   */
  measuresFrom: string[];
}

export const DEFAULT_SECTION_WORDS: SectionWords = {
  headings: [
    { kind: 'problems-then-measures', words: ['问题及改进', '问题和改进', '问题与改进', '问题及整改', '问题和整改', '问题与整改', '问题及下一步', '问题和下一步'] },
    { kind: 'measures', words: ['措施', '下一步', '下步', '思路', '打算', '安排', '计划', '改进', '目标任务', '努力方向'] },
    { kind: 'problems', words: ['问题', '不足', '差距'] },
    { kind: 'work', words: ['情况', '回顾', '总结', '成效', '工作', '做法', '成绩'] },
    { kind: 'other', words: ['其他', '其它'] },
  ],
  causes: ['原因'],
  measuresFrom: ['下一步', '下步', '改进', '将', '今后'],
};

/** Between a problems word and a measures word, one of these makes the heading name both (“问题及改进”). */
const AND = /[及和与、并暨]/u;

interface Hit {
  kind: SectionKind;
  start: number;
  end: number;
  order: number;
}

function hits(heading: string, words: SectionWords): Hit[] {
  const out: Hit[] = [];
  words.headings.forEach(({ kind, words: list }, order) => {
    for (const w of list) {
      if (!w) continue;
      for (let i = heading.indexOf(w); i !== -1; i = heading.indexOf(w, i + 1)) out.push({ kind, start: i, end: i + w.length, order });
    }
  });
  return out;
}

/** Inferred from the heading's words; an explicit frontmatter `sections` entry wins (sectionKind). */
export function inferSectionKind(heading: string, words: SectionWords = DEFAULT_SECTION_WORDS): SectionKind {
  const found = hits(heading, words);
  const sticky = found.filter((h) => h.kind === 'problems-then-measures' || h.kind === 'other').sort((a, b) => a.order - b.order)[0];
  if (sticky) return sticky.kind;
  const problems = found.filter((h) => h.kind === 'problems');
  const measures = found.filter((h) => h.kind === 'measures');
  if (problems.some((p) => measures.some((m) => m.start >= p.end && AND.test(heading.slice(p.end, m.start))))) return 'problems-then-measures';
  const head = found.sort((a, b) => b.end - a.end || b.end - b.start - (a.end - a.start) || a.order - b.order)[0];
  return head?.kind ?? 'other';
}

/** The ordinal prefix of a heading: "二、存在的主要问题" → "二". */
export function headingOrdinal(heading: string): string | undefined {
  return /^\s*([一二三四五六七八九十]{1,3})[、.．]/u.exec(heading)?.[1];
}

/** The frontmatter `sections` override (by full heading or by ordinal), else the inferred kind. */
export function sectionKind(heading: string, overrides: Record<string, SectionKind> | undefined, words?: SectionWords): SectionKind {
  const t = heading.trim();
  const ord = headingOrdinal(t);
  // Own keys only: a heading such as “constructor” must not find Object.prototype's members.
  const own = (key: string) => (overrides && Object.hasOwn(overrides, key) ? overrides[key] : undefined);
  return own(t) ?? (ord ? own(ord) : undefined) ?? inferSectionKind(t, words);
}

/** True when the text contains one of the words. */
export function mentions(text: string, list: readonly string[]): boolean {
  return list.some((w) => w !== '' && text.includes(w));
}
