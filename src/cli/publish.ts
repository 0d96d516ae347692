// npm run publish -- --to DIR: build, verify, then swap the site into DIR atomically (previous kept);
// --rollback points DIR back at the previous release.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { deployBase, fail, parseCommandArgs } from './command.ts';
import { exitCode, ROOT, spawnAstro } from './astro-process.ts';
import { userPath } from '../lib/cli-paths.ts';
import { resolveContentDir } from '../lib/content/content.ts';
import { readEdition, type Edition } from '../lib/content/edition.ts';
import { describeFsError } from '../lib/content/fs-errors.ts';
import { moveDir } from '../lib/publish/move-dir.ts';
import { DEFAULT_KEEP, PublishError, publish, rollback } from '../lib/publish/publish.ts';
import { processAlive } from '../lib/publish/publish-lock.ts';
import { MARKER_FILE, releasesDirOf } from '../lib/publish/release-store.ts';

const HELP = `用法：npm run publish -- --to 目录 [--keep N] [--dry-run] [--archive] [--adopt]
      npm run publish -- --to 目录 --rollback

构建网站，校验构建结果，然后把网站原子地切换到“目录”：
  1. 检查内容（同 npm run check），有错误就停止；
  2. 构建到“目录.releases/<时间>/”（一个新的版本文件夹，内有 nianbao 的版本标记 ${MARKER_FILE}）；
  3. 校验：首页和每个年度页面都在，所有站内链接和资源都能打开（含路径前缀），
     搜索索引 pagefind/ 已生成，对外公开版中没有内部版才有的标记；
  4. 把“目录”（一个符号链接）一次性指向新版本：访问者看到的要么是旧网站，要么是新网站。
     上一个版本保留在“目录.releases/”中；更早的、nianbao 构建的版本只保留最近 N 个。
任何一步失败，“目录”都不会改动，失败的版本文件夹会被删除，退出码为 1。
切换前会再看一次“目录”：构建期间有人在那里放了别的目录或链接，同样拒绝（除非 --adopt）。
发布被中断（Ctrl-C，甚至 kill -9）后，下一次发布或回退会先收拾残局。

“目录”可以是：
  · 还不存在的路径、空目录，或 publish 自己建立的链接；
  · 一个其中有 ${MARKER_FILE} 的普通目录（nianbao 构建的网站，如解压出来的归档）：
    它被原样移入“目录.releases/”，作为上一个版本；
  · 加 --adopt 时，也可以是手工放上去的普通目录或别人建立的链接。
publish 拒绝：文件系统的根目录和挂载点、本项目和内容目录（以及包含它们的目录）、主目录、
“目录.releases”和其中的一切，也不碰没有版本标记的目录（除非 --adopt）。
它只删除发布记录表明是自己构建的版本和临时文件，从不删除别的东西（手工放回的版本会保留并说明）。

选项：
  --to 目录      发布到这里（必填）；网页服务器的根目录应指向它
  --keep N       保留最近 N 个 nianbao 构建的版本（含当前版本，至少 2，默认 ${DEFAULT_KEEP}）
  --dry-run      只构建和校验，不切换，也不保留这次的构建
  --archive      另外把这个版本写成“目录.releases/<目录名>-<时间>.tar.gz”，
                 带到离线的机器上解压（tar -xzf），得到一个可以直接使用的网站文件夹
  --adopt        接管 nianbao 没有建立的“目录”：普通目录原样移到“目录.releases/<时间>-manual/”
                 （可以回退到它，永远不会被删除，也不计入 N）；别人的链接被替换（它指向的目录不动）
  --rollback     不构建，把“目录”指回上一个版本：按发布记录（目录.releases/.history），
                 在当前版本之前上线的那个；当前版本仍保留；没有更早的版本时报错，什么也不改
  -h, --help     显示本说明

环境变量（与 npm run build 相同）：
  NIANBAO_CONTENT  内容目录（默认 ./content）
  NIANBAO_EDITION  public（对外公开版，默认）或 internal（内部版）
  NIANBAO_BASE     部署路径前缀，如 /reports/

示例：
  npm run publish -- --to /srv/www/nianbao
  npm run publish -- --to /srv/www/nianbao --rollback
  NIANBAO_EDITION=internal NIANBAO_BASE=/reports/ npm run publish -- --to /srv/intranet/reports --keep 5 --archive`;

const args = parseCommandArgs(
  {
    options: {
      to: { type: 'string' },
      keep: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      archive: { type: 'boolean', default: false },
      adopt: { type: 'boolean', default: false },
      rollback: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  },
  HELP,
).values;

if (!args.to?.trim()) fail(`请用 --to 指定发布目录，如 npm run publish -- --to /srv/www/nianbao\n\n${HELP}`);
if (args.rollback) {
  const extra = [args['dry-run'] && '--dry-run', args.archive && '--archive', args.adopt && '--adopt', args.keep !== undefined && '--keep'].filter(Boolean);
  if (extra.length) fail(`--rollback 不能与 ${extra.join('、')} 同用：回退不构建，只把“目录”指回上一个版本。`);
}
if (args.archive && args['dry-run']) fail('--archive 不能与 --dry-run 同用：试运行不保留构建，没有可以归档的版本。', '去掉 --dry-run；归档和版本一起写入“目录.releases/”');
const keep = args.keep === undefined ? DEFAULT_KEEP : Number(args.keep);
if (!Number.isInteger(keep) || keep < 2) fail(`--keep 必须是不小于 2 的整数（当前版本和上一个版本总要保留），收到 ${args.keep}`);

// As typed: relative to where the user ran `npm run publish`, not the project folder.
const target = userPath(args.to.trim().replace(/(.)\/+$/, '$1'));
const contentDir = resolveContentDir();
const releasesDir = releasesDirOf(target);
const log = (line: string) => console.log(line);

function failWith(e: unknown, what: string): never {
  if (e instanceof PublishError) fail(`${what}：${e.message}`, e.hint);
  fail(`${what}（意外错误）：${describeFsError(e)}`, `${target} 应当没有改动；请把上面的输出报告给维护者`);
}

if (args.rollback) {
  console.log(`nianbao 回退：${target}（版本在 ${releasesDir}）`);
  try {
    const outcome = await rollback({ target, projectDir: ROOT, contentDir, log });
    console.log(`✓ 已回退：${target} → ${releasesDir}/${outcome.release}`);
    console.log(`  原来的版本 ${outcome.from} 仍在 ${releasesDir} 中；再次运行 npm run publish 会发布一个新版本。`);
    process.exit(0);
  } catch (e) {
    failWith(e, '回退失败');
  }
}

let edition: Edition;
try {
  edition = readEdition();
} catch (e) {
  fail((e as Error).message);
}
const base = deployBase();
const editionLabel = edition === 'public' ? '对外公开版（public）' : '内部版（internal，含未公开数字）';
console.log(`nianbao 发布：内容目录 ${contentDir}，${editionLabel}，路径前缀 ${base}`);
console.log(`目标：${target}（版本保存在 ${releasesDir}，保留最近 ${keep} 个）${args['dry-run'] ? '，试运行' : ''}${args.archive ? '，另写归档' : ''}`);

// Astro places its intermediate files next to the output folder only when that folder lies inside the
// project (by a plain string comparison), and otherwise in the project's .astro/, from where it
// rename()s them: a DIR on another disk fails with EXDEV, and a DIR whose path merely begins with the
// project's (/srv/nianbao → /srv/nianbao-www) gets chunks that cannot find node_modules. So Astro always
// builds inside the project, and the finished site is moved (or copied) to the release folder.
const LOCAL_BUILD = /^dist\.publish-(\d+)$/;
for (const name of readdirSync(ROOT)) {
  const pid = Number(LOCAL_BUILD.exec(name)?.[1]);
  if (pid && pid !== process.pid && !processAlive(pid)) rmSync(join(ROOT, name), { recursive: true, force: true });
}
const localBuild = join(ROOT, `dist.publish-${process.pid}`);

const interrupt = new AbortController();
let child: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupt.abort();
    // The build is the only long step; stopping it makes publish clean up and leave DIR as it was.
    if (child && child.exitCode === null) child.kill(signal);
  });
}

async function build(outDir: string): Promise<number> {
  if (interrupt.signal.aborted) return 130;
  rmSync(localBuild, { recursive: true, force: true });
  try {
    child = spawnAstro(['build', '--outDir', localBuild]);
    const code = await exitCode(child);
    child = undefined;
    if (code !== 0) return code;
    moveDir(localBuild, outDir);
    return 0;
  } finally {
    rmSync(localBuild, { recursive: true, force: true });
  }
}

const started = Date.now();
try {
  const outcome = await publish({
    target,
    projectDir: ROOT,
    contentDir,
    edition,
    base,
    keep,
    dryRun: args['dry-run'],
    adopt: args.adopt,
    archive: args.archive,
    build,
    log,
    signal: interrupt.signal,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (outcome.dryRun) {
    console.log(`✓ 试运行完成（${seconds} 秒）：可以发布。`);
  } else {
    console.log(`✓ 已发布（${seconds} 秒）：${target} → ${releasesDir}/${outcome.release}`);
    if (outcome.previous) console.log(`  上一个版本：${releasesDir}/${outcome.previous}（需要回退时运行 npm run publish -- --to ${target} --rollback）`);
    else if (outcome.replacedLink) console.log(`  ${target} 原来指向 ${outcome.replacedLink}；需要回退时把它指回去。`);
    else console.log('  这是第一个版本。');
    if (outcome.archive) console.log(`  归档：${outcome.archive}（tar -xzf 解压得到一个可以直接使用的网站文件夹）`);
  }
} catch (e) {
  if (interrupt.signal.aborted) {
    console.error(`✗ 发布已中断：${target} 没有改动，未完成的构建已删除。`);
    process.exit(130);
  }
  failWith(e, '发布失败');
}
