// The search page (/search/?q=…&year=…&kind=…; in a portal /search/?q=…&series=…&group=…&year=…&kind=…).
// The URL is the state: submitting the form or choosing a filter pushes a history entry, the back button
// restores it, and any URL can be shared. In a portal (the root element has data-portal) every series is
// in one index: results name their office and link to <base><series>/<year>/, with office and group filters.
// Loaded only on this page; everything it fetches comes from the site's own pagefind bundle.
import { links } from '../lib/links.ts';
import { excerptAfterTitle, highlight, type Segment } from '../lib/search/excerpt.ts';
import { applyFilters, facetCounts, FILTER_KINDS, type FacetCounts } from '../lib/search/facets.ts';
import { hitSeries, hitYears, type Hit } from '../lib/search/hits.ts';
import { matchText } from '../lib/search/match.ts';
import { parseQuery, type Query } from '../lib/search/normalise.ts';
import { officeOf, portalHitOrder, readPortal, resolvePortalState, scopeNote, seriesOptions, unknownFilterNotice, type PortalInfo } from '../lib/search/portal-search.ts';
import { reportPath } from '../lib/search/report-path.ts';
import { readState, resultHref, sameState, writeState, type SearchState } from '../lib/search/url-state.ts';
import { KIND_LABELS, type ItemKind } from '../lib/structure/structure.ts';
import { find, IndexMissing, loadPagefind, type Found, type Pagefind } from './engine.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
const L = links(BASE);

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) init(root);

function init(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const body = root.querySelector<HTMLElement>('[data-search-body]')!;
  const filtersBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const relatedBox = root.querySelector<HTMLElement>('[data-search-related-section]')!;
  const relatedList = relatedBox.querySelector<HTMLOListElement>('ol')!;
  const siteTitle = root.dataset.siteTitle ?? document.title;
  const allYears = (root.dataset.years ?? '').split(' ').filter(Boolean).sort((a, b) => Number(b) - Number(a));
  const portal: PortalInfo | undefined = readPortal(root.dataset);
  const seriesList = filtersBox.querySelector<HTMLUListElement>('[data-filter-list="series"]');
  const groupList = filtersBox.querySelector<HTMLUListElement>('[data-filter-list="group"]');
  // A single folder has no offices to choose; a portal with one group has no groups to choose.
  showList(seriesList, portal !== undefined);
  showList(groupList, portal !== undefined && portal.groups.length > 1);
  // Says which filters of a link were dropped (unknown office or group); built here, its text from the URL.
  const notice = document.createElement('p');
  notice.className = 'search-notice';
  notice.dataset.searchNotice = '';
  notice.hidden = true;
  status.before(notice);

  root.classList.add('is-enhanced');
  let pagefind: Pagefind | undefined;
  let shown: SearchState | undefined;
  let runId = 0;

  const say = (text: string, tone: 'info' | 'empty' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.tone = tone;
  };
  /** For tests and styling: idle (no query), loading, done, error. */
  const phase = (p: 'idle' | 'loading' | 'done' | 'error') => {
    root.dataset.state = p;
    root.setAttribute('aria-busy', String(p === 'loading'));
  };

  /** The state a URL asks for, as this page can show it: unknown offices and groups dropped, and said so. */
  function resolve(asked: SearchState): SearchState {
    const { state, unknown } = resolvePortalState(asked, portal);
    notice.textContent = unknownFilterNotice(unknown);
    notice.hidden = unknown.length === 0;
    return state;
  }

  async function show(state: SearchState, focusKey?: string) {
    const id = ++runId;
    input.value = state.q;
    const query = parseQuery(state.q);
    document.title = state.q ? `“${state.q}”的搜索结果 · ${siteTitle}` : `搜索 · ${siteTitle}`;
    if (query.terms.length === 0) {
      body.hidden = true;
      say('输入要找的词语，按回车搜索。多个词语用空格分开。');
      shown = state;
      phase('idle');
      return;
    }
    phase('loading');
    const slow = window.setTimeout(() => id === runId && say('正在搜索…'), 150);
    let found: Found;
    try {
      pagefind ??= await loadPagefind(BASE);
      found = await find(pagefind, query);
    } catch (e) {
      window.clearTimeout(slow);
      if (id !== runId) return;
      body.hidden = true;
      say(
        e instanceof IndexMissing
          ? '搜索索引还没有生成，暂时无法搜索。请先运行 npm run build 生成网站和索引（开发预览 npm run dev 使用上次构建的索引）。'
          : `搜索出错：${(e as Error).message}`,
        'error',
      );
      phase('error');
      return;
    }
    window.clearTimeout(slow);
    if (id !== runId) return;
    shown = state;
    render(state, query, found, focusKey);
    phase('done');
  }

  function render(state: SearchState, query: Query, found: Found, focusKey?: string) {
    const filters = { year: state.year, kind: state.kind, series: state.series, group: state.group };
    const counts = facetCounts(found.exact, filters);
    const order = portal && portalHitOrder(portal);
    const results = applyFilters(found.exact, filters);
    const related = applyFilters(found.related, filters);
    if (order) {
      results.sort(order);
      related.sort(order);
    }
    const phrase = query.typed.map((t) => `“${t}”`).join('、');

    if (found.unsearchable) {
      body.hidden = true;
      say('请输入至少一个汉字、字母或数字。', 'empty');
      return;
    }
    body.hidden = false;
    // Filters only make sense when there is something to filter.
    filtersBox.hidden = found.exact.length === 0;
    renderFilters(state, counts, found.exact);
    list.replaceChildren(...results.map((h) => resultItem(h, query, state.q, 'data-search-result')));
    list.hidden = results.length === 0;
    relatedList.replaceChildren(...related.map((h) => resultItem(h, query, state.q, 'data-search-related')));
    relatedBox.hidden = related.length === 0;

    const filterNote = scopeNote(state, portal, (k) => KIND_LABELS[k as ItemKind]);
    const terms = query.terms.length > 1 ? `同时包含${phrase}` : `包含${phrase}`;
    if (found.exact.length === 0) {
      say(`没有找到${terms}的段落。请检查错别字，或换一个更短、更常用的说法${query.terms.length > 1 ? '，或减少词语' : ''}。`, 'empty');
    } else if (results.length === 0) {
      say(`${terms}的段落共 ${found.exact.length} 条，但在所选范围（${filterNote}）内没有。`, 'empty');
    } else {
      const years = hitYears(results);
      const scope = filterNote ? `（筛选：${filterNote}；全部 ${found.exact.length} 条）` : '';
      const offices = portal ? `${hitSeries(results).length} 个单位、` : '';
      say(`找到 ${results.length} 条${terms}的段落，分布在 ${offices}${years.length} 个年份：${years.map((y) => `${y}年`).join('、')}${scope}。`);
    }
    if (focusKey) filtersBox.querySelector<HTMLElement>(`[data-filter-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function filterLink(key: string, label: string, count: number, next: SearchState, current: boolean): HTMLLIElement {
    const li = document.createElement('li');
    const el = count > 0 || current ? document.createElement('a') : document.createElement('span');
    el.className = 'search-filter';
    el.dataset.filterKey = key;
    if (el instanceof HTMLAnchorElement) {
      el.href = `${L.search}${writeState(next)}`;
      if (current) el.setAttribute('aria-current', 'true');
    } else {
      el.classList.add('is-empty');
      el.setAttribute('aria-disabled', 'true');
    }
    const name = document.createElement('span');
    name.className = 'search-filter__label';
    name.textContent = label;
    const n = document.createElement('span');
    n.className = 'search-filter__count';
    n.textContent = String(count);
    n.setAttribute('aria-label', `${count} 条`);
    el.append(name, n);
    li.append(el);
    return li;
  }

  function renderFilters(state: SearchState, counts: FacetCounts, hits: Hit[]) {
    const yearList = filtersBox.querySelector<HTMLUListElement>('[data-filter-list="year"]')!;
    const kindList = filtersBox.querySelector<HTMLUListElement>('[data-filter-list="kind"]')!;
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const years = [...new Set([...allYears, ...counts.year.keys()])].sort((a, b) => Number(b) - Number(a));
    yearList.replaceChildren(
      filterLink('year:', '全部年份', sum(counts.year), { ...state, year: undefined }, !state.year),
      ...years.map((y) => filterLink(`year:${y}`, `${y}年`, counts.year.get(y) ?? 0, { ...state, year: y }, state.year === y)),
    );
    const kinds: string[] = [...FILTER_KINDS];
    kindList.replaceChildren(
      filterLink('kind:', '全部类型', sum(counts.kind), { ...state, kind: undefined }, !state.kind),
      ...kinds.map((k) => filterLink(`kind:${k}`, KIND_LABELS[k as ItemKind], counts.kind.get(k) ?? 0, { ...state, kind: k }, state.kind === k)),
    );
    const other = counts.kind.get('other') ?? 0;
    if (other > 0) {
      const note = document.createElement('li');
      note.className = 'search-filter-note';
      note.textContent = `另有 ${other} 条在导语或其他段落中`;
      kindList.append(note);
    }
    if (!portal) return;
    groupList?.replaceChildren(
      filterLink('group:', '全部分组', sum(counts.group), { ...state, group: undefined }, !state.group),
      ...portal.groups.map((g) => filterLink(`group:${g}`, g, counts.group.get(g) ?? 0, { ...state, group: g }, state.group === g)),
    );
    // Only the offices with results (and the chosen one): a county has dozens.
    seriesList?.replaceChildren(
      filterLink('series:', '全部单位', sum(counts.series), { ...state, series: undefined }, !state.series),
      ...seriesOptions(portal, hits, state).map((s) => filterLink(`series:${s.id}`, s.office, counts.series.get(s.id) ?? 0, { ...state, series: s.id }, state.series === s.id)),
    );
  }

  /** A filter list and its heading (the element its aria-labelledby names), shown or not. */
  function showList(list: HTMLElement | null, on: boolean) {
    if (!list) return;
    list.hidden = !on;
    const heading = list.getAttribute('aria-labelledby');
    const title = heading ? document.getElementById(heading) : null;
    if (title) title.hidden = !on;
  }

  function segmentsInto(parent: HTMLElement, segments: Segment[]) {
    for (const s of segments) {
      if (s.mark) {
        const m = document.createElement('mark');
        m.textContent = s.text;
        parent.append(m);
      } else parent.append(s.text);
    }
  }

  function resultItem(h: Hit, query: Query, q: string, marker: 'data-search-result' | 'data-search-related'): HTMLLIElement {
    const li = document.createElement('li');
    li.className = marker === 'data-search-result' ? 'search-result' : 'search-result search-result--related';
    li.setAttribute(marker, '');
    li.dataset.year = h.year;
    li.dataset.kind = h.kind;
    li.dataset.anchor = h.anchor;
    if (h.series) li.dataset.series = h.series;

    const meta = document.createElement('p');
    meta.className = 'search-result__meta';
    if (portal) {
      const office = document.createElement('span');
      office.className = 'search-result__office';
      office.textContent = officeOf(h, portal);
      meta.append(office);
    }
    const year = document.createElement('span');
    year.className = 'search-result__year';
    year.textContent = `${h.year}年`;
    meta.append(year);
    if (h.section) {
      const sec = document.createElement('span');
      sec.className = 'search-result__section';
      sec.textContent = h.section;
      meta.append(sec);
    }
    const kind = document.createElement('span');
    kind.className = `search-result__kind kind-${h.kind}`;
    kind.textContent = h.kind === 'other' ? (h.section ? '段落' : '导语') : KIND_LABELS[h.kind as ItemKind];
    meta.append(kind);
    if (marker === 'data-search-related') {
      const only = document.createElement('span');
      only.className = 'search-result__partial';
      only.textContent = `只含${query.typed.filter((_, i) => h.match.found[i]).map((t) => `“${t}”`).join('、')}`;
      meta.append(only);
    }

    const title = document.createElement('h3');
    title.className = 'search-result__title';
    const a = document.createElement('a');
    a.href = resultHref(L.asset(reportPath({ year: Number(h.year), series: h.series || undefined })), h.anchor, q);
    segmentsInto(a, highlight(h.title, matchText(h.title, query.terms).ranges));
    title.append(a);

    const ex = document.createElement('p');
    ex.className = 'search-result__excerpt';
    segmentsInto(ex, excerptAfterTitle(h.text, h.title, h.match.ranges));

    li.append(meta, title, ex);
    return li;
  }

  function go(asked: SearchState, focusKey?: string) {
    const next = resolve(asked);
    if (shown && sameState(next, shown)) {
      void show(next, focusKey);
      return;
    }
    history.pushState(null, '', `${L.search}${writeState(next)}`);
    void show(next, focusKey);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const prev = shown ?? readState(location.search);
    const q = input.value.trim();
    // Filters belong to a query: a new query starts over with all years and kinds.
    go(q === prev.q ? { ...prev } : { q });
  });

  filtersBox.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a.search-filter');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(readState(new URL(a.href).search), a.dataset.filterKey);
  });

  window.addEventListener('popstate', () => void show(resolve(readState(location.search))));

  // Canonical URL for what is shown (drops unknown parameters, malformed filters and offices or groups this portal does not have).
  const initial = resolve(readState(location.search));
  const canonical = `${L.search}${writeState(initial)}`;
  if (canonical !== location.pathname + location.search) history.replaceState(null, '', canonical + location.hash);
  void show(initial);
}
