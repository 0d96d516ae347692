// `npm run publish -- --to DIR`: build into a fresh release folder next to DIR, verify it, then point DIR
// at it with one rename() of a symlink — readers see the old site or the new one, never a mix.
// `--rollback` points DIR back at the release before the current one. What lives in DIR.releases and
// what publish may delete there: release-store.ts. What it refuses or takes over at DIR: publish-target.ts.
import { existsSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../check/check.ts';
import { checkPortal, formatPortalCheck } from '../portal/check-portal.ts';
import { isPortalFolder } from '../content/content-dir.ts';
import type { Edition } from '../content/edition.ts';
import { describeFsError, fsErrorHint, makeDirs } from '../content/fs-errors.ts';
import { countBySeverity, formatProblems, hasErrors } from '../content/problems.ts';
import { acquireLock } from './publish-lock.ts';
import { PublishError } from './publish-error.ts';
import { describeTarget, inspectTarget, pointTargetAt, refuseUnsafeTarget, type TargetState } from './publish-target.ts';
import { archiveStem, writeArchive } from './release-archive.ts';
import {
  BUILDING_PREFIX,
  EMPTIED_PREFIX,
  freeName,
  HISTORY_FILE,
  MARKER_FILE,
  pruneReleases,
  readHistory,
  recordHistory,
  recoverTakeover,
  releasesDirOf,
  releaseStamp,
  removeIfUnused,
  removeNeverLive,
  removeStaleBuilds,
  removeStrayLinks,
  startHistory,
  unrecordedReleases,
  wayBack,
  writeMarker,
  type HistoryAction,
} from './release-store.ts';
import { formatVerification, verifySite, type VerifyResult } from './verify-site.ts';

export { PublishError } from './publish-error.ts';
export const DEFAULT_KEEP = 3;

export interface PublishOptions {
  /** DIR, absolute. */
  target: string;
  /** The nianbao checkout: never published over, nor any folder that holds it. */
  projectDir: string;
  contentDir: string;
  edition: Edition;
  base: string;
  keep: number;
  dryRun: boolean;
  /** Take over a DIR that nianbao did not make: a plain folder (kept as `<time>-manual`) or a link. */
  adopt?: boolean;
  /** Also write `DIR.releases/<name>-<release>.tar.gz`. */
  archive?: boolean;
  /** Build the site into `outDir`; resolves to the exit code. */
  build: (outDir: string) => Promise<number>;
  log: (line: string) => void;
  /** Aborted (Ctrl-C): stop before the switch; DIR stays as it was. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface PublishOutcome {
  release?: string;
  /** The release DIR pointed at before (or the folder that stood at DIR, now in DIR.releases). */
  previous?: string;
  /** Where DIR pointed when it was a link publish did not make (replaced with --adopt). */
  replacedLink?: string;
  archive?: string;
  pruned: string[];
  verification?: VerifyResult;
  dryRun: boolean;
}

export interface RollbackOptions {
  target: string;
  projectDir: string;
  contentDir?: string;
  log: (line: string) => void;
}

export interface RollbackOutcome {
  /** The release DIR points at now. */
  release: string;
  /** The one it pointed at before (kept). */
  from: string;
}

/**
 * Refuse a DIR nianbao did not make unless --adopt says to take it over. Asked before the build and
 * again at the switch (`appeared`): a folder or link put at DIR while the site was building is just as
 * much someone else's.
 */
function refuseWithoutAdopt(state: TargetState, target: string, adopt: boolean | undefined, appeared = false): void {
  if (adopt) return;
  const releasesDir = releasesDirOf(target);
  const when = appeared ? '在构建期间出现了：' : '';
  const outcome = appeared ? `刚构建的版本已删除，${target} 原样保留，没有发布。` : '什么也没有改动。';
  const again = appeared ? '再重新发布' : '再发布';
  if (state.kind === 'folder') {
    throw new PublishError(
      `${target} ${when}是一个普通目录，里面没有 nianbao 的版本标记 ${MARKER_FILE}：publish 不会移动、覆盖或删除不是它建立的东西，${outcome}`,
      `任选其一：\n① 自己把它移走（如 mv ${target} ${target}.old），${again}；\n② 它是手工放上去的旧网站、想留作可以回退的上一个版本：加 --adopt，它会原样移到 ${releasesDir}/<时间>-manual/，publish 永远不会删除它；\n③ 换一个 --to 目录。`,
    );
  }
  if (state.kind === 'link') {
    throw new PublishError(
      `${target} ${when}是指向 ${state.points} 的链接，不是 nianbao 建立的：publish 不会替换它，${outcome}`,
      `任选其一：\n① 自己删除这个链接（rm ${target}，它指向的目录不受影响），${again}；\n② 加 --adopt，让 publish 替换这个链接（它指向的目录原样保留）；\n③ 换一个 --to 目录。`,
    );
  }
}

function fsFailure(what: string, e: unknown, dir: string, tail = ''): PublishError {
  return new PublishError(`${what}：${describeFsError(e)}。${tail}`.trim(), fsErrorHint(e, dir));
}

function tryRecord(releasesDir: string, action: HistoryAction, release: string, log: (line: string) => void): void {
  try {
    // false: no history (lost); rollback goes by name order then, as it says when it does.
    recordHistory(releasesDir, action, release);
  } catch (e) {
    log(`   ! 没能把 ${release} 记入 ${join(releasesDir, '.history')}：${describeFsError(e)}`);
  }
}

/** Undo what a publish killed half-way left behind, under the lock. Returns DIR's state afterwards. */
function recover(target: string, releasesDir: string, log: (line: string) => void): TargetState {
  const restored = recoverTakeover(releasesDir, target);
  if (restored) log(`   上次发布在替换 ${target} 时中断：已把原来的目录从 ${join(releasesDir, restored)} 移回 ${target}。`);
  const stale = removeStaleBuilds(releasesDir);
  if (stale.length) log(`   清理了上次中断的发布留下的临时构建：${stale.join('、')}`);
  const links = removeStrayLinks(target);
  if (links.length) log(`   清理了上次中断的发布留下的临时链接：${links.join('、')}`);
  const state = inspectTarget(target);
  const current = state.kind === 'release' ? state.release : undefined;
  if (current && existsSync(join(releasesDir, current)) && readHistory(releasesDir)?.has(current) === false) tryRecord(releasesDir, 'found-live', current, log);
  const neverLive = removeNeverLive(releasesDir, current);
  if (neverLive.length) log(`   删除了构建完成但从未上线的版本（上次发布在切换前中断）：${neverLive.join('、')}`);
  const unrecorded = unrecordedReleases(releasesDir).filter((r) => r !== current);
  if (unrecorded.length) {
    log(
      `   保留了 ${unrecorded.join('、')}：它们有 nianbao 的版本标记，却不在发布记录 ${join(releasesDir, HISTORY_FILE)} 中（可能是手工放回或从别处复制来的），` +
        `publish 不会删除它们，也不计入 --keep，回退也不会经过它们。要让网站用其中一个，运行 ln -sfn ${releasesDir}/<版本> ${target}，它就会被记入；不再需要时请自行删除。`,
    );
  }
  return state;
}

/** Run `fn` holding DIR's lock, after recovering from an interrupted publish. */
async function withReleases<T>(target: string, log: (line: string) => void, create: boolean, fn: (releasesDir: string, state: TargetState) => Promise<T>): Promise<T> {
  const releasesDir = releasesDirOf(target);
  const created = !existsSync(releasesDir);
  if (created) {
    if (!create) throw new PublishError(`找不到版本目录 ${releasesDir}：${target} 还没有用 npm run publish 发布过，没有可以回退的版本。`);
    try {
      makeDirs(releasesDir);
    } catch (e) {
      throw fsFailure(`无法创建版本目录 ${releasesDir}`, e, releasesDir, '没有做任何改动。');
    }
  }
  try {
    const unlock = acquireLock(releasesDir);
    try {
      startHistory(releasesDir);
      return await fn(releasesDir, recover(target, releasesDir, log));
    } finally {
      unlock();
    }
  } finally {
    // A first publish that failed (or a dry run) leaves no releases folder behind.
    if (created) removeIfUnused(releasesDir);
  }
}

/** Build, verify, swap. Throws PublishError with a Chinese message; DIR is untouched unless it succeeds. */
export async function publish(opts: PublishOptions): Promise<PublishOutcome> {
  const { target, log } = opts;
  const now = opts.now ?? (() => new Date());
  const stopIfAborted = () => {
    if (opts.signal?.aborted) throw new PublishError(`发布已中断。${target} 没有改动。`);
  };
  if (!Number.isInteger(opts.keep) || opts.keep < 2) throw new PublishError(`--keep 必须是不小于 2 的整数（当前版本和上一个版本总要保留），收到 ${opts.keep}`);
  refuseUnsafeTarget(target, { projectDir: opts.projectDir, contentDir: opts.contentDir });
  const before = inspectTarget(target);
  log(`发布目录：${describeTarget(before, target)}`);
  refuseWithoutAdopt(before, target, opts.adopt);

  log('① 检查内容 …');
  // A portal is checked as a whole and its report pages are each series' years under the series' folder.
  const portal = isPortalFolder(opts.contentDir) ? checkPortal(opts.contentDir) : undefined;
  const checked = portal ? undefined : checkContent(opts.contentDir);
  const problems = portal?.problems ?? checked!.problems;
  if (hasErrors(problems)) {
    throw new PublishError(`内容检查未通过，没有构建也没有发布：\n\n${portal ? formatPortalCheck(portal) : formatProblems(problems, opts.contentDir)}`, '修改后运行 npm run check 复查');
  }
  const counts = countBySeverity(problems);
  const years = checked ? checked.reports.map((r) => r.year) : [];
  const reportPages = portal?.series.flatMap((s) => s.result.reports.map((r) => `${s.id}/${r.year}`));
  const found = portal ? `${portal.series.length} 个系列，${reportPages!.length} 份报告` : `${years.length} 份报告（${years.join('、')}）`;
  log(`   内容检查通过：${found}${counts.warning + counts.notice ? `，${counts.warning} 个警告、${counts.notice} 个提示（npm run check 查看）` : ''}`);
  stopIfAborted();

  return withReleases(target, log, true, async (releasesDir, recovered) => {
    refuseWithoutAdopt(recovered, target, opts.adopt);
    const name = freeName(releasesDir, releaseStamp(now()));
    const buildDir = join(releasesDir, `${BUILDING_PREFIX}${name}`);
    // Whatever is in here when we leave is removed: a failed build, an unfinished archive, a release that never went live.
    const leftovers = new Set<string>([buildDir]);
    try {
      log(`② 构建${opts.edition === 'public' ? '对外公开版' : '内部版'}（路径前缀 ${opts.base}）到 ${buildDir} …`);
      let code: number;
      try {
        code = await opts.build(buildDir);
      } catch (e) {
        throw fsFailure(`无法把构建结果写入 ${buildDir}`, e, releasesDir, `${target} 没有改动。`);
      }
      stopIfAborted();
      if (code !== 0) throw new PublishError(`构建失败（退出码 ${code}），见上方 Astro 的输出。${target} 没有改动。`);
      if (!existsSync(buildDir)) throw new PublishError(`构建没有生成任何文件（${buildDir} 不存在）。${target} 没有改动。`);

      log('③ 校验构建结果 …');
      const verification = verifySite(buildDir, { base: opts.base, years, reportPages, edition: opts.edition });
      log(formatVerification(verification));
      if (!verification.ok) {
        const failed = verification.checks.filter((c) => !c.ok && c.severity === 'error').map((c) => c.label);
        throw new PublishError(`校验未通过（${failed.join('、')}），没有发布。${target} 没有改动。`);
      }
      stopIfAborted();
      if (opts.dryRun) {
        log(`④ 试运行（--dry-run）：构建和校验都通过；没有替换 ${target}，临时构建已删除。`);
        return { pruned: [], verification, dryRun: true };
      }

      const builtAt = now();
      try {
        writeMarker(buildDir, { builtAt, edition: opts.edition, base: opts.base, years });
      } catch (e) {
        throw fsFailure(`无法写入版本标记 ${join(buildDir, MARKER_FILE)}`, e, releasesDir, `${target} 没有改动。`);
      }
      let archive: string | undefined;
      if (opts.archive) {
        const stem = archiveStem(target, name);
        archive = join(releasesDir, `${stem}.tar.gz`);
        const partial = join(releasesDir, `${BUILDING_PREFIX}${stem}.tar.gz`);
        leftovers.add(partial);
        log(`   写入归档 ${archive} …`);
        try {
          await writeArchive(buildDir, archive, stem, partial, builtAt);
        } catch (e) {
          throw fsFailure(`无法写入归档 ${archive}`, e, releasesDir, `没有发布，${target} 没有改动。`);
        }
        leftovers.add(archive);
      }
      stopIfAborted();

      const releaseDir = join(releasesDir, name);
      // Recorded before it is a release: killed before the switch, it is provably ours and never live, and goes.
      tryRecord(releasesDir, 'built', name, log);
      try {
        renameSync(buildDir, releaseDir);
      } catch (e) {
        throw fsFailure(`无法把 ${buildDir} 改名为 ${releaseDir}`, e, releasesDir, `${target} 没有改动。`);
      }
      leftovers.add(releaseDir);
      log('④ 切换 …');
      // DIR as it is now, not as it was before the build: anything may have been put there meanwhile.
      const current = inspectTarget(target);
      refuseWithoutAdopt(current, target, opts.adopt, true);
      let previous: string | undefined;
      let moveAside: { releasesDir: string; name: string; log: () => void } | undefined;
      if (current.kind === 'release') previous = current.release;
      if (current.kind === 'old-release' || current.kind === 'folder') {
        const nianbaos = current.kind === 'old-release';
        previous = nianbaos ? freeName(releasesDir, releaseStamp(new Date(current.marker.builtAt))) : freeName(releasesDir, releaseStamp(statSync(target).mtime), '-manual');
        // Recorded first: the folder was live, and must never be taken for a release that never was.
        tryRecord(releasesDir, nianbaos ? 'taken-over' : 'adopted', previous, log);
        const moved = join(releasesDir, previous);
        moveAside = {
          releasesDir,
          name: previous,
          log: () =>
            log(
              nianbaos
                ? `   ${target} 原是一个 nianbao 构建的网站目录，已原样移到 ${moved}，作为上一个版本（与其他版本一样按 --keep 保留）。`
                : `   ${target} 原是一个普通目录（--adopt），已原样移到 ${moved}，作为上一个版本；publish 永远不会删除它。`,
            ),
        };
      }
      if (current.kind === 'empty') {
        moveAside = { releasesDir, name: `${EMPTIED_PREFIX}${name}`, log: () => log(`   ${target} 原是一个空目录，换成链接。`) };
      }
      pointTargetAt(target, releaseDir, moveAside);
      leftovers.clear();
      if (current.kind === 'empty') {
        try {
          // rmdir, not rm -r: should anything have been put in it meanwhile, it stays.
          rmdirSync(join(releasesDir, `${EMPTIED_PREFIX}${name}`));
        } catch {
          log(`   ! ${join(releasesDir, `${EMPTIED_PREFIX}${name}`)}（原来的 ${target}）不再是空的，已保留。`);
        }
      }
      tryRecord(releasesDir, 'publish', name, log);
      log(`   ${target} → ${releaseDir}`);
      if (current.kind === 'link') log(`   原链接指向 ${current.points}（--adopt）；那个目录没有改动，也不计入保留的版本。`);

      const pruned = pruneReleases(releasesDir, opts.keep, [name, previous ?? '']);
      if (pruned.length) log(`   删除了较早的版本：${pruned.join('、')}（保留最近 ${opts.keep} 个 nianbao 构建的版本）`);
      return { release: name, previous, replacedLink: current.kind === 'link' ? current.points : undefined, archive, pruned, verification, dryRun: false };
    } finally {
      for (const p of leftovers) rmSync(p, { recursive: true, force: true });
    }
  });
}

/**
 * Point DIR back at the release it showed before the current one — by the history of what was live,
 * not by name (see wayBack). Throws PublishError when there is none.
 */
export async function rollback(opts: RollbackOptions): Promise<RollbackOutcome> {
  const { target, log } = opts;
  refuseUnsafeTarget(target, { projectDir: opts.projectDir, contentDir: opts.contentDir });
  return withReleases(target, log, false, async (releasesDir, state) => {
    if (state.kind !== 'release') {
      throw new PublishError(`${describeTarget(state, target)}：不是指向 ${releasesDir} 中某个版本的链接，无法回退。什么也没有改动。`, '回退只用于 npm run publish 发布的目录');
    }
    const way = wayBack(releasesDir, state.release);
    if (!way.byHistory) log(`   ${releasesDir} 中没有记下 ${state.release} 的发布记录 ${HISTORY_FILE}：按版本名的时间顺序回退。`);
    const to = way.releases[0];
    if (!to) {
      throw new PublishError(
        way.byHistory
          ? `${target} 当前指向的 ${state.release} 已是最早的版本：按发布记录，在它之前上线、仍在 ${releasesDir} 中的版本一个也没有，没有更早的版本可以回退。什么也没有改动。`
          : `${target} 当前指向的 ${state.release} 已是 ${releasesDir} 中最早的版本，没有更早的版本可以回退。什么也没有改动。`,
        '用 npm run publish 重新发布一个版本',
      );
    }
    const toDir = join(releasesDir, to);
    if (!existsSync(join(toDir, 'index.html'))) {
      throw new PublishError(`上一个版本 ${toDir} 中没有 index.html，不像一个完整的网站：没有回退，${target} 仍指向 ${state.release}。`, `检查 ${toDir}；不要它了就删除它，再回退`);
    }
    pointTargetAt(target, toDir);
    tryRecord(releasesDir, 'rollback', to, log);
    log(`   ${target} → ${toDir}（原来的版本 ${state.release} 仍保留）`);
    return { release: to, from: state.release };
  });
}
