// What a report body may point at, and the places where `<Redact>` does not work.
// One policy for `npm run check` (which refuses, with the line and the fix) and for the build
// (src/markdown/remark-safety.ts and rehype-allowlist.ts, which neutralise whatever got past check).
//
// Links: http(s) to other sites, mailto:, tel:, and paths inside this site. Real reports cite their
// portal (“详见 http://www.xx.gov.cn”) and an office may link one year to another; nothing else is
// report content. Every other scheme (javascript:, vbscript:, data:, file:, …) is refused, and so is
// anything a browser reads differently from how it looks: a protocol-relative `//host`, a backslash
// (browsers read `/\host` as `//host`), whitespace or control characters (browsers drop them, so
// `java\tscript:` runs), invisible format characters.
// Images: refused. The content folder has no place for image files, Word import never produces them,
// an image URL is fetched without a click (a request leaving an offline intranet), and its alt text is
// flattened into the contents, the compare page and the search index, where `<Redact>` cannot work.
import type { Root } from 'mdast';
import type { Problem } from './problems.ts';

export type UrlVerdict = { ok: true } | { ok: false; reason: string; hint: string };

/** The schemes a report link may use. */
export const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// C0 controls, DEL, every Unicode space, and the zero-width/bidi format characters.
const HIDDEN = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/;
// With the brackets a Chinese input method types for < and > (《Redact》, 【Redact】 …): the intent is the same.
const REDACT_TAG = /[<＜《〈‹«【〔［]\s*[/／]?\s*Redact\b/i;

const SITE_HINT = '站外网页写完整地址，如 https://www.gov.cn/；站内页面写以 / 开头的路径，如 /2021/';

/** May a report link to `url` (the URL as the parser decoded it: character references already resolved)? */
export function linkVerdict(url: string): UrlVerdict {
  if (REDACT_TAG.test(url)) return { ok: false, reason: '链接地址中的 <Redact> 不起作用，地址会原样出现在公开版中', hint: '把要隐去的内容从链接地址中删除；链接文字可以写成 [<Redact>…</Redact>](地址)' };
  if (HIDDEN.test(url)) return { ok: false, reason: '链接地址中有空格、制表符或看不见的控制字符（浏览器会忽略它们，可能让地址变成另一个地址）', hint: `删除地址中的空白字符；${SITE_HINT}` };
  if (url.includes('\\')) return { ok: false, reason: '链接地址中有反斜杠 \\（浏览器会把它当作 /，可能指向别的网站）', hint: `把 \\ 改成 /；${SITE_HINT}` };
  if (url.startsWith('//')) return { ok: false, reason: '链接地址以 // 开头，会指向另一个网站', hint: SITE_HINT };
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { ok: true };
  if (!(LINK_SCHEMES as readonly string[]).includes(scheme)) {
    const what = scheme === 'javascript' || scheme === 'vbscript' ? '会在读者的浏览器中运行脚本' : scheme === 'data' ? '会把链接中夹带的内容当作网页打开' : scheme === 'file' ? '指向读者电脑上的文件' : '不是网页地址';
    return { ok: false, reason: `链接地址使用了 ${scheme}: 协议（${what}），报告中不允许`, hint: `报告中的链接只能是 http://、https://、mailto:、tel: 或站内路径；${SITE_HINT}` };
  }
  if ((scheme === 'http' || scheme === 'https') && !/^https?:\/\/[^/?#]/i.test(url)) {
    return { ok: false, reason: `链接地址 ${scheme}: 后面缺少 // 和网站域名`, hint: SITE_HINT };
  }
  return { ok: true };
}

/** An image URL never passes (see the policy above); this names the request it would make. */
export function imageReason(url: string): string {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (url.startsWith('//') || scheme === 'http' || scheme === 'https') return '报告正文不能插入图片：这张图片要从站外网站加载（内网中打不开，读者打开页面时就会向外发出请求）';
  if (scheme && scheme !== 'http' && scheme !== 'https') return `报告正文不能插入图片（地址使用了 ${scheme}: 协议）`;
  return '报告正文不能插入图片';
}

export const IMAGE_HINT = '删除这张图片（![…](…)）；图中的数字请写进正文或表格，并用 <Stat id="…" /> 引用。图片的说明文字会原样出现在目录、对比页和搜索中，<Redact> 在其中不起作用';

/** `<Redact>…</Redact>` written inside literal text (inline code, a code block): in the public edition, each span becomes the mark. */
export function redactLiteral(text: string, mark: string): string {
  return text.replace(/<Redact\b[^>]*>[\s\S]*?<\/Redact\s*>/gi, mark).replace(/<Redact\b[\s\S]*$/i, mark);
}

export function hasRedactTag(text: string): boolean {
  return REDACT_TAG.test(text);
}

type Node = { type: string; url?: string; title?: string | null; value?: string; lang?: string | null; meta?: string | null; alt?: string | null; name?: string | null; attributes?: { type: string; name?: string }[]; children?: Node[]; position?: { start: { line: number; column: number } } };

/** Where a problem is: `第 N 行` comes from `line`; the column is kept for editors. */
function at(node: Node, lineOffset: number): { line?: number; column?: number } {
  const start = node.position?.start;
  return start ? { line: start.line + lineOffset, column: start.column } : {};
}

/** Every link, image and literal-text problem in a body. Iterative: the tree has passed the nesting limit, but nothing here needs the stack. */
export function contentSafetyProblems(tree: Root, ctx: { file: string; lineOffset: number }): Problem[] {
  const problems: Problem[] = [];
  const push = (node: Node, message: string, hint: string, field?: string) => problems.push({ severity: 'error', file: ctx.file, ...at(node, ctx.lineOffset), ...(field && { field }), message, hint });
  const stack: Node[] = [tree as Node];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    switch (node.type) {
      case 'link':
      case 'definition': {
        const url = node.url ?? '';
        const verdict = linkVerdict(url);
        if (!verdict.ok) push(node, `${verdict.reason}：${shown(url)}`, verdict.hint);
        if (node.title && hasRedactTag(node.title)) push(node, `链接的悬停标题中的 <Redact> 不起作用，会原样出现在公开版中：“${node.title}”`, '删除链接地址后引号中的标题（"…"），或删去其中要隐去的文字');
        break;
      }
      case 'image':
      case 'imageReference':
        push(node, `${imageReason(node.url ?? '')}${node.url ? `：${shown(node.url)}` : ''}`, IMAGE_HINT);
        break;
      case 'inlineCode':
      case 'code':
        if (hasRedactTag(`${node.value ?? ''} ${node.lang ?? ''} ${node.meta ?? ''}`)) push(node, `反引号（\`）中的 <Redact> 不起作用：其中的文字会原样出现在公开版和搜索中`, '删除反引号，让 <Redact>…</Redact> 在正文中生效；报告正文不需要代码格式');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        if (node.name === 'Redact' && node.attributes?.length) push(node, '<Redact> 不接受属性', '写成 <Redact>要隐去的文字</Redact>，不加任何属性');
        break;
      case 'text':
        // A tag escaped into text (\<Redact>, &lt;Redact>): whoever wrote it meant to hide what follows, and it hides nothing.
        if (hasRedactTag(node.value ?? '')) push(node, `正文文字中有字面的 <Redact>（被转义成了普通文字）：它不会隐去任何内容，后面的文字会原样出现在公开版和搜索中`, '去掉 < 前面的反斜杠（\\）或改掉 &lt;，写成 <Redact>要隐去的文字</Redact>');
        break;
    }
  }
  return problems;
}

/** A URL as it can be shown in one line of a message. */
function shown(url: string): string {
  const visible = url.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return Array.from(visible).length > 80 ? `${Array.from(visible).slice(0, 79).join('')}…` : visible;
}
