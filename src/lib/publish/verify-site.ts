// Checks a built site before it is published: the pages that must be there, every internal link and
// asset, the search index and the edition. Plain file reading, no build: `npm run publish` runs it on
// the release folder, and it can be pointed at any `dist/`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Edition } from '../content/edition.ts';
import { normaliseBase } from '../paths.ts';
import { executableMarkup } from '../content/html-safety.ts';

export interface VerifyOptions {
  /** Deploy sub-path the site was built for (NIANBAO_BASE); "/" when absent. */
  base?: string;
  /** Report years that must each have a page. */
  years: number[];
  /** A portal's report pages instead (`zfb-xxgk/2024`): each series' years under its folder. */
  reportPages?: string[];
  edition: Edition;
}

export interface VerifyCheck {
  /** Short Chinese name of what was checked. */
  label: string;
  ok: boolean;
  /** One line: what was found. */
  summary: string;
  /** Each failure (or, for warnings, each finding), with the file it is in. */
  problems: string[];
  /** A failed warning does not stop a publish. */
  severity: 'error' | 'warning';
  /** What to do when it failed. */
  hint?: string;
}

export interface VerifyResult {
  ok: boolean;
  checks: VerifyCheck[];
  htmlFiles: number;
  files: number;
  references: number;
}

/** Attributes that point at another URL; `srcset` holds a list. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'srcset']);
/** Attributes whose URL the browser fetches by itself (as opposed to a link the reader may follow). */
const FETCHED_ATTRS = new Set(['src', 'poster', 'data', 'srcset']);
const FETCHED_LINK_RELS = /\b(stylesheet|icon|preload|modulepreload|prefetch|manifest|apple-touch-icon)\b/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Not a file to look for; javascript: and vbscript: fail the script check instead (html-safety.ts). */
const NOT_LOCATIONS = /^(data|mailto|tel|javascript|vbscript|blob|about):/i;

interface Reference {
  tag: string;
  attr: string;
  url: string;
  /** Fetched by the browser without a click (script, image, stylesheet …). */
  fetched: boolean;
}

interface ParsedHtml {
  refs: Reference[];
  ids: Set<string>;
  /** `url(…)` inside <style> blocks and style attributes. */
  cssUrls: string[];
  html: string;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' } as Record<string, string>)[k] ?? m;
  });
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g;

function cssUrls(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(CSS_URL)) {
    const u = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (u) out.push(u);
  }
  return out;
}

/** The URLs and ids in a page. Tolerant of anything Astro writes; script and comment contents are not markup. */
export function parseHtml(source: string): ParsedHtml {
  const styles: string[] = [];
  const html = source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>')
    .replace(/(<style\b[^>]*>)([\s\S]*?)<\/style>/gi, (_m, open: string, css: string) => {
      styles.push(css);
      return `${open}</style>`;
    });
  const refs: Reference[] = [];
  const ids = new Set<string>();
  for (const tagMatch of html.matchAll(TAG)) {
    const tag = (tagMatch[1] as string).toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of (tagMatch[2] ?? '').matchAll(ATTR)) {
      attrs.set((a[1] as string).toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    const id = attrs.get('id');
    if (id) ids.add(id);
    if (tag === 'a' && attrs.get('name')) ids.add(attrs.get('name') as string);
    const style = attrs.get('style');
    if (style) styles.push(style);
    for (const [attr, value] of attrs) {
      if (!URL_ATTRS.has(attr)) continue;
      if (tag === 'meta') continue;
      const fetched = FETCHED_ATTRS.has(attr) || (tag === 'link' && FETCHED_LINK_RELS.test(attrs.get('rel') ?? ''));
      const urls = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean) : [value.trim()];
      for (const url of urls) refs.push({ tag, attr, url, fetched });
    }
  }
  return { refs, ids, cssUrls: styles.flatMap(cssUrls), html };
}

/** Every file under a folder, as `/`-separated paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built file is served at: `2022/index.html` → `/base/2022/`. */
export function urlPathOf(file: string, base: string): string {
  const b = normaliseBase(base);
  if (file === 'index.html') return b;
  if (file.endsWith('/index.html')) return b + file.slice(0, -'index.html'.length);
  return b + file;
}

type Resolved =
  | { kind: 'skip' }
  | { kind: 'external'; url: string }
  | { kind: 'outside-base'; path: string }
  | { kind: 'internal'; file: string | undefined; path: string; fragment: string };

/**
 * Where a URL found in `fromUrlPath` points. `exists` tells whether a site-relative file exists.
 * A path ending in "/" is its index.html; a path without one may also name a folder with an index.html.
 */
export function resolveReference(url: string, fromUrlPath: string, base: string, exists: (file: string) => boolean): Resolved {
  const b = normaliseBase(base);
  if (url === '' || url.startsWith('#') || url.startsWith('?')) {
    return { kind: 'internal', file: undefined, path: fromUrlPath, fragment: decodeFragment(url.startsWith('#') ? url.slice(1) : '') };
  }
  if (NOT_LOCATIONS.test(url)) return { kind: 'skip' };
  if (url.startsWith('//') || SCHEME.test(url)) return { kind: 'external', url };
  let parsed: URL;
  try {
    parsed = new URL(url, `http://site.invalid${fromUrlPath}`);
  } catch {
    return { kind: 'internal', file: undefined, path: url, fragment: '' };
  }
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    path = parsed.pathname;
  }
  const fragment = decodeFragment(parsed.hash.slice(1));
  if (!path.startsWith(b) && `${path}/` !== b) return { kind: 'outside-base', path };
  const rel = path === b.slice(0, -1) ? '' : path.slice(b.length);
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  const file = candidates.map((c) => posix.normalize(c)).find((c) => !c.startsWith('..') && exists(c));
  return { kind: 'internal', file, path, fragment };
}

function decodeFragment(f: string): string {
  try {
    return decodeURIComponent(f);
  } catch {
    return f;
  }
}

const REDACT_MARK = /<mark\b[^>]*\bclass\s*=\s*["'][^"']*\bredact\b/i;
const EDITION_CLASS = /<body\b[^>]*\bclass\s*=\s*["'][^"']*\bedition-(public|internal)\b/i;

function check(label: string, problems: string[], ok: string, fail: string, hint?: string, severity: 'error' | 'warning' = 'error'): VerifyCheck {
  return { label, ok: problems.length === 0, summary: problems.length === 0 ? ok : fail, problems, severity, hint };
}

/** Verify a built site folder. Never throws for a bad site: every finding is in the result. */
export function verifySite(dir: string, opts: VerifyOptions): VerifyResult {
  const base = normaliseBase(opts.base);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const c = check('网站目录', [`${dir} 不存在或不是目录`], '', '网站目录不存在');
    return { ok: false, checks: [c], htmlFiles: 0, files: 0, references: 0 };
  }
  const files = listFiles(dir);
  const fileSet = new Set(files);
  const exists = (f: string) => fileSet.has(f);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const checks: VerifyCheck[] = [];

  // 1. The pages that must be there.
  const pages = opts.reportPages ?? opts.years.map(String);
  const required = ['index.html', ...pages.map((p) => `${p}/index.html`)];
  const missingPages = required.filter((f) => !exists(f)).map((f) => `缺少 ${f}`);
  // A year page for a report the content folder does not have: the build read another content folder.
  const yearPage = opts.reportPages ? /^[a-z][a-z0-9-]*\/\d{4}\/index\.html$/ : /^\d{4}\/index\.html$/;
  const known = new Set(required);
  const extraYears = files.filter((f) => yearPage.test(f) && !known.has(f));
  for (const f of extraYears) missingPages.push(`多出 ${f}：内容目录中没有这份报告（构建读到了别的内容目录？）`);
  const yearText = pages.length ? (opts.reportPages ? `${pages.length} 个报告页面` : `${opts.years.length} 个年度页面（${opts.years[0]}${opts.years.length > 1 ? `–${opts.years[opts.years.length - 1]}` : ''}）`) : '无年度页面';
  checks.push(check('首页和年度页面', missingPages, `首页和 ${yearText}齐全`, extraYears.length ? '年度页面与内容目录中的报告不一致' : `缺少 ${missingPages.length} 个必需页面`, extraYears.length ? '同一项目目录中同时运行的另一个构建会改写 .astro/ 中的内容清单；等它结束后重新发布' : '构建没有生成这些页面：检查 src/pages/ 和内容目录中的报告文件'));

  // 2. Links and assets.
  const parsed = new Map<string, ParsedHtml>();
  const parse = (f: string) => {
    let p = parsed.get(f);
    if (!p) {
      p = parseHtml(readFileSync(join(dir, f), 'utf8'));
      parsed.set(f, p);
    }
    return p;
  };
  // Findings grouped by what they point at: one missing page linked from every page is one problem.
  const groups = {
    broken: new Map<string, Set<string>>(),
    outside: new Map<string, Set<string>>(),
    externalFetched: new Map<string, Set<string>>(),
    externalLinks: new Map<string, Set<string>>(),
    fragments: new Map<string, Set<string>>(),
  };
  const note = (group: Map<string, Set<string>>, what: string, file: string) => {
    const pages = group.get(what) ?? new Set<string>();
    pages.add(file);
    group.set(what, pages);
  };
  let references = 0;
  const visit = (file: string, fromUrl: string, url: string, tag: string, attr: string, fetched: boolean) => {
    references++;
    const r = resolveReference(url, fromUrl, base, exists);
    const ref = `<${tag} ${attr}="${url}">`;
    if (r.kind === 'skip') return;
    if (r.kind === 'external') {
      note(fetched ? groups.externalFetched : groups.externalLinks, `${ref} ${fetched ? '从站外加载资源' : '链接到站外'}`, file);
      return;
    }
    if (r.kind === 'outside-base') {
      note(groups.outside, `${ref} 指向 ${r.path}，不在路径前缀 ${base} 之下`, file);
      return;
    }
    const target = r.file ?? (r.path === fromUrl ? file : undefined);
    if (!target) {
      note(groups.broken, `${r.path} 不存在（${ref}）`, file);
      return;
    }
    if (r.fragment && r.fragment !== 'top' && target.endsWith('.html') && !parse(target).ids.has(r.fragment)) {
      note(groups.fragments, `${ref}：${target} 中没有 id="${r.fragment}" 的元素`, file);
    }
  };
  const listed = (group: Map<string, Set<string>>) =>
    [...group].map(([what, pages]) => {
      const names = [...pages].sort();
      const where = names.length === 1 ? names[0] : `${names.slice(0, 3).join('、')}${names.length > 3 ? ` 等 ${names.length} 个文件` : ''}`;
      return `${what}，见 ${where}`;
    });
  for (const file of htmlFiles) {
    const page = parse(file);
    const fromUrl = urlPathOf(file, base);
    for (const ref of page.refs) visit(file, fromUrl, ref.url, ref.tag, ref.attr, ref.fetched);
    for (const u of page.cssUrls) visit(file, fromUrl, u, 'style', 'url', true);
  }
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    const fromUrl = urlPathOf(file, base);
    for (const u of cssUrls(readFileSync(join(dir, file), 'utf8'))) visit(file, fromUrl, u, 'css', 'url', true);
  }
  const broken = listed(groups.broken);
  const outside = listed(groups.outside);
  const externalFetched = listed(groups.externalFetched);
  const externalLinks = listed(groups.externalLinks);
  const fragments = listed(groups.fragments);
  checks.push(check('站内链接和资源', [...broken, ...outside], `${htmlFiles.length} 个页面中的 ${references} 处链接和资源引用都指向发布目录中的文件`, `${broken.length + outside.length} 个链接或资源目标无法打开`, base === '/' ? '修正生成这些链接的页面；链接一律经 src/lib/links.ts 生成' : `修正生成这些链接的页面；链接一律经 src/lib/links.ts 生成，才能带上路径前缀 ${base}`));
  checks.push(check('不从站外加载', externalFetched, '没有从站外加载的脚本、样式或图片', `${externalFetched.length} 处从站外加载资源`, '内网离线使用：把这些资源放进站点，或删除它们'));
  if (externalLinks.length) checks.push(check('站外链接', externalLinks, '', `${externalLinks.length} 处链接到站外（内网中可能打不开）`, undefined, 'warning'));
  if (fragments.length) checks.push(check('页内锚点', fragments, '', `${fragments.length} 处锚点在目标页面中找不到`, '链接仍能打开页面，只是不会跳到对应位置', 'warning'));

  // 2b. Nothing in the markup that runs script (src/lib/content/html-safety.ts).
  const executable = htmlFiles.flatMap((f) => executableMarkup(readFileSync(join(dir, f), 'utf8')).map((what) => `${f}：${what}`));
  checks.push(check('不含可运行的脚本链接', executable, '没有事件属性（onclick 等）、javascript: 地址或 data: 网页链接', `${executable.length} 处标记可能在读者的浏览器中运行脚本`, '报告内容不应产生这些标记：先运行 npm run check 并按提示修改报告中的链接；检查通过后仍然出现的，请把页面和报告文件发给维护人员'));

  // 3. Search index.
  const pagefind = files.filter((f) => f.startsWith('pagefind/'));
  const searchProblems: string[] = [];
  let searchHint: string | undefined;
  if (pagefind.length === 0) {
    searchProblems.push('发布目录中没有 pagefind/ 文件夹：这次构建没有生成搜索索引，网站的搜索不能用');
    searchHint = '搜索索引由 src/integrations/search-index.ts 在构建结束时（astro:build:done）生成；确认它已接入 astro.config.mjs 的 integrations，再重新发布';
  } else if (!exists('pagefind/pagefind.js')) {
    searchProblems.push(`pagefind/ 中有 ${pagefind.length} 个文件，但没有 pagefind/pagefind.js：搜索索引不完整`);
    searchHint = '重新构建；仍然如此的，检查 src/integrations/search-index.ts 的输出';
  }
  const indexBytes = pagefind.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  checks.push(check('搜索索引', searchProblems, `pagefind/ 搜索索引 ${pagefind.length} 个文件，共 ${formatBytes(indexBytes)}`, '没有可用的搜索索引', searchHint));

  // 4. The edition it claims to be.
  const editionProblems: string[] = [];
  for (const file of htmlFiles) {
    const html = parse(file).html;
    if (opts.edition === 'public' && REDACT_MARK.test(html)) editionProblems.push(`${file} 含有 <mark class="redact">：内部版才会标出隐去的文字`);
    const claimed = EDITION_CLASS.exec(html)?.[1];
    if (claimed && claimed !== opts.edition) editionProblems.push(`${file} 标明自己是 ${claimed} 版，而这次发布的是 ${opts.edition} 版`);
  }
  const editionName = opts.edition === 'public' ? '对外公开版' : '内部版';
  checks.push(check('版本', editionProblems, opts.edition === 'public' ? `${editionName}：没有页面含 <mark class="redact">` : `${editionName}：页面标明的版本一致`, `这不像是${editionName}的构建`, `确认 NIANBAO_EDITION 与要发布的版本一致（当前为 ${opts.edition}），然后重新发布`));

  return { ok: checks.every((c) => c.ok || c.severity === 'warning'), checks, htmlFiles: htmlFiles.length, files: files.length, references };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The summary `npm run publish` prints; at most `limit` findings per check. */
export function formatVerification(result: VerifyResult, limit = 15): string {
  const lines: string[] = [];
  for (const c of result.checks) {
    const mark = c.ok ? '✓' : c.severity === 'warning' ? '!' : '✗';
    lines.push(`  ${mark} ${c.label}：${c.summary}`);
    if (!c.ok) {
      for (const p of c.problems.slice(0, limit)) lines.push(`      - ${p}`);
      if (c.problems.length > limit) lines.push(`      …另有 ${c.problems.length - limit} 处`);
      if (c.hint) lines.push(`      → ${c.hint}`);
    }
  }
  const failed = result.checks.filter((c) => !c.ok && c.severity === 'error').length;
  lines.push(result.ok ? `  校验通过：${result.files} 个文件，${result.htmlFiles} 个页面。` : `  校验未通过：${failed} 项不合格。`);
  return lines.join('\n');
}
