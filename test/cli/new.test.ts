// npm run new, end to end, in a copy of the committed content folder.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const NEW = join(ROOT, 'src/cli/new.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');

function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-new-'));
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

describe('npm run new -- <year>', () => {
  it('writes reports/<year>.mdx in NIANBAO_CONTENT from the latest report, and says what next', () => {
    const dir = copyOfContent();
    const r = runNode(NEW, ['2023'], { NIANBAO_CONTENT: dir });
    expect(r.status, r.output).toBe(0);
    const file = join(dir, 'reports/2023.mdx');
    const text = readFileSync(file, 'utf8');
    const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
    expect(fm.year).toBe(2023);
    expect(fm.title).toBe('2023年度落实全面从严治党主体责任情况报告');
    expect(Object.keys(fm.stats)).toHaveLength(21);
    expect(Object.values(fm.stats).every((v) => v === null)).toBe(true);
    expect(text).toContain('\n## 一、履行主体责任情况\n\n## 二、存在的主要问题及原因\n\n## 三、下一步工作思路和主要措施\n');
    expect(text).toMatch(/^---\n# 2023年度报告.*要填写的：/);
    expect(r.stdout).toContain('已生成');
    expect(r.stdout).toContain('reports/2023.mdx（按2022年报告的格式）');
    expect(r.stdout).toContain('统计指标：21 项');
    expect(r.stdout).toMatch(/下一步：[\s\S]*npm run check[\s\S]*npm run dev/);
    expect(r.stdout).toContain('2022年有数字、本年尚未填写的指标会列为警告');
    // It is valid content: warnings for the figures still to fill in, no errors.
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: dir });
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toMatch(/共 0 个错误，\d+ 个警告/);
    expect(check.stdout).toContain('本年为 null（未填数字）');
  });

  it('refuses to overwrite an existing report', () => {
    const dir = copyOfContent();
    const before = readFileSync(join(dir, 'reports/2022.mdx'), 'utf8');
    const r = runNode(NEW, ['2022'], { NIANBAO_CONTENT: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('reports/2022.mdx 已经存在，没有做任何改动');
    expect(readFileSync(join(dir, 'reports/2022.mdx'), 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['2022.mdx']);
  });

  it('refuses a year that is not four digits, or no year', () => {
    const dir = copyOfContent();
    for (const arg of ['23', '2023年', 'abcd', '20233']) {
      const r = runNode(NEW, [arg], { NIANBAO_CONTENT: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('不是四位数字');
    }
    const none = runNode(NEW, [], { NIANBAO_CONTENT: dir });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('没有指定年份');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['2022.mdx']);
  });

  it('works in a folder with no reports yet, from the registry', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-new-empty-'));
    cpSync(join(ROOT, 'content/site.yaml'), join(empty, 'site.yaml'));
    cpSync(join(ROOT, 'content/metrics.yaml'), join(empty, 'metrics.yaml'));
    const r = runNode(NEW, ['2023'], { NIANBAO_CONTENT: empty });
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('使用默认格式');
    // No 2022 report to compare with: check will not point at the figures left empty, and says so.
    expect(r.stdout).toContain('没有2022年的报告可比，尚未填写的指标不会提示');
    expect(existsSync(join(empty, 'reports/2023.mdx'))).toBe(true);
  });

  it('a gov-info-disclosure year gets its layout’s tables: 2019 the 2019 format’s, 2016 the 统计表, 2023 the 2021 format’s', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-new-layouts-')), 'content');
    expect(runNode(join(ROOT, 'src/cli/init.ts'), [dir, '--kind', 'gov-info-disclosure'], {}, 60_000).status).toBe(0);
    for (const year of ['2023', '2019', '2016']) {
      const r = runNode(NEW, [year], { NIANBAO_CONTENT: dir });
      expect(r.status, r.output).toBe(0);
    }
    const read = (year: number) => readFileSync(join(dir, `reports/${year}.mdx`), 'utf8');
    expect(read(2023)).toContain('本年制发件数');
    // 2019 is scaffolded from 2023 (its headings), with the 2019 format's tables and figures.
    expect(read(2019)).toContain('本年新制作数量');
    expect(read(2019)).toContain('<Stat id="procurement-projects" />');
    // (A continuing metric keeps its 2021 label in the stats comments; the tables are the 2019 format's.)
    expect(read(2019).split('\n---\n')[1]).not.toContain('本年制发件数');
    expect(parseYaml(read(2019).split('---\n')[1]!).stats).toHaveProperty('penalty-items-change', null);
    // 2016 from 2023 too, but with the 统计表 years' headings: the 2021 format's would not fit.
    expect(read(2016)).toContain('## 三、依申请公开政府信息情况');
    expect(read(2016)).toContain('| 指标名称 | 计量单位 | 2016年度 | 历年累计 |');
    expect(read(2016).split('\n---\n')[1]).not.toContain('本年新收政府信息公开申请数量');
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: dir });
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain("共 0 个错误");
    expect(check.output).not.toContain("未知指标");
  });
});
