import { registryForReport } from '../../../src/lib/kinds/layouts.ts';
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, loadReportFile } from '../../../src/lib/content/content.ts';
import { checkContent } from '../../../src/lib/check/check.ts';
import { kindLayout, reportHeadings, scaffoldReport, templateReport, titleForYear } from '../../../src/lib/scaffold/scaffold.ts';
import { registrySchema } from '../../../src/lib/content/metrics.ts';
import { govInfoDisclosure } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { initFiles } from '../../../src/lib/scaffold/init.ts';
import { ROOT } from '../../helpers/sites.ts';

const content = loadContent(join(ROOT, 'content'));

function inFolder(year: number, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-scaffold-'));
  mkdirSync(join(dir, 'reports'));
  for (const f of ['site.yaml', 'metrics.yaml', 'reports/2022.mdx']) copyFileSync(join(ROOT, 'content', f), join(dir, f));
  writeFileSync(join(dir, 'reports', `${year}.mdx`), text);
  return dir;
}

describe('scaffolding next year', () => {
  it('moves the title to the new year', () => {
    expect(titleForYear(2023, { year: 2022, title: '2022年度落实全面从严治党主体责任情况报告' })).toBe('2023年度落实全面从严治党主体责任情况报告');
    expect(titleForYear(2023, { year: 2022, title: '年度工作总结' })).toBe('2023年度落实全面从严治党主体责任情况报告');
    expect(titleForYear(2023)).toBe('2023年度落实全面从严治党主体责任情况报告');
  });

  it('copies the stats keys (all null) and the headings of the latest report', () => {
    const s = scaffoldReport(2023, content.registry, templateReport(content.reports, 2023));
    const dir = inFolder(2023, s.text);
    const r = loadReportFile(dir, '2023.mdx', content.registry);
    expect(r.problems).toEqual([]);
    expect(r.report?.data.title).toBe('2023年度落实全面从严治党主体责任情况报告');
    expect(Object.keys(r.report?.raw.stats as object)).toEqual(Object.keys(content.reports[0].raw.stats as object));
    expect(Object.values(r.report?.raw.stats as object).every((x) => x === null)).toBe(true);
    expect(reportHeadings(r.report!.body).map((h) => h.text)).toEqual(['一、履行主体责任情况', '二、存在的主要问题及原因', '三、下一步工作思路和主要措施']);
  });

  it('explains in a comment what to fill in, with last year’s value next to each key', () => {
    const s = scaffoldReport(2023, content.registry, templateReport(content.reports, 2023));
    expect(s.text).toMatch(/^---\n# 2023年度报告（由 npm run new 按 2022年报告的格式生成）/);
    expect(s.text).toContain('  case-study-sessions: null # 学习典型案例（次），2022年：**余\n');
  });

  it('passes npm run check with no errors; its to-dos are warnings', () => {
    const s = scaffoldReport(2023, content.registry, templateReport(content.reports, 2023));
    const c = checkContent(inFolder(2023, s.text));
    expect(c.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const mine = c.problems.filter((p) => p.file === 'reports/2023.mdx');
    // Every one of the 21 figures is a to-do: one by one, or counted in its group's warning when a group lacks more than three.
    const oneByOne = mine.filter((p) => p.field?.startsWith('stats.')).length;
    const grouped = mine.map((p) => /上一年有、本年没有的数字 (\d+) 个/.exec(p.message)).reduce((n, m) => n + (m ? Number(m[1]) : 0), 0);
    expect(oneByOne + grouped).toBe(21);
    expect(mine.filter((p) => p.message.includes('下面还没有内容'))).toHaveLength(3);
  });

  it('copies from the latest year before the new one when filling a gap', () => {
    const reports = [{ ...content.reports[0], year: 2020 }, { ...content.reports[0], year: 2024 }];
    expect(templateReport(reports, 2022)?.year).toBe(2020);
    expect(templateReport(reports, 2019)?.year).toBe(2024);
    expect(templateReport([], 2019)).toBeUndefined();
  });

  it('without any report, uses every registered metric and the usual three headings', () => {
    const s = scaffoldReport(2023, content.registry);
    expect(s.statIds).toHaveLength(21);
    expect(s.headings.map((h) => h.text)).toEqual(['一、履行主体责任情况', '二、存在的主要问题及原因', '三、下一步工作思路和主要措施']);
    expect(s.text).toContain('  petitions-received: null # 受理来信来访（件次）\n');
  });

  it('for a gov-info-disclosure folder, takes the kind’s title and the format’s headings, with its three tables', () => {
    // As npm run new passes it: the 2024 layout's part of the registry (which holds the older layouts too).
    const reg = registryForReport(registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]), govInfoDisclosure, { year: 2024, data: {} });
    const s = scaffoldReport(2024, reg, undefined, kindLayout(govInfoDisclosure, '某某区人民政府'));
    expect(s.title).toBe('某某区人民政府2024年政府信息公开工作年度报告');
    expect(s.headings.map((h) => h.text)).toEqual(govInfoDisclosure.report.headings);
    expect(s.statIds).toHaveLength(200);
    // Every figure is cited once, in its table, under the heading of its table.
    const body = s.text.slice(s.text.indexOf('\n---\n') + 5);
    const cited = [...body.matchAll(/<Stat id="([^"]+)" \/>/g)].map((m) => m[1]);
    expect(cited.sort()).toEqual(reg.metrics.map((m) => m.id).sort());
    const section = (h: string) => body.slice(body.indexOf(`## ${h}`), body.indexOf('\n## ', body.indexOf(`## ${h}`) + 3));
    expect(section('三、收到和处理政府信息公开申请情况')).toContain('| ^ | （三）不予公开 | 1.属于国家秘密 | <Stat id="requests-withheld-state-secret-natural-person" />');
    expect(section('四、政府信息公开行政复议、行政诉讼情况')).toContain('<Stat id="litigation-after-review-total" /> |');
    expect(kindLayout(govInfoDisclosure, '【请填写】某某区人民政府').title(2024)).toBe('2024年政府信息公开工作年度报告');
  });
});

describe('a gov-info-disclosure year gets its own layout’s tables (npm run new -- 2019, -- 2016)', () => {
  const full = registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
  const scaffold = (year: number, template?: Parameters<typeof scaffoldReport>[2]) => {
    const layout = govInfoDisclosure.layouts.find((l) => (l.from === undefined || year >= l.from) && (l.to === undefined || year <= l.to))!.id;
    const reg = registryForReport(full, govInfoDisclosure, { year, data: {} });
    const s = scaffoldReport(year, reg, template, kindLayout(govInfoDisclosure, '某某区人民政府', layout));
    const body = s.text.slice(s.text.indexOf('\n---\n') + 5);
    const cited = [...body.matchAll(/<Stat id="([^"]+)" \/>/g)].map((m) => m[1]!);
    return { s, reg, body, cited };
  };

  it('2019: the 2019 format’s tables — 本年新制作数量, 第二十条第（九）项, one （六）其他处理 row — every figure of the layout once, none of 2021’s', () => {
    const { s, reg, body, cited } = scaffold(2019);
    expect(cited.sort()).toEqual(reg.metrics.map((m) => m.id).sort());
    expect(s.statIds.sort()).toEqual(reg.metrics.map((m) => m.id).sort());
    expect(body).toContain('本年新制作数量');
    expect(body).toContain('| 第二十条第（九）项 |');
    expect(body).toContain('<Stat id="procurement-amount" />');
    expect(body).toContain('<Stat id="penalty-items-change" />');
    expect(body).toContain('| ^ | （六）其他处理 | > | <Stat id="requests-otherwise-natural-person" />');
    for (const id of ['regulations-repealed', 'normative-documents-in-force', 'fees-amount', 'requests-otherwise-other-total']) expect(cited).not.toContain(id);
    expect(body).not.toContain('本年制发件数');
  });

  it('2016: the 统计表 under its own heading (the 统计表 years’ headings), with the year in its header', () => {
    const { s, reg, body, cited } = scaffold(2016);
    expect(s.headings.map((h) => h.text)).toEqual(govInfoDisclosure.report.layouts!['pre-2019']!.headings);
    expect(cited.sort()).toEqual(reg.metrics.map((m) => m.id).sort());
    expect(cited).toHaveLength(32);
    expect(body).toContain('## 附：政府信息公开情况统计表\n\n| 指标名称 | 计量单位 | 2016年度 | 历年累计 |');
    expect(body).toContain('| 受理依申请公开信息总数 | 条 | <Stat id="requests-new-total" /> | <Stat id="requests-received-cumulative" /> |');
    expect(body).not.toContain('收到和处理政府信息公开申请情况');
  });

  it('the tables it writes read back: in a folder made by init, check finds no error in any of the three years', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-scaffold-layouts-'));
    mkdirSync(join(dir, 'reports'));
    for (const f of initFiles(govInfoDisclosure, '')) writeFileSync(join(dir, f.path), f.text);
    for (const year of [2016, 2019, 2022]) writeFileSync(join(dir, 'reports', `${year}.mdx`), scaffold(year).s.text);
    const errors = checkContent(dir).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });
});
