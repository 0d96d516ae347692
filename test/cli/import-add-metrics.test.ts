// npm run import -- 报告 --add-metrics, end to end: two years of a real 政府信息公开工作年度报告 (平潭综合实验区,
// test/fixtures/real/) imported into a fresh content folder — 2022 as plain text, 2023 as a Word file —
// then checked and built. The second import finds the metrics the first one added by their labels.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { astroBuild, runNode, type RunResult } from '../helpers/astro-cli.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { loadReal, TABLE_MARK } from '../helpers/real-fixtures.ts';
import { realDocx } from '../helpers/real-docx.ts';
import { ROOT } from '../helpers/sites.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-add-metrics-'));

/** The office's own registry: comments, odd spacing and quoting that --add-metrics must leave alone. */
const AUTHORED = [
  '# 本单位的指标登记表',
  '#   （先手工登记了一个，其余由导入添加）',
  '',
  '- id: policy-files      # 规范性文件库',
  '  label:   "现行有效行政规范性文件"',
  "  unit: '件'",
  '  group: 主动公开',
  '  public: true',
].join('\n'); // no final newline, as some editors save

function contentFolder(metrics = AUTHORED): string {
  const dir = tmp();
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'site.yaml'), 'title: 平潭综合实验区政府信息公开年报\norganization: 平潭综合实验区管委会\n');
  writeFileSync(join(dir, 'metrics.yaml'), metrics);
  return dir;
}

const importInto = (dir: string, file: string, ...args: string[]) => runNode(IMPORT, [file, ...args], { NIANBAO_CONTENT: dir }, 120_000);

const report2022 = loadReal('gov-2022-pingtan');
const report2023 = loadReal('gov-2023-pingtan');

/** The 2022 report as an office's .txt: the text as published (the tables are not in a text file). */
function textFile(): string {
  const file = join(tmp(), '2022年政府信息公开工作年度报告.txt');
  writeFileSync(file, report2022.lines.filter((l) => !TABLE_MARK.test(l)).join('\n') + '\n');
  return file;
}

async function wordFile(): Promise<string> {
  const file = join(tmp(), '2023年政府信息公开工作年度报告.docx');
  writeFileSync(file, await realDocx(report2023));
  return file;
}

interface Entry {
  id: string;
  label: string;
  unit?: string;
  group?: string;
  public?: boolean;
}

const registry = (dir: string) => parseYaml(readFileSync(join(dir, 'metrics.yaml'), 'utf8')) as Entry[];
const stats = (dir: string, year: number) => (parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, 'reports', `${year}.mdx`), 'utf8'))![1]!) as { stats: Record<string, unknown> }).stats;

describe('import --add-metrics: two years, then check and build', () => {
  let dir: string;
  let first: RunResult;
  let second: RunResult;
  let afterFirst: string;
  let check: RunResult;
  let build: RunResult;
  const out = join(tmp(), 'dist');

  beforeAll(async () => {
    dir = contentFolder();
    first = importInto(dir, textFile(), '--add-metrics');
    afterFirst = readFileSync(join(dir, 'metrics.yaml'), 'utf8');
    second = importInto(dir, await wordFile(), '--add-metrics', '--public');
    check = runNode(CHECK, [], { NIANBAO_CONTENT: dir });
    build = astroBuild(out, { NIANBAO_CONTENT: dir, NIANBAO_EDITION: 'public' });
  }, 600_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('imports both years and lists every metric it added with its id, label, unit, group and sentence', () => {
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);
    expect(first.stdout).toMatch(/新增指标：\d+ 个，已追加到 .*metrics\.yaml 末尾/);
    expect(first.stdout).toContain('zhudong-gongkai-zhengfu-xinxi　主动公开政府信息（单位：条；分组：总体情况）');
    expect(first.stdout).toContain('2022年全区共主动公开政府信息【14571】条。');
    expect(first.stdout).toContain('public: false');
    expect(second.stdout).toContain('fabu-zhengce-jiedu　发布政策解读（单位：篇；分组：总体情况）');
    expect(second.stdout).toContain('public: true');
  });

  it('appends to metrics.yaml, leaving what the author wrote byte for byte', () => {
    const text = readFileSync(join(dir, 'metrics.yaml'), 'utf8');
    expect(afterFirst.startsWith(`${AUTHORED}\n`)).toBe(true);
    expect(text.startsWith(afterFirst)).toBe(true);
    const entries = registry(dir);
    expect(entries[0]).toEqual({ id: 'policy-files', label: '现行有效行政规范性文件', unit: '件', group: '主动公开', public: true });
    // Public as asked: the 2022 additions private (the default), the 2023 ones public (--public).
    expect(entries.find((e) => e.label === '主动公开政府信息')?.public).toBe(false);
    expect(entries.find((e) => e.label === '发布政策解读')?.public).toBe(true);
  });

  it('reuses the metrics of the first import in the second, by label, instead of adding them again', () => {
    const entries = registry(dir);
    const labels = entries.map((e) => e.label);
    expect(labels.length).toBe(new Set(labels).size);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(stats(dir, 2022)['zhudong-gongkai-zhengfu-xinxi']).toBe(14571);
    expect(stats(dir, 2023)['zhudong-gongkai-zhengfu-xinxi']).toBe(13561);
    expect(stats(dir, 2022)['xingzheng-fuyi-anjian']).toBe(2);
    expect(stats(dir, 2023)['xingzheng-fuyi-anjian']).toBe(2);
    expect(stats(dir, 2023)['xingzheng-susong-anjian']).toBe(7);
    // The registered one is found too, in both years.
    expect(stats(dir, 2022)['policy-files']).toBe(698);
    expect(stats(dir, 2023)['policy-files']).toBe(393);
  });

  it('passes npm run check', () => {
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toContain('共 0 个错误');
  });

  it('builds, showing the public new figures and masking the private ones', () => {
    expect(build.status, build.output).toBe(0);
    const page2023 = textOf(readPage(out, '2023/index.html'));
    expect(page2023).toContain('全年发布政策解读117篇');
    expect(page2023).toContain('2023年全区共主动公开政府信息*****条');
    expect(page2023).not.toContain('13561');
    const page2022 = textOf(readPage(out, '2022/index.html'));
    expect(page2022).toContain('2022年全区共主动公开政府信息*****条');
    expect(page2022).not.toContain('14571');
    // Each new metric has its page, across the years it was reported in.
    expect(textOf(readPage(out, 'metrics/fabu-zhengce-jiedu/index.html'))).toContain('发布政策解读');
    expect(existsSync(join(out, 'metrics/zhudong-gongkai-zhengfu-xinxi/index.html'))).toBe(true);
  });
});

describe('import --add-metrics: what it refuses, and --dry-run', () => {
  it('--dry-run shows what would be appended and writes nothing', () => {
    const dir = contentFolder();
    const r = importInto(dir, textFile(), '--add-metrics', '--dry-run');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('--dry-run：没有写入任何文件');
    expect(r.stdout).toMatch(/将追加到 .*metrics\.yaml 的内容：\n# 以下 \d+ 个指标由 npm run import/);
    expect(r.stdout).toContain('- id: zhudong-gongkai-zhengfu-xinxi\n  label: 主动公开政府信息\n  unit: 条\n  group: 总体情况\n  public: false');
    expect(readFileSync(join(dir, 'metrics.yaml'), 'utf8')).toBe(AUTHORED);
    expect(existsSync(join(dir, 'reports', '2022.mdx'))).toBe(false);
  });

  it('leaves metrics.yaml alone when the report may not be written', () => {
    const dir = contentFolder();
    writeFileSync(join(dir, 'reports', '2022.mdx'), 'the author’s own 2022 report');
    const r = importInto(dir, textFile(), '--add-metrics');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已经存在，没有做任何改动');
    expect(readFileSync(join(dir, 'metrics.yaml'), 'utf8')).toBe(AUTHORED);
    expect(readFileSync(join(dir, 'reports', '2022.mdx'), 'utf8')).toBe('the author’s own 2022 report');
  });

  it('refuses a metrics.yaml with errors, naming them, and writes nothing', () => {
    const broken = '- id: Bad_Id\n  label: 甲\n';
    const dir = contentFolder(broken);
    const r = importInto(dir, textFile(), '--add-metrics');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/metrics\.yaml 有 1 处错误，--add-metrics 不能在它后面追加/);
    expect(r.stderr).toContain('kebab-case');
    expect(readFileSync(join(dir, 'metrics.yaml'), 'utf8')).toBe(broken);
    expect(existsSync(join(dir, 'reports', '2022.mdx'))).toBe(false);
  });

  it('refuses a list in [ ] it cannot append to, and lists the entries to register by hand', () => {
    const dir = contentFolder('[]\n');
    const r = importInto(dir, textFile(), '--add-metrics');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('方括号');
    expect(r.stderr).toContain('label: 主动公开政府信息');
    expect(readFileSync(join(dir, 'metrics.yaml'), 'utf8')).toBe('[]\n');
    expect(existsSync(join(dir, 'reports', '2022.mdx'))).toBe(false);
  });

  it('makes new metrics public in a gov-info-disclosure folder (the report is published whole), unless --no-public', () => {
    const dir = contentFolder();
    writeFileSync(join(dir, 'site.yaml'), 'kind: gov-info-disclosure\ntitle: 平潭综合实验区政府信息公开年报\norganization: 平潭综合实验区管委会\n');
    const shown = importInto(dir, textFile(), '--add-metrics', '--dry-run');
    expect(shown.status, shown.output).toBe(0);
    expect(shown.stdout).toContain('label: 主动公开政府信息\n  unit: 条\n  group: 总体情况\n  public: true');
    const masked = importInto(dir, textFile(), '--add-metrics', '--no-public', '--dry-run');
    expect(masked.stdout).toContain('label: 主动公开政府信息\n  unit: 条\n  group: 总体情况\n  public: false');
    expect(masked.stdout).not.toMatch(/^  public: true$/m);
  });

  it('says --public is for --add-metrics only', () => {
    const dir = contentFolder();
    const r = importInto(dir, textFile(), '--public');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('只对新登记的指标有效');
  });

  it('without --add-metrics, points the author to it for the counts no metric matched', () => {
    const dir = contentFolder();
    const r = importInto(dir, textFile());
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('加 --add-metrics 重新导入');
    expect(readFileSync(join(dir, 'metrics.yaml'), 'utf8')).toBe(AUTHORED);
  });
});
