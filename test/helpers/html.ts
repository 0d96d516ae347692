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

const TAGS = /<([a-z][a-z0-9-]*)\b([^>]*)>/gi;

/** Inline code or style in one page: what a strict policy refuses. */
export function inlineParts(html: string): string[] {
  const found: string[] = [];
  for (const [tag, name, attrs] of html.matchAll(TAGS)) {
    const lower = name!.toLowerCase();
    if (lower === 'script' && !/\ssrc=/.test(attrs!)) found.push(`inline <script>: ${tag.slice(0, 80)}`);
    if (lower === 'style') found.push('a <style> block');
    if (/\sstyle\s*=/i.test(attrs!)) found.push(`style attribute: ${tag.slice(0, 80)}`);
    if (/\son[a-z]+\s*=/i.test(attrs!)) found.push(`event handler attribute: ${tag.slice(0, 80)}`);
    if (/\s(?:href|src|action)\s*=\s*["']?\s*javascript:/i.test(attrs!)) found.push(`javascript: URL: ${tag.slice(0, 80)}`);
  }
  return found;
}
