// npm run import -- FOLDER: an office's history in one command, all or nothing unless --keep-going.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const seed = readFileSync(join(ROOT, 'test/fixtures/seed/2022.txt'), 'utf8');
const TITLE = (year: number) => `${year}年度落实全面从严治党主体责任情况报告`;

/** A content folder with the committed registry and no reports, and a folder of yearly reports. */
function setup(years: number[]): { content: string; history: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-folder-'));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'reports'), { recursive: true });
  copyFileSync(join(ROOT, 'content/site.yaml'), join(content, 'site.yaml'));
  copyFileSync(join(ROOT, 'content/metrics.yaml'), join(content, 'metrics.yaml'));
  const history = join(dir, '历年报告');
  mkdirSync(history);
  for (const y of years) writeFileSync(join(history, `${TITLE(y)}.txt`), seed.replaceAll('2022', String(y)).replaceAll('2023', String(y + 1)));
  return { content, history };
}

const run = (content: string, args: string[]) => runNode(IMPORT, args, { NIANBAO_CONTENT: content }, 120_000);

describe('npm run import -- FOLDER', () => {
  it('imports every year, prints one table with progress, and writes one file a year', () => {
    const { content, history } = setup([2019, 2020, 2021]);
    writeFileSync(join(history, '照片.png'), 'not a report');
    writeFileSync(join(history, '~$19年度报告.docx'), 'Word owner file');
    const r = run(content, [history]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('[1/3]');
    expect(r.stdout).toContain('[3/3]');
    expect(r.stdout).toMatch(/文件\s+年份\s+标题\s+事项\s+表格\s+数字已对应\/总数\s+检查/);
    for (const y of [2019, 2020, 2021]) expect(r.stdout).toMatch(new RegExp(`${y}\\s+${y}年度落实`));
    expect(r.stdout).toContain('跳过的其他文件：~$19年度报告.docx、照片.png');
    expect(readdirSync(join(content, 'reports')).sort()).toEqual(['2019.mdx', '2020.mdx', '2021.mdx']);
    expect(readFileSync(join(content, 'reports/2020.mdx'), 'utf8')).toContain(`title: ${TITLE(2020)}`);
  });

  it('one file that fails: nothing is written, every failure named; --keep-going writes the good ones', () => {
    const { content, history } = setup([2020, 2021]);
    writeFileSync(join(history, '2019年报告.docx'), 'PK not really a zip');
    writeFileSync(join(history, '2018年报告.txt'), '');
    const r = run(content, [history]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('2019年报告.docx：无法读取 Word 文档');
    expect(r.stdout).toContain('2018年报告.txt：');
    expect(r.stderr).toContain('一个也没有写入');
    expect(readdirSync(join(content, 'reports'))).toEqual([]);
    const kept = run(content, [history, '--keep-going']);
    expect(kept.status).toBe(1);
    expect(kept.stdout).toContain('已写入 2 份报告');
    expect(readdirSync(join(content, 'reports')).sort()).toEqual(['2020.mdx', '2021.mdx']);
  });

  it('two files for one year, or a year already there, are refused unless --force', () => {
    const { content, history } = setup([2020, 2021]);
    writeFileSync(join(history, 'z-2021年报告（修订）.txt'), seed.replaceAll('2022', '2021').replace('一是', '一是（修订）'));
    const r = run(content, [history]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/都是 2021 年的报告/);
    expect(readdirSync(join(content, 'reports'))).toEqual([]);
    const forced = run(content, [history, '--force']);
    expect(forced.status, forced.output).toBe(0);
    expect(forced.stdout).toContain('按 --force 取了文件名排在后面的 z-2021年报告（修订）.txt');
    expect(readFileSync(join(content, 'reports/2021.mdx'), 'utf8')).toContain('（修订）');

    // The years are in the content folder now: importing again is refused, --force replaces.
    const again = run(content, [history]);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('内容目录已有 2020 年的报告');
    const before = readFileSync(join(content, 'reports/2020.mdx'), 'utf8');
    writeFileSync(join(content, 'reports/2020.mdx'), before.replace('一是', '一是（手改）'));
    const replaced = run(content, [history, '--force']);
    expect(replaced.stdout).toContain('reports/2020.mdx 已存在，按 --force 用');
    expect(readFileSync(join(content, 'reports/2020.mdx'), 'utf8')).not.toContain('（手改）');
    expect(readFileSync(join(content, 'reports/2020.mdx'), 'utf8')).toContain('year: 2020');
  });

  it('--dry-run writes nothing; --year and --out are refused for a folder; an empty folder says what it takes', () => {
    const { content, history } = setup([2021]);
    const dry = run(content, [history, '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('没有写入任何文件');
    expect(readdirSync(join(content, 'reports'))).toEqual([]);
    expect(run(content, [history, '--year', '2021']).stderr).toContain('--year 只能用于导入单个文件');
    expect(run(content, [history, '--out', 'x']).stderr).toContain('不能用 --out');
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-empty-'));
    const none = run(content, [empty]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('没有可以导入的报告文件');
    expect(existsSync(join(content, 'reports/2021.mdx'))).toBe(false);
  });

  it('the check column is the check of the folder as it will be (a problem in one year shows on its row)', () => {
    const { content, history } = setup([2021]);
    // Two years whose figures jump: the cross-year check sees both imported reports together.
    writeFileSync(join(history, `${TITLE(2022)}.txt`), seed.replace(/共开展廉政谈话\*+人次/, '共开展廉政谈话9999人次'));
    const r = run(content, [history, '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/检查/);
    expect(r.stdout).not.toContain('导入失败');
  });
});
