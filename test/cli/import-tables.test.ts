// npm run import on real 政府信息公开工作年度报告 Word files with the national format's three tables
// (built by test/helpers/real-docx.ts from test/fixtures/real): every table comes out a table with its
// merged cells, every cell word for word, its figures bound to the registry by row and column, and
// every number cell that could not be bound — and every blank cell — listed in the summary.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { loadAllReal, loadReal } from '../helpers/real-fixtures.ts';
import { realDocx, type DocxVariant } from '../helpers/real-docx.ts';
import { mdxTableTexts, sourceTableText } from '../helpers/table-cells.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const CONTENT = join(ROOT, 'test/fixtures/tables');
/** The committed 2022 report of the tables fixture is this import's output. */
const COMMITTED = join(CONTENT, 'reports/2022.mdx');
const SPACED: DocxVariant = { splitLabels: true };

async function importBuffer(buf: Buffer): Promise<{ r: RunResult; mdx: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-tables-'));
  writeFileSync(join(dir, 'report.docx'), buf);
  const out = join(dir, 'out.mdx');
  const r = runNode(IMPORT, [join(dir, 'report.docx'), '--out', out], { NIANBAO_CONTENT: CONTENT }, 60_000);
  return { r, mdx: existsSync(out) ? readFileSync(out, 'utf8') : '' };
}
const importReal = async (slug: string, v: DocxVariant = {}) => importBuffer(await realDocx(loadReal(slug), v));

describe('平潭综合实验区2022年度政府信息公开工作年度报告 (Word, short labels spread: 总 计, 其 他)', () => {
  let r: RunResult;
  let mdx: string;
  beforeAll(async () => {
    ({ r, mdx } = await importReal('gov-2022-pingtan', SPACED));
  }, 60_000);

  it('imports to the committed report byte for byte', () => {
    expect(r.status, r.output).toBe(0);
    expect(mdx).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('every table is a table, every cell word for word in its place and merge', () => {
    expect(mdxTableTexts(mdx)).toEqual(loadReal('gov-2022-pingtan').tables.map((t) => sourceTableText(t, SPACED)));
  });

  it('writes merges as ^ and >, keeps “总 计” as written and still binds it', () => {
    expect(mdx).toContain('| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | > | > | 申请人情况 | > | > | > | > | > | > |');
    expect(mdx).toContain('| ^ | > | > | ^ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其 他 | ^ |');
    expect(mdx).toContain('| 行政许可 | <Stat id="licensing-decisions" /> | > | > |');
    expect(r.stdout).toContain('requests-new-total（一、本年新收政府信息公开申请数量 · 总计）← 表2 第4行第10列（一、本年新收政府信息公开申请数量 × 申请人情况 · 总 计）【74】');
    expect(r.stdout).toContain('regulations-issued（规章 · 本年制发件数）← 表1 第3行第2列（规 章 × 第二十条第（一）项 · 本年制发件数）【0】');
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
    expect(check.output).not.toMatch(/2022\.mdx\n {2}\[错误\]/);
  });
});

describe('a table Word split over two pages', () => {
  it('with its header rows repeated and the merged label typed again below the cut: joined into one table, and the author is told', async () => {
    const { r, mdx } = await importReal('gov-2022-pingtan', { ...SPACED, splitTable: { table: 2, atRow: 15, repeatHeader: true } });
    expect(r.status, r.output).toBe(0);
    expect(mdx).toBe(readFileSync(COMMITTED, 'utf8'));
    expect(r.stdout).toContain('Word 中的第 2 个和第 3 个表格是同一张表（续表重复了前 3 行表头）：已合并为一张表，去掉了重复的表头行');
    expect(r.stdout).toContain('第 2 个表格：28 行 × 10 列，数字 175 格，由 Word 中第 2、3 个表格合并');
  });

  it('without a repeated header, the part that starts with figures is joined all the same, and the author is told', async () => {
    const { r, mdx } = await importReal('gov-2022-pingtan', { splitTable: { table: 2, atRow: 15, repeatHeader: false } });
    expect(r.status, r.output).toBe(0);
    expect(mdxTableTexts(mdx)).toEqual(loadReal('gov-2022-pingtan').tables.map((t) => sourceTableText(t)));
    expect(r.stdout).toContain('Word 中的第 2 个和第 3 个表格是同一张表（后一个没有表头、列数相同、第一行就是数字）：已合并为一张表');
    expect(r.stdout).toContain('第 2 个表格：28 行 × 10 列，数字 175 格，由 Word 中第 2、3 个表格合并，已对应指标');
  });
});

describe('blank cells', () => {
  it('an office that leaves its zeros blank: the cells stay blank, are counted and listed, never read as 0', async () => {
    const { r, mdx } = await importReal('gov-2022-pingtan', { blankZeros: true });
    expect(r.status, r.output).toBe(0);
    const zeros = loadReal('gov-2022-pingtan').tables.flatMap((t) => t.rows.flat()).filter((c) => c.text === '0').length;
    expect(r.stdout).toContain(`空白格 ${zeros} 个`);
    expect(r.stdout).toContain(`表中的空白格：${zeros} 个，保持空白（没有当作 0）：`);
    expect(r.stdout).toContain('    表3 第4行第1列（行政复议 · 结果维持）\n');
    expect(mdx).not.toMatch(/review-upheld/);
    expect(mdxTableTexts(mdx)).toEqual(loadReal('gov-2022-pingtan').tables.map((t) => sourceTableText(t, { blankZeros: true })));
  });

  it('2019年上海市人民政府办公厅 (2019 layout, blanks as published): listed; figures of labels the registry lacks listed, not guessed', async () => {
    const { r } = await importReal('gov-2019-shanghai-bgt');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('表中的空白格：');
    expect(r.stdout).toContain('    表2 第4行第6列（一、本年新收政府信息公开申请数量 × 申请人情况 · 法人或其他组织 · 科研机构）');
    expect(r.stdout).toContain('表1 第3行第2列（规章 × 第二十条第（一）项 · 本年新制作数量）【13】：没有指标的行列标题与它相符');
    expect(r.stdout).toContain('表1 第18行第4列（政府集中采购 × 第二十条第（九）项 · 采购总金额）【251000元】');
  });
});

describe.each(loadAllReal().filter((r) => r.tables.length > 0).map((r) => [r.slug] as const))('%s from Word', (slug) => {
  it('imports with every table a table and every cell word for word', async () => {
    const { r, mdx } = await importReal(slug, SPACED);
    expect(r.status, r.output).toBe(0);
    expect(mdxTableTexts(mdx)).toEqual(loadReal(slug).tables.map((t) => sourceTableText(t, SPACED)));
  });
});

describe('a cell written over several lines in Word', () => {
  it('is one cell, its lines joined without a gap between Chinese words and with a space between Latin ones', async () => {
    const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, text: l })) });
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('2023年测试区政府信息公开工作年度报告'),
          new Paragraph('二、主动公开政府信息情况'),
          new Table({ rows: [new TableRow({ children: [cell('信息内容'), cell('本年收费金额', '（单位：万元）'), cell('Web', 'site')] }), new TableRow({ children: [cell('行政事业性', '收费'), cell('12.5'), cell('2')] })] }),
        ],
      }],
    });
    const { r, mdx } = await importBuffer(await Packer.toBuffer(doc));
    expect(r.status, r.output).toBe(0);
    expect(mdx).toContain('| 信息内容 | 本年收费金额（单位：万元） | Web site |\n| - | - | - |\n| 行政事业性收费 | <Stat id="fees-amount" /> | 2 |');
    expect(mdx).toContain('  fees-amount: 12.5\n');
  });
});
