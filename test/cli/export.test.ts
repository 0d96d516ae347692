// npm run export, end to end: the Word file in the edition asked for, PDF through Chromium (or what to
// install when there is none), and errors that say what to do.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { runNode } from '../helpers/astro-cli.ts';
import { CHROMIUM_PATH } from '../helpers/chromium.ts';
import { ROOT } from '../helpers/sites.ts';
import { readDocx } from '../../src/lib/import/source.ts';

const EXPORT = join(ROOT, 'src/cli/export.ts');
const out = mkdtempSync(join(tmpdir(), 'nianbao-export-'));

describe('npm run export -- <year>', () => {
  it('writes the public edition’s Word file, named after the title, where --out says', async () => {
    const file = join(out, 'demo-2024.docx');
    const r = runNode(EXPORT, ['2024', '--out', file], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') });
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('已导出 2024年度落实全面从严治党主体责任情况报告（对外公开版');
    const source = await readDocx(readFileSync(file));
    expect(source.blocks[0]!.text).toBe('2024年度落实全面从严治党主体责任情况报告');
    const all = source.blocks.map((b) => b.text).join('\n');
    expect(all).toContain('■■■');
    expect(all).not.toContain('某社区工作人员在老旧小区改造中虚报工程量');
  });

  it('NIANBAO_EDITION=internal: everything shown, 内部版 in the header, （内部版） in the default file name', async () => {
    const r = spawnSync(process.execPath, [EXPORT, '2024'], { cwd: ROOT, env: { ...process.env, INIT_CWD: out, NIANBAO_CONTENT: join(ROOT, 'examples/demo'), NIANBAO_EDITION: 'internal' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const file = join(out, '2024年度落实全面从严治党主体责任情况报告（内部版）.docx');
    expect(existsSync(file)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('word/header1.xml')!.async('string')).toContain('内部版 不得公开');
    expect((await readDocx(readFileSync(file))).blocks.map((b) => b.text).join('\n')).toContain('某社区工作人员在老旧小区改造中虚报工程量');
  });

  it('never replaces a file unasked (an office’s own Word original has the same name), nor writes into a built site', () => {
    const file = join(out, '办公室原稿.docx');
    writeFileSync(file, '手工修改过的原稿');
    const r = runNode(EXPORT, ['2024', '--out', file], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已经存在，没有导出');
    expect(readFileSync(file, 'utf8')).toBe('手工修改过的原稿');
    expect(runNode(EXPORT, ['2024', '--out', file, '--force'], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') }).status).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // A built site (its list of files says so): the internal edition must not land among a public site's downloads.
    const site = mkdtempSync(join(tmpdir(), 'nianbao-export-site-'));
    mkdirSync(join(site, '2024'));
    writeFileSync(join(site, '.nianbao-site.json'), '{}');
    const inSite = runNode(EXPORT, ['2024', '--out', join(site, '2024/2024.docx')], { NIANBAO_CONTENT: join(ROOT, 'examples/demo'), NIANBAO_EDITION: 'internal' });
    expect(inSite.status).toBe(1);
    expect(inSite.stderr).toContain('不能直接写进网站');
    expect(existsSync(join(site, '2024/2024.docx'))).toBe(false);
    expect(runNode(EXPORT, ['2024', '--out', ''], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') }).stderr).toContain('--out 后面要写');
    expect(runNode(EXPORT, ['2024', '--out', join(out, 'no/such/dir/x.docx')], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') }).stderr).toContain('不存在');
  });

  it('an unknown year lists the years there are', () => {
    const r = runNode(EXPORT, ['2019'], { NIANBAO_CONTENT: join(ROOT, 'examples/demo') });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有 2019 年的报告');
    expect(r.stderr).toContain('2014、2015、2016、2017、2018、2020、2021、2022、2023、2024');
  });

  it('refuses a year that is not one, and an --out whose extension is not the format', () => {
    expect(runNode(EXPORT, ['24'], {}).stderr).toContain('“24”不是四位数字的年份');
    const r = runNode(EXPORT, ['2022', '--out', join(out, 'x.pdf')], {});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('扩展名应为 .docx');
  });

  it('--pdf without a browser says what to install, and the Word export still works', () => {
    const r = runNode(EXPORT, ['2022', '--pdf', '--out', join(out, 'x.pdf')], { NIANBAO_CHROMIUM: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('NIANBAO_CHROMIUM 指定的浏览器不存在');
    expect(r.stderr).toContain('apt-get install -y chromium fonts-noto-cjk');
    expect(existsSync(join(out, 'x.pdf'))).toBe(false);
    expect(runNode(EXPORT, ['2022', '--out', join(out, 'x.docx')], { NIANBAO_CHROMIUM: '/nonexistent/chromium' }).status).toBe(0);
  });

  it('--pdf: A4 pages with a text layer and embedded fonts, printed by Chromium', () => {
    const file = join(out, 'gov-2023.pdf');
    const r = runNode(EXPORT, ['2023', '--pdf', '--out', file], { NIANBAO_CONTENT: join(ROOT, 'examples/gov-info-disclosure'), NIANBAO_CHROMIUM: CHROMIUM_PATH });
    expect(r.status, r.output).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    // Every page A4 (595 × 842 pt), and the glyphs embedded with a ToUnicode map (the text layer).
    const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(2);
    for (const b of boxes) expect(b).toEqual([595, 842]);
    expect(text).toContain('/ToUnicode');
    expect(text).toMatch(/\/FontFile|\/CharProcs/);
  });
});
