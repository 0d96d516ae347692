// Content files the file system will not hand over, through the commands an author runs: npm run check,
// npm run build, npm run new and npm run import each print a Chinese line naming the file and the fix,
// and no stack trace. (The errors only an ordinary user can provoke, such as chmod 000, are covered
// with an injected reader in test/lib/content-files.test.ts: these tests run as root.)
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(breakIt: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-files-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
  breakIt(dir);
  return dir;
}

/** Every case at once in one folder: an author gets the whole list in one run. */
const CASES = [
  { name: 'a dangling symlink', file: 'reports/2022.mdx', says: '符号链接，但它指向的文件不存在', make: (d: string) => symlinkSync(join(d, 'gone.mdx'), join(d, 'reports/2022.mdx')) },
  { name: 'a symlink loop', file: 'reports/2023.mdx', says: '循环的符号链接', make: (d: string) => (symlinkSync('2024.mdx', join(d, 'reports/2023.mdx')), symlinkSync('2023.mdx', join(d, 'reports/2024.mdx'))) },
  { name: 'a folder named 2025.mdx', file: 'reports/2025.mdx', says: '是一个文件夹，不是文件', make: (d: string) => mkdirSync(join(d, 'reports/2025.mdx')) },
  { name: 'a 0-byte report', file: 'reports/2026.mdx', says: '是空的', make: (d: string) => writeFileSync(join(d, 'reports/2026.mdx'), '') },
  { name: 'a 50 MB report', file: 'reports/2027.mdx', says: '有 50.0 MB，超过了 2.0 MB 的上限', make: (d: string) => (writeFileSync(join(d, 'reports/2027.mdx'), ''), truncateSync(join(d, 'reports/2027.mdx'), 50 * 1024 * 1024)) },
  { name: 'site.yaml that is a folder', file: 'site.yaml', says: '是一个文件夹，不是文件', make: (d: string) => (unlinkSync(join(d, 'site.yaml')), mkdirSync(join(d, 'site.yaml'))) },
  { name: 'metrics.yaml that is a folder', file: 'metrics.yaml', says: '是一个文件夹，不是文件', make: (d: string) => (unlinkSync(join(d, 'metrics.yaml')), mkdirSync(join(d, 'metrics.yaml'))) },
];

function expectChineseLine(r: RunResult, line: string | RegExp): void {
  expect(r.status, r.output).toBe(1);
  expect(r.output).toMatch(line);
  expect(r.output).not.toMatch(/\n\s+at [\w.<]+ \(|node:internal|Error: E[A-Z]+:|Stack trace/);
}

describe('npm run check and npm run build on unreadable content files', () => {
  let dir: string;
  let check: RunResult;
  let build: RunResult;
  beforeAll(() => {
    dir = folder((d) => CASES.forEach((c) => c.make(d)));
    check = runNode(join(ROOT, 'src/cli/check.ts'), [], { NIANBAO_CONTENT: dir }, 60_000);
    build = runNode(join(ROOT, 'src/cli/astro.ts'), ['build'], { NIANBAO_CONTENT: dir }, 60_000);
  });

  for (const c of CASES) {
    it(`${c.name}: the file, what is wrong and what to do`, () => {
      expectChineseLine(check, new RegExp(`${dir}/${c.file}\\n  \\[错误\\][^\\n]*${c.says}[^\\n]*\\n      → `));
      expectChineseLine(build, new RegExp(`${dir}/${c.file}\\n  \\[错误\\][^\\n]*${c.says}`));
    });
  }

  it('build stops before Astro, keeping dist/', () => expect(build.stderr).toContain('没有生成网站（dist/ 保持原样）'));
});

describe('npm run new and npm run import where the report file cannot be written', () => {
  const NEW = join(ROOT, 'src/cli/new.ts');
  const IMPORT = join(ROOT, 'src/cli/import.ts');
  const text = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-txt-'));
    dirs.push(dir);
    writeFileSync(join(dir, '报告.txt'), '2022年度测试报告\n\n一、工作情况\n\n一是开展工作。\n');
    return join(dir, '报告.txt');
  };

  it('a folder named 2022.mdx', () => {
    const dir = folder((d) => mkdirSync(join(d, 'reports/2022.mdx')));
    expectChineseLine(runNode(NEW, ['2022'], { NIANBAO_CONTENT: dir }, 60_000), /reports\/2022\.mdx 是一个文件夹，无法写成报告文件，没有做任何改动\n  → 把这个文件夹改名或移走后重试/);
    expectChineseLine(runNode(IMPORT, [text(), '--force'], { NIANBAO_CONTENT: dir }, 60_000), /reports\/2022\.mdx 是一个文件夹，无法写成报告文件/);
  });

  it('a dangling symlink named 2022.mdx', () => {
    const dir = folder((d) => symlinkSync('gone.mdx', join(d, 'reports/2022.mdx')));
    expectChineseLine(runNode(NEW, ['2022'], { NIANBAO_CONTENT: dir }, 60_000), /reports\/2022\.mdx 是一个指向不存在文件的符号链接/);
    expectChineseLine(runNode(IMPORT, [text()], { NIANBAO_CONTENT: dir }, 60_000), /reports\/2022\.mdx 是一个指向不存在文件的符号链接/);
  });

  it('a content folder that is a file, and an input that is a dangling symlink', () => {
    const dir = folder(() => {});
    expectChineseLine(runNode(NEW, ['2023'], { NIANBAO_CONTENT: join(dir, 'site.yaml') }, 60_000), /内容目录 .*site\.yaml 不是文件夹/);
    const input = join(dir, '报告.txt');
    symlinkSync('nowhere.txt', input);
    expectChineseLine(runNode(IMPORT, [input], { NIANBAO_CONTENT: dir }, 60_000), /报告\.txt 是一个符号链接，但它指向的文件不存在/);
  });

  it('new and import still work beside a broken report, and say the folder has other errors', () => {
    const dir = folder((d) => mkdirSync(join(d, 'reports/2020.mdx')));
    const r = runNode(NEW, ['2023'], { NIANBAO_CONTENT: dir }, 60_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('内容目录中有其他错误，运行 npm run check 查看');
  });
});
