// The release/swap logic of `npm run publish` and `--rollback`, with a stand-in for the Astro build (the
// CLI test runs the real one). Kills are real SIGKILLs of a publish in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publish, PublishError, rollback, type PublishOptions } from '../../../src/lib/publish/publish.ts';
import { listReleases, MARKER_FILE, nianbaoReleases, readHistory, readMarker, releaseStamp, writeMarker } from '../../../src/lib/publish/release-store.ts';
import { fakeBuild } from '../../helpers/fake-site.ts';
import { mountRootOf, otherFilesystemDir, readOnlyDir } from '../../helpers/filesystems.ts';
import { ROOT } from '../../helpers/sites.ts';

const MINIMAL = join(ROOT, 'test/fixtures/minimal');
const CHILD = join(ROOT, 'test/helpers/publish-child.ts');
let tmp: string;
let target: string;
let releases: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-publish-'));
  target = join(tmp, 'www', 'site');
  releases = `${target}.releases`;
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

let clock = Date.parse('2025-01-16T09:30:00');
function options(label: string, extra: Partial<PublishOptions> = {}): PublishOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    target,
    projectDir: ROOT,
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

const served = (dir = target) => readFileSync(join(dir, 'index.html'), 'utf8');
const ours = () => nianbaoReleases(releases);
const log = () => {
  const lines: string[] = [];
  return { lines, log: (l: string) => lines.push(l) };
};

async function refusal(promise: Promise<unknown>): Promise<PublishError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(PublishError);
    return e as PublishError;
  }
  throw new Error('expected publish to refuse');
}

/** A site that is not nianbao's, with the notes someone keeps next to it. */
function handMadeSite(dir: string) {
  mkdirSync(join(dir, 'other-site'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), 'old manual copy');
  writeFileSync(join(dir, 'other-site/index.html'), 'another site');
  writeFileSync(join(dir, 'notes.txt'), '2024 年的工作笔记');
}

/** Run a publish in a child process and SIGKILL it the moment it logs `killOn`. */
function publishKilledAt(killOn: string, extra: { adopt?: boolean } = {}) {
  const r = spawnSync(process.execPath, [CHILD, JSON.stringify({ target, contentDir: MINIMAL, projectDir: ROOT, killOn, label: 'killed', ...extra })], { encoding: 'utf8' });
  expect(r.signal, r.stdout + r.stderr).toBe('SIGKILL');
  expect(r.stdout).toContain(killOn);
  return r;
}

describe('publish: release folders and the atomic swap', () => {
  it('first publish: DIR becomes a relative symlink to a marked release; second: DIR moves on, the previous stays', async () => {
    const first = await publish(options('v1'));
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readlinkSync(target)).toBe(`site.releases/${first.release}`);
    expect(served()).toContain('v1');
    expect(first.previous).toBeUndefined();
    expect(readMarker(join(releases, first.release as string))).toMatchObject({ nianbao: 'release', edition: 'public', base: '/', years: [2021] });

    const second = await publish(options('v2'));
    expect(served()).toContain('v2');
    expect(second.previous).toBe(first.release);
    expect(ours()).toEqual([first.release, second.release]);
    expect(served(join(releases, first.release as string))).toContain('v1');
    expect([...(readHistory(releases) ?? [])]).toEqual([first.release, second.release]);
    // Nothing left over: no temporary build, no lock, no temporary link; only the history.
    expect(readdirSync(releases).filter((n) => n.startsWith('.'))).toEqual(['.history']);
    expect(readdirSync(join(tmp, 'www')).sort()).toEqual(['site', 'site.releases']);
  });

  it('keeps the last --keep releases, never the current or previous one', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 5; i++) names.push((await publish(options(`v${i}`, { keep: 3 }))).release as string);
    expect(ours()).toEqual(names.slice(2));
    expect(served()).toContain('v5');
    const more = await publish(options('v6', { keep: 2 }));
    expect(ours()).toEqual([names[4], more.release]);
  });

  it('a failed build leaves DIR untouched and removes the failed release', async () => {
    const first = await publish(options('v1'));
    await expect(publish(options('v2', { build: fakeBuild('v2', { fail: true }) }))).rejects.toThrow(/构建失败（退出码 1）/);
    expect(served()).toContain('v1');
    expect(readlinkSync(target)).toBe(`site.releases/${first.release}`);
    expect(readdirSync(releases).sort()).toEqual(['.history', first.release]);
  });

  it('a failed verification leaves DIR untouched and says what failed', async () => {
    await publish(options('v1'));
    const opts = options('v2', { build: fakeBuild('v2', { brokenLink: true }) });
    await expect(publish(opts)).rejects.toThrow(/校验未通过（站内链接和资源）/);
    expect(opts.lines.join('\n')).toContain('/2020/ 不存在');
    expect(served()).toContain('v1');
    expect(ours()).toHaveLength(1);
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
    expect(listReleases(releases)).toEqual([first.release]);
    expect(readdirSync(releases).filter((n) => n.startsWith('.building-'))).toEqual([]);
  });

  it('Ctrl-C (the abort signal) during the build: DIR untouched, nothing kept', async () => {
    const first = await publish(options('v1'));
    const interrupt = new AbortController();
    const build = async (out: string) => {
      await fakeBuild('v2')(out);
      interrupt.abort();
      return 130;
    };
    await expect(publish(options('v2', { build, signal: interrupt.signal }))).rejects.toThrow(/发布已中断/);
    expect(served()).toContain('v1');
    expect(readdirSync(releases).sort()).toEqual(['.history', first.release]);
  });

  it('rejects --keep below 2', async () => {
    await expect(publish(options('v1', { keep: 1 }))).rejects.toThrow(/--keep/);
  });
});

describe('what publish takes over at DIR, and what it never touches', () => {
  it('a plain folder nianbao did not make (another site, notes) is refused and left exactly as it was', async () => {
    mkdirSync(target, { recursive: true });
    handMadeSite(target);
    let built = false;
    const e = await refusal(publish(options('v1', { build: async () => ((built = true), 0) })));
    expect(e.message).toContain(`${target} 是一个普通目录，里面没有 nianbao 的版本标记 ${MARKER_FILE}`);
    expect(e.hint).toContain('--adopt');
    expect(e.hint).toContain(`mv ${target} ${target}.old`);
    expect(built).toBe(false);
    expect(readdirSync(target).sort()).toEqual(['index.html', 'notes.txt', 'other-site']);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
    expect(existsSync(releases)).toBe(false);
  });

  it('--adopt moves it in as <time>-manual: the previous version, reachable by rollback, never deleted or counted', async () => {
    mkdirSync(target, { recursive: true });
    handMadeSite(target);
    utimesSync(target, new Date('2024-03-01T08:00:00'), new Date('2024-03-01T08:00:00'));
    const first = await publish(options('v1', { adopt: true }));
    const manual = `${releaseStamp(new Date('2024-03-01T08:00:00'))}-manual`;
    expect(first.previous).toBe(manual);
    expect(served()).toContain('v1');
    expect(first.pruned).toEqual([]);

    const names = [first.release];
    for (let i = 2; i <= 5; i++) names.push((await publish(options(`v${i}`, { keep: 2 }))).release);
    // keep 2 counts nianbao's releases only: the adopted folder is neither deleted nor counted.
    expect(ours()).toEqual(names.slice(3));
    expect(listReleases(releases)).toEqual([manual, ...names.slice(3)]);
    expect(readFileSync(join(releases, manual, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
    expect(readFileSync(join(releases, manual, 'other-site/index.html'), 'utf8')).toBe('another site');

    await rollback({ target, projectDir: ROOT, ...log() });
    await rollback({ target, projectDir: ROOT, ...log() });
    expect(served()).toBe('old manual copy');
  });

  it('a plain folder holding a nianbao release (copied, or unpacked from an archive) is taken over as the previous version', async () => {
    const first = await publish(options('v1'));
    // The way an office moves a release by hand: a copy of it stands at DIR instead of the link.
    const copy = join(tmp, 'copy');
    spawnSync('cp', ['-a', join(releases, first.release as string), copy]);
    rmSync(target);
    rmSync(releases, { recursive: true });
    spawnSync('mv', [copy, target]);
    const marker = readMarker(target);
    expect(marker).toBeDefined();

    const second = await publish(options('v2'));
    expect(second.previous).toBe(releaseStamp(new Date(marker?.builtAt as string)));
    expect(served(join(releases, second.previous as string))).toContain('v1');
    // It is nianbao's: counted, and pruned like any other once it is old enough.
    await publish(options('v3', { keep: 2 }));
    await publish(options('v4', { keep: 2 }));
    expect(ours()).not.toContain(second.previous);
  });

  it('an empty folder (made ready for the site) is simply replaced by the link, also after a kill at that moment', async () => {
    mkdirSync(target, { recursive: true });
    publishKilledAt('原是一个空目录');
    expect(existsSync(target)).toBe(false);
    const out = options('v1');
    await publish(out);
    expect(out.lines.join('\n')).toContain(`上次发布在替换 ${target} 时中断：已把原来的目录`);
    expect(out.lines.join('\n')).toContain('原是一个空目录，换成链接');
    expect(served()).toContain('v1');
    expect(readdirSync(releases).filter((n) => n.startsWith('.building-'))).toEqual([]);
  });

  it('a link nianbao did not make is refused; with --adopt it is replaced and what it pointed to is untouched', async () => {
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, 'index.html'), 'hand-made');
    mkdirSync(join(tmp, 'www'), { recursive: true });
    symlinkSync(elsewhere, target);
    const e = await refusal(publish(options('v1')));
    expect(e.message).toContain(`${target} 是指向 ${elsewhere} 的链接，不是 nianbao 建立的`);
    expect(readlinkSync(target)).toBe(elsewhere);

    const out = await publish(options('v1', { adopt: true }));
    expect(out.previous).toBeUndefined();
    expect(out.replacedLink).toBe(elsewhere);
    expect(served()).toContain('v1');
    expect(readFileSync(join(elsewhere, 'index.html'), 'utf8')).toBe('hand-made');
  });

  it('refuses a file at DIR', async () => {
    mkdirSync(join(tmp, 'www'), { recursive: true });
    writeFileSync(target, 'not a site');
    await expect(publish(options('v1'))).rejects.toThrow(/是一个文件/);
    expect(readFileSync(target, 'utf8')).toBe('not a site');
  });

  it('refuses, before building, roots, the checkout and its parents, the content folder, home and release folders', async () => {
    const first = await publish(options('v1'));
    const other = otherFilesystemDir('nianbao-mount-');
    try {
      const cases: [string, RegExp][] = [
        ['/', /文件系统的根目录/],
        [mountRootOf(other.dir), /单独挂载的文件系统的根目录/],
        [ROOT, /就是本项目/],
        [dirname(ROOT), /包含本项目/], // `--to ..` from inside the checkout
        [MINIMAL, /就是内容目录/],
        [join(MINIMAL, 'www'), /在内容目录 .* 里面/],
        [homedir(), /就是主目录/],
        [releases, /nianbao 的版本目录 site\.releases/],
        [join(releases, first.release as string), /nianbao 的版本目录 site\.releases/],
        [join(target, 'sub'), /nianbao 的版本目录 site\.releases/], // through the link, into the live release
      ];
      for (const [to, message] of cases) {
        let built = false;
        const e = await refusal(publish(options('v2', { target: to, adopt: true, build: async () => ((built = true), 0) })));
        expect(e.message, to).toMatch(message);
        expect(built, to).toBe(false);
        expect(existsSync(`${to}.releases`), to).toBe(false);
      }
    } finally {
      other.cleanup();
    }
    expect(readlinkSync(target)).toBe(`site.releases/${first.release}`);
    expect(served()).toContain('v1');
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });
});

describe('a publish killed half-way (real SIGKILL)', () => {
  it('killed between moving a folder away from DIR and putting the link there: the next publish moves it back first', async () => {
    mkdirSync(target, { recursive: true });
    handMadeSite(target);
    publishKilledAt('已原样移到', { adopt: true });
    expect(existsSync(target)).toBe(false); // the one moment the kernel gives no atomic way around

    // A publish refused for another reason still repairs DIR first.
    const refused = options('v1');
    const e = await refusal(publish(refused));
    expect(e.message).toContain('是一个普通目录');
    expect(refused.lines.join('\n')).toContain(`上次发布在替换 ${target} 时中断：已把原来的目录`);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
    expect(readdirSync(target).sort()).toEqual(['index.html', 'notes.txt', 'other-site']);

    const out = await publish(options('v1', { adopt: true }));
    expect(served()).toContain('v1');
    expect(readFileSync(join(releases, out.previous as string, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
  });

  it('killed while checking or before the switch: stray builds, links and never-live releases go, and do not count toward --keep', async () => {
    const first = await publish(options('v1'));
    publishKilledAt('③ 校验构建结果');
    expect(readdirSync(releases).filter((n) => n.startsWith('.building-'))).toHaveLength(1);
    // The next run, whatever it does, clears that first.
    expect(publishKilledAt('④ 切换').stdout).toContain('清理了上次中断的发布留下的临时构建');
    expect(readdirSync(releases).filter((n) => n.startsWith('.building-'))).toEqual([]);
    expect(ours()).toHaveLength(2); // the never-live one is marked: built and checked, never switched to
    expect(served()).toContain('v1');
    // What a kill between creating the new link and renaming it over DIR leaves; and two look-alikes that are not ours.
    symlinkSync('site.releases/x', join(tmp, 'www', '.site.publish-4242-1'));
    writeFileSync(join(tmp, 'www', '.site.publish-4242-2'), 'a file, not a link publish made');
    symlinkSync('elsewhere', join(tmp, 'www', '.site.backup'));

    const second = options('v2', { keep: 2 });
    const out = await publish(second);
    const text = second.lines.join('\n');
    expect(text).toContain('清理了上次中断的发布留下的临时链接：.site.publish-4242-1');
    expect(text).toContain('删除了构建完成但从未上线的版本');
    expect(ours()).toEqual([first.release, out.release]);
    expect(out.pruned).toEqual([]);
    expect(readdirSync(join(tmp, 'www')).sort()).toEqual(['.site.backup', '.site.publish-4242-2', 'site', 'site.releases']);
  });
});

describe('disks that refuse', () => {
  it('a read-only parent folder is named with its real cause, not “no such file”', async () => {
    const ro = readOnlyDir('nianbao-ro-');
    try {
      const to = join(ro.dir, 'www', 'site');
      const e = await refusal(publish(options('v1', { target: to })));
      expect(e.message).toContain(`无法创建版本目录 ${to}.releases：`);
      expect(e.message).toContain(`（${ro.code}）`);
      expect(e.message).toContain(ro.code === 'EROFS' ? '只读' : '没有权限');
      expect(e.message).not.toContain('ENOENT');
      expect(e.hint).toMatch(ro.code === 'EROFS' ? /只读方式挂载/ : /写权限/);
    } finally {
      ro.cleanup();
    }
  });

  it('a full disk while the build is moved in: a Chinese message, DIR untouched, nothing left', async () => {
    const first = await publish(options('v1'));
    const build = async (out: string) => {
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), 'half');
      throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
    };
    const e = await refusal(publish(options('v2', { build })));
    expect(e.message).toMatch(/^无法把构建结果写入 .*\.building-[^：]+：磁盘空间已满（ENOSPC）。/);
    expect(e.hint).toContain('腾出空间');
    expect(served()).toContain('v1');
    expect(readdirSync(releases).sort()).toEqual(['.history', first.release]);
  });
});

describe('--rollback', () => {
  it('points DIR at the release before the current one, one step at a time, and refuses when there is none', async () => {
    const r = [];
    for (let i = 1; i <= 3; i++) r.push((await publish(options(`v${i}`))).release as string);
    const first = log();
    expect(await rollback({ target, projectDir: ROOT, log: first.log })).toEqual({ release: r[1], from: r[2] });
    expect(served()).toContain('v2');
    expect(readlinkSync(target)).toBe(`site.releases/${r[1]}`);
    expect(await rollback({ target, projectDir: ROOT, ...log() })).toEqual({ release: r[0], from: r[1] });
    expect(served()).toContain('v1');

    const e = await refusal(rollback({ target, projectDir: ROOT, ...log() }));
    expect(e.message).toBe(`${target} 当前指向的 ${r[0]} 已是最早的版本：按发布记录，在它之前上线、仍在 ${releases} 中的版本一个也没有，没有更早的版本可以回退。什么也没有改动。`);
    expect(readlinkSync(target)).toBe(`site.releases/${r[0]}`);
    // Nothing was deleted; the next publish counts from where DIR is.
    expect(ours()).toEqual(r);
    const next = await publish(options('v4'));
    expect(next.previous).toBe(r[0]);
    expect(ours()).toEqual([r[0], r[2], next.release]);
    expect(readFileSync(join(releases, '.history'), 'utf8')).toMatch(new RegExp(`\\trollback\\t${r[1]}\\n.*\\trollback\\t${r[0]}\\n`));
  });

  it('refuses clearly, changing nothing: never published, not a release link, a publish running, a broken previous release', async () => {
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain('还没有用 npm run publish 发布过');
    const [a, b] = [(await publish(options('v1'))).release as string, (await publish(options('v2'))).release as string];

    writeFileSync(join(releases, '.lock'), `${process.ppid}\n${hostname()}\n`);
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain(`另一个发布正在进行（进程 ${process.ppid}`);
    rmSync(join(releases, '.lock'));

    rmSync(join(releases, a, 'index.html'));
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain('中没有 index.html');
    expect(readlinkSync(target)).toBe(`site.releases/${b}`);

    rmSync(target);
    mkdirSync(target);
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain('不是指向');
    expect(readdirSync(target)).toEqual([]);
  });
});


describe('DIR is judged again at the switch, not only before the build', () => {
  /** A build during which someone puts `what` at DIR. */
  const buildWhile = (label: string, what: () => void) => async (out: string) => {
    const code = await fakeBuild(label)(out);
    what();
    return code;
  };
  const www = () => join(tmp, 'www');
  const replaceLinkWithFolder = () => {
    rmSync(target);
    mkdirSync(target);
    handMadeSite(target);
  };

  const cases: [string, boolean, () => void, Partial<PublishOptions>][] = [
    ['a folder where there was nothing (first publish)', false, () => (mkdirSync(target, { recursive: true }), handMadeSite(target)), {}],
    ['a folder in place of publish’s link', true, replaceLinkWithFolder, {}],
    ['a folder, with --archive', true, replaceLinkWithFolder, { archive: true }],
  ];
  it.each(cases)('%s: refused, the folder left exactly as it was, the new release removed', async (_what, publishedBefore, appear, extra) => {
    const first = publishedBefore ? await publish(options('v1')) : undefined;
    const opts = options('v2', { build: buildWhile('v2', appear), ...extra });
    const e = await refusal(publish(opts));
    expect(e.message).toBe(`${target} 在构建期间出现了：是一个普通目录，里面没有 nianbao 的版本标记 ${MARKER_FILE}：publish 不会移动、覆盖或删除不是它建立的东西，刚构建的版本已删除，${target} 原样保留，没有发布。`);
    expect(e.hint).toContain(`mv ${target} ${target}.old`);
    expect(e.hint).toContain('--adopt');
    expect(lstatSync(target).isDirectory()).toBe(true);
    expect(readdirSync(target).sort()).toEqual(['index.html', 'notes.txt', 'other-site']);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
    if (first) {
      expect(readdirSync(releases).sort()).toEqual(['.history', first.release]);
    } else {
      expect(existsSync(releases)).toBe(false);
    }
    expect(readdirSync(www()).sort()).toEqual(['site', ...(first ? ['site.releases'] : [])]);
    // Moved away by its owner, the next publish goes through as usual.
    rmSync(target, { recursive: true });
    if (first) symlinkSync(`site.releases/${first.release}`, target);
    const next = await publish(options('v3'));
    expect(served()).toContain('v3');
    expect(next.previous).toBe(first?.release);
  });

  it('a link someone else made, appearing during the build: refused, the link and what it points to untouched', async () => {
    const first = await publish(options('v1'));
    const elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'index.html'), 'hand-made');
    const e = await refusal(publish(options('v2', { build: buildWhile('v2', () => (rmSync(target), symlinkSync(elsewhere, target))) })));
    expect(e.message).toContain(`${target} 在构建期间出现了：是指向 ${elsewhere} 的链接，不是 nianbao 建立的`);
    expect(e.message).toContain('刚构建的版本已删除');
    expect(readlinkSync(target)).toBe(elsewhere);
    expect(readFileSync(join(elsewhere, 'index.html'), 'utf8')).toBe('hand-made');
    expect(readdirSync(releases).sort()).toEqual(['.history', first.release]);
  });

  it('with --adopt, a folder that appeared is adopted like one that was there: kept as -manual, never deleted', async () => {
    await publish(options('v1'));
    const out = await publish(options('v2', { adopt: true, build: buildWhile('v2', replaceLinkWithFolder) }));
    expect(out.previous).toMatch(/-manual$/);
    expect(served()).toContain('v2');
    expect(readFileSync(join(releases, out.previous as string, 'notes.txt'), 'utf8')).toBe('2024 年的工作笔记');
  });

  it('what publish may take over anyway (an empty folder, a copy of a nianbao release) is taken over when it appears', async () => {
    const first = await publish(options('v1'));
    await publish(options('v2', { build: buildWhile('v2', () => (rmSync(target), mkdirSync(target))) }));
    expect(served()).toContain('v2');
    const copy = join(tmp, 'copy');
    spawnSync('cp', ['-a', join(releases, first.release as string), copy]);
    const out = await publish(options('v3', { build: buildWhile('v3', () => (rmSync(target), spawnSync('mv', [copy, target]))) }));
    expect(served()).toContain('v3');
    expect(served(join(releases, out.previous as string))).toContain('v1');
  });
});

describe('--rollback follows the history of what was live', () => {
  const publishAll = async (...labels: string[]) => {
    const names: string[] = [];
    for (const l of labels) names.push((await publish(options(l, { keep: 10 }))).release as string);
    return names;
  };
  const back = () => rollback({ target, projectDir: ROOT, ...log() });

  it('A, B, C, rollback (to B), D, rollback: B — not C, the release rolled away from; then A; then no further', async () => {
    const [a, b, c] = await publishAll('A', 'B', 'C');
    expect(await back()).toEqual({ release: b, from: c });
    const [d] = await publishAll('D');
    expect(await back()).toEqual({ release: b, from: d });
    expect(served()).toContain('B');
    expect(await back()).toEqual({ release: a, from: b });
    expect((await refusal(back())).message).toContain(`当前指向的 ${a} 已是最早的版本`);
    expect(served()).toContain('A');
    // Nothing was deleted on the way.
    expect(ours()).toEqual([a, b, c, d]);
  });

  it('rolling back twice, publishing, rolling back: to where DIR was when it published', async () => {
    const [a, , c] = await publishAll('A', 'B', 'C');
    await back();
    await back();
    const [e] = await publishAll('E');
    expect(await back()).toEqual({ release: a, from: e });
    await publishAll('F');
    await publishAll('G');
    expect((await back()).release).not.toBe(c);
    expect(served()).toContain('F');
  });

  it('an adopted folder named after a later mtime is still the way back, not “已是最早的版本”', async () => {
    mkdirSync(target, { recursive: true });
    handMadeSite(target);
    utimesSync(target, new Date('2031-06-01T08:00:00'), new Date('2031-06-01T08:00:00'));
    const first = await publish(options('v1', { adopt: true }));
    expect(first.previous).toBe(`${releaseStamp(new Date('2031-06-01T08:00:00'))}-manual`);
    const [v2, v3] = await publishAll('v2', 'v3');
    expect((await back()).release).toBe(v2);
    expect((await back()).release).toBe(first.release);
    expect(await back()).toEqual({ release: first.previous, from: first.release });
    expect(served()).toBe('old manual copy');
    expect((await refusal(back())).message).toContain('已是最早的版本');
    expect(ours()).toContain(v3);
  });

  it('a nianbao release taken over from DIR whose build time is later than the new one is the way back too', async () => {
    mkdirSync(join(tmp, 'www'), { recursive: true });
    await fakeBuild('from the future')(target);
    writeMarker(target, { builtAt: new Date('2031-01-01T00:00:00'), edition: 'public', base: '/', years: [2021] });
    const out = await publish(options('v1'));
    expect(out.previous).toBe(releaseStamp(new Date('2031-01-01T00:00:00')));
    expect(await back()).toEqual({ release: out.previous, from: out.release });
    expect(served()).toContain('from the future');
  });

  it('skips a release that is no longer there (pruned, or removed by hand) and goes to the one before it', async () => {
    const [a, b, c] = await publishAll('A', 'B', 'C');
    rmSync(join(releases, b), { recursive: true });
    expect(await back()).toEqual({ release: a, from: c });
  });

  it('without .history (lost): by name order, said so; the history is not restarted half-way', async () => {
    const [a, b, c] = await publishAll('A', 'B', 'C');
    await back();
    const [d] = await publishAll('D');
    rmSync(join(releases, '.history'));
    const said = log();
    expect(await rollback({ target, projectDir: ROOT, ...said })).toEqual({ release: c, from: d });
    expect(said.lines.join('\n')).toContain(`没有记下 ${d} 的发布记录 .history：按版本名的时间顺序回退`);
    expect(existsSync(join(releases, '.history'))).toBe(false);
    expect((await back()).release).toBe(b);
    // A publish without a history neither starts one nor deletes anything it cannot tell apart.
    const [e] = await publishAll('E');
    expect(existsSync(join(releases, '.history'))).toBe(false);
    expect(ours()).toEqual([a, b, c, d, e]);
    expect(await back()).toEqual({ release: d, from: e });
    expect((await back()).release).toBe(c);
    expect((await back()).release).toBe(b);
    expect((await back()).release).toBe(a);
    expect((await refusal(back())).message).toBe(`${target} 当前指向的 ${a} 已是 ${releases} 中最早的版本，没有更早的版本可以回退。什么也没有改动。`);
  });
});

describe('never deleting what publish cannot prove it made and never used', () => {
  /** A release as someone restores it from a backup: a marked folder under a release name, not in .history. */
  function restoreByHand(name: string, label: string) {
    const dir = join(releases, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), label);
    writeMarker(dir, { builtAt: new Date('2024-12-01T00:00:00Z'), edition: 'public', base: '/', years: [2021] });
    return name;
  }

  it('--rollback keeps a release folder restored by hand (not in .history) and says so', async () => {
    const [a, b] = [(await publish(options('v1'))).release as string, (await publish(options('v2'))).release as string];
    const restored = restoreByHand('20241201-000000-000', 'from the backup');
    const said = log();
    expect(await rollback({ target, projectDir: ROOT, ...said })).toEqual({ release: a, from: b });
    expect(readFileSync(join(releases, restored, 'index.html'), 'utf8')).toBe('from the backup');
    const text = said.lines.join('\n');
    expect(text).not.toContain('删除了');
    expect(text).toContain(`保留了 ${restored}：它们有 nianbao 的版本标记，却不在发布记录 ${join(releases, '.history')} 中`);
    expect(text).toContain(`ln -sfn ${releases}/<版本> ${target}`);
    // Rollback does not wander into it either.
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain('已是最早的版本');
  });

  it('publish keeps it too, without counting it toward --keep, however many releases follow', async () => {
    await publish(options('v1'));
    const restored = restoreByHand('20241201-000000-000', 'from the backup');
    const newer = restoreByHand('20991231-000000-000', 'named after every release');
    const names: string[] = [];
    for (let i = 2; i <= 5; i++) names.push((await publish(options(`v${i}`, { keep: 2 }))).release as string);
    expect(ours()).toEqual([restored, ...names.slice(2), newer]);
    expect(readFileSync(join(releases, newer, 'index.html'), 'utf8')).toBe('named after every release');
  });

  it('a release publish pruned, put back by hand under its own name, is not pruned again', async () => {
    const names: string[] = [];
    for (let i = 1; i <= 4; i++) names.push((await publish(options(`v${i}`, { keep: 2 }))).release as string);
    expect(existsSync(join(releases, names[0]))).toBe(false);
    restoreByHand(names[0], 'put back');
    await publish(options('v5', { keep: 2 }));
    await publish(options('v6', { keep: 2 }));
    expect(readFileSync(join(releases, names[0], 'index.html'), 'utf8')).toBe('put back');
    // Nor is it the way back: rollback stops at what publish kept.
    await rollback({ target, projectDir: ROOT, ...log() });
    expect((await refusal(rollback({ target, projectDir: ROOT, ...log() }))).message).toContain('已是最早的版本');
    expect(served()).not.toContain('put back');
  });

  it('a release never live, put back by hand after publish removed it, stays', async () => {
    await publish(options('v1'));
    publishKilledAt('④ 切换');
    const never = ours().at(-1) as string;
    await publish(options('v2'));
    expect(existsSync(join(releases, never))).toBe(false);
    restoreByHand(never, 'put back');
    await rollback({ target, projectDir: ROOT, ...log() });
    await publish(options('v3'));
    expect(readFileSync(join(releases, never, 'index.html'), 'utf8')).toBe('put back');
  });

  it('a history from before publish recorded its builds: releases it names as live are not deleted as never-live', async () => {
    const [a, b] = [(await publish(options('v1'))).release as string, (await publish(options('v2'))).release as string];
    // As an older nianbao wrote it: only what went live.
    writeFileSync(join(releases, '.history'), `2025-01-16T01:30:00.000Z\tpublish\t${a}\n2025-01-16T01:31:00.000Z\tpublish\t${b}\n`);
    const killedBefore = restoreByHand('20250116-093000-999', 'built by an old version, never live');
    await rollback({ target, projectDir: ROOT, ...log() });
    expect(existsSync(join(releases, killedBefore))).toBe(true);
    expect(ours()).toEqual([a, b, killedBefore].sort());
  });
});

describe('--archive', () => {
  it('writes <DIR name>-<release>.tar.gz next to the releases; it unpacks to the release, marker included', async () => {
    const out = await publish(options('v1', { archive: true }));
    const stem = `site-${out.release}`;
    expect(out.archive).toBe(join(releases, `${stem}.tar.gz`));
    const listing = spawnSync('tar', ['-tzf', out.archive as string], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
    expect(listing).toEqual([`${stem}/`, `${stem}/${MARKER_FILE}`, `${stem}/2021/`, `${stem}/2021/index.html`, `${stem}/index.html`, `${stem}/pagefind/`, `${stem}/pagefind/pagefind.js`]);
    const unpacked = join(tmp, 'offline');
    mkdirSync(unpacked);
    expect(spawnSync('tar', ['-xzf', out.archive as string, '-C', unpacked]).status).toBe(0);
    expect(served(join(unpacked, stem))).toContain('v1');

    // On the offline machine the unpacked folder is a nianbao release: a later publish there takes it over.
    const offline = join(tmp, 'offline-www');
    spawnSync('mv', [join(unpacked, stem), offline]);
    const there = await publish(options('v2', { target: offline }));
    expect(served(join(`${offline}.releases`, there.previous as string))).toContain('v1');
    expect(served(offline)).toContain('v2');
    // An archive is never pruned with its release.
    for (let i = 3; i <= 5; i++) await publish(options(`v${i}`, { keep: 2 }));
    expect(existsSync(out.archive as string)).toBe(true);
  });
});
