// npm run new -- 2023: start next year's report from the latest one (same stats keys, same headings).
import { registryForReport, reportLayoutId } from '../lib/kinds/layouts.ts';
import { join } from 'node:path';
import { loadContent, REPORTS_DIR, resolveContentDir } from '../lib/content/content.ts';
import { FileExistsError, writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { kindLayout, scaffoldReport, templateReport, YEAR_ARG } from '../lib/scaffold/scaffold.ts';
import { kindById } from '../lib/kinds/index.ts';
import { fail, parseCommandArgs, refusePortalSeries } from './command.ts';
import { shownPath } from '../lib/cli-paths.ts';
import { hasErrors } from '../lib/content/problems.ts';
import { writeFailure } from '../lib/content/content-files.ts';

const USAGE = '用法：npm run new -- 年份        例如：npm run new -- 2023';

const args = parseCommandArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } }, USAGE, `${USAGE}\n按最近一年的报告生成新一年的报告文件 reports/<年份>.mdx：同样的统计指标（数值待填）、同样的章节标题。`);
const [yearArg, ...extra] = args.positionals;
if (!yearArg) fail('没有指定年份', USAGE);
if (extra.length) fail(`多了参数：${extra.join(' ')}`, USAGE);
if (!YEAR_ARG.test(yearArg)) fail(`年份“${yearArg}”不是四位数字`, `年份写成四位数字，如：npm run new -- 2023`);
const year = Number(yearArg);
if (year < 1949 || year > 2999) fail(`年份 ${year} 不在有效范围内（1949–2999）`, USAGE);

const dir = resolveContentDir();
refusePortalSeries(dir, 'new', '2024');
const content = loadContent(dir);
const folder = content.problems.find((p) => p.file === '.');
if (folder) fail(folder.message, folder.hint ?? '在项目根目录下运行，或用 NIANBAO_CONTENT=内容目录 指定');
const target = join(dir, REPORTS_DIR, `${year}.mdx`);
const shown = shownPath(target);

const template = templateReport(content.reports, year);
// The year's layout's figures only: a 2024 report is not scaffolded with the 2019 or 统计表 figures.
const kind = kindById(content.site?.kind);
// …and the year's layout's tables: `new -- 2019` writes the 2019 format's, `new -- 2016` the 统计表.
const layout = reportLayoutId(kind.layouts, { year, data: {} });
// A template of another layout gives its headings only where this layout has none of its own (2019 from 2023 keeps
// the 2023 report's; 2016 from 2023 takes the 统计表 years').
const templateLayout = template ? reportLayoutId(kind.layouts, template) : undefined;
const ownHeadings = layout !== undefined && templateLayout !== layout && !!kind.report.layouts?.[layout]?.headings;
const scaffold = scaffoldReport(year, registryForReport(content.registry, kind, { year, data: {} }), template, kindLayout(kind, content.site?.organization, layout), { headingsFromTemplate: !ownHeadings });
try {
  writeFileAtomic(target, scaffold.text);
} catch (e) {
  const why = writeFailure(e, target, shown);
  if (e instanceof FileExistsError && !why.inTheWay) fail(`${shown} 已经存在，没有做任何改动`, `要重新生成，请先把它改名或删除；要导入 Word 稿，用 npm run import -- 报告.docx --year ${year} --force`);
  fail(why.message, why.hint);
}

const lines = [
  `✓ 已生成 ${shown}${template ? `（按${template.year}年报告的格式）` : '（内容目录中还没有可参照的报告，使用默认格式）'}`,
  `  标题：${scaffold.title}`,
  `  统计指标：${scaffold.statIds.length} 项，数值均为 null，待填写`,
  `  章节标题：${scaffold.headings.map((h) => (h.depth === 3 ? `  ${h.text}` : h.text)).join(' / ')}`,
];
if (hasErrors(content.problems)) lines.push('', '注意：内容目录中有其他错误，运行 npm run check 查看。');
lines.push(
  '',
  '下一步：',
  `  1. 打开 ${shown}，按文件开头的注释填写 stats 中的数字，并在各标题下写正文`,
  `     （已有 Word 或文本稿的，可改用 npm run import -- 报告.docx --force 直接导入，覆盖此文件）`,
  // Check warns of a figure given the year before and missing now: with no report for the year before, it has nothing to warn of.
  content.reports.some((r) => r.year === year - 1)
    ? `  2. npm run check    检查内容；${year - 1}年有数字、本年尚未填写的指标会列为警告`
    : `  2. npm run check    检查内容（没有${year - 1}年的报告可比，尚未填写的指标不会提示，请逐项核对）`,
  '  3. npm run dev      在浏览器中预览',
);
console.log(lines.join('\n'));
