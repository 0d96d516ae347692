// The top-level blocks of an HTML fragment (the rendered report text), each with the ids it holds, so a page
// can put something after a block — outside it — without touching the block's own markup.

export interface HtmlBlock {
  /** The block's markup exactly as rendered (text between blocks belongs to the block before it). */
  html: string;
  /** Every id attribute inside the block, its own first. */
  ids: string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ID = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

export function htmlBlocks(html: string): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  let depth = 0;
  let start = 0;
  let ids: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (!m[2]) continue;
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    if (m[1] === '/') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) {
        out.push({ html: html.slice(start, TAG.lastIndex), ids });
        start = TAG.lastIndex;
        ids = [];
      }
      continue;
    }
    const id = ID.exec(attrs);
    if (id) ids.push(id[1] ?? id[2] ?? id[3] ?? '');
    if (!VOID.has(tag) && !/\/\s*$/.test(attrs)) depth++;
  }
  if (start < html.length) {
    if (out.length && !html.slice(start).trim()) out[out.length - 1]!.html += html.slice(start);
    else out.push({ html: html.slice(start), ids });
  }
  return out;
}
