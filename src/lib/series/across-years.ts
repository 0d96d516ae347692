// Reading the reports across years, computed once per build for every page: which problems, causes and
// measures recur (and the short note each carries on its report page), and, for each pair of consecutive
// years, which of the later year's work items most likely follow up each measure of the earlier year.
// A follow-up is a likelihood read from shared words, never a verdict: it comes with its shared terms and a
// strength (较强 / 一般), and "未见落实情况" only says that no work item shares enough words with the measure.
import { coverage, TermModel } from './matching.ts';
import { findRecurrences, normaliseTitle, yearItems, type Recurrence, type YearItem } from './recurrence.ts';
import type { ItemKind, ReportStructure } from '../structure/structure.ts';

export { NEAR } from './recurrence.ts';

export interface YearReport {
  year: number;
  structure: ReportStructure;
}

/** The kinds whose recurrence a report page notes. */
export const NOTED_KINDS: ItemKind[] = ['problems', 'causes', 'measures'];

/**
 * Share of a measure's term weight that a work item must name to be shown as its likely follow-up (fair), and
 * to be called 较强 (strong). Chosen on the labelled pairs from real reports: docs/matching.md.
 */
export const FOLLOW_UP = { strong: 0.3, fair: 0.1 } as const;

/** At most this many work items are shown under one measure. */
export const FOLLOW_UP_MAX = 3;

export interface SeeAlso {
  year: number;
  /** The anchor of the item in that year's report. */
  id: string;
  /** Word for word the same title, or alike (相近). */
  wording: 'same' | 'near';
}

export interface RecurrenceNote {
  /** The item's own title, to tell apart several items of one paragraph. */
  title: string;
  /** The nearest earlier and the nearest later occurrence (never more: the note stays short over 100 years). */
  others: SeeAlso[];
  /** The number of years it appears in, this one included. */
  years: number;
  /** The number of consecutive years it has appeared in up to this one, this one included (1 = not last year). */
  run: number;
  /** Its number in the site's list of recurrences (/measures/#recur-N). */
  recurrence: number;
}

export type Strength = 'strong' | 'fair';

export const STRENGTH_LABELS: Record<Strength, string> = { strong: '较强', fair: '一般' };

export interface FollowUpMatch {
  item: YearItem;
  score: number;
  strength: Strength;
  /** The terms the measure and the work item share, heaviest first: why they were put together. */
  shared: string[];
}

export interface FollowUp {
  measure: YearItem;
  /** Most likely first; empty when no work item shares enough words (未见落实情况). */
  matches: FollowUpMatch[];
}

export interface YearFollowUp {
  /** The year whose measures are followed up (the later year minus one). */
  from: number;
  list: FollowUp[];
}

export interface AcrossYears {
  recurrences: Recurrence<YearItem>[];
  /** year → item anchor → its note; only items that recur. */
  notes: Map<number, Map<string, RecurrenceNote>>;
  /** The later year → the earlier year's measures with their likely follow-ups. Only for consecutive years. */
  followUps: Map<number, YearFollowUp>;
}

/** For each measure, the work items that name enough of what it promised, most likely first. */
export function followUps(measures: YearItem[], work: YearItem[], model: TermModel): FollowUp[] {
  const workDocs = work.map((w) => ({ item: w, doc: model.doc(w.text) }));
  return measures.map((measure) => {
    const m = model.doc(measure.text);
    const matches = workDocs
      .map(({ item, doc }) => ({ item, ...coverage(m, doc) }))
      .filter((x) => x.score >= FOLLOW_UP.fair && x.shared.length > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, FOLLOW_UP_MAX)
      .map((x): FollowUpMatch => ({ item: x.item, score: x.score, strength: x.score >= FOLLOW_UP.strong ? 'strong' : 'fair', shared: x.shared }));
    return { measure, matches };
  });
}

function notesOf(recurrences: Recurrence<YearItem>[]): Map<number, Map<string, RecurrenceNote>> {
  const notes = new Map<number, Map<string, RecurrenceNote>>();
  recurrences.forEach((rec, index) => {
    const years = new Set(rec.years);
    // The first entry of each year stands for that year in the others' notes.
    const firstOfYear = new Map<number, YearItem>();
    for (const e of rec.entries) if (!firstOfYear.has(e.year)) firstOfYear.set(e.year, e);
    for (const e of rec.entries) {
      const i = rec.years.indexOf(e.year);
      const near = [rec.years[i - 1], rec.years[i + 1]].filter((y): y is number => y !== undefined);
      const key = normaliseTitle(e.title);
      const others = near.map((y): SeeAlso => {
        const o = firstOfYear.get(y) as YearItem;
        return { year: y, id: o.id, wording: normaliseTitle(o.title) === key ? 'same' : 'near' };
      });
      let run = 1;
      while (years.has(e.year - run)) run++;
      let byId = notes.get(e.year);
      if (!byId) notes.set(e.year, (byId = new Map()));
      if (!byId.has(e.id)) byId.set(e.id, { title: e.title, others, years: rec.years.length, run, recurrence: index + 1 });
    }
  });
  return notes;
}

/** Everything read across the years, for all pages at once: linear in the number of reports. */
export function acrossYears(reports: YearReport[]): AcrossYears {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const all = sorted.flatMap((r) => yearItems(r.year, r.structure));
  const noted = all.filter((i) => NOTED_KINDS.includes(i.kind));
  const recurrences = findRecurrences(noted, { model: new TermModel(all.map((i) => i.title)) });
  // Follow-ups compare whole items, so their term weights come from whole items.
  const textModel = new TermModel(all.map((i) => i.text));
  const byYear = new Map<number, YearItem[]>();
  for (const i of all) {
    const list = byYear.get(i.year);
    if (list) list.push(i);
    else byYear.set(i.year, [i]);
  }
  const followUpsByYear = new Map<number, YearFollowUp>();
  for (const r of sorted) {
    const earlier = byYear.get(r.year - 1);
    if (!earlier) continue;
    const measures = earlier.filter((i) => i.kind === 'measures');
    const work = (byYear.get(r.year) ?? []).filter((i) => i.kind === 'work');
    followUpsByYear.set(r.year, { from: r.year - 1, list: followUps(measures, work, textModel) });
  }
  return { recurrences, notes: notesOf(recurrences), followUps: followUpsByYear };
}
