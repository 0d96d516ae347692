// npm run import on real 政府信息公开工作年度报告 Word files with the national format's three tables
// (built with the `docx` package from test/fixtures/tables-source): every table comes out a table with
// its merged cells, every cell word for word, its figures bound to the registry by row and column, and
// every number cell that could not be bound — and every blank cell — listed in the summary.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { loadSource, realDocx, type WordOptions } from '../helpers/word-tables.ts';
import { mdxTableTexts, sourceTableText } from '../helpers/table-cells.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const CONTENT = join(ROOT, 'test/fixtures/tables');
/** The committed 2022 report of the tables fixture is this import's output. */
const COMMITTED = join(CONTENT, 'reports/2022.mdx');
const SPACED = ['总计'];

async function importWord(slug: string, opts: WordOptions): Promise<{ r: RunResult; mdx: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-tables-'));
  writeFileSync(join(dir, 'report.docx'), await realDocx(slug, opts));
  const out = join(dir, 'out.mdx');
  const r = runNode(IMPORT, [join(dir, 'report.docx'), '--out', out], { NIANBAO_CONTENT: CONTENT }, 60_000);
  return { r, mdx: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}

describe('平潭综合实验区2022年度政府信息公开工作年度报告 (Word, 总计 written 总 计)', () => {
  let r: RunResult;
  let mdx: string;
  beforeAll(async () => {
    ({ r, mdx } = await importWord('gov-2022-pingtan', { spaced: SPACED }));
  }, 60_000);

  it('imports to the committed report byte for byte', () => {
    expect(r.status, r.output).toBe(0);
    expect(mdx).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('every table is a table, every cell word for word in its place and merge', () => {
    const { tables } = loadSource('gov-2022-pingtan');
    expect(mdxTableTexts(mdx)).toEqual(tables.map((t) => sourceTableText(t, SPACED)));
  });

  it('writes merges as ^ and >, keeps “总 计” as written and still binds it', () => {
    expect(mdx).toContain('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | > | > | 申请人情况 | > | > | > | > | > | > |');
    expect(mdx).toContain('| ^ | > | > | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ^ |');
    expect(mdx).toContain('| 行政许可 | <Stat id="licensing-decisions" /> | > | > |');
    expect(r.stdout).toContain('requests-new-total（一、本年新收政府信息公开申请数量 · 总计）← 表2 第4行第10列（一、本年新收政府信息公开申请数量 × 申请人情况 · 总 计）【74】');
  });

  it('the summary reports tables found, cells bound and every cell not bound', () => {
    expect(r.stdout).toContain('表格：3 个，合并单元格已保留（写成 ^ 和 >）；表中数字 200 格，39 格已对应指标，161 格未对应，空白格 0 个');
    expect(r.stdout).toContain('第 2 个表格：28 行 × 10 列，数字 175 格');
    const unbound = r.stdout.split('\n').filter((l) => /^ {4}表\d+ 第\d+行第\d+列.*】：/.test(l));
    expect(unbound).toHaveLength(161);
    expect(unbound).toContain('    表2 第8行第4列（三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密 × 申请人情况 · 自然人）【0】：没有指标的行列标题与它相符');
    expect(r.stdout).toContain('fees-amount（行政事业性收费 · 本年收费金额）← 表1 第14行第2列（行政事业性收费 × 第二十条第（八）项 · 本年收费金额（单位：万元））【9116.36】');
  });

  it('passes npm run check in its content folder', () => {
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: CONTENT }, 60_000);
    expect(check.status, check.output).toBe(0);
    expect(check.output).not.toContain('2022.mdx\n  [错误]');
  });
});

describe('a table Word split over two pages', () => {
  it('with its three header rows repeated (and a 续表 line between): joined into one table, and the author is told', async () => {
    const { r, mdx } = await importWord('gov-2022-pingtan', { spaced: SPACED, split: { table: 2, at: 15, header: 3, continuedLine: '续表' } });
    expect(r.status, r.output).toBe(0);
    expect(mdx).toBe(readFileSync(COMMITTED, 'utf8'));
    expect(r.stdout).toContain('Word 中的第 2 个和第 3 个表格是同一张表（续表重复了前 3 行表头）：已合并为一张表，去掉了重复的表头行和两表之间的“续表”一行');
    expect(r.stdout).toContain('第 2 个表格：28 行 × 10 列，数字 175 格，由 Word 中第 2、3 个表格合并');
  });

  it('without a repeated header it is not joined: two tables, as in the file', async () => {
    const { r, mdx } = await importWord('gov-2022-pingtan', { split: { table: 2, at: 15, header: 0 } });
    expect(r.status, r.output).toBe(0);
    expect(mdxTableTexts(mdx)).toHaveLength(4);
    expect(r.stdout).not.toContain('是同一张表');
  });
});

describe('2019年上海市人民政府办公厅政府信息公开工作年度报告 (2019 layout, blank cells)', () => {
  let r: RunResult;
  let mdx: string;
  beforeAll(async () => {
    ({ r, mdx } = await importWord('gov-2019-shanghai-bgt', { breakLongerThan: 12 }));
  }, 60_000);

  it('every cell word for word, long labels broken over lines in Word joined again', () => {
    expect(r.status, r.output).toBe(0);
    const { tables } = loadSource('gov-2019-shanghai-bgt');
    expect(mdxTableTexts(mdx)).toEqual(tables.map((t) => sourceTableText(t)));
  });

  it('blank cells stay blank and are listed; figures whose labels the registry does not have are listed', () => {
    const { tables } = loadSource('gov-2019-shanghai-bgt');
    const blanks = tables.slice(1).flatMap((t) => t.rows.slice(3).flat()).filter((c) => c.text.trim() === '').length;
    expect(blanks).toBeGreaterThan(100);
    expect(r.stdout).toMatch(new RegExp(`空白格 ${blanks + tables[0]!.rows.flat().filter((c) => c.text.trim() === '').length} 个`));
    expect(r.stdout).toContain('表中的空白格：');
    expect(r.stdout).toContain('    表2 第4行第6列（一、本年新收政府信息公开申请数量 × 申请人情况 · 法人或其他组织 · 科研机构）');
    // 2019 table 1 has 本年新制作数量, not the 2021 format's 本年制发件数: listed, not guessed.
    expect(r.stdout).toContain('表1 第3行第2列（规章 × 第二十条第（一）项 · 本年新制作数量）【13】：没有指标的行列标题与它相符');
    expect(r.stdout).toContain('表1 第18行第4列（政府集中采购 × 第二十条第（九）项 · 采购总金额）【251000元】');
  });
});
