// Every link goes through here so the site works under any deploy sub-path (NIANBAO_BASE).

/** "/reports" or "reports/" → "/reports/"; empty → "/". */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Join the base with a site path: url('/reports/', '2022/') → '/reports/2022/'. */
export function joinBase(base: string, path = ''): string {
  return baseJoiner(base)(path);
}

/** joinBase for one base, normalised once: for code that joins many paths under the same base. */
export function baseJoiner(base: string): (path?: string) => string {
  const root = normaliseBase(base);
  return (path = '') => root + path.replace(/^\/+/, '');
}
