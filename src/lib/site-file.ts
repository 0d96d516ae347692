// The file of a built site that a judged request path names (src/lib/request-path.ts) — and only if it
// really is inside the site. A path that stays inside the folder by its name can still lead out of it
// through a symbolic link (dist/x → /etc/passwd, dist/docs → /home): every candidate is resolved to its
// real path and must lie under the site folder's own real path, or nothing is served.
import { realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface SiteFile {
  /** The real path of the file, inside the site folder. */
  path: string;
  size: number;
  mtime: Date;
}

/**
 * `root` the site folder, `segments` the request path's decoded segments (a trailing "" for a folder).
 * Tried in order: the path itself, `<path>.html`, `<path>/index.html`. Undefined when none is a file
 * inside the site, or when a candidate leads outside it.
 */
export function siteFile(root: string, segments: string[]): SiteFile | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const inside = (p: string) => p.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  const named = segments.filter(Boolean);
  const isFolder = segments.length === 0 || segments.at(-1) === '';
  const candidates = isFolder ? [[...named, 'index.html']] : [named, [...named.slice(0, -1), `${named.at(-1)}.html`], [...named, 'index.html']];
  for (const parts of candidates) {
    let real: string;
    try {
      real = realpathSync(join(root, ...parts));
    } catch {
      continue; // not there (or a dangling link): try the next
    }
    if (!inside(real)) return undefined;
    const st = statSync(real, { throwIfNoEntry: false });
    if (st?.isFile()) return { path: real, size: st.size, mtime: st.mtime };
  }
  return undefined;
}
