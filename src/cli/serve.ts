// npm start's server: dist/ on http://localhost:4321 under the base, as a web server would serve it.
// Not `astro preview`, which answered a malformed or traversal URL (/..%2fpackage.json) with a 500 and a
// stack trace naming server paths. The server itself is src/lib/site-server.ts (shared with npm run demo):
// every request judged first, only files whose real path is inside dist/ read, a Range header judged before
// a byte is read, and anything else a plain Chinese 400, 404 or 416, never a stack or a dropped connection.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployBase, fail, parseCommandArgs } from './command.ts';
import { userPath } from '../lib/cli-paths.ts';
import { createSiteServer } from '../lib/site-server.ts';

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

const base = deployBase();

const server = createSiteServer({ root: DIST, base });
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
