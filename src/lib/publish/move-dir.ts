// Move a finished folder to where it is served from. rename() when both are on one file system; a web
// root on its own volume needs a copy, made under a temporary name so that a half-copied folder never
// carries the final one.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { fsErrorCode } from '../content/fs-errors.ts';

/** Move `from` to `to` (which must not exist). On failure `to` does not exist and `from` is left as it was. */
export function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
    return;
  } catch (e) {
    if (fsErrorCode(e) !== 'EXDEV') throw e;
  }
  const partial = `${to}.copying`;
  // Removed on failure below: so it must be ours, never a folder of that name someone already had.
  if (existsSync(partial)) throw Object.assign(new Error(`${partial} 已经存在（不是这次复制建立的），没有复制`), { code: 'EEXIST' });
  try {
    cpSync(from, partial, { recursive: true, errorOnExist: true, force: false, verbatimSymlinks: true, preserveTimestamps: true });
    renameSync(partial, to);
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
  rmSync(from, { recursive: true, force: true });
}
