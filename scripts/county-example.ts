// Regenerates examples/county/: the demo portal of the fictional 青禾县 — seven series in three groups, 2020–2024,
// made by the portal corpus generator (bench/portal-corpus.ts) with a fixed seed, then with the deliberate problems
// the portal's /review/ and /coverage/ pages are to show. Run: npx node scripts/county-example.ts [DIR]
// test/bench/county-example.test.ts checks that `npm run check` finds exactly these problems.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COUNTY, generatePortalCorpus, OFFICES, PORTAL_SEED, type SeriesSpec } from '../bench/portal-corpus.ts';

export const EXAMPLE_DIR = resolve(import.meta.dirname, '../examples/county');
export const EXAMPLE_SEED = PORTAL_SEED;
export const EXAMPLE_YEARS = [2020, 2021, 2022, 2023, 2024];

const office = (code: string) => OFFICES.find((o) => o.code === code)!;
export const EXAMPLE_SERIES: SeriesSpec[] = [
  { id: 'zfb-xxgk', office: office('zfb'), kind: 'gov-info-disclosure' },
  { id: 'jyj-xxgk', office: office('jyj'), kind: 'gov-info-disclosure' },
  { id: 'jyj-ztzr', office: office('jyj'), kind: 'party-governance' },
  { id: 'scjgj-xxgk', office: office('scjgj'), kind: 'gov-info-disclosure' },
  { id: 'wjj-xxgk', office: office('wjj'), kind: 'gov-info-disclosure' },
  { id: 'cgz-xxgk', office: office('cgz'), kind: 'gov-info-disclosure' },
  { id: 'lxjd-xxgk', office: office('lxjd'), kind: 'gov-info-disclosure' },
];

/** A deliberate problem: where it is, what it is, and what `npm run check` says about it (undefined: check does not look). */
export interface Planted {
  file: string;
  kind: 'sum-rule' | 'text-table' | 'carried-over' | 'late' | 'missing-year';
  /** What was done, in Chinese, for the README. */
  what: string;
  /** The check problem's field, when check reports it. */
  field?: string;
}

export const PLANTED: Planted[] = [
  { file: 'wjj-xxgk/reports/2022.mdx', kind: 'sum-rule', field: 'stats.review-total', what: '行政复议“结果维持”多写 1 件，四项结果之和不等于“总计”（勾稽关系不符）' },
  { file: 'scjgj-xxgk/reports/2023.mdx', kind: 'text-table', field: 'stats.requests-new-total', what: '正文“共新收政府信息公开申请N件”比表中“本年新收 · 总计”多 3 件（文字与表格数字不一致）' },
  { file: 'cgz-xxgk/reports/2022.mdx', kind: 'carried-over', field: 'stats.requests-carried-over-natural-person', what: '自然人列“上年结转”比 2021 年报告的“结转下年度继续办理”多 1 件（本年各项勾稽关系仍成立）' },
  { file: 'jyj-xxgk/reports/2023.mdx', kind: 'late', what: '发布日期 2024-03-15，晚于法定的 1 月 31 日（check 现在不查发布日期，由 /coverage/ 页标出）' },
  { file: 'lxjd-xxgk/reports/2022.mdx', kind: 'missing-year', what: '柳溪街道缺 2022 年报告（2021、2023 年都有）：系列中间缺一年（check 不报，由 /coverage/ 页标出）' },
];

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`没能在 ${file} 中埋下问题：生成的内容变了，请改 scripts/county-example.ts`);
  writeFileSync(path, after);
}

const README = (details: Record<Planted['kind'], string>) => `# 示例门户：青禾县（虚构）

**这里的县、单位、报告、文字和数字都是虚构的**：“${COUNTY}”并不存在，各单位 2020—2024 年的年度报告由
\`bench/portal-corpus.ts\` 按固定种子生成，只用来演示 nianbao 的门户（多个单位的报告放在一个网站中），不是任何机关公开的
真实报告。每个系列的 \`site.yaml\` 都写了 \`sample: true\`，网站每一页都标明“示例数据”。

重新生成（会整个替换本目录，包括这份说明）：\`npx node scripts/county-example.ts\`

\`\`\`sh
NIANBAO_CONTENT=examples/county npm run check    # 没有错误；列出下面故意埋下的三处问题（4 个警告）
\`\`\`

## 其中有什么

\`portal.yaml\`：门户标题、主办单位（${COUNTY}人民政府办公室）和三个分组：县政府、政府部门、乡镇街道。七个系列，每个是一个普通的内容目录：

| 系列 | 单位 | 报告类型 | 分组 | 年份 |
|---|---|---|---|---|
| \`zfb-xxgk\` | ${COUNTY}人民政府办公室 | 政府信息公开工作年度报告 | 县政府 | 2020—2024 |
| \`jyj-xxgk\` | ${COUNTY}教育局 | 政府信息公开工作年度报告 | 政府部门 | 2020—2024 |
| \`jyj-ztzr\` | 中共${COUNTY}教育局党组 | 落实全面从严治党主体责任情况报告 | 政府部门 | 2020—2024 |
| \`scjgj-xxgk\` | ${COUNTY}市场监督管理局 | 政府信息公开工作年度报告 | 政府部门 | 2020—2024 |
| \`wjj-xxgk\` | ${COUNTY}卫生健康局 | 政府信息公开工作年度报告 | 政府部门 | 2020—2024 |
| \`cgz-xxgk\` | ${COUNTY}城关镇人民政府 | 政府信息公开工作年度报告 | 乡镇街道 | 2020—2024 |
| \`lxjd-xxgk\` | ${COUNTY}柳溪街道办事处 | 政府信息公开工作年度报告 | 乡镇街道 | 2020、2021、2023、2024（缺 2022） |

政府信息公开年报按各年的国家格式填写：2020 年是国办公开办函〔2019〕60号的格式，2021 年起是〔2021〕30号的格式；三张表每一格
都是 \`<Stat id="…" />\`，数字写在 frontmatter 的 \`stats\` 中。正文“总体情况”中复述了表中的申请数、办结数、结转数等，
与表格一致（有的年份直接写数字，有的用 \`<Stat>\`）。每年的“上年结转”等于上一年的“结转下年度继续办理”。
全面从严治党报告的数字（学习、监督检查、信访、执纪）在正文中，默认不公开，公开版以星号隐去。

## 故意埋下的问题（测试据此核对：test/bench/county-example.test.ts）

除这几处外，各报告的勾稽关系、文字与表格、上年结转都一致，发布日期都在次年 1 月 31 日之前。

| 文件 | 问题 | \`npm run check\` |
|---|---|---|
| \`wjj-xxgk/reports/2022.mdx\` | ${details['sum-rule']} | 警告：行政复议 总计 应为 …，报告为 …，相差 1 |
| \`scjgj-xxgk/reports/2023.mdx\` | ${details['text-table']} | 警告：文字与表格数字不一致 |
| \`cgz-xxgk/reports/2022.mdx\` | ${details['carried-over']} | 两个警告（自然人列、总计列）：二、上年结转 为 …，但2021年报告的 四、结转下年度继续办理 为 … |
| \`jyj-xxgk/reports/2023.mdx\` | ${details.late} | 不报 |
| \`lxjd-xxgk/reports/2022.mdx\`（不存在） | ${details['missing-year']} | 不报 |

这些都是警告或不报，不是错误：门户照常构建，问题显示在门户的问题汇总页（/review/）和报告覆盖情况页（/coverage/）上。
`;

/** Write the example to `dir` (replaced whole). */
export function writeCountyExample(dir = EXAMPLE_DIR): void {
  generatePortalCorpus(dir, {
    series: EXAMPLE_SERIES,
    years: EXAMPLE_YEARS.length,
    lastYear: EXAMPLE_YEARS.at(-1),
    seed: EXAMPLE_SEED,
    lateRate: 0,
    title: `${COUNTY}各单位年度报告（示例数据）`,
    description: `示例数据：虚构的${COUNTY}七个单位2020—2024年的政府信息公开工作年度报告和落实全面从严治党主体责任情况报告，只用来演示 nianbao 的门户；单位、文字和数字均为编造，其中有几处故意埋下的问题（见 README.md）。`,
    // 上年结转 one more than the year before carried forward, in the 自然人 column; the year's own sums still hold.
    hook: (series, year, r) => {
      if (series === 'cgz-xxgk' && year === 2022) r.over[0]! += 1;
    },
  });
  const details: Record<Planted['kind'], string> = Object.fromEntries(PLANTED.map((p) => [p.kind, p.what])) as Record<Planted['kind'], string>;

  edit(dir, 'wjj-xxgk/reports/2022.mdx', (t) => t.replace(/^ {2}review-upheld: (\d+)$/m, (_, n: string) => `  review-upheld: ${Number(n) + 1}`));
  edit(dir, 'scjgj-xxgk/reports/2023.mdx', (t) =>
    t.replace(/共新收政府信息公开申请(\d+)件/, (_, n: string) => {
      details['text-table'] = `正文写“共新收政府信息公开申请${Number(n) + 3}件”，表中“本年新收 · 总计”是 ${n} 件（文字与表格数字不一致）`;
      return `共新收政府信息公开申请${Number(n) + 3}件`;
    }),
  );
  edit(dir, 'jyj-xxgk/reports/2023.mdx', (t) => t.replace(/^published: .*$/m, 'published: 2024-03-15'));
  const gap = join(dir, 'lxjd-xxgk/reports/2022.mdx');
  if (!existsSync(gap)) throw new Error('柳溪街道的 2022 年报告没有生成');
  rmSync(gap);
  writeFileSync(join(dir, 'README.md'), README(details));
}

if (import.meta.main) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : EXAMPLE_DIR;
  writeCountyExample(dir);
  console.log(`示例门户已写入 ${dir}；检查：NIANBAO_CONTENT=${process.argv[2] ?? 'examples/county'} npm run check`);
}
