// Markup that would run script in a reader's browser, found in a built page the way a browser reads it
// (parse5, the HTML standard's parser): event-handler attributes, javascript:/vbscript: URLs, data: URLs
// a reader could navigate to, iframe srcdoc, a meta refresh to a script. Publish refuses a release that
// has any (src/lib/publish/verify-site.ts); reports cannot produce them (src/lib/content/content-safety.ts), so a finding
// means a layer before this one failed.
import { parse } from 'parse5';

/** Attributes holding a URL the browser follows or loads. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'background', 'cite', 'ping', 'lowsrc', 'dynsrc', 'codebase', 'longdesc', 'manifest', 'xlink:href']);
/** Where a data: URL would open as a page of its own. */
const NAVIGATED = new Set(['a href', 'area href', 'form action', 'button formaction', 'input formaction', 'iframe src', 'frame src', 'object data', 'embed src', 'base href']);

/** The scheme as a browser sees it: leading/trailing controls and spaces dropped, tabs and newlines removed anywhere. */
export function effectiveScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: P5Node[];
  content?: P5Node;
}

const short = (s: string) => (Array.from(s).length > 60 ? `${Array.from(s).slice(0, 59).join('')}…` : s);

/** Each piece of markup in `html` that can run script, described in one line. */
export function executableMarkup(html: string): string[] {
  const found: string[] = [];
  const stack: P5Node[] = [parse(html) as unknown as P5Node];
  while (stack.length) {
    const node = stack.pop() as P5Node;
    if (node.content) stack.push(node.content);
    const children = node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as P5Node);
    if (!node.tagName) continue;
    const tag = node.tagName;
    for (const a of node.attrs ?? []) {
      const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
      const shown = `<${tag} ${name}="${short(a.value)}">`;
      if (name.startsWith('on')) {
        found.push(`${shown}：事件属性会运行脚本`);
        continue;
      }
      if (name === 'srcdoc') {
        found.push(`${shown}：srcdoc 会把其中的文字当作网页运行`);
        continue;
      }
      if (name === 'style' && /javascript:|expression\s*\(/i.test(a.value)) {
        found.push(`${shown}：样式中夹带脚本`);
        continue;
      }
      if (tag === 'meta' && name === 'content' && /url\s*=\s*['"]?\s*(?:javascript|vbscript|data):/i.test(a.value.replace(/[\t\n\r]/g, ''))) {
        found.push(`${shown}：页面自动跳转到脚本`);
        continue;
      }
      const urls = name === 'srcset' ? a.value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : URL_ATTRS.has(name) ? [a.value] : [];
      for (const url of urls) {
        const scheme = effectiveScheme(url);
        if (scheme === 'javascript' || scheme === 'vbscript') found.push(`${shown}：${scheme}: 地址会运行脚本`);
        else if (scheme === 'data' && NAVIGATED.has(`${tag} ${name}`)) found.push(`${shown}：data: 地址会打开夹带的网页`);
      }
    }
  }
  return found;
}
