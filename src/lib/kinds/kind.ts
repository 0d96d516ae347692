// What a kind of report brings (DESIGN.md "Kinds"): its metric registry, its section words, its
// checks, and what `npm run init` and `npm run new` write for it. Each kind is one module of data.
import type { MetricInput, Registry, RuleInput } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import type { SectionKind } from '../content/report-schema.ts';
import type { StatValue } from '../content/stat.ts';
import type { Layout } from './layouts.ts';

// How a heading's words give its section kind: one definition, with the defaults (../section-kinds.ts).
import type { SectionWords } from '../structure/section-kinds.ts';
export type { SectionWords };

export interface KindReport {
  /** Path relative to the content folder, e.g. reports/2023.mdx. */
  file: string;
  /** The MDX body and the file line it starts after, for checks that read the prose (gov-info-text.ts). */
  body?: string;
  bodyLineOffset?: number;
  year: number;
  data: { stats: Record<string, StatValue>; layout?: string };
}

/**
 * A check of one kind: the problems it finds in one report, read with the folder's registry as the report's
 * layout sees it (layouts.ts), and with the report of the year before when there is one.
 */
export type KindCheck = (report: KindReport, registry: Registry, previous?: KindReport) => Problem[];

export interface Kind {
  id: string;
  /** What offices call the report, e.g. 政府信息公开工作年度报告. */
  name: string;
  /** The registry `npm run init` writes: metrics and sum rules, in the order they are written. */
  metrics: MetricInput[];
  rules: RuleInput[];
  /** The versions of the kind's format, oldest first, each in force for a span of years; none for most kinds. */
  layouts: Layout[];
  /** Comment lines at the head of metrics.yaml (without the leading #), before the field guide. */
  registryIntro: string[];
  sectionWords: SectionWords;
  checks: KindCheck[];
  /** site.yaml placeholders (each starts with PLACEHOLDER) and the next steps of the README. */
  site: { title: string; organization: string; description: string };
  /**
   * A new report with no earlier one to copy from: its title ({organization}, {year}), its headings, and
   * the standard tables written under the heading that contains `under`.
   */
  report: {
    title: string;
    headings: string[];
    tables?: ReportTable[];
    /** Per layout id (a kind with layouts): the headings and tables of a year in that layout, where they differ. */
    layouts?: Record<string, { headings?: string[]; tables?: ReportTable[] }>;
  };
}

/**
 * A standard table a new report is given: written under the first heading that contains `under`; when none does
 * and `heading` is set, under a heading of its own at the end. `mdx` gets the report's year (a 统计表 names it).
 */
export interface ReportTable {
  under: string;
  heading?: string;
  mdx: (year: number) => string;
}

/** Marks text that `npm run init` wrote for the author to replace. */
export const PLACEHOLDER = '【请填写】';
