// Every link goes through here so the site works under any deploy sub-path (NIANBAO_BASE).

/** "/reports" or "reports/" → "/reports/"; empty → "/". */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Join the base with a site path: url('/reports/', '2022/') → '/reports/2022/'. */
export function joinBase(base: string, path = ''): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}
