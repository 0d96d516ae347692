// npm run publish end to end: real builds of the minimal fixture into a DIR on another file system than
// the checkout (a web root on its own volume), real signals, real archives unpacked with the system tar.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { verifySite } from '../../src/lib/publish/verify-site.ts';
import { cleanEnv, runNode } from '../helpers/astro-cli.ts';
import { otherFilesystemDir } from '../helpers/filesystems.ts';
import { serveSite } from '../helpers/serve.ts';
import { ROOT } from '../helpers/sites.ts';

const CLI = join(ROOT, 'src/cli/publish.ts');
const MINIMAL = join(ROOT, 'test/fixtures/minimal');
const BROKEN = join(ROOT, 'test/fixtures/broken');
const volume = otherFilesystemDir('nianbao-publish-cli-');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-publish-cli-'));
const DIR = join(volume.dir, 'www');
const RELEASES = `${DIR}.releases`;
afterAll(() => {
  volume.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

const env = { NIANBAO_CONTENT: MINIMAL, NIANBAO_EDITION: 'public' };
const publish = (content: string, ...args: string[]) => runNode(CLI, ['--to', DIR, ...args], { ...env, NIANBAO_CONTENT: content });
const releases = () => readdirSync(RELEASES).filter((n) => /^\d{8}-\d{6}-\d{3}$/.test(n)).sort();
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

async function fetchStatus(dir: string, paths: string[]): Promise<number[]> {
  const site = await serveSite(dir);
  try {
    return await Promise.all(paths.map(async (p) => (await fetch(site.url + p)).status));
  } finally {
    await site.close();
  }
}

// —— Watching a publish and the processes it started, through /proc. ——

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const stack = [pid]; stack.length; ) {
    for (const c of children(stack.pop() as number)) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/** Alive and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

async function until(what: string, condition: () => boolean, limitMs = 120_000): Promise<void> {
  for (const end = Date.now() + limitMs; !condition(); await sleep(100)) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
  }
}

/** Start a publish and wait until its Astro build is running. */
async function publishUntilBuilding() {
  const child = spawn(process.execPath, [CLI, '--to', DIR], { cwd: ROOT, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const pid = child.pid as number;
  await until('the Astro build to start', () => descendants(pid).some((c) => cmdline(c).includes('astro.mjs')));
  return { child, pid, exited, output: () => output };
}

describe('npm run publish', () => {
  it('prints help in Chinese, and refuses to run without --to, with a bad --keep or options that do not go together', () => {
    const help = runNode(CLI, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('用法：npm run publish -- --to 目录');
    for (const option of ['--rollback', '--archive', '--adopt', '--keep N', '--dry-run']) expect(help.stdout).toContain(`  ${option}`);
    const refused: [string[], string][] = [
      [[], '请用 --to 指定发布目录'],
      [['--to', DIR, '--keep', '1'], '--keep 必须是不小于 2 的整数'],
      [['--to', DIR, '--force'], '不认识的选项 --force'],
      [['--to', DIR, '--rollback', '--archive'], '--rollback 不能与 --archive 同用'],
      [['--to', DIR, '--archive', '--dry-run'], '--archive 不能与 --dry-run 同用'],
    ];
    for (const [args, message] of refused) {
      const r = runNode(CLI, args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(message);
    }
    expect(existsSync(DIR)).toBe(false);
  });

  it('refuses up front: the checkout (--to .. from inside it), its parent, /, a release folder, a plain folder', () => {
    const refusals: [string[], Record<string, string>, string][] = [
      [['--to', '..'], { INIT_CWD: join(ROOT, 'src') }, `就是本项目（nianbao 的代码目录 ${ROOT}`],
      [['--to', '..'], { INIT_CWD: ROOT }, '包含本项目'],
      [['--to', '/'], {}, '是文件系统的根目录'],
      [['--to', `${DIR}.releases`], {}, 'nianbao 的版本目录 www.releases'],
    ];
    const plain = join(tmp, 'plain');
    mkdirSync(join(plain, 'other-site'), { recursive: true });
    writeFileSync(join(plain, 'notes.txt'), '笔记');
    refusals.push([['--to', plain], {}, '是一个普通目录，里面没有 nianbao 的版本标记']);
    for (const [args, extra, message] of refusals) {
      const r = runNode(CLI, args, { ...env, ...extra });
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`✗ 发布失败：`);
      expect(r.stderr).toContain(message);
      noStackTrace(r.stderr);
      expect(r.stdout).not.toContain('② 构建');
    }
    expect(readdirSync(plain).sort()).toEqual(['notes.txt', 'other-site']);
    expect(runNode(CLI, ['--to', plain], env).stderr).toContain('→ 任选其一：');
    expect(existsSync(`${plain}.releases`)).toBe(false);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });

  let first = '';
  let second = '';
  it('publishes onto another file system: DIR becomes a symlink to a verified release that serves the site', async () => {
    expect(statSync(volume.dir).dev).not.toBe(statSync(ROOT).dev);
    const r = publish(MINIMAL);
    expect(r.status, r.output.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('校验通过');
    expect(r.stdout).toContain('✓ 已发布');
    expect(lstatSync(DIR).isSymbolicLink()).toBe(true);
    first = readlinkSync(DIR);
    expect(first).toMatch(/^www\.releases\/\d{8}-\d{6}-\d{3}$/);
    expect(existsSync(join(DIR, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(DIR, '.nianbao-release.json'))).toBe(true);
    expect(await fetchStatus(DIR, ['', '2021/', 'trends/', 'data/stats.json'])).toEqual([200, 200, 200, 200]);
    // Astro built inside the checkout; nothing of that build stays there.
    expect(readdirSync(ROOT).filter((n) => n.startsWith('dist.publish-'))).toEqual([]);
  }, 300_000);

  it('publishes again with --archive: the previous release is kept, and the dated .tar.gz unpacks to a working site', async () => {
    const r = publish(MINIMAL, '--archive');
    expect(r.status, r.output.slice(-3000)).toBe(0);
    second = readlinkSync(DIR);
    expect(second).not.toBe(first);
    expect(r.stdout).toContain(`上一个版本：${join(volume.dir, first)}`);
    expect(r.stdout).toContain('--rollback');
    expect(releases()).toEqual([first, second].map((p) => p.replace('www.releases/', '')));

    const release = second.replace('www.releases/', '');
    const archive = join(RELEASES, `www-${release}.tar.gz`);
    expect(r.stdout).toContain(`归档：${archive}`);
    const unpacked = join(tmp, 'unpacked');
    mkdirSync(unpacked);
    const untar = spawnSync('tar', ['-xzf', archive, '-C', unpacked], { encoding: 'utf8' });
    expect(untar.status, untar.stderr).toBe(0);
    expect(readdirSync(unpacked)).toEqual([`www-${release}`]);
    const site = join(unpacked, `www-${release}`);
    expect(verifySite(site, { base: '/', years: [2021], edition: 'public' }).ok).toBe(true);
    expect(await fetchStatus(site, ['', '2021/', 'trends/', 'search/', 'pagefind/pagefind.js', 'data/stats.csv'])).toEqual([200, 200, 200, 200, 200, 200]);
  }, 300_000);

  it('broken content: exits 1 naming what failed, DIR untouched, no release left behind', () => {
    const r = publish(BROKEN);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('发布失败：内容检查未通过');
    expect(r.stderr).toContain('reports/2021.mdx');
    expect(readlinkSync(DIR)).toBe(second);
    expect(readdirSync(RELEASES).filter((n) => n.startsWith('.') && n !== '.history')).toEqual([]);
  });

  it('--dry-run builds and verifies without swapping or keeping the build', () => {
    const before = releases();
    const r = publish(MINIMAL, '--dry-run');
    expect(r.status, r.output.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('试运行');
    expect(readlinkSync(DIR)).toBe(second);
    expect(releases()).toEqual(before);
    expect(readdirSync(RELEASES).filter((n) => n.startsWith('.building-'))).toEqual([]);
  }, 300_000);

  it('--rollback points DIR at the previous release, then refuses: there is none before it', async () => {
    const r = runNode(CLI, ['--to', DIR, '--rollback'], env);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain(`✓ 已回退：${DIR} → ${join(volume.dir, first)}`);
    expect(readlinkSync(DIR)).toBe(first);
    expect(await fetchStatus(DIR, ['', '2021/'])).toEqual([200, 200]);

    const again = runNode(CLI, ['--to', DIR, '--rollback'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('✗ 回退失败：');
    expect(again.stderr).toContain('没有更早的版本可以回退');
    noStackTrace(again.stderr);
    expect(readlinkSync(DIR)).toBe(first);
    expect(releases()).toEqual([first, second].map((p) => p.replace('www.releases/', '')));
  });

  it('SIGKILL of a publish stops its Astro build too; the next publish clears what it left and takes over its lock', async () => {
    const run = await publishUntilBuilding();
    const started = descendants(run.pid);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    await until('every process the killed publish started to end', () => started.every((p) => !running(p)), 60_000);
    expect(readlinkSync(DIR)).toBe(first);
    expect(readFileSync(join(RELEASES, '.lock'), 'utf8').split('\n')[0]).toBe(String(run.pid));

    const r = publish(MINIMAL);
    expect(r.status, r.output.slice(-3000)).toBe(0);
    expect(readlinkSync(DIR)).not.toBe(first);
    expect(existsSync(join(RELEASES, '.lock'))).toBe(false);
    expect(readdirSync(RELEASES).filter((n) => n.startsWith('.building-'))).toEqual([]);
    expect(readdirSync(ROOT).filter((n) => n.startsWith('dist.publish-'))).toEqual([]);
    expect(await fetchStatus(DIR, ['', '2021/'])).toEqual([200, 200]);
  }, 300_000);

  it('SIGTERM (or Ctrl-C) during the build: exit 130, the build stopped, DIR untouched, nothing left', async () => {
    const live = readlinkSync(DIR);
    const before = readdirSync(RELEASES).sort();
    const run = await publishUntilBuilding();
    const started = descendants(run.pid);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(130);
    expect(run.output()).toContain(`✗ 发布已中断：${DIR} 没有改动`);
    await until('the interrupted build to end', () => started.every((p) => !running(p)), 60_000);
    expect(readlinkSync(DIR)).toBe(live);
    expect(readdirSync(RELEASES).sort()).toEqual(before);
    expect(readdirSync(ROOT).filter((n) => n.startsWith('dist.publish-'))).toEqual([]);
  }, 300_000);

  it('a folder put at DIR while the site is building: refused at the switch, the folder untouched, the new release gone', async () => {
    const live = readlinkSync(DIR);
    const before = readdirSync(RELEASES).sort();
    const run = await publishUntilBuilding();
    rmSync(DIR);
    mkdirSync(DIR);
    writeFileSync(join(DIR, 'index.php'), '<?php // 别人的网站');
    const exit = await run.exited;
    expect(exit.code, run.output().slice(-3000)).toBe(1);
    expect(run.output()).toContain(`✗ 发布失败：${DIR} 在构建期间出现了：是一个普通目录`);
    expect(run.output()).toContain('刚构建的版本已删除');
    expect(run.output()).toContain('--adopt');
    noStackTrace(run.output());
    expect(readdirSync(DIR)).toEqual(['index.php']);
    expect(readdirSync(RELEASES).sort()).toEqual(before);
    expect(readdirSync(ROOT).filter((n) => n.startsWith('dist.publish-'))).toEqual([]);
    rmSync(DIR, { recursive: true });
    symlinkSync(live, DIR);
  }, 300_000);

  it('a DIR whose path merely starts with the checkout’s (/srv/nianbao → /srv/nianbao-www) builds and verifies', () => {
    const sibling = `${ROOT.replace(/\/$/, '')}-www-${process.pid}`;
    try {
      const r = runNode(CLI, ['--to', join(sibling, 'site'), '--dry-run'], env);
      expect(r.status, r.output.slice(-3000)).toBe(0);
      expect(r.stdout).toContain('校验通过');
    } finally {
      rmSync(sibling, { recursive: true, force: true });
    }
  }, 300_000);
});
