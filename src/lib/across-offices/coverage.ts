// /coverage/: every series × every year — published (on time or late against the kind's legal date, where the
// report's `published` date is known), missing, or not yet due — with counts per year and per series.
//
// The years: from the earliest year any series has to the latest, every year in between included (a year no
// office published is missing for every office whose span covers it). A series' own span starts at its first
// report: the years before are 未开始 (an office that joined the portal later is not missing 2015). From its first
// report on, a year without a report is missing — a gap inside its span, and a year after its latest that the
// portal reaches (others have it) — unless that year's report is not due yet on `today`.
import { kindById } from '../kinds/index.ts';
import { GOV_INFO_DEADLINE, isOwnGovernment, portalRules, type Deadline, type DeadlineRule } from '../kinds/portal-rules.ts';
import { byGroup, officeRef, orderOffices, type Office, type OfficeRef } from './offices.ts';

export type { Deadline, DeadlineRule };

export type CoverageStatus =
  /** Published by the legal date. */
  | 'on-time'
  /** Published after the legal date. */
  | 'late'
  /** Published; no legal date for the kind, or no `published` date to compare. */
  | 'published'
  /** No report, though the office reports from an earlier year and the year is due. */
  | 'missing'
  /** No report yet, and the year's legal date has not passed on `today`. */
  | 'not-due'
  /** Before the series' first report. */
  | 'not-started';

export const COVERAGE_LABELS: Record<CoverageStatus, string> = {
  'on-time': '按时发布',
  late: '逾期发布',
  published: '已发布',
  missing: '缺失',
  'not-due': '未到期',
  'not-started': '',
};

export interface CoverageCell {
  year: number;
  status: CoverageStatus;
  /** The report's `published` date, when written. */
  published?: string;
  /** The legal date for this office's report of this year, when the kind has one. */
  deadline?: Deadline;
  /** Days after the deadline (late only). */
  daysLate?: number;
  /** Why the status says what it does, as a tooltip reads it. */
  note: string;
}

export interface CoverageCounts {
  /** Reports published (on time, late or of unknown timeliness). */
  published: number;
  onTime: number;
  late: number;
  /** Published with no date to judge it by (no `published`, or a kind without a legal date). */
  undated: number;
  missing: number;
  notDue: number;
}

export interface CoverageRow extends OfficeRef {
  kind: Office['kind'];
  kindName: string;
  /** Judged by the 本级人民政府's deadline (3月31日) rather than a department's (1月31日). */
  ownGovernment: boolean;
  /** One per `CoverageModel.years`. */
  cells: CoverageCell[];
  counts: CoverageCounts;
}

export interface CoverageModel {
  /** Every year from the earliest any series has to the latest, ascending. */
  years: number[];
  /** Series in the portal's order (groups, then organization). */
  rows: CoverageRow[];
  groups: { name: string; rows: CoverageRow[] }[];
  /** Per year, in `years` order. */
  byYear: ({ year: number } & CoverageCounts)[];
  counts: CoverageCounts;
}

export interface CoverageOptions {
  /** portal.yaml's groups, in order. */
  groups?: readonly string[];
  /** The build's date (YYYY-MM-DD): a year whose legal date is after it is 未到期, not 缺失. Without it, every year is due. */
  today?: string;
  /**
   * Whether a series is the 本级人民政府's own (3月31日) rather than a department's (1月31日). Default: `isOwnGovernment`
   * on its organization and title (src/lib/kinds/portal-rules.ts).
   */
  ownGovernment?: (office: Office) => boolean;
  /** The legal date of a kind's report; default: the kind's own (gov-info-disclosure only). */
  deadline?: (office: Office) => DeadlineRule | undefined;
}

const emptyCounts = (): CoverageCounts => ({ published: 0, onTime: 0, late: 0, undated: 0, missing: 0, notDue: 0 });

function add(counts: CoverageCounts, status: CoverageStatus): void {
  if (status === 'on-time') counts.onTime++;
  else if (status === 'late') counts.late++;
  else if (status === 'published') counts.undated++;
  else if (status === 'missing') counts.missing++;
  else if (status === 'not-due') counts.notDue++;
  if (status === 'on-time' || status === 'late' || status === 'published') counts.published++;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const dateText = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** A year's cell for an office: `report` when it has one. */
export function coverageCell(year: number, report: { published?: string } | undefined, span: { first?: number }, deadline: Deadline | undefined, today?: string): CoverageCell {
  const at = deadline ? { deadline } : {};
  if (report) {
    if (!deadline) return { year, status: 'published', ...(report.published && { published: report.published }), note: report.published ? `${dateText(report.published)}发布` : '已发布' };
    if (!report.published) return { year, status: 'published', ...at, note: `已发布，报告未写发布日期（published），无法判断是否在${dateText(deadline.date)}前发布` };
    const late = days(deadline.date, report.published);
    if (late > 0) return { year, status: 'late', published: report.published, ...at, daysLate: late, note: `${dateText(report.published)}发布，晚于${dateText(deadline.date)}（${deadline.basis}）${late} 天` };
    return { year, status: 'on-time', published: report.published, ...at, note: `${dateText(report.published)}发布，在${dateText(deadline.date)}前` };
  }
  if (span.first === undefined || year < span.first) return { year, status: 'not-started', ...at, note: span.first === undefined ? '还没有报告' : `本系列从${span.first}年开始` };
  if (deadline && today && today <= deadline.date) return { year, status: 'not-due', ...at, note: `尚未到期：应于${dateText(deadline.date)}前发布` };
  return { year, status: 'missing', ...at, note: deadline ? `没有${year}年的报告（应于${dateText(deadline.date)}前发布）` : `没有${year}年的报告` };
}

export function coverageModel(offices: readonly Office[], opts: CoverageOptions = {}): CoverageModel {
  const all = offices.flatMap((o) => o.reports.map((r) => r.year));
  const first = all.length ? Math.min(...all) : undefined;
  const last = all.length ? Math.max(...all) : undefined;
  const years = first === undefined || last === undefined ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const own = opts.ownGovernment ?? ((o: Office) => isOwnGovernment(o));
  const ruleOf = opts.deadline ?? ((o: Office) => portalRules(o.kind).deadline);
  const byYear = years.map((year) => ({ year, ...emptyCounts() }));
  const counts = emptyCounts();
  const rows = orderOffices(offices, opts.groups ?? []).map((o): CoverageRow => {
    const reports = new Map(o.reports.map((r) => [r.year, r]));
    const span = { first: o.reports.length ? Math.min(...o.reports.map((r) => r.year)) : undefined };
    const isOwn = own(o);
    const rule = ruleOf(o);
    const rowCounts = emptyCounts();
    const cells = years.map((year, i) => {
      const cell = coverageCell(year, reports.get(year), span, rule?.(year, { organization: o.organization, ownGovernment: isOwn }), opts.today);
      add(rowCounts, cell.status);
      add(byYear[i]!, cell.status);
      add(counts, cell.status);
      return cell;
    });
    return { ...officeRef(o), kind: o.kind, kindName: kindById(o.kind).name, ownGovernment: isOwn, cells, counts: rowCounts };
  });
  const groups = byGroup(rows, opts.groups ?? []).map((g) => ({ name: g.name, rows: g.offices }));
  return { years, rows, groups, byYear, counts };
}

export { GOV_INFO_DEADLINE, isOwnGovernment };
