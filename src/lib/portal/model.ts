// The portal across its series: offices by group (portal.yaml's order), each series with its years, its
// latest year and its check problems. What the portal's home page will show; a pure function of what the
// loader and the check found, so pages and the CLI read the same model.
import { countBySeverity, type Problem, type Severity } from '../content/problems.ts';
import type { SiteConfig } from '../content/site.ts';
import { kindById, type KindId } from '../kinds/index.ts';
import type { PortalConfig } from './portal-schema.ts';

export interface SeriesSummary {
  id: string;
  title?: string;
  organization?: string;
  kind: KindId;
  kindName: string;
  /** One of portal.yaml's groups, or undefined (listed under “未分组”). */
  group?: string;
  /** Years with a readable report, oldest first. */
  years: number[];
  latestYear?: number;
  problems: Record<Severity, number>;
}

export interface PortalGroup {
  name: string;
  series: SeriesSummary[];
}

export interface PortalModel {
  title?: string;
  organization?: string;
  /** portal.yaml's groups in order, each with its series (by organization, then id); empty groups kept. */
  groups: PortalGroup[];
  /** Series with no group, or one portal.yaml does not name. */
  ungrouped: SeriesSummary[];
  /** Every year any series has, oldest first. */
  years: number[];
  latestYear?: number;
}

export const UNGROUPED = '未分组';

/** What the model needs of one series. */
export interface SeriesFacts {
  id: string;
  site?: SiteConfig;
  /** The group as validated against portal.yaml (undefined when missing or unknown). */
  group?: string;
  years: readonly number[];
  problems?: readonly Problem[];
}

export function seriesSummary(s: SeriesFacts): SeriesSummary {
  const kind = kindById(s.site?.kind);
  const years = [...new Set(s.years)].sort((a, b) => a - b);
  return {
    id: s.id,
    title: s.site?.title,
    organization: s.site?.organization,
    kind: kind.id as KindId,
    kindName: kind.name,
    group: s.group,
    years,
    latestYear: years.at(-1),
    problems: countBySeverity([...(s.problems ?? [])]),
  };
}

const byOffice = (a: SeriesSummary, b: SeriesSummary) => (a.organization ?? '').localeCompare(b.organization ?? '', 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function portalModel(config: PortalConfig | undefined, series: readonly SeriesFacts[]): PortalModel {
  const summaries = series.map(seriesSummary).sort(byOffice);
  const names = config?.groups ?? [];
  const groups = names.map((name) => ({ name, series: summaries.filter((s) => s.group === name) }));
  const ungrouped = summaries.filter((s) => s.group === undefined || !names.includes(s.group));
  const years = [...new Set(summaries.flatMap((s) => s.years))].sort((a, b) => a - b);
  return { title: config?.title, organization: config?.organization, groups, ungrouped, years, latestYear: years.at(-1) };
}

/** The groups a page lists: portal.yaml's in order, then 未分组 when a series has no known group; empty groups left out. */
export function listedGroups(model: PortalModel): PortalGroup[] {
  return [...model.groups, ...(model.ungrouped.length ? [{ name: UNGROUPED, series: model.ungrouped }] : [])].filter((g) => g.series.length > 0);
}
