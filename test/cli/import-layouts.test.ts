// npm run import picks the layout a report's tables are in, end to end through the CLI: a 2019-format table in a
// report dated 2021 is read in the 2019 layout (layout: 2019 in the frontmatter, said in the summary), and a real
// 统计表 (平潭综合实验区 2015, test/fixtures/real/gov-2015-pingtan) binds all its figures and is checked as one.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { realTablesHtml } from '../helpers/real-tables-html.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const INIT = join(ROOT, 'src/cli/init.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
const frontmatter = (mdx: string) => parseYaml(mdx.split('---\n')[1]!) as { year: number; layout?: string; stats: Record<string, unknown> };

describe('npm run import: the layout of the tables', () => {
  let dir: string;
  let content: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-import-layouts-'));
    content = join(dir, 'content');
    expect(runNode(INIT, [content, '--kind', 'gov-info-disclosure'], {}, 60_000).status).toBe(0);
  }, 120_000);

  it('a 2019-format table in a report dated 2021: read in the 2019 layout, layout: 2019 written, and the summary says why', () => {
    // 平潭 2020's tables (2019 format) under a 2021 title, as offices that kept the old table 1 write them.
    writeFileSync(join(dir, 'r2021.html'), realTablesHtml('gov-2020-pingtan', '某某区2021年政府信息公开工作年度报告'));
    const r = runNode(IMPORT, [join(dir, 'r2021.html')], { NIANBAO_CONTENT: content }, 120_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('表中数字 198 格，198 格已对应指标，0 格未对应');
    expect(r.stdout).toMatch(/表格按 国办公开办函〔2019〕60号格式（layout: 2019）读取：它比2021年所用的格式多对上 \d+ 个数字；报告 frontmatter 中写了 layout: 2019/u);
    const mdx = readFileSync(join(content, 'reports/2021.mdx'), 'utf8');
    const fm = frontmatter(mdx);
    expect(fm.layout).toBe('2019');
    // The negative 本年增/减 are signed figures: bound, written as numbers, shown with a minus sign.
    expect(fm.stats['penalty-items-change']).toBe(-18);
    expect(fm.stats['fees-items-change']).toBe(-15);
    expect(r.stdout).toContain('【-18】，将显示为 −18');
    expect(fm.stats).toHaveProperty('procurement-projects', 395);
    expect(fm.stats).not.toHaveProperty('regulations-repealed');
  });

  it('a real 统计表 (平潭 2015): every one of its 32 figures bound in its year’s layout, no layout: line, and check holds it to the 统计表 only', () => {
    writeFileSync(join(dir, 'r2015.html'), realTablesHtml('gov-2015-pingtan', '平潭综合实验区2015年政府信息公开工作年度报告'));
    const r = runNode(IMPORT, [join(dir, 'r2015.html')], { NIANBAO_CONTENT: content }, 120_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('表中数字 32 格，32 格已对应指标，0 格未对应');
    expect(r.stdout).not.toContain('layout:');
    const fm = frontmatter(readFileSync(join(content, 'reports/2015.mdx'), 'utf8'));
    expect(fm.layout).toBeUndefined();
    expect(fm.stats).toMatchObject({ 'requests-new-total': 0, 'proactive-published': 2949, 'proactive-published-cumulative': 81916, 'requests-received-cumulative': 1, 'review-total': 0 });
    expect(Object.keys(fm.stats)).toHaveLength(32);
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: content }, 120_000);
    expect(check.status, check.output).toBe(0);
    const of2015 = check.output.split('\n').filter((l) => l.includes('2015'));
    expect(of2015.filter((l) => /个数字中有|应为|相差/u.test(l))).toEqual([]);
  });
});
