// What publish finds at DIR, and paths it refuses whatever is there.
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/lib/publish/publish-error.ts';
import { inspectTarget, pointTargetAt, realPathOf, refuseUnsafeTarget } from '../../../src/lib/publish/publish-target.ts';
import { writeMarker } from '../../../src/lib/publish/release-store.ts';
import { ROOT } from '../../helpers/sites.ts';

let tmp: string;
let target: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-target-'));
  target = join(tmp, 'site');
  mkdirSync(join(tmp, 'site.releases/20250116-093000-123'), { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('inspectTarget', () => {
  it('a link into DIR.releases is publish’s own, written relative or absolute, even when the release is gone', () => {
    expect(inspectTarget(target)).toEqual({ kind: 'missing' });
    symlinkSync('site.releases/20250116-093000-123', target);
    expect(inspectTarget(target)).toEqual({ kind: 'release', release: '20250116-093000-123' });
    rmSync(target);
    symlinkSync(join(tmp, 'site.releases/20250116-093000-123'), target);
    expect(inspectTarget(target)).toEqual({ kind: 'release', release: '20250116-093000-123' });
    rmSync(target);
    symlinkSync('site.releases/20250101-000000-000', target);
    expect(inspectTarget(target)).toEqual({ kind: 'release', release: '20250101-000000-000' });
  });

  it('any other link is not publish’s, nor a link to a look-alike name elsewhere', () => {
    mkdirSync(join(tmp, 'other/20250116-093000-123'), { recursive: true });
    symlinkSync('other/20250116-093000-123', target);
    expect(inspectTarget(target)).toEqual({ kind: 'link', points: 'other/20250116-093000-123' });
  });

  it('a plain folder is an old release only with a marker, empty when it holds nothing; a file is refused', () => {
    mkdirSync(target);
    expect(inspectTarget(target)).toEqual({ kind: 'empty' });
    writeFileSync(join(target, '.htaccess'), '');
    expect(inspectTarget(target)).toEqual({ kind: 'folder' });
    writeMarker(target, { builtAt: new Date('2024-01-10T00:00:00Z'), edition: 'public', base: '/', years: [2023] });
    expect(inspectTarget(target)).toMatchObject({ kind: 'old-release', marker: { years: [2023] } });
    rmSync(target, { recursive: true });
    writeFileSync(target, '');
    expect(() => inspectTarget(target)).toThrow(/是一个文件/);
  });
});

describe('refuseUnsafeTarget', () => {
  it('resolves links in the parent folders: a way round to the checkout is still the checkout', () => {
    symlinkSync(dirname(dirname(ROOT)), join(tmp, 'alias'));
    const around = join(tmp, 'alias', ...ROOT.split('/').slice(-2, -1));
    expect(realPathOf(around)).toBe(dirname(ROOT));
    expect(() => refuseUnsafeTarget(around, { projectDir: ROOT })).toThrow(/包含本项目/);
    // DIR itself being a link (to anything) is not resolved: only the link would be replaced.
    expect(() => refuseUnsafeTarget(join(tmp, 'alias'), { projectDir: ROOT })).not.toThrow();
  });

  it('accepts an ordinary new folder', () => {
    expect(() => refuseUnsafeTarget(join(tmp, 'www', 'reports'), { projectDir: ROOT, contentDir: join(ROOT, 'content') })).not.toThrow();
    expect(realPathOf(join(tmp, 'no/such/path'))).toBe(join(realPathOf(tmp), 'no/such/path'));
  });
});

describe('pointTargetAt', () => {
  // The last instant before the switch: DIR was looked at and found missing (or a link), then a folder
  // appeared before the rename. rename() of a link never replaces a folder, so the folder stays.
  it.each([
    ['an empty folder', () => mkdirSync(target)],
    ['a folder with files', () => (mkdirSync(target), writeFileSync(join(target, 'notes.txt'), '笔记'))],
  ])('a folder that appeared just before the rename (%s) is not replaced: it throws, DIR as it was', (_what, appear) => {
    appear();
    const before = readdirSync(target);
    expect(() => pointTargetAt(target, join(tmp, 'site.releases/20250116-093000-123'))).toThrow(PublishError);
    expect(lstatSync(target).isDirectory()).toBe(true);
    expect(readdirSync(target)).toEqual(before);
    expect(readdirSync(tmp).sort()).toEqual(['site', 'site.releases']);
  });
});
