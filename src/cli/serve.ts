// npm start's server: dist/ on http://localhost:4321 under the base, as a web server would serve it.
// Not `astro preview`, which answered a malformed or traversal URL (/..%2fpackage.json) with a 500 and a
// stack trace naming server paths. Here every request is judged first (src/lib/request-path.ts), only
// files whose real path is inside dist/ are ever read (src/lib/site-file.ts: no symbolic link out), a
// Range header is judged before a byte is read (src/lib/byte-range.ts), and anything else is a plain
// Chinese 400, 404 or 416, never a stack or a dropped connection.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookup } from 'mrmime';
import { fail, parseCommandArgs } from './command.ts';
import { byteRange } from '../lib/byte-range.ts';
import { userPath } from '../lib/cli-paths.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../lib/csp.ts';
import { normaliseBase } from '../lib/paths.ts';
import { requestTarget } from '../lib/request-path.ts';
import { siteFile, type SiteFile } from '../lib/site-file.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const HELP = `用法：npm start（先构建，再运行本服务），或 node src/cli/serve.ts [--port 端口] [--host 地址] [--dir 目录]

在浏览器中查看已构建的网站，路径前缀取自 NIANBAO_BASE（须与构建时相同）。
  --dir 目录     要查看的网站目录，默认 dist/（也可以是发布目录中的一个版本）
  --port 端口    默认 4321
  --host 地址    监听的地址，默认 127.0.0.1（只有本机能访问）；0.0.0.0 允许其他电脑访问
  -h, --help     显示本说明`;

const { values: args } = parseCommandArgs(
  {
    options: {
      dir: { type: 'string' },
      port: { type: 'string', default: '4321' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  },
  HELP,
);
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 要写 0 到 65535 之间的整数，收到 ${args.port}`);
const host = args.host?.trim() || '127.0.0.1';
const DIST = args.dir ? userPath(args.dir) : join(ROOT, 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  fail(args.dir ? `${DIST} 中没有构建好的网站（找不到 index.html）。` : '还没有构建好的网站（dist/index.html 不存在）。', '先运行 npm run build，或直接 npm start');
}

const base = normaliseBase(process.env.NIANBAO_BASE);

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

function notFound(res: ServerResponse) {
  const page = siteFile(DIST, ['404.html']);
  if (!page) return plain(res, 404, '404 页面不存在');
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(readFileSync(page.path));
}

function contentType(path: string): string {
  // Pagefind's index files (.pagefind, .pf_meta …) have extensions no MIME table knows: bytes.
  const type = lookup(extname(path)) ?? 'application/octet-stream';
  return type === 'text/html' ? 'text/html; charset=utf-8' : type;
}

/** Send one file, or the one range of it asked for. Files are looked up per request: a rebuild replaces dist/ while this runs. */
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

function handle(req: IncomingMessage, res: ServerResponse) {
  headers(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, '405 只支持 GET 和 HEAD 请求', { Allow: 'GET, HEAD' });
  const target = requestTarget(req.url ?? '', base);
  switch (target.kind) {
    case 'bad':
      return plain(res, 400, '400 请求的地址无效');
    case 'missing':
      return notFound(res);
    case 'redirect':
      res.statusCode = 302;
      res.setHeader('Location', target.location);
      return res.end();
    case 'file': {
      // requestTarget has judged and re-encoded every segment; decoding them again cannot fail.
      const segments = target.path.replace(/[?#].*$/, '').slice(1).split('/').map(decodeURIComponent);
      const file = siteFile(DIST, segments);
      return file ? sendFile(req, res, file) : notFound(res);
    }
  }
}

const server = createServer((req, res) => {
  try {
    handle(req, res);
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
server.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE') fail(`端口 ${port} 已被占用（可能已有一个 npm start 在运行）。`, `用 --port 换一个端口，如 node src/cli/serve.ts --port ${port + 1}`);
  fail(`无法启动网站服务：${e.message}`);
});
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host;
  console.log(`✓ 网站已在 http://${shown}:${actual}${base} 上运行（目录 ${DIST}；按 Ctrl+C 停止）`);
});
