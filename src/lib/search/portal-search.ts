// The search page of a portal (DESIGN.md, Portal): one index over every series, with office (series) and
// group filters beside year and kind. What the page is told about the portal's offices, the URL's
// series/group checked against it, and the order and names results are shown with. Pure, and safe for
// the browser (no imports that carry code).
import type { Hit } from './hits.ts';
import type { SearchState } from './url-state.ts';

/** The group of an office portal.yaml does not group: the portal's own word for it (src/lib/portal/model.ts UNGROUPED). */
export const NO_GROUP = '未分组';

/** One series as the search page lists it. */
export interface PortalSeries {
  id: string;
  /** The office (site.yaml's organization); the id when not given. */
  office: string;
  /** Its group, NO_GROUP when it has none. */
  group: string;
}

export interface PortalInfo {
  /** In the portal's order (by group, as its home page lists them). */
  series: PortalSeries[];
  /** Group names in order, NO_GROUP last when some series has no group. */
  groups: string[];
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * The portal as the search page's root element describes it (its dataset: `data-portal`,
 * `data-series-list` = JSON [{"id","office","group"}…], `data-groups` = JSON ["group"…]); undefined when
 * the page has no `data-portal` (a single content folder). A list that is missing or malformed reads as
 * empty rather than stopping the page: results still name their office from the index.
 */
export function readPortal(data: { portal?: string; seriesList?: string; groups?: string }): PortalInfo | undefined {
  if (data.portal === undefined) return undefined;
  const rawSeries = parseJson(data.seriesList);
  const seen = new Set<string>();
  const series: PortalSeries[] = [];
  for (const s of Array.isArray(rawSeries) ? rawSeries : []) {
    const id = str((s as { id?: unknown } | null)?.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    series.push({ id, office: str((s as { office?: unknown }).office) || id, group: str((s as { group?: unknown }).group) || NO_GROUP });
  }
  const rawGroups = parseJson(data.groups);
  const groups = [...new Set((Array.isArray(rawGroups) ? rawGroups : []).map(str).filter((g) => g && g !== NO_GROUP))];
  // A group a series names that the list left out still gets its filter, after the listed ones.
  for (const s of series) if (s.group !== NO_GROUP && !groups.includes(s.group)) groups.push(s.group);
  if (series.some((s) => s.group === NO_GROUP)) groups.push(NO_GROUP);
  return { series, groups };
}

export interface UnknownFilter {
  facet: 'series' | 'group';
  value: string;
}

/**
 * The state the page shows for a URL: series and group only in a portal and only when the portal has
 * them; a value it does not know (an office since renamed, a mistyped link) is dropped and reported so
 * the page can say so, never an error. A single content folder ignores both, as it always did.
 */
export function resolvePortalState(state: SearchState, portal: PortalInfo | undefined): { state: SearchState; unknown: UnknownFilter[] } {
  const { series, group, ...rest } = state;
  if (!portal) return { state: rest, unknown: [] };
  const out: SearchState = { ...rest };
  const unknown: UnknownFilter[] = [];
  if (series !== undefined) {
    if (portal.series.some((s) => s.id === series)) out.series = series;
    else unknown.push({ facet: 'series', value: series });
  }
  if (group !== undefined) {
    if (portal.groups.includes(group)) out.group = group;
    else unknown.push({ facet: 'group', value: group });
  }
  // The parameters back in the order writeState and readState give them.
  return { state: { q: out.q, ...(out.series && { series: out.series }), ...(out.group && { group: out.group }), ...(out.year && { year: out.year }), ...(out.kind && { kind: out.kind }) }, unknown };
}

/** What the page says about the filters it dropped. */
export function unknownFilterNotice(unknown: UnknownFilter[]): string {
  if (unknown.length === 0) return '';
  // What the address says is repeated only in part: a crafted link must not put a sentence of its own on the site.
  const quoted = (v: string) => {
    const plain = [...v.replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')];
    return plain.length > 20 ? `${plain.slice(0, 20).join('')}…` : plain.join('');
  };
  const parts = unknown.map((u) => `${u.facet === 'series' ? '单位' : '分组'}“${quoted(u.value)}”`);
  return `链接中的${parts.join('、')}在本站找不到（可能已改名或链接有误），下面是不限${unknown.map((u) => (u.facet === 'series' ? '单位' : '分组')).join('、')}的结果。`;
}

/** The office a result names: from the index, else the portal's list, else the series id. */
export function officeOf(hit: Pick<Hit, 'series' | 'office'>, portal: PortalInfo | undefined): string {
  return hit.office || portal?.series.find((s) => s.id === hit.series)?.office || hit.series;
}

/**
 * The series to list as filters, in the portal's order: every series some result belongs to (one the
 * list does not know, from a stale page, after the known ones by id) and the chosen one; within the
 * chosen group only.
 */
export function seriesOptions(portal: PortalInfo, hits: Pick<Hit, 'series' | 'office' | 'group'>[], state: Pick<SearchState, 'series' | 'group'>): PortalSeries[] {
  const known = new Map(portal.series.map((s) => [s.id, s]));
  const found = new Map<string, PortalSeries>();
  for (const h of hits) {
    if (!h.series || found.has(h.series)) continue;
    found.set(h.series, known.get(h.series) ?? { id: h.series, office: h.office || h.series, group: h.group || NO_GROUP });
  }
  const listed = portal.series.filter((s) => found.has(s.id) || s.id === state.series);
  const extra = [...found.values()].filter((s) => !known.has(s.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...listed, ...extra].filter((s) => !state.group || s.group === state.group || s.id === state.series);
}

/** Newest year first; within a year, offices in the portal's order (unknown ones after, by id); then reading order. */
export function portalHitOrder(portal: PortalInfo): (a: Hit, b: Hit) => number {
  const rank = new Map(portal.series.map((s, i) => [s.id, i]));
  const r = (h: Hit) => rank.get(h.series) ?? portal.series.length;
  return (a, b) => Number(b.year) - Number(a.year) || r(a) - r(b) || (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) || a.pos - b.pos;
}

/** The chosen scope in words, for the status line: 某某县财政局、部门、2023年、措施. */
export function scopeNote(state: SearchState, portal: PortalInfo | undefined, kindLabel: (kind: string) => string): string {
  return [
    state.series && officeOf({ series: state.series, office: '' }, portal),
    state.group,
    state.year && `${state.year}年`,
    state.kind && kindLabel(state.kind),
  ]
    .filter(Boolean)
    .join('、');
}
