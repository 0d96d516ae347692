// Chinese causes for file-system failures, and a mkdir -p that keeps the real one (Node's recursive mkdir says ENOENT for a read-only disk).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFsError, fsErrorHint, makeDirs } from '../../../src/lib/content/fs-errors.ts';
import { readOnlyDir } from '../../helpers/filesystems.ts';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-fs-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('describeFsError', () => {
  it('names the common causes in Chinese, with the code', () => {
    expect(describeFsError(errno('ENOSPC'))).toBe('磁盘空间已满（ENOSPC）');
    expect(describeFsError(errno('EROFS'))).toBe('所在的文件系统是只读的（EROFS）');
    expect(describeFsError(errno('EACCES'))).toMatch(/^当前用户（.+）没有权限（EACCES）$/);
    expect(describeFsError(errno('EXDEV'))).toBe('不在同一个文件系统上（EXDEV）');
  });

  it('keeps the message of anything else', () => {
    expect(describeFsError(errno('EWEIRD'))).toBe('EWEIRD: something（EWEIRD）');
    expect(describeFsError(new Error('plain'))).toBe('plain');
  });

  it('says what to do for a full, read-only or forbidden disk', () => {
    expect(fsErrorHint(errno('ENOSPC'), '/srv/www')).toContain('腾出空间');
    expect(fsErrorHint(errno('EROFS'), '/srv/www')).toContain('只读方式挂载');
    expect(fsErrorHint(errno('EPERM'), '/srv/www')).toContain('写权限');
    expect(fsErrorHint(errno('ENOENT'), '/srv/www')).toBeUndefined();
  });
});

describe('makeDirs', () => {
  it('creates every missing level, and accepts folders that exist', () => {
    makeDirs(join(tmp, 'a/b/c'));
    makeDirs(join(tmp, 'a/b/c'));
    mkdirSync(join(tmp, 'a/b/c/d'));
    expect(() => makeDirs(join(tmp, 'a/b/c/d/e'))).not.toThrow();
  });

  it('reports a file in the way as ENOTDIR', () => {
    writeFileSync(join(tmp, 'file'), '');
    expect(() => makeDirs(join(tmp, 'file/sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('reports a read-only (or unwritable) parent with its real cause, where recursive mkdir may say ENOENT', () => {
    const ro = readOnlyDir('nianbao-fs-ro-');
    try {
      let caught: unknown;
      try {
        makeDirs(join(ro.dir, 'www/site.releases'));
      } catch (e) {
        caught = e;
      }
      expect(caught).toMatchObject({ code: ro.code });
    } finally {
      ro.cleanup();
    }
  });
});
