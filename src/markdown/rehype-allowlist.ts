// The last step of a report's HTML before it is compiled: a final allowlist of elements, attributes and
// link schemes (hast-util-sanitize with our schema, plus the link policy of src/lib/content/content-safety.ts).
// `npm run check` already refuses anything outside it; this is what makes that true of the built page
// even when check was skipped or missed something, since a report is untrusted input.
//
// MDX leaves JSX (`<span …>`, `<img onerror=…>`), `{expressions}` and `import`/`export` in the tree as
// their own node types, which would compile to real elements and build-time code. Here expressions
// and ESM are dropped, and each JSX element becomes a plain HTML element before the sanitiser sees it:
// remark-report writes its stat and redaction marks as JSX spans, so those must survive, while any
// other JSX that is not an allowed element is dropped with its content (an unknown `<redact>`, or a
// component, may hold text meant to be hidden).
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { linkVerdict } from '../lib/content/content-safety.ts';
import { isOwnMarkup } from './own-markup.ts';

export const ALLOWED_TAGS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'code', 'pre', 'a', 'span', 'mark', 'div', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col', 'sup', 'sub'];

/**
 * Attributes our own plugins may write through hProperties (anchors, kinds, stats, redaction marks, table
 * cells). An author cannot set these from Markdown; from JSX, fromJsx lets through far fewer.
 */
export const SCHEMA: Schema = {
  tagNames: ALLOWED_TAGS,
  attributes: {
    '*': ['id', 'className', 'title', 'lang', 'dir', 'data*', 'ariaLabel', 'ariaHidden', 'ariaDescribedBy', 'ariaLabelledBy'],
    a: ['href'],
    // The scroll region around a table (remark-report-tables).
    div: ['role', 'tabIndex'],
    ol: ['start'],
    th: ['rowSpan', 'colSpan', 'scope', 'headers', 'abbr', 'align'],
    td: ['rowSpan', 'colSpan', 'headers', 'align'],
    col: ['span'],
    colgroup: ['span'],
  },
  protocols: { href: ['http', 'https', 'mailto', 'tel'] },
  ancestors: { tbody: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], td: ['table'], th: ['table'], caption: ['table'], col: ['table'], colgroup: ['table'] },
  // Removed with everything inside them; any other element not listed is replaced by its content.
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'title'],
  // Our anchors (s1-4, p3) are ids on purpose; JSX ids never get this far (see fromJsx).
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** Attributes a JSX element keeps (remark-report's spans use class, title and data-metric). */
const JSX_ATTRIBUTES = new Set(['class', 'className', 'title', 'data-metric', 'rowspan', 'colspan', 'rowSpan', 'colSpan', 'scope', 'headers', 'align', 'href', 'lang', 'dir']);

type Jsx = { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; data?: unknown; attributes: { type: string; name?: string; value?: unknown }[]; children: Node[]; position?: Element['position'] };
type Node = RootContent | ElementContent | Jsx | { type: string; children?: Node[] };

function fromJsx(node: Jsx): Element | undefined {
  if (!node.name || !ALLOWED_TAGS.includes(node.name)) return undefined;
  const properties: Properties = {};
  // Our own elements (tables) keep their anchors and ARIA; the schema below still bounds them.
  const own = isOwnMarkup(node);
  for (const a of node.attributes) {
    // Only plain `name="value"` (or a bare `name`): an `{expression}` value or a `{...spread}` is code.
    if (a.type !== 'mdxJsxAttribute' || !a.name || !(own || JSX_ATTRIBUTES.has(a.name))) continue;
    if (a.value !== null && a.value !== undefined && typeof a.value !== 'string') continue;
    const info = find(html, a.name);
    const value = a.value ?? true;
    properties[info.property] = typeof value === 'string' && info.spaceSeparated ? value.split(/\s+/).filter(Boolean) : value;
  }
  return { type: 'element', tagName: node.name, properties, children: node.children as ElementContent[], ...(node.position && { position: node.position }) };
}

/**
 * The link policy, for the href as written and as the browser would decode it: mdast-util-to-hast
 * percent-encodes a backslash, a tab or a leading space (`/%5Chost`, `java%09script:`, `%20javascript:`),
 * harmless as such but never what an author meant, so those go too.
 */
function allowedHref(href: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURI(href);
  } catch {
    return false;
  }
  return linkVerdict(href).ok && !/[\\\u0000-\u001f\u007f]/.test(decoded) && linkVerdict(decoded.replace(/\s/g, '')).ok;
}

/** An `<a>` left without an href (the sanitiser's own protocol check) reads as its words. */
function unwrapDeadLinks(tree: Root): void {
  const stack: { children?: Node[] }[] = [tree as { children?: Node[] }];
  while (stack.length) {
    const list = (stack.pop() as { children?: Node[] }).children;
    if (!list) continue;
    for (let i = 0; i < list.length; ) {
      const node = list[i] as Element;
      if (node.type === 'element' && node.tagName === 'a' && node.properties.href === undefined) {
        list.splice(i, 1, ...(node.children as Node[]));
        continue;
      }
      stack.push(node as { children?: Node[] });
      i++;
    }
  }
}

/** JSX into elements, expressions and ESM out; a link outside the policy becomes its words. Iterative. */
function plain(tree: Root): void {
  const stack: Node[] = [tree];
  while (stack.length) {
    const parent = stack.pop() as { children?: Node[] };
    const list = parent.children;
    if (!list) continue;
    for (let i = 0; i < list.length; ) {
      let node = list[i] as Node;
      if (node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
        list.splice(i, 1);
        continue;
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const element = fromJsx(node as Jsx);
        if (!element) {
          list.splice(i, 1);
          continue;
        }
        list[i] = node = element;
      }
      if (node.type === 'element') {
        const element = node as Element;
        // remark-report's hProperties use attribute names ('data-kind'); the schema speaks hast property names.
        element.properties = Object.fromEntries(Object.entries(element.properties).map(([k, v]) => [find(html, k).property, v]));
        const href = element.properties.href;
        if (href !== undefined && !(typeof href === 'string' && allowedHref(href))) {
          // A link that may not go anywhere is its words: looked at again in place, as plain text.
          list.splice(i, 1, ...element.children);
          continue;
        }
      }
      stack.push(node);
      i++;
    }
  }
}

export default function rehypeAllowlist() {
  return (tree: Root): Root => {
    plain(tree);
    const clean = sanitize(tree, SCHEMA) as Root;
    unwrapDeadLinks(clean);
    return clean;
  };
}
