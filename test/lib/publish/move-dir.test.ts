// Moving a finished site to where it is served from: a rename on one disk, a copy onto another (real file systems).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveDir } from '../../../src/lib/publish/move-dir.ts';
import { otherFilesystemDir, readOnlyDir } from '../../helpers/filesystems.ts';

let tmp: string;
let site: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-move-'));
  site = join(tmp, 'site');
  mkdirSync(join(site, '2021'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '首页');
  writeFileSync(join(site, '2021/index.html'), '2021');
  writeFileSync(join(site, '.nianbao-release.json'), '{}');
  symlinkSync('2021', join(site, 'latest'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const contents = (dir: string) => ({
  files: readdirSync(dir, { recursive: true }).map(String).sort(),
  index: readFileSync(join(dir, 'index.html'), 'utf8'),
  link: readlinkSync(join(dir, 'latest')),
});

describe('moveDir', () => {
  it('renames within one file system', () => {
    const before = contents(site);
    moveDir(site, join(tmp, 'served'));
    expect(existsSync(site)).toBe(false);
    expect(contents(join(tmp, 'served'))).toEqual(before);
  });

  it('copies onto another file system (where rename fails with EXDEV), links as links, then removes the source', () => {
    const other = otherFilesystemDir('nianbao-move-');
    try {
      const before = contents(site);
      const to = join(other.dir, 'served');
      moveDir(site, to);
      expect(existsSync(site)).toBe(false);
      expect(contents(to)).toEqual(before);
      expect(lstatSync(join(to, 'latest')).isSymbolicLink()).toBe(true);
      expect(readdirSync(other.dir)).toEqual(['served']);
    } finally {
      other.cleanup();
    }
  });

  it('a copy that fails leaves no half folder and the source as it was', () => {
    const ro = readOnlyDir('nianbao-move-ro-');
    try {
      const before = contents(site);
      expect(() => moveDir(site, join(ro.dir, 'served'))).toThrow(expect.objectContaining({ code: ro.code }));
      expect(readdirSync(ro.dir)).toEqual([]);
      expect(contents(site)).toEqual(before);
    } finally {
      ro.cleanup();
    }
  });
});
