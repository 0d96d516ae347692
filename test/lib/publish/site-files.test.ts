// Which folder a build may replace: only one holding nothing but what an earlier build wrote, unchanged.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectSiteFolder, refusalOf, SITE_FILES, writeSiteFiles } from '../../../src/lib/publish/site-files.ts';

let tmp: string;
let site: string;

/** A small built site: the shape Astro and pagefind leave. */
function builtSite(): void {
  mkdirSync(join(site, '2022'), { recursive: true });
  mkdirSync(join(site, 'pagefind/fragment'), { recursive: true });
  mkdirSync(join(site, 'empty-but-built'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<meta name="generator" content="nianbao"><p>首页</p>');
  writeFileSync(join(site, '2022/index.html'), '<p>2022年</p>');
  writeFileSync(join(site, 'pagefind/fragment/zh_1.pf_fragment'), 'x');
  writeSiteFiles(site);
}

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-site-files-'));
  site = join(tmp, 'site');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('inspectSiteFolder', () => {
  it('a missing folder, an empty one and an untouched build may be replaced', () => {
    expect(inspectSiteFolder(site).kind).toBe('missing');
    mkdirSync(site);
    expect(inspectSiteFolder(site).kind).toBe('empty');
    builtSite();
    expect(inspectSiteFolder(site)).toEqual({ kind: 'ours' });
    expect(refusalOf(inspectSiteFolder(site), site)).toBeUndefined();
  });

  it('names files and folders added to a build (at any depth), and does not list inside a foreign folder', () => {
    builtSite();
    mkdirSync(join(site, 'oa'));
    writeFileSync(join(site, 'oa/index.php'), '<?php');
    mkdirSync(join(site, 'uploads/2024'), { recursive: true });
    writeFileSync(join(site, 'uploads/2024/合同.pdf'), '%PDF');
    writeFileSync(join(site, 'pagefind/fragment/notes.txt'), '');
    const found = inspectSiteFolder(site);
    expect(found.kind).toBe('other');
    if (found.kind !== 'other') return;
    expect(found.foreign).toEqual(['oa/', 'pagefind/fragment/notes.txt', 'uploads/']);
    const refusal = refusalOf(found, site);
    expect(refusal?.message).toContain('不是 nianbao 生成的：oa/、pagefind/fragment/notes.txt、uploads/');
    expect(refusal?.message).toContain('没有替换它，什么也没有改动');
  });

  it('an empty folder someone made inside is not the build’s either', () => {
    builtSite();
    mkdirSync(join(site, 'backup'));
    expect(inspectSiteFolder(site)).toMatchObject({ kind: 'other', foreign: ['backup/'] });
  });

  it('a file edited since the build (size or time) is not replaced', () => {
    builtSite();
    appendFileSync(join(site, '2022/index.html'), '<!-- 手工修改 -->');
    expect(inspectSiteFolder(site)).toMatchObject({ kind: 'other', changed: ['2022/index.html'] });
    rmSync(site, { recursive: true });
    builtSite();
    // Same size, rewritten later.
    writeFileSync(join(site, 'index.html'), '<meta name="generator" content="nianbao"><p>首頁</p>');
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(site, 'index.html'), later, later);
    const found = inspectSiteFolder(site);
    expect(found).toMatchObject({ kind: 'other', changed: ['index.html'] });
    expect(refusalOf(found, site)?.message).toContain('构建之后被修改过：index.html');
  });

  it('a symbolic link inside the build is not the build’s (and is not followed)', () => {
    builtSite();
    symlinkSync('/etc', join(site, 'etc'));
    expect(inspectSiteFolder(site)).toMatchObject({ kind: 'other', foreign: ['etc'] });
  });

  it('a nianbao site without the list (an older build) is refused with the way out; so is any other folder', () => {
    builtSite();
    rmSync(join(site, SITE_FILES));
    const legacy = inspectSiteFolder(site);
    expect(legacy).toMatchObject({ kind: 'other', legacy: true });
    expect(refusalOf(legacy, site)?.message).toContain('旧版 nianbao 生成的网站');
    writeFileSync(join(site, SITE_FILES), '{"nianbao":"site","format":1,"dirs":[],"files":');
    expect(inspectSiteFolder(site)).toMatchObject({ kind: 'other', legacy: true });
    writeFileSync(join(site, 'index.html'), '<p>别人的主页</p>');
    const other = inspectSiteFolder(site);
    expect(other).toMatchObject({ kind: 'other', legacy: false, listed: false, foreign: ['.nianbao-site.json', '2022/', 'empty-but-built/', 'index.html', 'pagefind/'] });
    expect(refusalOf(other, site)?.message).toContain('不是空文件夹，也不是 nianbao 生成的网站（里面有 .nianbao-site.json、2022/');
  });

  it('a list of files naming only what is present does not vouch for a file it does not name', () => {
    mkdirSync(site);
    writeFileSync(join(site, SITE_FILES), JSON.stringify({ nianbao: 'site', format: 1, dirs: [], files: {} }));
    writeFileSync(join(site, 'index.php'), '<?php');
    expect(inspectSiteFolder(site)).toMatchObject({ kind: 'other', foreign: ['index.php'] });
  });

  it('a link (publish’s link to a release) or a file at the place is never replaced', () => {
    builtSite();
    const link = join(tmp, 'www');
    symlinkSync(site, link);
    expect(inspectSiteFolder(link).kind).toBe('link');
    expect(refusalOf(inspectSiteFolder(link), link)?.hint).toContain('npm run publish -- --to');
    writeFileSync(join(tmp, 'file'), '');
    expect(inspectSiteFolder(join(tmp, 'file')).kind).toBe('file');
  });

  it('counts what it does not show', () => {
    builtSite();
    for (let i = 0; i < 12; i++) writeFileSync(join(site, `extra-${String(i).padStart(2, '0')}.txt`), '');
    const found = inspectSiteFolder(site);
    expect(found).toMatchObject({ kind: 'other', more: 7 });
    expect(refusalOf(found, site)?.message).toContain('另有 7 项');
  });
});

describe('names and folders a walk must survive', () => {
  it('a file name that is not UTF-8 is foreign (shown escaped), not a crash', () => {
    builtSite();
    writeFileSync(Buffer.concat([Buffer.from(join(site, 'bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x');
    const found = inspectSiteFolder(site);
    expect(found).toMatchObject({ kind: 'other', listed: true });
    if (found.kind === 'other') expect(found.foreign).toEqual(['bad\\xff\\xfe.txt']);
  });

  it('a folder that cannot be read through is refused, not a crash', () => {
    builtSite();
    // A name that stops being a folder between listing and reading is the same case as an unreadable one.
    const found = inspectSiteFolder(join(site, 'index.html'));
    expect(found.kind).toBe('file');
    mkdirSync(join(site, 'locked'));
    writeFileSync(join(site, 'locked/x'), '');
    if (process.getuid?.() !== 0) {
      // root reads everything; elsewhere an unreadable subfolder is reported instead of throwing.
      (require('node:fs') as typeof import('node:fs')).chmodSync(join(site, 'locked'), 0);
    }
    expect(inspectSiteFolder(site).kind).toBe('other');
  });
});
