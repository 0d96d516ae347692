// A page saved as one file (.mht/.mhtml: Chrome's “网页，单个文件”, IE's “Web 档案，单个文件”, Word's
// “单个文件网页”): a MIME multipart/related message whose first text/html part is the page. We take that
// part, undo its transfer encoding, and read it as a saved page; the images and styles beside it are ignored.
import { ImportError, type Source } from './source.ts';
import { decodeHtml, readHtmlText } from './source-html.ts';

interface Part {
  headers: Map<string, string>;
  body: string; // latin1: one character per byte
}

/** Header fields of a MIME entity, continuation lines unfolded, names lower-cased. */
function parseEntity(raw: string): Part {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body };
}

/** A parameter of a header value such as `multipart/related; boundary="----=_Part"`. */
function param(value: string | undefined, name: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function quotedPrintable(s: string): Uint8Array {
  const text = s.replace(/=\r?\n/g, ''); // soft line breaks
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Uint8Array.from(out);
}

function decodeBody(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Uint8Array.from(Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  return latin1Bytes(part.body);
}

/** The page (its bytes and declared charset) inside a saved .mht/.mhtml file. */
export function mhtmlPage(bytes: Uint8Array): { bytes: Uint8Array; charset?: string } {
  const raw = new TextDecoder('latin1').decode(bytes);
  const top = parseEntity(raw);
  const type = top.headers.get('content-type') ?? '';
  const boundary = param(type, 'boundary');
  let parts: Part[] = [top];
  if (/^multipart\//i.test(type) && boundary) {
    parts = top.body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => parseEntity(p.replace(/^\r?\n/, '')));
  }
  const html = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new ImportError('这个 .mht/.mhtml 文件中没有网页', '请在浏览器中打开原网页，另存为“网页，仅 HTML”（.html）后再导入');
  return { bytes: decodeBody(html), charset: param(html.headers.get('content-type'), 'charset') };
}

/** A page saved as .mht/.mhtml, read like a saved .html page. */
export function readMhtml(bytes: Uint8Array): Source {
  const page = mhtmlPage(bytes);
  const { text, encoding } = decodeHtml(page.bytes, page.charset ?? undefined);
  return readHtmlText(text, `网页单个文件（${encoding}）`);
}
