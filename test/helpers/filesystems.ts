// Real file-system conditions for publish tests: a folder on another file system than the checkout
// (a web root on its own volume) and a folder nothing can be written into.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './sites.ts';

export interface TestDir {
  dir: string;
  cleanup(): void;
}

const isRoot = () => process.getuid?.() === 0;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
}

/** A fresh folder whose file system differs from the checkout's: /dev/shm or the temp folder if either does, else a tmpfs (as root). */
export function otherFilesystemDir(prefix: string): TestDir {
  const projectDev = statSync(ROOT).dev;
  for (const base of ['/dev/shm', tmpdir()]) {
    try {
      if (statSync(base).dev === projectDev) continue;
      const dir = mkdtempSync(join(base, prefix));
      return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    } catch {
      // Not there, or not writable: try the next.
    }
  }
  if (!isRoot()) throw new Error(`No file system other than the checkout's (${ROOT}) is writable here: the test needs /dev/shm, a TMPDIR on another disk, or root to mount a tmpfs.`);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  run('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', dir]);
  return {
    dir,
    cleanup: () => {
      run('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The root of the file system `path` is on. */
export function mountRootOf(path: string): string {
  const dev = statSync(path).dev;
  let at = path;
  while (dirname(at) !== at && statSync(dirname(at)).dev === dev) at = dirname(at);
  return at;
}

/**
 * A folder nothing can be created in: a read-only bind mount when running as root (permissions do not
 * stop root; the kernel then says EROFS), a folder without write permission otherwise (EACCES).
 */
export function readOnlyDir(prefix: string): TestDir & { code: 'EROFS' | 'EACCES' } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'ro'));
  const ro = join(dir, 'ro');
  if (isRoot()) {
    run('mount', ['-o', 'bind,ro', ro, ro]);
    return {
      dir: ro,
      code: 'EROFS',
      cleanup: () => {
        run('umount', [ro]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  chmodSync(ro, 0o555);
  return {
    dir: ro,
    code: 'EACCES',
    cleanup: () => {
      chmodSync(ro, 0o755);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
