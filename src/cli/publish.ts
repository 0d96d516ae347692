// npm run publish -- --to DIR: build, verify, then swap the site into DIR atomically (previous kept).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fail, parseCommandArgs } from './command.ts';
import { userPath } from '../lib/cli-paths.ts';
import { resolveContentDir } from '../lib/content.ts';
import { readEdition, type Edition } from '../lib/edition.ts';
import { normaliseBase } from '../lib/paths.ts';
import { DEFAULT_KEEP, PublishError, publish, releasesDirOf } from '../lib/publish.ts';

const HELP = `用法：npm run publish -- --to 目录 [--keep N] [--dry-run]

构建网站，校验构建结果，然后把网站原子地切换到“目录”：
  1. 检查内容（同 npm run check），有错误就停止；
  2. 构建到“目录.releases/<时间>/”（一个新的版本文件夹）；
  3. 校验：首页和每个年度页面都在，所有站内链接和资源都能打开（含路径前缀），
     搜索索引 pagefind/ 已生成，对外公开版中没有内部版才有的标记；
  4. 把“目录”（一个符号链接）一次性指向新版本：访问者看到的要么是旧网站，要么是新网站。
     上一个版本保留在“目录.releases/”中；更早的版本只保留最近 N 个。

任何一步失败，“目录”都不会改动，失败的版本文件夹会被删除，退出码为 1。
第一次发布时，如果“目录”是手工复制的普通文件夹，它会被原样移入“目录.releases/”作为上一个版本。
回退到上一个版本：ln -sfn 目录.releases/<上一个版本> 目录.tmp && mv -T 目录.tmp 目录

选项：
  --to 目录      发布到这里（必填）；网页服务器的根目录应指向它
  --keep N       保留最近 N 个版本（含当前版本，至少 2，默认 ${DEFAULT_KEEP}）
  --dry-run      只构建和校验，不切换，也不保留这次的构建
  -h, --help     显示本说明

环境变量（与 npm run build 相同）：
  NIANBAO_CONTENT  内容目录（默认 ./content）
  NIANBAO_EDITION  public（对外公开版，默认）或 internal（内部版）
  NIANBAO_BASE     部署路径前缀，如 /reports/

示例：
  npm run publish -- --to /srv/www/nianbao
  NIANBAO_EDITION=internal NIANBAO_BASE=/reports/ npm run publish -- --to /srv/intranet/reports --keep 5`;

const args = parseCommandArgs(
  {
    options: {
      to: { type: 'string' },
      keep: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  },
  HELP,
).values;

if (args.help) {
  console.log(HELP);
  process.exit(0);
}
if (!args.to?.trim()) fail(`请用 --to 指定发布目录，如 npm run publish -- --to /srv/www/nianbao\n\n${HELP}`);
const keep = args.keep === undefined ? DEFAULT_KEEP : Number(args.keep);
if (!Number.isInteger(keep) || keep < 2) fail(`--keep 必须是不小于 2 的整数（当前版本和上一个版本总要保留），收到 ${args.keep}`);

let edition: Edition;
try {
  edition = readEdition();
} catch (e) {
  fail((e as Error).message);
}
// As typed: relative to where the user ran `npm run publish`, not the project folder.
const target = userPath(args.to.trim().replace(/(.)\/+$/, '$1'));
const contentDir = resolveContentDir();
const base = normaliseBase(process.env.NIANBAO_BASE);
const editionLabel = edition === 'public' ? '对外公开版（public）' : '内部版（internal，含未公开数字）';
console.log(`nianbao 发布：内容目录 ${contentDir}，${editionLabel}，路径前缀 ${base}`);
console.log(`目标：${target}（版本保存在 ${releasesDirOf(target)}，保留最近 ${keep} 个）${args['dry-run'] ? '，试运行' : ''}`);

const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
let child: ChildProcess | undefined;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    // The build is the only step that waits; stopping it makes publish clean up and leave DIR as it was.
    if (child && child.exitCode === null) child.kill(signal);
  });
}

function build(outDir: string): Promise<number> {
  return new Promise((done) => {
    if (interrupted) return done(130);
    child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir], {
      stdio: 'inherit',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', (e) => {
      console.error(`无法启动 Astro：${e.message}`);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const started = Date.now();
try {
  const outcome = await publish({
    target,
    contentDir,
    edition,
    base,
    keep,
    dryRun: args['dry-run'],
    build,
    log: (line) => console.log(line),
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.dryRun) {
    console.log(`✓ 试运行完成（${seconds} 秒）：可以发布。`);
  } else {
    console.log(`✓ 已发布（${seconds} 秒）：${target} → ${releasesDirOf(target)}/${outcome.release}`);
    if (outcome.previous) console.log(`  上一个版本：${releasesDirOf(target)}/${outcome.previous}（需要回退时把 ${target} 指回它）`);
    else if (outcome.replacedLink) console.log(`  ${target} 原来指向 ${outcome.replacedLink}；需要回退时把它指回去。`);
    else console.log('  这是第一个版本。');
  }
} catch (e) {
  if (interrupted) {
    console.error(`✗ 发布已中断：${target} 没有改动，未完成的构建已删除。`);
    process.exit(130);
  }
  if (e instanceof PublishError) fail(`发布失败：${e.message}`);
  fail(`发布失败（意外错误）：${(e as Error).stack ?? e}\n${target} 没有改动。`);
}
