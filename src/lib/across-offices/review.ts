// /review/: every problem `check` finds in the portal, by group → office → year, in the evaluator's terms, each
// linked to its place in the report. The terms come from the problem's `rule` (set by the check that found it,
// src/lib/content/problems.ts), never from its words. The model takes the problems as data (the portal check's
// per-series problems, src/lib/portal/check-portal.ts) and, for anchors, a resolver built from report structures.
import type { Metric, Registry } from '../content/metrics.ts';
import { REVIEW_RULES, type Problem, type ReviewRule, type Severity } from '../content/problems.ts';
import { allParagraphs, citationsOf, type ReportStructure } from '../structure/structure.ts';
import { byGroup, type OfficeRef } from './offices.ts';

export type ReviewTerm = ReviewRule | 'other';

/** The terms in the order the page lists them; 其他 last. */
export const REVIEW_TERMS: readonly ReviewTerm[] = [...REVIEW_RULES, 'other'];

export const REVIEW_TERM_LABELS: Record<ReviewTerm, string> = {
  sum: '勾稽关系不符',
  'table-missing': '表格缺失',
  'carried-over': '上年结转与上年报告不符',
  'layout-year': '版式与年份不符',
  'text-table': '文字与表格数字不一致',
  other: '其他',
};

/** Where an entry links: the series' report of `year` (its page `/<series>/<year>/`) at `anchor`; the series' home without a year. */
export interface ReviewLink {
  series: string;
  year?: number;
  anchor?: string;
}

export interface ReviewEntry {
  term: ReviewTerm;
  label: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** As check gives it, relative to the series (`reports/2024.mdx`, `site.yaml`). */
  file: string;
  line?: number;
  field?: string;
  link: ReviewLink;
}

export type TermCounts = Record<ReviewTerm, number>;

export interface ReviewYear {
  /** undefined: problems of the series itself (site.yaml, metrics.yaml), listed first. */
  year?: number;
  entries: ReviewEntry[];
  counts: TermCounts;
}

export interface ReviewOffice extends OfficeRef {
  /** Series-level first, then years newest first. */
  years: ReviewYear[];
  counts: TermCounts;
  total: number;
}

export interface ReviewGroup {
  name: string;
  /** Offices with problems only, in the portal's order. */
  offices: ReviewOffice[];
  counts: TermCounts;
}

export interface ReviewModel {
  groups: ReviewGroup[];
  /** Problems of the portal itself (portal.yaml, folders that are not series): no link, paths relative to the portal. */
  portal: Omit<ReviewEntry, 'link'>[];
  counts: TermCounts;
  total: number;
}

/** Finds the anchor of a problem in its report, when the page knows the report's structure. */
export type AnchorResolver = (series: string, year: number, problem: Problem) => string | undefined;

export interface ReviewInput {
  /** portal.yaml's groups, in order. */
  groups?: readonly string[];
  /** Every series, with its problems (paths relative to the portal, `zfb-xxgk/reports/2024.mdx`, or to the series). */
  series: readonly (OfficeRef & { problems: readonly Problem[] })[];
  portalProblems?: readonly Problem[];
}

export interface ReviewOptions {
  anchor?: AnchorResolver;
  /** Only these severities (all by default). */
  severities?: readonly Severity[];
}

const zero = (): TermCounts => Object.fromEntries(REVIEW_TERMS.map((t) => [t, 0])) as TermCounts;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function reviewTerm(p: Pick<Problem, 'rule'>): ReviewTerm {
  return p.rule && (REVIEW_RULES as readonly string[]).includes(p.rule) ? p.rule : 'other';
}

/** The file relative to its series: `zfb-xxgk/reports/2024.mdx` → `reports/2024.mdx`. */
function inSeries(series: string, file: string): string {
  return file === series ? '.' : file.startsWith(`${series}/`) ? file.slice(series.length + 1) : file;
}

/** The report year a problem's file is: `reports/2024.mdx` → 2024. */
export function problemYear(file: string): number | undefined {
  const m = /^reports\/(\d{4})\.mdx?$/i.exec(file);
  return m ? Number(m[1]) : undefined;
}

function entry(series: string, p: Problem, anchor?: AnchorResolver): ReviewEntry {
  const file = inSeries(series, p.file);
  const year = problemYear(file);
  const term = reviewTerm(p);
  const at = year !== undefined ? anchor?.(series, year, { ...p, file }) : undefined;
  return {
    term,
    label: REVIEW_TERM_LABELS[term],
    severity: p.severity,
    message: p.message,
    ...(p.hint !== undefined && { hint: p.hint }),
    file,
    ...(p.line !== undefined && { line: p.line }),
    ...(p.field !== undefined && { field: p.field }),
    link: { series, ...(year !== undefined && { year }), ...(at !== undefined && { anchor: at }) },
  };
}

const byTerm = (a: ReviewEntry, b: ReviewEntry) => REVIEW_TERMS.indexOf(a.term) - REVIEW_TERMS.indexOf(b.term) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.line ?? 0) - (b.line ?? 0);

function count(entries: readonly Pick<ReviewEntry, 'term'>[], into = zero()): TermCounts {
  for (const e of entries) into[e.term]++;
  return into;
}

export function reviewModel(input: ReviewInput, opts: ReviewOptions = {}): ReviewModel {
  const keep = (p: Problem) => !opts.severities || opts.severities.includes(p.severity);
  const offices = input.series.map((s): ReviewOffice => {
    const entries = s.problems.filter(keep).map((p) => entry(s.series, p, opts.anchor));
    const years = new Map<number | undefined, ReviewEntry[]>();
    for (const e of entries) {
      const list = years.get(e.link.year) ?? [];
      list.push(e);
      years.set(e.link.year, list);
    }
    const ordered = [...years.entries()].sort(([a], [b]) => (a === undefined ? -1 : b === undefined ? 1 : b - a));
    const { problems: _p, ...ref } = s;
    return { ...ref, years: ordered.map(([year, list]) => ({ ...(year !== undefined && { year }), entries: list.sort(byTerm), counts: count(list) })), counts: count(entries), total: entries.length };
  });
  const groups = byGroup(offices.filter((o) => o.total > 0), input.groups ?? []).map((g) => ({ name: g.name, offices: g.offices, counts: g.offices.reduce((c, o) => count(o.years.flatMap((y) => y.entries), c), zero()) }));
  const portal = (input.portalProblems ?? []).filter(keep).map((p) => entry('', p)).sort(byTerm).map(({ link: _l, ...e }) => e);
  const counts = count(offices.flatMap((o) => o.years.flatMap((y) => y.entries)));
  count(portal, counts);
  return { groups, portal, counts, total: offices.reduce((n, o) => n + o.total, 0) + portal.length };
}

/**
 * The anchor a problem of one report points at on its page, from the report's structure (the one the page shows):
 * - a problem about a figure (`field: stats.<id>`): where the report cites it — its table (s2-t1) first, else the
 *   paragraph or inline item; a figure the report left out (表格缺失) is not cited, so the table that holds the other
 *   figures of its registry group (with `registry`);
 * - a problem on a line: the paragraph, table or heading that line falls in (the last block starting at or before it).
 * `lineOffset` is subtracted from the problem's line (a file line) to get the structure's: pass the report's
 * bodyLineOffset when the structure's lines count from the body (buildStructure over parseBody(report.body)),
 * 0 when they count from the file's first line.
 */
export function reportAnchor(structure: ReportStructure, opts: { registry?: Registry; lineOffset?: number } = {}): (problem: Pick<Problem, 'field' | 'line'>) => string | undefined {
  const blocks = [
    ...structure.sections.map((s) => ({ id: s.id, line: s.line })),
    ...allParagraphs(structure).map((p) => ({ id: p.id, line: p.line })),
  ]
    .filter((b): b is { id: string; line: number } => b.line !== undefined && b.id !== '')
    .sort((a, b) => a.line - b.line);
  const cited = (id: string) => {
    const list = citationsOf(structure, id);
    return (list.find((c) => c.at === 'table') ?? list[0])?.id;
  };
  return (problem) => {
    const metric = problem.field?.startsWith('stats.') ? problem.field.slice('stats.'.length) : undefined;
    if (metric) {
      const at = cited(metric);
      if (at) return at;
      const group = opts.registry?.byId.get(metric)?.group;
      if (group) {
        const others = opts.registry!.metrics.filter((m: Metric) => m.group === group && m.id !== metric);
        for (const m of others) {
          const table = citationsOf(structure, m.id).find((c) => c.at === 'table');
          if (table) return table.id;
        }
      }
    }
    if (problem.line !== undefined) {
      const line = problem.line - (opts.lineOffset ?? 0);
      let found: string | undefined;
      for (const b of blocks) {
        if (b.line > line) break;
        found = b.id;
      }
      return found;
    }
    return undefined;
  };
}
