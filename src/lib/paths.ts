// Every link goes through here so the site works under any deploy sub-path (NIANBAO_BASE).

/** A deploy sub-path nianbao refuses, with what to write instead. */
export class BaseError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'BaseError';
    this.hint = hint;
  }
}

const BASE_HINT = '写成以 / 分隔的路径，每段只用英文字母、数字和 - _ . ~，如 NIANBAO_BASE=/reports/ 或 /xxgk/2024/；网站放在根路径时不要设置';

/** Control characters as \uXXXX, so a message shows what was typed instead of garbling the terminal. */
function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Why `trimmed` is not a plain path, or undefined when it is. The base is pasted into every link and
 * into Astro's config: `..` climbs out of the sub-path, `?`/`#` end the path so every link loses its
 * page, a backslash is a slash to browsers (`/\host` is another host), and quotes or spaces break the
 * attributes and scripts that carry it. Only RFC 3986's unreserved characters are safe in all of them.
 */
function baseProblem(trimmed: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return '只写网站内的路径，不写协议和主机名（如 http://…）';
  if (trimmed.includes('\\')) return '路径要用 /（斜杠）分隔，不能用 \\（反斜杠）：浏览器把 \\ 当作 /，链接会指向别的主机';
  if (/[?#]/.test(trimmed)) return '不能含有 ?（查询）或 #（锚点）：它们会截断每个链接的路径';
  if (/[\s\u3000]/.test(trimmed)) return '不能含有空格';
  const segments = trimmed.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) return '不能含有 . 或 .. 这样的路径段：路径前缀要固定指向一个文件夹';
  const bad = [...trimmed].find((ch) => ch !== '/' && !/[A-Za-z0-9._~-]/.test(ch));
  if (bad !== undefined) return `含有字符“${visible(bad)}”：每段只能用英文字母、数字和 - _ . ~`;
  return undefined;
}

/**
 * "/reports" or "reports/" → "/reports/"; empty → "/". Anything that is not a plain path (see
 * baseProblem) is refused with a BaseError in Chinese, never guessed at: a guessed base is a site whose
 * links point somewhere else.
 */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  const problem = baseProblem(trimmed);
  if (problem) throw new BaseError(`NIANBAO_BASE 的值“${visible(raw ?? '')}”无效：${problem}`, BASE_HINT);
  const path = trimmed.split('/').filter(Boolean).join('/');
  return path ? `/${path}/` : '/';
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
