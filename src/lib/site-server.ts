// The HTTP server of a built site, shared by `npm start` (src/cli/serve.ts) and `npm run demo`
// (src/cli/demo-site.ts); each adds only where it listens. Every request is judged first
// (src/lib/request-path.ts), only files whose real path is inside the site folder are ever read
// (src/lib/site-file.ts: no symbolic link out), a Range header is judged before a byte is read
// (src/lib/byte-range.ts), and anything else is a plain Chinese 400, 404, 405 or 416, never a stack or a
// dropped connection. Every answer carries the Content-Security-Policy as a header (frame-ancestors too).
import { createReadStream, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { lookup } from 'mrmime';
import { byteRange } from './byte-range.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from './csp.ts';
import { requestTarget } from './request-path.ts';
import { siteFile, type SiteFile } from './site-file.ts';

export interface SiteServerOptions {
  /** The site folder. Files are looked up in it per request: a rebuild replaces it while the server runs. */
  root: string;
  /** The base the site was built under, normalised ("/" or "/reports/"). */
  base: string;
  /** The HTML a 404 answers with. Without it, the folder's own 404.html (read only from inside it), else plain text. */
  notFoundPage?: string;
}

function headers(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.end(`${text}\n`);
}

function notFound(res: ServerResponse, opts: SiteServerOptions) {
  let page: string | Buffer | undefined = opts.notFoundPage;
  if (page === undefined) {
    const file = siteFile(opts.root, ['404.html']);
    if (!file) return plain(res, 404, '404 页面不存在');
    page = readFileSync(file.path);
  }
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(page);
}

function contentType(path: string): string {
  // Pagefind's index files (.pagefind, .pf_meta …) have extensions no MIME table knows: bytes.
  const type = lookup(extname(path)) ?? 'application/octet-stream';
  return type === 'text/html' ? 'text/html; charset=utf-8' : type;
}

/** Send one file, or the one range of it asked for. */
function sendFile(req: IncomingMessage, res: ServerResponse, file: SiteFile) {
  const etag = `W/"${file.size}-${file.mtime.getTime()}"`;
  res.setHeader('Content-Type', contentType(file.path));
  res.setHeader('Last-Modified', file.mtime.toUTCString());
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Accept-Ranges', 'bytes');
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    return res.end();
  }
  // If-Range names the version the client holds a part of: another version means the whole file.
  const ifRange = req.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? byteRange(req.headers.range, file.size) : ({ kind: 'whole' } as const);
  if (range.kind === 'unsatisfiable') return plain(res, 416, '416 请求的字节范围不在文件之内', { 'Content-Range': `bytes */${file.size}` });
  const part = range.kind === 'part' ? range : undefined;
  res.statusCode = part ? 206 : 200;
  res.setHeader('Content-Length', part ? part.end - part.start + 1 : file.size);
  if (part) res.setHeader('Content-Range', `bytes ${part.start}-${part.end}/${file.size}`);
  if (req.method === 'HEAD') return res.end();
  const stream = createReadStream(file.path, part && { start: part.start, end: part.end });
  // Gone or unreadable after it was found (a rebuild in between): the answer is already under way, so it is cut.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function handle(req: IncomingMessage, res: ServerResponse, opts: SiteServerOptions) {
  headers(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, '405 只支持 GET 和 HEAD 请求', { Allow: 'GET, HEAD' });
  const target = requestTarget(req.url ?? '', opts.base);
  switch (target.kind) {
    case 'bad':
      return plain(res, 400, '400 请求的地址无效');
    case 'missing':
      return notFound(res, opts);
    case 'redirect':
      res.statusCode = 302;
      res.setHeader('Location', target.location);
      return res.end();
    case 'file': {
      // requestTarget has judged and re-encoded every segment; decoding them again cannot fail.
      const segments = target.path.replace(/[?#].*$/, '').slice(1).split('/').map(decodeURIComponent);
      const file = siteFile(opts.root, segments);
      return file ? sendFile(req, res, file) : notFound(res, opts);
    }
  }
}

/** A server for the site in `opts.root`, not yet listening: the caller chooses the port and reports errors. */
export function createSiteServer(opts: SiteServerOptions): Server {
  const server = createServer((req, res) => {
    try {
      handle(req, res, opts);
    } catch (e) {
      // The reader gets no details; the terminal gets one line.
      console.error(`✗ 处理 ${JSON.stringify(req.url)} 时出错：${(e as Error).message}`);
      if (!res.headersSent) plain(res, 500, '500 服务器内部错误');
      else res.destroy();
    }
  });
  // A malformed request line or header never reaches the handler: answer it plainly as well.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 请求无效\n');
    else socket.destroy();
  });
  return server;
}
