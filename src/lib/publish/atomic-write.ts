// Write a file so that readers see either nothing or the whole file: write a temporary file next to
// it, flush it, then move it into place. Without `overwrite`, an existing file is never replaced —
// not even when it appears between our check and our write (a hard link fails if the name is taken).
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class FileExistsError extends Error {
  path: string;
  constructor(path: string) {
    super(`文件已存在：${path}`);
    this.name = 'FileExistsError';
    this.path = path;
  }
}

export function writeFileAtomic(path: string, text: string | Uint8Array, opts: { overwrite?: boolean } = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  if (!opts.overwrite && existsSync(path)) throw new FileExistsError(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      if (typeof text === 'string') writeSync(fd, text);
      else writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.overwrite) {
      renameSync(tmp, path);
      return;
    }
    try {
      linkSync(tmp, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(path);
      // Some shares (FAT, SMB) have no hard links: fall back to check-then-rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      if (existsSync(path)) throw new FileExistsError(path);
      renameSync(tmp, path);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
