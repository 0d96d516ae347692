// The build's half of the content policy (src/lib/content/content-safety.ts), in the Markdown tree: what check
// refuses, the build removes, for a build whose check was skipped or a check that missed something.
// It runs before remark-report, so no image alt text, link title or literal <Redact> ever reaches the
// report's structure (contents, compare page) or its page, and the structure's text holds nothing the
// allowlist will drop from the page (expressions, ESM, JSX that is neither ours nor an allowed element). Link schemes are the allowlist's job
// (rehype-allowlist.ts), after references are resolved.
import type { Root } from 'mdast';
import type { Edition } from '../lib/content/edition.ts';
import { hasRedactTag, redactLiteral } from '../lib/content/content-safety.ts';
import { REDACTED_TEXT } from './remark-report.ts';
import { ALLOWED_TAGS } from './rehype-allowlist.ts';

export interface RemarkSafetyOptions {
  edition: Edition;
}

type Node = { type: string; name?: string | null; url?: string; title?: string | null; value?: string; lang?: string | null; meta?: string | null; children?: Node[] };

const COMPONENTS = new Set(['Stat', 'Redact']);

function dropped(node: Node): boolean {
  switch (node.type) {
    case 'image':
    case 'imageReference':
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return true;
    case 'definition':
      return hasRedactTag(node.url ?? '');
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return !node.name || !(COMPONENTS.has(node.name) || ALLOWED_TAGS.includes(node.name));
    default:
      return false;
  }
}

function removeEmptyParagraphs(tree: Node): void {
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (!node.children) continue;
    node.children = node.children.filter((c) => !(c.type === 'paragraph' && c.children?.length === 0));
    stack.push(...node.children);
  }
}

export default function remarkSafety(options: RemarkSafetyOptions) {
  return (tree: Root) => {
    const stack: Node[] = [tree as Node];
    while (stack.length) {
      const list = (stack.pop() as Node).children;
      if (!list) continue;
      for (let i = 0; i < list.length; ) {
        const node = list[i] as Node;
        if (dropped(node)) {
          list.splice(i, 1);
          continue;
        }
        if (node.type === 'link' && hasRedactTag(node.url ?? '')) {
          // The words stay (looked at again in place); the address that holds the hidden text goes.
          list.splice(i, 1, ...(node.children ?? []));
          continue;
        }
        if ((node.type === 'link' || node.type === 'definition') && node.title && hasRedactTag(node.title)) node.title = null;
        if ((node.type === 'inlineCode' || node.type === 'code') && options.edition === 'public' && hasRedactTag(node.value ?? '')) {
          node.value = redactLiteral(node.value ?? '', REDACTED_TEXT);
        }
        // A fence's info string becomes a class name; reports have no code languages to name.
        if (node.type === 'code') node.lang = node.meta = null;
        stack.push(node);
        i++;
      }
    }
    // A paragraph that held only what was dropped (a lone `<script>…</script>`) would be an empty, anchored <p>.
    removeEmptyParagraphs(tree as Node);
  };
}
