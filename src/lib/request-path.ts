// Which file of a built site a request asks for, judged before any file is looked at: the path must be
// under the base, its percent-encoding valid UTF-8, and no segment may step out of the site (`..`, an
// encoded slash or backslash, a NUL) or name a hidden file. The site server (src/lib/site-server.ts) serves
// only what passes; everything else is a plain 400 or 404.

export type RequestTarget =
  /** Serve this path (decoded segments re-encoded, query kept) relative to the site folder. */
  | { kind: 'file'; path: string }
  | { kind: 'redirect'; location: string }
  /** Not a well-formed request path: 400. */
  | { kind: 'bad' }
  /** Well-formed, but nothing the site may serve: 404. */
  | { kind: 'missing' };

const CONTROL = /[\u0000-\u001f\u007f]/;

/** `rawUrl` exactly as received (req.url), `base` normalised ("/" or "/reports/"). */
export function requestTarget(rawUrl: string, base: string): RequestTarget {
  // Origin-form only ("/…"); a proxy-style absolute URL or "*" is not for a static site.
  if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) return { kind: 'bad' };
  const q = rawUrl.search(/[?#]/);
  const pathname = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = q < 0 ? '' : rawUrl.slice(q).replace(/#.*$/, '');
  if (base !== '/' && `${pathname}/` === base) return { kind: 'redirect', location: base + query };
  if (!pathname.startsWith(base)) return pathname === '/' ? { kind: 'redirect', location: base } : { kind: 'missing' };

  const segments = pathname.slice(base.length).split('/');
  const decoded: string[] = [];
  for (const raw of segments) {
    let segment: string;
    try {
      // Strict: a lone "%", "%zz" or bytes that are not UTF-8 (overlong "%c0%ae" too) throw.
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad' };
    }
    if (CONTROL.test(segment)) return { kind: 'bad' };
    // An encoded separator ("..%2f", "..%5c") or a dot segment steps out of the site; "." also hides files.
    if (/[/\\]/.test(segment) || segment.startsWith('.')) return { kind: 'missing' };
    decoded.push(segment);
  }
  // Empty segments ("a//b") add nothing; a trailing "/" stays (a folder's index.html).
  const path = decoded.filter((s, i) => s !== '' || i === decoded.length - 1).map(encodeURIComponent).join('/');
  return { kind: 'file', path: `/${path}${query}` };
}
