// A real office's two consecutive 政府信息公开工作年度报告, as Word files, through the whole way an office
// takes: npm run init --kind gov-info-disclosure → import each year → check → build. Every figure of
// the three national tables binds to the kind's registry by its row and column, the format's 勾稽关系
// hold, and every cell of every table reads word for word on the built pages.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { loadReal } from '../helpers/real-fixtures.ts';
import { realDocx, type DocxVariant } from '../helpers/real-docx.ts';
import { htmlTableTexts, sourceTableText } from '../helpers/table-cells.ts';

const YEARS = [
  { year: 2022, slug: 'gov-2022-pingtan', variant: {} as DocxVariant },
  // The second year's Word file spreads its short labels (总 计, 其 他) and splits its long table over two pages.
  { year: 2023, slug: 'gov-2023-pingtan', variant: { splitLabels: true, splitTable: { table: 2, atRow: 15, repeatHeader: true } } as DocxVariant },
];

let content: string;
let out: string;
const imports = new Map<number, RunResult>();
let check: RunResult;
let build: RunResult;

beforeAll(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-govinfo-'));
  content = join(tmp, 'content');
  const init = runNode(join(ROOT, 'src/cli/init.ts'), [content, '--kind', 'gov-info-disclosure']);
  expect(init.status, init.output).toBe(0);
  writeFileSync(join(content, 'site.yaml'), 'title: 平潭综合实验区政府信息公开工作年度报告\norganization: 平潭综合实验区\ndescription: 平潭综合实验区历年政府信息公开工作年度报告。\nkind: gov-info-disclosure\n');
  for (const { year, slug, variant } of YEARS) {
    const docx = join(tmp, `${year}.docx`);
    writeFileSync(docx, await realDocx(loadReal(slug), variant));
    imports.set(year, runNode(join(ROOT, 'src/cli/import.ts'), [docx], { NIANBAO_CONTENT: content }));
  }
  check = runNode(join(ROOT, 'src/cli/check.ts'), [], { NIANBAO_CONTENT: content });
  out = join(tmp, 'dist');
  build = astroBuild(out, { NIANBAO_CONTENT: content });
}, 240_000);

describe('两年的平潭综合实验区政府信息公开工作年度报告: init → import → check → build', () => {
  it('import binds every figure of the three tables, by row and column, in both years', () => {
    for (const { year } of YEARS) {
      const r = imports.get(year)!;
      expect(r.status, r.output).toBe(0);
      expect(r.stdout).toContain('表格：3 个，合并单元格已保留（写成 ^ 和 >）；表中数字 200 格，200 格已对应指标，0 格未对应，空白格 0 个');
    }
    expect(imports.get(2023)!.stdout).toContain('由 Word 中第 2、3 个表格合并');
  });

  it('check: no errors, and the format’s 勾稽关系 hold for the real figures', () => {
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('共 0 个错误');
    expect(check.output).not.toMatch(/勾稽|之和/);
  });

  it('build: every cell of every table reads word for word on the report pages', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    for (const { year, slug, variant } of YEARS) {
      const html = readFileSync(join(out, String(year), 'index.html'), 'utf8');
      expect(htmlTableTexts(html), String(year)).toEqual(loadReal(slug).tables.map((t) => sourceTableText(t, variant)));
      expect(html.match(/<td[^>]*><span class="stat stat-exact" data-metric="/g) ?? []).toHaveLength(200);
    }
  });
});
