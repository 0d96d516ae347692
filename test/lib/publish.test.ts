// The release/swap logic of `npm run publish`, with a stand-in for the Astro build (the CLI test runs the real one).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, publish, PublishError, pruneReleases, releaseStamp, RELEASE_NAME, type PublishOptions } from '../../src/lib/publish.ts';
import { ROOT } from '../helpers/sites.ts';

const MINIMAL = join(ROOT, 'test/fixtures/minimal');
let tmp: string;
let target: string;
let releases: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-publish-'));
  target = join(tmp, 'www', 'site');
  releases = `${target}.releases`;
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A stand-in build: writes a small valid site for the minimal fixture (one year, 2021), marked with `label`. */
function fakeBuild(label: string, opts: { fail?: boolean; brokenLink?: boolean } = {}) {
  return async (outDir: string) => {
    mkdirSync(join(outDir, '2021'), { recursive: true });
    mkdirSync(join(outDir, 'pagefind'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), `<html><body><p>${label}</p><a href="/2021/">2021</a>${opts.brokenLink ? '<a href="/2020/">2020</a>' : ''}</body></html>`);
    writeFileSync(join(outDir, '2021/index.html'), '<html><body><a href="/">首页</a></body></html>');
    writeFileSync(join(outDir, 'pagefind/pagefind.js'), '');
    return opts.fail ? 1 : 0;
  };
}

let clock = Date.parse('2025-01-16T09:30:00');
function options(label: string, extra: Partial<PublishOptions> = {}): PublishOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    target,
    contentDir: MINIMAL,
    edition: 'public',
    base: '/',
    keep: 3,
    dryRun: false,
    build: fakeBuild(label),
    log: (l) => lines.push(l),
    now: () => new Date((clock += 1000)),
    lines,
    ...extra,
  };
}

const served = () => readFileSync(join(target, 'index.html'), 'utf8');
const releaseNames = () => readdirSync(releases).filter((n) => RELEASE_NAME.test(n)).sort();

describe('publish (release folders and the atomic swap)', () => {
  it('first publish: DIR becomes a relative symlink to a release; second: DIR moves on, the previous stays', async () => {
    const first = await publish(options('v1'));
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toBe(`site.releases/${first.release}`);
    expect(served()).toContain('v1');
    expect(first.previous).toBeUndefined();

    const second = await publish(options('v2'));
    expect(served()).toContain('v2');
    expect(second.previous).toBe(first.release);
    expect(releaseNames()).toEqual([first.release, second.release]);
    expect(readFileSync(join(releases, first.release as string, 'index.html'), 'utf8')).toContain('v1');
    // Nothing left over: no temporary build, no lock, no temporary link.
    expect(readdirSync(releases).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(tmp, 'www')).sort()).toEqual(['site', 'site.releases']);
  });

  it('keeps the last --keep releases, never the current or previous one', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 5; i++) names.push((await publish(options(`v${i}`, { keep: 3 }))).release as string);
    expect(releaseNames()).toEqual(names.slice(2));
    expect(served()).toContain('v5');
    const more = await publish(options('v6', { keep: 2 }));
    expect(releaseNames()).toEqual([names[4], more.release]);
  });

  it('moves a plain directory at DIR (an old manual copy) into the releases as the previous one', async () => {
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'index.html'), 'old manual copy');
    utimesSync(target, new Date('2024-03-01T08:00:00'), new Date('2024-03-01T08:00:00'));
    const out = await publish(options('v1'));
    expect(out.previous).toBe(`${releaseStamp(new Date('2024-03-01T08:00:00'))}-manual`);
    expect(readFileSync(join(releases, out.previous as string, 'index.html'), 'utf8')).toBe('old manual copy');
    expect(served()).toContain('v1');
    expect(out.previous && releaseNames()).toEqual([out.previous, out.release]);
    // The old copy is the previous release: a later publish with keep 2 drops it only once it is older than the previous.
    await publish(options('v2', { keep: 2 }));
    expect(releaseNames()).toHaveLength(2);
    expect(releaseNames()).not.toContain(out.previous);
  });

  it('replaces a symlink it did not make, leaving what it pointed to alone', async () => {
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, 'index.html'), 'hand-made');
    mkdirSync(join(tmp, 'www'), { recursive: true });
    symlinkSync(elsewhere, target);
    const out = await publish(options('v1'));
    expect(out.previous).toBeUndefined();
    expect(out.replacedLink).toBe(elsewhere);
    expect(served()).toContain('v1');
    expect(readFileSync(join(elsewhere, 'index.html'), 'utf8')).toBe('hand-made');
  });

  it('a failed build leaves DIR untouched and removes the failed release', async () => {
    const first = await publish(options('v1'));
    await expect(publish(options('v2', { build: fakeBuild('v2', { fail: true }) }))).rejects.toThrow(/构建失败（退出码 1）/);
    expect(served()).toContain('v1');
    expect(readlinkSync(target)).toBe(`site.releases/${first.release}`);
    expect(readdirSync(releases)).toEqual([first.release]);
  });

  it('a failed verification leaves DIR untouched and says what failed', async () => {
    await publish(options('v1'));
    const opts = options('v2', { build: fakeBuild('v2', { brokenLink: true }) });
    await expect(publish(opts)).rejects.toThrow(/校验未通过（站内链接和资源）/);
    expect(opts.lines.join('\n')).toContain('/2020/ 不存在');
    expect(served()).toContain('v1');
    expect(releaseNames()).toHaveLength(1);
  });

  it('a first publish that fails leaves nothing behind', async () => {
    await expect(publish(options('v1', { build: fakeBuild('v1', { fail: true }) }))).rejects.toThrow(PublishError);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(releases)).toBe(false);
  });

  it('refuses broken content before building', async () => {
    let built = false;
    const opts = options('v1', { contentDir: join(ROOT, 'test/fixtures/broken'), build: async () => ((built = true), 0) });
    await expect(publish(opts)).rejects.toThrow(/内容检查未通过/);
    expect(built).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('--dry-run builds and verifies but swaps nothing and keeps no build', async () => {
    const first = await publish(options('v1'));
    const dry = await publish(options('v2', { dryRun: true }));
    expect(dry.dryRun).toBe(true);
    expect(served()).toContain('v1');
    expect(readdirSync(releases)).toEqual([first.release]);
  });

  it('refuses a file at DIR, and a publish already running', async () => {
    mkdirSync(join(tmp, 'www'), { recursive: true });
    writeFileSync(target, 'not a site');
    await expect(publish(options('v1'))).rejects.toThrow(/是一个文件/);
    rmSync(target);
    mkdirSync(releases, { recursive: true });
    writeFileSync(join(releases, '.lock'), `${process.ppid}\n`);
    await expect(publish(options('v1'))).rejects.toThrow(/另一个发布正在进行/);
    // A lock left by a process that is gone is taken over.
    writeFileSync(join(releases, '.lock'), '999999999\n');
    const release = acquireLock(releases);
    release();
    expect(existsSync(join(releases, '.lock'))).toBe(false);
  });

  it('pruning never deletes folders it did not create', () => {
    mkdirSync(join(releases, 'notes'), { recursive: true });
    for (const n of ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000']) mkdirSync(join(releases, n));
    expect(pruneReleases(releases, 2, ['20250103-000000-000', '20250102-000000-000'])).toEqual(['20250101-000000-000']);
    expect(readdirSync(releases).sort()).toEqual(['20250102-000000-000', '20250103-000000-000', 'notes']);
  });

  it('rejects --keep below 2', async () => {
    await expect(publish(options('v1', { keep: 1 }))).rejects.toThrow(/--keep/);
  });
});
