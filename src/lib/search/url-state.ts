// The search page's state lives in its URL: /search/?q=…&year=…&kind=…, in a portal
// /search/?q=…&series=…&group=…&year=…&kind=… (shareable, back button works).
import { FILTER_KINDS } from './facets.ts';
import { MAX_QUERY_LENGTH } from './normalise.ts';

export interface SearchState {
  q: string;
  /** A portal's series id and office group: read as written, checked against the portal by the page (resolvePortalState). */
  series?: string;
  group?: string;
  year?: string;
  kind?: string;
}

const YEAR = /^\d{4}$/;
/** Longer than any series id or group name; a longer value is no filter at all. */
const MAX_NAME = 100;

/** Read the state from a query string; unknown or malformed filters are dropped. */
export function readState(search: string | URLSearchParams): SearchState {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state: SearchState = { q: (p.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).trim() };
  for (const name of ['series', 'group'] as const) {
    const value = p.get(name)?.trim();
    if (value && value.length <= MAX_NAME) state[name] = value;
  }
  const year = p.get('year')?.trim();
  if (year && YEAR.test(year)) state.year = year;
  const kind = p.get('kind')?.trim();
  if (kind && (FILTER_KINDS as readonly string[]).includes(kind)) state.kind = kind;
  return state;
}

/** "?q=…&series=…&group=…&year=…&kind=…", parameters in that order and only those that are set. */
export function writeState(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.series) p.set('series', state.series);
  if (state.group) p.set('group', state.group);
  if (state.year) p.set('year', state.year);
  if (state.kind) p.set('kind', state.kind);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return a.q === b.q && a.series === b.series && a.group === b.group && a.year === b.year && a.kind === b.kind;
}

/**
 * The link from a result to its paragraph: the report page with the phrase to highlight and the anchor,
 * e.g. /2022/?hl=四风#s1-3 (in a portal /czj-xxgk/2022/?hl=…). `reportUrl` already carries the deploy base.
 */
export function resultHref(reportUrl: string, anchor: string, query: string): string {
  const hl = query.trim() ? `?${new URLSearchParams({ hl: query.trim() }).toString()}` : '';
  return `${reportUrl}${hl}#${encodeURIComponent(anchor)}`;
}

/**
 * The anchor a report page was reached at, from its location.hash ("#s1-3"): what resultHref encoded.
 * A hash that is not valid percent-encoding (“#%”, “#%E4”, typed or cut off by a mail client) is taken
 * as written, as the browser itself does when it looks for the target — never a URIError.
 */
export function anchorOfHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
