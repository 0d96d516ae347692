// File-system failures in words an administrator can act on, and a `mkdir -p` that reports the real cause.
import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';

export function fsErrorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '');
  }
}

/** Why a file operation failed, as a phrase ending in the error code: “磁盘空间已满（ENOSPC）”. */
export function describeFsError(e: unknown): string {
  const code = fsErrorCode(e);
  const why: Record<string, string> = {
    ENOSPC: '磁盘空间已满',
    EDQUOT: '超出了磁盘配额',
    EROFS: '所在的文件系统是只读的',
    EACCES: `当前用户（${currentUser()}）没有权限`,
    EPERM: `当前用户（${currentUser()}）没有权限`,
    ENOENT: '路径不存在',
    ENOTDIR: '路径中有一段不是目录',
    EISDIR: '那是一个目录',
    EEXIST: '已经存在',
    ENOTEMPTY: '目录不是空的',
    EXDEV: '不在同一个文件系统上',
    EBUSY: '正被占用（可能是挂载点）',
    EMFILE: '打开的文件太多',
    ENFILE: '打开的文件太多',
    EIO: '磁盘读写出错',
    ELOOP: '符号链接绕成了环',
    ENAMETOOLONG: '路径太长',
  };
  if (code && why[code]) return `${why[code]}（${code}）`;
  const message = (e as Error | undefined)?.message ?? String(e);
  return code ? `${message}（${code}）` : message;
}

/**
 * `mkdir -p` one level at a time. Node's recursive mkdir reports a read-only file system as ENOENT
 * ("no such file or directory"), which sends people looking for a missing folder; a plain mkdir
 * of each missing level fails with the real cause (EROFS, EACCES, ENOSPC …).
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    try {
      lstatSync(p);
      break;
    } catch (e) {
      if (fsErrorCode(e) !== 'ENOENT') throw e;
    }
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      // Made meanwhile by someone else: fine, as long as it is a folder.
      if (fsErrorCode(e) !== 'EEXIST' || !lstatSync(p).isDirectory()) throw e;
    }
  }
}

/** What to do about a failed write into `dir`, when there is something to say. */
export function fsErrorHint(e: unknown, dir: string): string | undefined {
  switch (fsErrorCode(e)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `在 ${dir} 所在的磁盘上腾出空间后重新发布`;
    case 'EROFS':
      return `${dir} 所在的文件系统以只读方式挂载：换一个可写的 --to 目录，或把它重新挂载为可写`;
    case 'EACCES':
    case 'EPERM':
      return `用对 ${dir} 有写权限的用户运行，或让管理员把写权限交给当前用户`;
    default:
      return undefined;
  }
}
