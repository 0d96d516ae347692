// npm run demo: build the sample sites (examples/) side by side and serve them, to see nianbao in a minute.
import { relative } from 'node:path';
import { fail, parseCommandArgs } from './command.ts';
import { userPath } from '../lib/cli-paths.ts';
import { DEMO_SITES, demoBase } from '../lib/demo.ts';
import { buildDemo, DEMO_OUT, DemoError, landingSite, ROOT, serveDemo } from './demo-site.ts';

const HELP = `用法：npm run demo [-- --port 端口] [-- --host 地址] [-- --no-serve]

用 examples/ 中的示例数据（虚构单位，文字和数字均为编造）构建演示网站，并在本机打开服务：
${DEMO_SITES.map((s) => `  ${demoBase(s).padEnd(12)}${s.content}`).join('\n')}
  /           演示首页，链接以上网站

选项：
  --port 端口    服务端口（默认 4321；被占用时自动换下一个）
  --host 地址    监听地址（默认 127.0.0.1，只有本机能访问；0.0.0.0 让局域网内其他电脑也能打开）
  --out 目录     生成到这里（默认 dist-demo/）
  --no-serve     只构建，不启动服务
  -h, --help     显示本说明`;

const args = parseCommandArgs(
  {
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      out: { type: 'string' },
      'no-serve': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  },
  HELP,
).values;

const port = args.port === undefined ? 4321 : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port 必须是 0—65535 之间的整数，收到 ${args.port}`);
const out = args.out ? userPath(args.out) : DEMO_OUT;

console.log(`nianbao 演示：用示例数据构建 ${DEMO_SITES.length} 个网站（对外公开版）到 ${relative(ROOT, out) || out}/`);
try {
  buildDemo(out);
} catch (e) {
  if (e instanceof DemoError) fail(e.message);
  throw e;
}
if (args['no-serve']) process.exit(0);

try {
  const served = await serveDemo(out, { port, host: args.host, tryNext: args.port === undefined });
  console.log(`\n演示网站已启动：${served.url}`);
  for (const s of DEMO_SITES) console.log(`  ${landingSite(s).kindName}：${served.url}${demoBase(s).slice(1)}`);
  console.log('（示例数据，均为虚构。按 Ctrl+C 停止）');
  const stop = () => {
    void served.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof DemoError) fail(e.message);
  throw e;
}
