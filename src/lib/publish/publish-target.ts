// DIR itself: which paths publish refuses outright, what it finds at DIR, and the switch that points
// DIR at a release. publish replaces only what it made or was told to adopt, and never a folder
// that holds something else (the checkout, the content, a home folder, a file system).
import { lstatSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describeFsError } from '../content/fs-errors.ts';
import { PublishError } from './publish-error.ts';
import { beginTakeover, endTakeover, MARKER_FILE, readMarker, RELEASE_NAME, releasesDirOf, tempLinkName, type ReleaseMarker } from './release-store.ts';

function lstatOrUndefined(p: string) {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** `p` with every symbolic link in it resolved, also when its last parts do not exist yet. */
export function realPathOf(p: string): string {
  const abs = resolve(p);
  const rest: string[] = [];
  for (let at = abs; ; at = dirname(at)) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      if (dirname(at) === at) return abs;
      rest.unshift(basename(at));
    }
  }
}

/** DIR's own path with its parent folders resolved, but not DIR itself (DIR is normally publish's link). */
function realTargetPath(target: string): string {
  return join(realPathOf(dirname(resolve(target))), basename(target));
}

const contains = (outer: string, inner: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

export interface TargetContext {
  /** The nianbao checkout running the publish. */
  projectDir: string;
  contentDir?: string;
  /** Who asks: publish (`--to`, DIR becomes a link) or a build (`--outDir`, DIR is replaced whole). */
  action?: 'publish' | 'build';
}

/** Paths publish never publishes to, whatever is there now. Throws PublishError before anything is touched. */
export function refuseUnsafeTarget(target: string, ctx: TargetContext): void {
  const abs = resolve(target);
  const real = realTargetPath(abs);
  const building = ctx.action === 'build';
  const flag = building ? '--outDir' : '--to';
  const verb = building ? '生成网站' : '发布';
  const pick = `请换一个专用于网站的 ${flag} 目录，如 /srv/www/nianbao`;
  if (dirname(real) === real) throw new PublishError(`${flag} ${target} 是文件系统的根目录：不能${verb}到这里。`, pick);

  const keep: [string, string][] = [[ctx.projectDir, `本项目（nianbao 的代码目录 ${ctx.projectDir}）`]];
  if (ctx.contentDir) keep.push([ctx.contentDir, `内容目录 ${ctx.contentDir}`]);
  const home = homedir();
  if (home && dirname(home) !== home) keep.push([home, `主目录 ${home}`]);
  for (const [dir, what] of keep) {
    const realDir = realPathOf(dir);
    if (contains(real, realDir) || contains(abs, resolve(dir))) {
      throw new PublishError(`${flag} ${target} ${real === realDir ? '就是' : '包含'}${what}：${building ? '构建会替换整个文件夹' : '发布会把它换成一个链接'}，不能${verb}到这里。`, pick);
    }
  }
  if (ctx.contentDir && contains(realPathOf(ctx.contentDir), real)) {
    throw new PublishError(`${flag} ${target} 在内容目录 ${ctx.contentDir} 里面：网站不能放进内容目录。`, pick);
  }

  const releasesPart = [...abs.split(sep), ...real.split(sep)].find((part) => part.endsWith('.releases'));
  if (releasesPart) {
    const owner = releasesPart.slice(0, -'.releases'.length);
    throw new PublishError(`${flag} ${target} 是（或在）nianbao 的版本目录 ${releasesPart} 中：那里的文件夹由 publish 管理，网站链接指向它们，不能${building ? '在那里构建' : '把它当作发布目录'}。`, `要发布或回退这个网站，用 npm run publish -- --to 指定链接本身${owner ? `（${owner}）` : ''}，而不是 ${releasesPart}`);
  }
  const inRelease = ancestors(real).find((dir) => readMarker(dir) !== undefined);
  if (inRelease) throw new PublishError(`${flag} ${target} 在 nianbao 发布的一个版本 ${inRelease} 里面：不能${verb}到一个网站的内部。`, pick);

  const st = lstatOrUndefined(abs);
  if (st?.isDirectory()) {
    const parentDev = statSync(dirname(real)).dev;
    if (st.dev !== parentDev) {
      throw new PublishError(
        `${flag} ${target} 是一个单独挂载的文件系统的根目录：${building ? '构建要把整个文件夹换成新生成的网站' : 'publish 要把“目录”换成指向新版本的链接，并在它旁边建版本目录'}，挂载点不能这样替换。`,
        `请${verb}到它下面的一个子目录，如 ${flag} ${join(abs, 'site')}，再让网页服务器指向那个子目录`,
      );
    }
  }
}

function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let at = dirname(p); dirname(at) !== at; at = dirname(at)) out.push(at);
  return out;
}

export type TargetState =
  | { kind: 'missing' }
  /** A link publish made, to one of the releases in DIR.releases. */
  | { kind: 'release'; release: string }
  /** A link publish did not make (it may dangle). */
  | { kind: 'link'; points: string }
  /** A plain folder holding a release nianbao built (copied or unpacked from an archive). */
  | { kind: 'old-release'; marker: ReleaseMarker }
  /** An empty folder (made ready for the site): nothing in it to keep. */
  | { kind: 'empty' }
  /** A plain folder nianbao did not make. */
  | { kind: 'folder' };

/** What DIR is now. Throws PublishError for a file or anything else that is not a folder or a link. */
export function inspectTarget(target: string): TargetState {
  const st = lstatOrUndefined(target);
  if (!st) return { kind: 'missing' };
  if (st.isSymbolicLink()) {
    const points = readlinkSync(target);
    const releasesDir = releasesDirOf(target);
    const pointed = resolve(dirname(target), points);
    let intoReleases = dirname(pointed) === resolve(releasesDir);
    if (!intoReleases) {
      try {
        intoReleases = dirname(realpathSync(pointed)) === realpathSync(releasesDir);
      } catch {
        // Dangling, or no releases folder: not ours.
      }
    }
    if (intoReleases && RELEASE_NAME.test(basename(pointed))) return { kind: 'release', release: basename(pointed) };
    return { kind: 'link', points };
  }
  if (st.isDirectory()) {
    const marker = readMarker(target);
    if (marker) return { kind: 'old-release', marker };
    return readdirSync(target).length === 0 ? { kind: 'empty' } : { kind: 'folder' };
  }
  throw new PublishError(`${target} 是一个文件，不是网站目录：不会覆盖它。`, '请换一个 --to 目录，或先自行移走这个文件');
}

export function describeTarget(state: TargetState, target: string): string {
  switch (state.kind) {
    case 'missing':
      return `${target} 还不存在，将新建`;
    case 'release':
      return `${target} 当前指向版本 ${state.release}`;
    case 'link':
      return `${target} 是指向 ${state.points} 的链接，不是 nianbao 建立的`;
    case 'old-release':
      return `${target} 是一个普通目录，其中是 nianbao ${state.marker.builtAt.slice(0, 10)} 构建的网站（有 ${MARKER_FILE}）`;
    case 'empty':
      return `${target} 是一个空目录，将换成指向新版本的链接`;
    case 'folder':
      return `${target} 是一个普通目录，不是 nianbao 发布的`;
  }
}

let linkCounter = 0;

/**
 * Point DIR at `releaseDir` with one rename() of a new link over it: atomic for every reader of DIR.
 * `moveAside` names the release folder DIR's plain folder moves to first (journalled, so the next
 * publish moves it back if this one is killed between the two renames).
 */
export function pointTargetAt(target: string, releaseDir: string, moveAside?: { releasesDir: string; name: string; log: () => void }): void {
  const linkText = relative(dirname(target), releaseDir) || '.';
  const tmp = join(dirname(target), tempLinkName(target, ++linkCounter));
  rmSync(tmp, { force: true });
  try {
    symlinkSync(linkText, tmp, 'dir');
  } catch (e) {
    throw new PublishError(`无法在 ${dirname(target)} 中建立链接：${describeFsError(e)}。${target} 没有改动。`);
  }
  try {
    if (moveAside) {
      try {
        beginTakeover(moveAside.releasesDir, moveAside.name);
      } catch (e) {
        throw new PublishError(`无法在 ${moveAside.releasesDir} 中记下接管步骤：${describeFsError(e)}。${target} 没有改动。`);
      }
      const aside = join(moveAside.releasesDir, moveAside.name);
      try {
        renameSync(target, aside);
      } catch (e) {
        endTakeover(moveAside.releasesDir);
        throw new PublishError(`无法把原目录 ${target} 移到 ${aside}：${describeFsError(e)}。${target} 没有改动。`, '它可能是挂载点，或与版本目录不在同一个磁盘；请手工移走它，或换一个 --to 目录');
      }
      moveAside.log();
      try {
        renameSync(tmp, target);
      } catch (e) {
        renameSync(aside, target);
        endTakeover(moveAside.releasesDir);
        throw new PublishError(`无法替换 ${target}：${describeFsError(e)}。${target} 没有改动。`);
      }
      endTakeover(moveAside.releasesDir);
      return;
    }
    try {
      renameSync(tmp, target);
    } catch (e) {
      throw new PublishError(`无法替换 ${target}：${describeFsError(e)}。${target} 没有改动。`);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
