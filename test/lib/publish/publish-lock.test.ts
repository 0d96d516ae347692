// The publish lock, against real processes: a live holder, one killed with SIGKILL, and disks that refuse the write.
import fs, { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acquireLock, LOCK_FILE } from '../../../src/lib/publish/publish-lock.ts';
import { PublishError } from '../../../src/lib/publish/publish-error.ts';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
  lock = join(dir, LOCK_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function thrown(fn: () => unknown): PublishError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PublishError);
    return e as PublishError;
  }
  throw new Error('expected a PublishError');
}

describe('acquireLock', () => {
  it('writes the holder (pid and host) and removes the lock on release', () => {
    const release = acquireLock(dir);
    expect(readFileSync(lock, 'utf8').split('\n').slice(0, 2)).toEqual([String(process.pid), hostname()]);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses while a live process holds it, and takes it over once that process was killed', async () => {
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `import { acquireLock } from ${JSON.stringify(join(import.meta.dirname, '../../../src/lib/publish/publish-lock.ts'))}; acquireLock(${JSON.stringify(dir)}); console.log('held'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const busy = thrown(() => acquireLock(dir));
    expect(busy.message).toContain(`另一个发布正在进行（进程 ${holder.pid}`);
    expect(busy.hint).toContain('等它结束后再发布');

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(existsSync(lock)).toBe(true);
    const release = acquireLock(dir);
    expect(readFileSync(lock, 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });

  it('takes over a lock in the old format (pid alone) whose process is gone', () => {
    writeFileSync(lock, `${deadPid()}\n`);
    acquireLock(dir)();
    expect(existsSync(lock)).toBe(false);
  });

  it('never takes over an empty or unreadable lock: it could be a publish that is just starting', () => {
    for (const text of ['', 'garbage\n']) {
      writeFileSync(lock, text);
      const e = thrown(() => acquireLock(dir));
      expect(e.message).toContain('是空的或看不懂');
      expect(e.hint).toContain('确认没有发布或回退正在运行后');
      expect(readFileSync(lock, 'utf8')).toBe(text);
    }
  });

  it('does not judge a lock held on another machine (a shared disk)', () => {
    writeFileSync(lock, `${deadPid()}\nother-server\n2025-01-16T01:30:00.000Z\n`);
    const e = thrown(() => acquireLock(dir));
    expect(e.message).toContain('另一台机器 other-server');
    expect(existsSync(lock)).toBe(true);
  });

  it('a full disk while writing the lock is a Chinese message, with nothing left behind', () => {
    // A real full disk needs a file system of its own; the failing write is injected into node:fs instead.
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const spy = vi.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw enospc;
    });
    syncBuiltinESMExports();
    try {
      const e = thrown(() => acquireLock(dir));
      expect(e.message).toBe(`无法在 ${dir} 中创建发布锁：磁盘空间已满（ENOSPC）。没有做任何改动。`);
      expect(e.hint).toContain('腾出磁盘空间');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      syncBuiltinESMExports();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
