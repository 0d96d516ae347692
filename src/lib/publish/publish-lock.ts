// One publish (or rollback) at a time per DIR: a lock file in DIR.releases naming the process that holds it.
// The file appears whole or not at all (written aside, then hard-linked into place), so an empty or
// unreadable lock is never a publish that has just started — and is not taken over either.
import { linkSync, lstatSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileExistsError, writeFileAtomic } from './atomic-write.ts';
import { describeFsError, fsErrorCode } from '../content/fs-errors.ts';
import { PublishError } from './publish-error.ts';

export const LOCK_FILE = '.lock';

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return fsErrorCode(e) === 'EPERM';
  }
}

interface Holder {
  pid: number;
  host?: string;
}

/** `pid\nhost\nstarted\n`; older versions wrote the pid alone. */
function readHolder(text: string): Holder | undefined {
  const [pidLine, host] = text.split('\n');
  const pid = Number(pidLine?.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return undefined;
  return { pid, host: host?.trim() || undefined };
}

/** Take the lock; returns the function that releases it. Throws PublishError when it cannot. */
export function acquireLock(releasesDir: string): () => void {
  const lock = join(releasesDir, LOCK_FILE);
  const remove = 'rm 命令删除它';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileAtomic(lock, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if (!(e instanceof FileExistsError)) {
        throw new PublishError(`无法在 ${releasesDir} 中创建发布锁：${describeFsError(e)}。没有做任何改动。`, fsErrorCode(e) === 'ENOSPC' || fsErrorCode(e) === 'EDQUOT' ? '腾出磁盘空间后重新发布' : `确认当前用户可以写入 ${releasesDir}`);
      }
    }
    let ino: number;
    let text: string;
    try {
      ino = lstatSync(lock).ino;
      text = readFileSync(lock, 'utf8');
    } catch (e) {
      if (fsErrorCode(e) === 'ENOENT') continue; // released meanwhile: try again
      throw new PublishError(`无法读取发布锁 ${lock}：${describeFsError(e)}`);
    }
    const holder = readHolder(text);
    if (!holder) {
      throw new PublishError(`发布锁 ${lock} 是空的或看不懂，无法判断是否有发布正在进行。`, `确认没有发布或回退正在运行后，用 ${remove}，再重新发布`);
    }
    if (holder.host && holder.host !== hostname()) {
      throw new PublishError(`发布锁 ${lock} 属于另一台机器 ${holder.host} 上的进程 ${holder.pid}，无法从这里判断它是否还在运行。`, `确认那台机器上没有发布在运行后，用 ${remove}，再重新发布`);
    }
    if (holder.pid !== process.pid && processAlive(holder.pid)) {
      throw new PublishError(`另一个发布正在进行（进程 ${holder.pid}，锁文件 ${lock}）。`, `等它结束后再发布；确认没有发布在运行的（比如进程号已被别的程序占用），用 ${remove}`);
    }
    // Left by a process that is gone. Move it aside first: if another publish took it over and made
    // a fresh lock meanwhile, what we moved is not the stale file, and it goes straight back.
    const aside = `${lock}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(lock, aside);
    } catch (e) {
      if (fsErrorCode(e) === 'ENOENT') continue;
      throw new PublishError(`无法接管 ${lock}（它的进程 ${holder.pid} 已不在运行）：${describeFsError(e)}`);
    }
    if (lstatSync(aside).ino !== ino) {
      try {
        linkSync(aside, lock);
      } catch {
        // Someone holds a newer lock still; ours goes.
      }
      rmSync(aside, { force: true });
      continue;
    }
    rmSync(aside, { force: true });
  }
  throw new PublishError(`无法获得发布锁 ${lock}：另一个发布刚刚开始。`, '等它结束后再发布');
}
