// Runs the Astro CLI for the npm scripts: telemetry off (intranets are offline, and no request may leave),
// the content folder and edition announced so nobody publishes the wrong one by accident, and a build
// that only replaces dist/ once it has completed, search index included.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHECKED_ENV, resolveContentDir } from '../lib/content/content-dir.ts';
import { readEdition } from '../lib/content/edition.ts';
import { describeFsError } from '../lib/content/fs-errors.ts';
import { moveDir } from '../lib/publish/move-dir.ts';
import { PublishError } from '../lib/publish/publish-error.ts';
import { refuseUnsafeTarget } from '../lib/publish/publish-target.ts';
import { inspectSiteFolder, refusalOf, SITE_FILES, writeSiteFiles } from '../lib/publish/site-files.ts';
import { deployBase, fail } from './command.ts';
import type { ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { exitCode, releaseOutput, ROOT, spawnAstro } from './astro-process.ts';
import { checkVerdict, internalError, type Verdict } from './check-verdict.ts';

const DIST = join(ROOT, 'dist');

const args = process.argv.slice(2);

const USAGE: Record<string, string> = {
  build: `用法：npm run build [-- --outDir 文件夹]

检查内容目录，通过后生成整个网站（报告、对比、趋势、搜索索引）。构建完成后才替换 dist/（或 --outDir
指定的文件夹），失败时原来的网站保持不变。只会替换空文件夹，或上次构建生成、之后没有放进别的文件也没有
改动过的网站文件夹（构建时写下的文件清单 .nianbao-site.json 为凭）；不会替换链接（publish 的发布目录）。`,
  dev: `用法：npm run dev

检查内容目录后启动本机预览（默认 http://localhost:4321/），修改报告并保存后页面自动更新。按 Ctrl-C 停止。`,
};
const ENV_HELP = `
环境变量：
  NIANBAO_CONTENT   内容目录（默认 ./content）
  NIANBAO_EDITION   public（对外公开版，默认）或 internal（内部版）
  NIANBAO_BASE      网站的路径前缀，如 /nianbao/（默认 /）`;
if ((args[0] === 'build' || args[0] === 'dev') && args.some((a) => a === '--help' || a === '-h')) {
  console.log(USAGE[args[0]] + '\n' + ENV_HELP);
  process.exit(0);
}

let edition;
try {
  edition = readEdition();
} catch (e) {
  fail((e as Error).message);
}
// Read before Astro starts (preview included): its config would otherwise stop on the same value with a stack.
const base = deployBase();
const editionLabel = edition === 'public' ? '对外公开版（public）' : '内部版（internal，含未公开数字）';
if (args[0] !== 'preview') {
  console.log(`nianbao：内容目录 ${resolveContentDir()}，${editionLabel}，路径前缀 ${base}`);
}

/** Stops with the check's list of problems, or prints the line saying the content passed. */
function actOn(verdict: Verdict): void {
  if ('passed' in verdict) {
    console.log(verdict.passed);
    return;
  }
  if (verdict.problems) console.error(`\n${verdict.problems}\n`);
  fail(verdict.message, verdict.hint);
}

/** The check on a thread of its own (src/cli/check-worker.ts), while Astro starts. */
function checkBeside(dir: string, command: string): Promise<Verdict> {
  return new Promise((done) => {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { dir, command } });
    worker.once('message', done);
    const broken = (reason: string) => done(internalError(dir, reason));
    worker.once('error', (e) => broken(String(e?.message ?? e).split('\n')[0] as string));
    worker.once('exit', (code) => broken(`检查线程意外退出（${code}）`));
  });
}

// Checked here (or, for preview, not read at all): the pre-flight integration need not read it again.
const checked = args[0] === 'build' || args[0] === 'dev' || args[0] === 'sync' || args[0] === 'preview' ? { [CHECKED_ENV]: resolveContentDir() } : {};

function forwardSignals(child: ChildProcess): void {
  // Ctrl-C reaches Astro itself (it shares the terminal); a signal sent to this process alone is passed on. Either way, Astro stops first.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
}

// dev and sync: check first, so a content problem reads as our list alone rather than wrapped in Astro's
// hook error, and no preview starts on broken content. A check that passed on exactly this content and
// code is not run again (src/lib/check/check-cache.ts).
if (args[0] !== 'build') {
  if (args[0] === 'dev' || args[0] === 'sync') {
    actOn(await checkVerdict(resolveContentDir(), args[0]));
  }
  const child = spawnAstro(args, { ...process.env, ...checked });
  forwardSignals(child);
  process.exit(await exitCode(child));
}

/** `--outDir X`, `--out-dir X` or `--outDir=X` taken out of the arguments: Astro gets a folder beside it instead. */
function takeOutDir(argv: string[]): { outDir?: string; rest: string[] } {
  const rest: string[] = [];
  let outDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    // Astro's parser reads --out-dir as --outDir too: every spelling it takes is taken out here, so no
    // output folder ever reaches Astro but the one beside the target.
    const flag = /^--out-?dir(?:=|$)/i.exec(a);
    if (!flag) rest.push(a);
    else if (a.includes('=')) outDir = a.slice(a.indexOf('=') + 1);
    else outDir = argv[++i];
    if (flag && !outDir?.trim()) fail(`${a} 后面要写一个文件夹`, '例如 npm run build -- --outDir /srv/www/nianbao-site');
  }
  return { outDir, rest };
}

// A build that fails halfway (say, in the search index step) must not leave a half-written site, in
// dist/ or in a folder named with --outDir: build beside it, then swap it in. Astro itself always
// builds inside the project (outside it, its intermediate files go astray: see src/cli/publish.ts);
// the finished site is then moved beside the folder, copied when that is on another disk.
const { outDir, rest } = takeOutDir(args);
const target = outDir ? resolve(outDir) : DIST;
/**
 * Stops unless the build may replace `target`: not a place publish or the user keeps (the checkout, the
 * content, a release, a mount point), and absent, empty, or a build's output with nothing added since.
 */
function refuseUnlessReplaceable(cleanUp = () => {}): void {
  try {
    refuseUnsafeTarget(target, { projectDir: ROOT, contentDir: resolveContentDir(), action: 'build' });
  } catch (e) {
    if (!(e instanceof PublishError)) throw e;
    cleanUp();
    fail(e.message, e.hint);
  }
  const refusal = refusalOf(inspectSiteFolder(target), target);
  if (refusal) {
    cleanUp();
    fail(refusal.message, refusal.hint);
  }
}
refuseUnlessReplaceable();
const local = join(ROOT, `dist.building-${process.pid}`);
const building = `${target}.building-${process.pid}`;
// Builds in one checkout run one at a time (src/integrations/one-build.ts), but the swap follows the
// build: a name of its own keeps one command's swap from touching another's.
const previous = `${target}.previous-${process.pid}`;
// The check and Astro's start-up (loading its config, syncing content, compiling every report) run side by
// side on two cores. Astro's output is held until the check has passed: on broken content it is stopped
// and only our list of problems is shown, never Astro's own error about the same file. Astro writes
// nothing but its cache and the folder beside the target until then, so stopping it leaves nothing half-done.
const child = spawnAstro([...rest, '--outDir', local], { ...process.env, ...checked }, { held: true });
forwardSignals(child);
const finished = exitCode(child);
// Output piped to a reader that stops early (`npm run build | head`): without a listener this process died
// on the broken pipe and left the half-built folder in the checkout. Now Astro is stopped and the folder goes.
const onClosedOutput = (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  child.kill('SIGTERM');
  void finished.then(() => {
    rmSync(local, { recursive: true, force: true });
    process.exit(141);
  });
};
process.stdout.on('error', onClosedOutput);
process.stderr.on('error', onClosedOutput);
const verdict = await checkBeside(resolveContentDir(), args[0] as string);
if (!('passed' in verdict)) {
  child.kill('SIGTERM');
  await finished;
  rmSync(local, { recursive: true, force: true });
}
actOn(verdict);
releaseOutput(child);
const status = await finished;
if (status !== 0) {
  rmSync(local, { recursive: true, force: true });
  fail(`构建失败，${target === DIST ? 'dist/' : target} 保持原样（上一次成功构建的网站仍在）。`, '按上面的提示修改后重新运行 npm run build');
}
try {
  writeSiteFiles(local);
} catch (e) {
  rmSync(local, { recursive: true, force: true });
  fail(`无法写入网站的文件清单 ${join(local, SITE_FILES)}：${describeFsError(e)}。${target} 保持原样。`);
}
if (building !== local) {
  try {
    moveDir(local, building);
  } catch (e) {
    rmSync(local, { recursive: true, force: true });
    fail(`无法把网站写到 ${building}：${describeFsError(e)}。${target} 保持原样。`);
  }
}
// The folder may have changed during the build (someone saved a file into it): asked again at the swap, and
// what was moved aside is looked at once more before it goes, so nothing put there meanwhile is deleted.
const abandon = () => rmSync(building, { recursive: true, force: true });
refuseUnlessReplaceable(abandon);
if (existsSync(target)) {
  renameSync(target, previous);
  const refusal = refusalOf(inspectSiteFolder(previous), target);
  if (refusal) {
    renameSync(previous, target);
    abandon();
    fail(refusal.message, refusal.hint);
  }
}
renameSync(building, target);
rmSync(previous, { recursive: true, force: true });
console.log(`✓ 网站已生成到 ${target}`);
