// A content folder whose files the file system will not hand over: each case is one Chinese problem
// naming the file and the fix, never a stack trace. Real files where the test can make them; an injected
// reader for what it cannot (tests run as root, and root reads a chmod 000 file).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, unlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import { fileErrorProblem, MAX_REPORT_BYTES, nodeReader, readContentText, writeFailure, type ContentReader } from '../../../src/lib/content/content-files.ts';
import { ROOT } from '../../helpers/sites.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of test/fixtures/minimal (valid: one report, 2021.mdx) to break. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-files-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
  return dir;
}

const errors = (dir: string, reader?: ContentReader) => checkContent(dir, reader).problems.filter((p) => p.severity === 'error');

describe('file errors in a content folder, through check', () => {
  it('the untouched copy is valid (so each case below is its own error)', () => {
    expect(errors(folder())).toEqual([]);
  });

  it('a report with old Mac line endings (CR alone) is refused with the line and how to resave; CRLF is read', () => {
    const dir = folder();
    const file = join(dir, 'reports/2021.mdx');
    const text = readFileSync(file, 'utf8').replace(/\r?\n/g, '\n');
    writeFileSync(file, text.replace(/\n/g, '\r\n'));
    expect(errors(dir)).toEqual([]);
    const lines = text.split('\n');
    writeFileSync(file, `${lines.slice(0, 4).join('\n')}\r${lines.slice(4).join('\n')}`);
    const found = errors(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'reports/2021.mdx', line: 4 });
    expect(found[0]?.message).toContain('单独的 CR');
    expect(found[0]?.hint).toContain('另存为 LF 或 CRLF');
  });

  it.each([
    ['a dangling symlink', (d: string) => symlinkSync(join(d, 'gone.mdx'), join(d, 'reports/2022.mdx')), 'reports/2022.mdx', '符号链接，但它指向的文件不存在', '删除这个链接'],
    ['a symlink loop', (d: string) => (symlinkSync('2023.mdx', join(d, 'reports/2022.mdx')), symlinkSync('2022.mdx', join(d, 'reports/2023.mdx'))), 'reports/2022.mdx', '循环的符号链接', '换成真正的文件'],
    ['a folder named 2022.mdx', (d: string) => mkdirSync(join(d, 'reports/2022.mdx')), 'reports/2022.mdx', '是一个文件夹，不是文件', '改名或移走'],
    ['a 0-byte report', (d: string) => writeFileSync(join(d, 'reports/2022.mdx'), ''), 'reports/2022.mdx', '是空的', 'npm run new'],
    ['a report of blank lines', (d: string) => writeFileSync(join(d, 'reports/2022.mdx'), '\r\n\n  \n'), 'reports/2022.mdx', '是空的', 'npm run new'],
    ['a 50 MB report', (d: string) => (writeFileSync(join(d, 'reports/2022.mdx'), ''), truncateSync(join(d, 'reports/2022.mdx'), 50 * 1024 * 1024)), 'reports/2022.mdx', '有 50.0 MB，超过了 2.0 MB 的上限', '误把图片'],
    ['a named pipe', (d: string) => execFileSync('mkfifo', [join(d, 'reports/2022.mdx')]), 'reports/2022.mdx', '不是普通文件', '普通的文本文件'],
    ['site.yaml that is a folder', (d: string) => (unlinkSync(join(d, 'site.yaml')), mkdirSync(join(d, 'site.yaml'))), 'site.yaml', '是一个文件夹，不是文件', '放上 site.yaml'],
    ['metrics.yaml that is a folder', (d: string) => (unlinkSync(join(d, 'metrics.yaml')), mkdirSync(join(d, 'metrics.yaml'))), 'metrics.yaml', '是一个文件夹，不是文件', '放上 metrics.yaml'],
    ['site.yaml as a dangling symlink', (d: string) => (unlinkSync(join(d, 'site.yaml')), symlinkSync('/nonexistent/site.yaml', join(d, 'site.yaml'))), 'site.yaml', '符号链接，但它指向的文件不存在', '放回原处'],
    ['reports/ that is a file', (d: string) => (rmSync(join(d, 'reports'), { recursive: true }), writeFileSync(join(d, 'reports'), 'x')), 'reports', '不是文件夹', '建立文件夹'],
  ])('%s: one error naming the file and the fix', (_name, breakIt, file, message, hint) => {
    const dir = folder();
    breakIt(dir);
    const found = errors(dir).filter((p) => p.file === file);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
    expect(found[0]?.hint).toContain(hint);
  });

  it('a content folder that is a file', () => {
    const dir = folder();
    const file = join(dir, 'site.yaml');
    expect(errors(file)).toEqual([expect.objectContaining({ file: '.', message: `内容目录 ${file} 不是文件夹` })]);
  });
});

/** The real file system, except that `failing` paths fail with `code` (what root cannot make happen). */
function failingReader(failing: (path: string) => boolean, code: string, on: 'stat' | 'readFile' | 'readdir' = 'readFile'): ContentReader {
  const fail = (p: string) => {
    if (failing(p)) throw Object.assign(new Error(`${code}: ${p}`), { code });
  };
  return {
    stat: (p) => (on === 'stat' && fail(p), nodeReader.stat(p)),
    lstat: (p) => nodeReader.lstat(p),
    readFile: (p) => (on === 'readFile' && fail(p), nodeReader.readFile(p)),
    readdir: (p) => (on === 'readdir' && fail(p), nodeReader.readdir(p)),
  };
}

describe('errors root cannot provoke, through an injected reader', () => {
  it('an unreadable report (chmod 000 as an ordinary user: EACCES)', () => {
    const dir = folder();
    const found = errors(dir, failingReader((p) => p.endsWith('2021.mdx'), 'EACCES'));
    expect(found).toEqual([expect.objectContaining({ file: 'reports/2021.mdx', message: '没有读取 reports/2021.mdx 的权限', hint: expect.stringContaining('chmod a+r') })]);
  });

  it('an unreadable site.yaml (EPERM) and an unreadable reports/ folder', () => {
    const dir = folder();
    expect(errors(dir, failingReader((p) => p.endsWith('site.yaml'), 'EPERM'))).toEqual([expect.objectContaining({ file: 'site.yaml', message: '没有读取 site.yaml 的权限' })]);
    expect(errors(dir, failingReader((p) => p.endsWith('reports'), 'EACCES', 'readdir'))).toEqual([expect.objectContaining({ file: 'reports', hint: expect.stringContaining('chmod a+rx') })]);
  });

  it('a disk error (EIO) names the code and says what to try', () => {
    const p = readContentText(join(folder(), 'reports/2021.mdx'), 'reports/2021.mdx', { maxBytes: MAX_REPORT_BYTES, reader: failingReader(() => true, 'EIO') });
    expect(p).toMatchObject({ ok: false, problem: { message: '读取 reports/2021.mdx 失败：磁盘读写出错（EIO）', hint: expect.stringContaining('备份') } });
  });

  it('a file that grew past the limit between stat and read', () => {
    const reader: ContentReader = { ...nodeReader, stat: () => ({ isFile: () => true, isDirectory: () => false, size: 10 }), readFile: () => new Uint8Array(MAX_REPORT_BYTES + 1) };
    expect(readContentText('/x', 'reports/2021.mdx', { maxBytes: MAX_REPORT_BYTES, reader })).toMatchObject({ ok: false, problem: { message: expect.stringContaining('超过了 2.0 MB 的上限') } });
  });

  it('every errno gives a Chinese message naming the file', () => {
    for (const code of ['ENOENT', 'ELOOP', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EMFILE', 'EIO', 'EWHATEVER', '']) {
      const p = fileErrorProblem(Object.assign(new Error('x'), { code }), 'reports/2021.mdx', '/nonexistent/x');
      expect(p.message, code).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message, code).toContain('reports/2021.mdx');
      expect(p.hint, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('writeFailure', () => {
  it('names what is in the way of a new report, or the errno in Chinese', () => {
    const dir = folder();
    mkdirSync(join(dir, 'reports/2022.mdx'));
    symlinkSync('nowhere.mdx', join(dir, 'reports/2023.mdx'));
    expect(writeFailure(new Error('x'), join(dir, 'reports/2022.mdx'), '2022.mdx')).toMatchObject({ inTheWay: 'folder', message: '2022.mdx 是一个文件夹，无法写成报告文件，没有做任何改动' });
    expect(writeFailure(new Error('x'), join(dir, 'reports/2023.mdx'), '2023.mdx')).toMatchObject({ inTheWay: 'dangling' });
    expect(writeFailure(Object.assign(new Error('x'), { code: 'ENOSPC' }), join(dir, 'reports/2024.mdx'), '2024.mdx').message).toBe('磁盘空间不足，无法写入 2024.mdx，没有做任何改动');
    expect(writeFailure(Object.assign(new Error('x'), { code: 'EACCES' }), join(dir, 'reports/2024.mdx'), '2024.mdx').message).toBe('没有写入 2024.mdx 的权限，没有做任何改动');
  });
});
