// `npm run publish -- --to DIR`: build into a fresh release folder next to DIR, verify it, then point DIR
// at it with one rename() of a symlink — readers see the old site or the new one, never a mix.
//
//   DIR                  → symlink to DIR.releases/<release>
//   DIR.releases/
//     20250116-093000-123/          a release (the current one, the previous one, older ones up to --keep)
//     20240110-080000-000-manual/   what DIR held when it was still a plain folder
//     .building-…/                  a release being built (removed if the build or the checks fail)
//     .lock                         held while a publish runs
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { checkContent } from './check.ts';
import type { Edition } from './edition.ts';
import { countBySeverity, formatProblems, hasErrors } from './problems.ts';
import { formatVerification, verifySite, type VerifyResult } from './verify-site.ts';

export const DEFAULT_KEEP = 3;
/** Folder names a publish creates; nothing else in the releases folder is ever deleted. */
export const RELEASE_NAME = /^\d{8}-\d{6}-\d{3}(?:-\d+)?(?:-manual)?$/;
const BUILDING_PREFIX = '.building-';

export class PublishError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishError';
  }
}

export function releasesDirOf(target: string): string {
  return `${target}.releases`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `20250116-093000-123` (local time): sorts in time order. */
export function releaseStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}-${pad(d.getMilliseconds(), 3)}`;
}

/** A name not yet taken in `dir`: the stamp, or the stamp with -2, -3 … */
export function freeName(dir: string, stamp: string, suffix = ''): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${stamp}${suffix}` : `${stamp}-${i}${suffix}`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${BUILDING_PREFIX}${name}`))) return name;
  }
}

export type TargetState =
  | { kind: 'missing' }
  | { kind: 'release'; release: string }
  | { kind: 'symlink'; points: string }
  | { kind: 'directory' };

/** What DIR is now. Throws PublishError for anything publish must not touch. */
export function inspectTarget(target: string): TargetState {
  let st;
  try {
    st = lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  if (st.isSymbolicLink()) {
    const releases = releasesDirOf(target);
    let real: string | undefined;
    try {
      real = realpathSync(target);
    } catch {
      // A dangling link is replaced like any other.
    }
    if (real && existsSync(releases) && dirname(real) === realpathSync(releases) && RELEASE_NAME.test(basename(real))) {
      return { kind: 'release', release: basename(real) };
    }
    return { kind: 'symlink', points: readlinkSync(target) };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  throw new PublishError(`${target} 是一个文件，不是网站目录：不会覆盖它。请换一个 --to 目录，或先自行移走这个文件。`);
}

/** Releases in the folder, oldest first. */
export function listReleases(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && RELEASE_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Point `target` at `releaseDir` with one rename(): atomic for everyone reading `target`. */
export function swapSymlink(target: string, releaseDir: string): void {
  const linkText = relative(dirname(target), releaseDir) || '.';
  const tmp = join(dirname(target), `.${basename(target)}.publish-${process.pid}-${Date.now()}`);
  rmSync(tmp, { force: true });
  symlinkSync(linkText, tmp, 'dir');
  try {
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Delete releases beyond `keep`, never the current or the previous one, and only folders that
 * publish itself named. Returns the names deleted.
 */
export function pruneReleases(releasesDir: string, keep: number, protect: string[]): string[] {
  const protectedSet = new Set(protect.filter(Boolean));
  const others = listReleases(releasesDir).filter((r) => !protectedSet.has(r)).reverse();
  const room = Math.max(0, keep - protectedSet.size);
  const doomed = others.slice(room);
  for (const name of doomed) rmSync(join(releasesDir, name), { recursive: true, force: true });
  return doomed;
}

/** Folders left by a publish that was killed mid-build. Call only while holding the lock. */
export function removeStaleBuilds(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  const stale = readdirSync(releasesDir).filter((n) => n.startsWith(BUILDING_PREFIX));
  for (const n of stale) rmSync(join(releasesDir, n), { recursive: true, force: true });
  return stale;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One publish at a time per DIR. A lock left by a process that no longer runs is taken over. */
export function acquireLock(releasesDir: string): () => void {
  const lock = join(releasesDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new PublishError(`另一个发布正在进行（进程 ${pid}，锁文件 ${lock}）。等它结束后再发布；确认没有发布在运行的，删除这个锁文件。`);
      }
      unlinkSync(lock);
    }
  }
  throw new PublishError(`无法获得发布锁 ${lock}`);
}

export interface PublishOptions {
  /** DIR, absolute. */
  target: string;
  contentDir: string;
  edition: Edition;
  base: string;
  keep: number;
  dryRun: boolean;
  /** Build the site into `outDir`; resolves to the exit code. */
  build: (outDir: string) => Promise<number>;
  log: (line: string) => void;
  /** Registers the folder to delete if the process is interrupted (Ctrl-C). */
  onBuilding?: (dir: string | undefined) => void;
  now?: () => Date;
}

export interface PublishOutcome {
  release?: string;
  previous?: string;
  /** Where DIR pointed when it was a symlink publish did not make. */
  replacedLink?: string;
  pruned: string[];
  verification?: VerifyResult;
  dryRun: boolean;
}

function describe(state: TargetState, target: string): string {
  switch (state.kind) {
    case 'missing':
      return `${target} 还不存在，将新建`;
    case 'release':
      return `${target} 当前指向版本 ${state.release}`;
    case 'symlink':
      return `${target} 是指向 ${state.points} 的链接（不是本工具发布的版本，替换链接时不会动它指向的目录）`;
    case 'directory':
      return `${target} 是一个普通目录（手工复制的旧网站？）`;
  }
}

/** Build, verify, swap. Throws PublishError with a Chinese message; DIR is untouched unless it succeeds. */
export async function publish(opts: PublishOptions): Promise<PublishOutcome> {
  const { target, log } = opts;
  const now = opts.now ?? (() => new Date());
  if (!Number.isInteger(opts.keep) || opts.keep < 2) throw new PublishError(`--keep 必须是不小于 2 的整数（当前版本和上一个版本总要保留），收到 ${opts.keep}`);
  if (resolve(target) === resolve(opts.contentDir) || resolve(opts.contentDir).startsWith(resolve(target) + sep)) {
    throw new PublishError(`发布目录 ${target} 不能是内容目录或包含内容目录`);
  }
  const releasesDir = releasesDirOf(target);
  const before = inspectTarget(target);
  log(`发布目录：${describe(before, target)}`);

  log('① 检查内容 …');
  const checked = checkContent(opts.contentDir);
  if (hasErrors(checked.problems)) {
    throw new PublishError(`内容检查未通过，没有构建也没有发布：\n\n${formatProblems(checked.problems, opts.contentDir)}\n\n修改后运行 npm run check 复查。`);
  }
  const counts = countBySeverity(checked.problems);
  const years = checked.reports.map((r) => r.year);
  log(`   内容检查通过：${years.length} 份报告（${years.join('、')}）${counts.warning + counts.notice ? `，${counts.warning} 个警告、${counts.notice} 个提示（npm run check 查看）` : ''}`);

  const createdReleasesDir = !existsSync(releasesDir);
  try {
    mkdirSync(releasesDir, { recursive: true });
  } catch (e) {
    throw new PublishError(`无法创建版本目录 ${releasesDir}：${(e as Error).message}`);
  }
  const unlock = acquireLock(releasesDir);
  let building: string | undefined;
  const setBuilding = (dir: string | undefined) => {
    building = dir;
    opts.onBuilding?.(dir);
  };
  try {
    const stale = removeStaleBuilds(releasesDir);
    if (stale.length) log(`   清理了上次中断的发布留下的临时目录：${stale.join('、')}`);
    const name = freeName(releasesDir, releaseStamp(now()));
    setBuilding(join(releasesDir, `${BUILDING_PREFIX}${name}`));
    const buildDir = building as string;

    log(`② 构建${opts.edition === 'public' ? '对外公开版' : '内部版'}（路径前缀 ${opts.base}）到 ${buildDir} …`);
    const code = await opts.build(buildDir);
    if (code !== 0) throw new PublishError(`构建失败（退出码 ${code}），见上方 Astro 的输出。${target} 没有改动。`);
    if (!existsSync(buildDir)) throw new PublishError(`构建没有生成任何文件（${buildDir} 不存在）。${target} 没有改动。`);

    log('③ 校验构建结果 …');
    const verification = verifySite(buildDir, { base: opts.base, years, edition: opts.edition });
    log(formatVerification(verification));
    if (!verification.ok) {
      const failed = verification.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.label);
      throw new PublishError(`校验未通过（${failed.join('、')}），没有发布。${target} 没有改动。`);
    }

    if (opts.dryRun) {
      rmSync(buildDir, { recursive: true, force: true });
      setBuilding(undefined);
      log(`④ 试运行（--dry-run）：构建和校验都通过；没有替换 ${target}，临时构建已删除。`);
      return { pruned: [], verification, dryRun: true };
    }

    const releaseDir = join(releasesDir, name);
    renameSync(buildDir, releaseDir);
    setBuilding(releaseDir);

    log('④ 切换 …');
    const current = inspectTarget(target);
    let previous: string | undefined;
    if (current.kind === 'release') previous = current.release;
    if (current.kind === 'directory') {
      const moved = freeName(releasesDir, releaseStamp(statSync(target).mtime), '-manual');
      try {
        renameSync(target, join(releasesDir, moved));
      } catch (e) {
        throw new PublishError(`无法把原目录 ${target} 移入 ${releasesDir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：它可能是挂载点，或与版本目录不在同一个磁盘。${target} 没有改动；请手工移走它，或换一个 --to 目录。`);
      }
      previous = moved;
      log(`   ${target} 原是普通目录，已原样移到 ${join(releasesDir, moved)}，作为“上一个版本”保留。`);
    }
    if (current.kind === 'missing') mkdirSync(dirname(target), { recursive: true });
    try {
      swapSymlink(target, releaseDir);
    } catch (e) {
      if (current.kind === 'directory' && previous) renameSync(join(releasesDir, previous), target);
      throw new PublishError(`无法替换 ${target}：${(e as Error).message}。${target} 没有改动。`);
    }
    setBuilding(undefined);
    log(`   ${target} → ${releaseDir}`);
    if (current.kind === 'symlink') log(`   原链接指向 ${current.points}（不在 ${releasesDir} 中）；那个目录没有改动，也不计入保留的版本。`);

    const pruned = pruneReleases(releasesDir, opts.keep, [name, previous ?? '']);
    if (pruned.length) log(`   删除了较早的版本：${pruned.join('、')}（保留最近 ${opts.keep} 个）`);
    return { release: name, previous, replacedLink: current.kind === 'symlink' ? current.points : undefined, pruned, verification, dryRun: false };
  } finally {
    if (building) rmSync(building, { recursive: true, force: true });
    opts.onBuilding?.(undefined);
    unlock();
    // A first publish that failed (or a dry run) leaves no empty releases folder behind.
    if (createdReleasesDir && existsSync(releasesDir) && readdirSync(releasesDir).length === 0) rmSync(releasesDir, { recursive: true, force: true });
  }
}
