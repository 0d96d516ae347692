// npm run publish end to end: real builds of the minimal fixture into a temporary DIR.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
import { serveSite } from '../helpers/serve.ts';
import { ROOT } from '../helpers/sites.ts';

const CLI = join(ROOT, 'src/cli/publish.ts');
const MINIMAL = join(ROOT, 'test/fixtures/minimal');
const BROKEN = join(ROOT, 'test/fixtures/broken');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-publish-cli-'));
const DIR = join(tmp, 'www');
const RELEASES = `${DIR}.releases`;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const publish = (content: string, ...args: string[]) => runNode(CLI, ['--to', DIR, ...args], { NIANBAO_CONTENT: content, NIANBAO_EDITION: 'public' });
const releases = () => readdirSync(RELEASES).filter((n) => /^\d{8}-/.test(n)).sort();

async function fetchStatus(dir: string, paths: string[]): Promise<number[]> {
  const site = await serveSite(dir);
  try {
    return await Promise.all(paths.map(async (p) => (await fetch(site.url + p)).status));
  } finally {
    await site.close();
  }
}

describe('npm run publish', () => {
  it('prints help in Chinese, and refuses to run without --to or with a bad --keep', () => {
    const help = runNode(CLI, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('用法：npm run publish -- --to 目录');
    const noTarget = runNode(CLI, []);
    expect(noTarget.status).toBe(1);
    expect(noTarget.stderr).toContain('请用 --to 指定发布目录');
    const badKeep = runNode(CLI, ['--to', DIR, '--keep', '1']);
    expect(badKeep.status).toBe(1);
    expect(badKeep.stderr).toContain('--keep 必须是不小于 2 的整数');
    const unknown = runNode(CLI, ['--to', DIR, '--force']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('不认识的选项 --force');
    expect(existsSync(DIR)).toBe(false);
  });

  let first = '';
  let second = '';
  it('publishes the minimal fixture: DIR becomes a symlink to a verified release that serves the site', async () => {
    const r = publish(MINIMAL);
    expect(r.status, r.output.slice(-3000)).toBe(0);
    expect(r.stdout).toContain('校验通过');
    expect(r.stdout).toContain('✓ 已发布');
    expect(lstatSync(DIR).isSymbolicLink()).toBe(true);
    first = readlinkSync(DIR);
    expect(first).toMatch(/^www\.releases\/\d{8}-\d{6}-\d{3}$/);
    expect(existsSync(join(DIR, 'pagefind/pagefind.js'))).toBe(true);
    expect(await fetchStatus(DIR, ['', '2021/', 'trends/', 'data/stats.json'])).toEqual([200, 200, 200, 200]);
  }, 300_000);

  it('publishes again: DIR points to the new release, the previous one is kept', async () => {
    const r = publish(MINIMAL);
    expect(r.status, r.output.slice(-3000)).toBe(0);
    second = readlinkSync(DIR);
    expect(second).not.toBe(first);
    expect(r.stdout).toContain(`上一个版本：${join(tmp, first)}`);
    expect(releases()).toEqual([first, second].map((p) => p.replace('www.releases/', '')));
    expect(existsSync(join(tmp, first, 'index.html'))).toBe(true);
    expect(await fetchStatus(DIR, ['', '2021/'])).toEqual([200, 200]);
  }, 300_000);

  it('broken content: exits 1 naming what failed, DIR untouched, no release left behind', () => {
    const r = publish(BROKEN);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('发布失败：内容检查未通过');
    expect(r.stderr).toContain('reports/2021.mdx');
    expect(readlinkSync(DIR)).toBe(second);
    expect(readdirSync(RELEASES).filter((n) => n !== '.lock' && !releases().includes(n))).toEqual([]);
    expect(existsSync(join(RELEASES, '.lock'))).toBe(false);
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
});
