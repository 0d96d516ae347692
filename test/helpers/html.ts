// Reading built pages in tests.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative } from 'node:path';

export function readPage(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Every file under a built site, relative paths. */
export function allFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Visible text of an HTML fragment: tags dropped, entities decoded, whitespace kept. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

/**
 * A built file as text a reader (or a leak) could recover: Pagefind gzips its index files and the
 * search index separates characters with zero-width spaces, so both are undone.
 */
export function readDecoded(path: string): string {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  return bytes.toString('utf8').replaceAll('\u200b', '');
}

// A start tag with its attributes, quoted values read whole: a `<script>` written inside an attribute value (an
// office named `…</script><script>…`, escaped as the HTML spec allows) is text of that attribute, not a tag.
const ATTRS = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const TAGS = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

/** Inline code or style in one page: what a strict policy refuses. */
export function inlineParts(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name, attrText] of html.matchAll(TAGS)) {
    const lower = name!.toLowerCase();
    const attrs = [...attrText!.matchAll(ATTRS)].map((m) => ({ name: m[1]!.toLowerCase(), value: m[2] ?? m[3] ?? m[4] ?? '' }));
    if (lower === 'script' && !attrs.some((a) => a.name === 'src')) found.push(`inline <script>: ${tag.slice(0, 80)}`);
    if (lower === 'style') found.push('a <style> block');
    if (attrs.some((a) => a.name === 'style')) found.push(`style attribute: ${tag.slice(0, 80)}`);
    if (attrs.some((a) => /^on[a-z]+$/.test(a.name))) found.push(`event handler attribute: ${tag.slice(0, 80)}`);
    if (attrs.some((a) => ['href', 'src', 'action'].includes(a.name) && /^\s*javascript:/i.test(a.value))) found.push(`javascript: URL: ${tag.slice(0, 80)}`);
  }
  return found;
}
