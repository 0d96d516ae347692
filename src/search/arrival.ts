// On a report page reached from a search result (/2022/?hl=四风#s1-3): the paragraph is highlighted by
// CSS (:target); this marks the searched phrase inside it and moves keyboard focus there, so Tab and
// screen readers continue from the paragraph. Tiny and pagefind-free; the search itself loads only on /search/.
import '../styles/search.css';
import { matchText } from '../lib/search/match.ts';
import { CELL_SEPARATOR, parseQuery } from '../lib/search/normalise.ts';
import { anchorOfHash } from '../lib/search/url-state.ts';

function markPhrase(target: HTMLElement, terms: string[]) {
  const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const starts: number[] = [];
  let full = '';
  let cell: Element | null = null;
  for (const n of nodes) {
    // A table row arrived at: its cells are apart, as in its search record, so no mark spans two cells.
    const inCell = n.parentElement?.closest('td, th') ?? null;
    if (inCell !== cell && cell && inCell) full += CELL_SEPARATOR;
    cell = inCell;
    starts.push(full.length);
    full += n.data;
  }
  const ranges = matchText(full, terms).ranges;
  // Back to front, so earlier offsets stay valid while nodes are split.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    const s0 = starts[i];
    const e0 = s0 + node.data.length;
    const pieces = ranges.filter(([s, e]) => e > s0 && s < e0).map(([s, e]) => [Math.max(s, s0) - s0, Math.min(e, e0) - s0]);
    for (const [s, e] of pieces.reverse()) {
      const mid = node.splitText(s);
      mid.splitText(e - s);
      const mark = document.createElement('mark');
      mark.className = 'search-hl';
      mid.replaceWith(mark);
      mark.append(mid);
    }
  }
}

function arrive() {
  const id = anchorOfHash(location.hash);
  const target = id ? document.getElementById(id) : null;
  if (!target?.closest('.report-text')) return;
  const hl = new URLSearchParams(location.search).get('hl');
  if (hl) markPhrase(target, parseQuery(hl).terms);
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

arrive();
