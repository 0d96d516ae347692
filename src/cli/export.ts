// npm run export -- 2024 [--pdf] [--out FILE]
// One report as the official document (公文): Word in the GB/T 9704 layout, or PDF printed by Chromium.
// NIANBAO_CONTENT picks the content folder, NIANBAO_EDITION the edition (public masks as the public site does).
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { loadContent, resolveContentDir } from '../lib/content/content.ts';
import { readEdition, type Edition } from '../lib/content/edition.ts';
import { formatProblems } from '../lib/content/problems.ts';
import { writeFailure } from '../lib/content/content-files.ts';
import { writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { builtSiteAround } from '../lib/publish/site-files.ts';
import { shownPath, userCwd, userPath } from '../lib/cli-paths.ts';
import { YEAR_ARG } from '../lib/scaffold/scaffold.ts';
import { documentHtml, exportFileName, ExportError, reportDocument, reportOfYear, writeDocx } from '../lib/export/index.ts';
import { printPdf } from '../lib/export/pdf.ts';
import { fail, parseCommandArgs, refusePortalSeries } from './command.ts';

const USAGE = [
  '用法：npm run export -- 年份 [--pdf] [--out 文件]',
  '  把一年的报告导出为公文格式（GB/T 9704—2012：A4，版心 156×225 毫米，每页 22 行、每行 28 字）的 Word 文件（.docx）',
  '  --pdf    导出 PDF（需要 Chromium、Chrome 或 Edge；Word 文件不需要）',
  '  --out    输出文件（默认：当前目录下的“报告标题.docx”或“报告标题.pdf”；给出文件夹则写在其中）',
  '  --force  输出文件已存在时覆盖它（默认不覆盖：同名的很可能是办公室自己的 Word 原稿）',
  '  NIANBAO_CONTENT=内容目录   默认 ./content',
  '  NIANBAO_EDITION=public|internal   public（默认）：与对外公开网站一样隐去未公开的数字和 <Redact> 内容；internal：内部版，每页页眉注明“内部版 不得公开”',
].join('\n');

const args = parseCommandArgs({ allowPositionals: true, options: { pdf: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
const [yearArg, ...extra] = args.positionals;
if (!yearArg) fail('没有指定年份', USAGE);
if (extra.length) fail(`多了参数：${extra.join(' ')}（一次导出一年的报告）`, USAGE);
if (!YEAR_ARG.test(yearArg)) fail(`“${yearArg}”不是四位数字的年份`, '例如 npm run export -- 2024');
const year = Number(yearArg);
const format = args.values.pdf ? 'pdf' : 'docx';

let edition: Edition;
try {
  edition = readEdition();
} catch (e) {
  fail((e as Error).message);
}

const dir = resolveContentDir();
refusePortalSeries(dir, 'export', '2024');
if (!existsSync(dir)) fail(`内容目录 ${dir} 不存在`, '在项目根目录下运行，或用 NIANBAO_CONTENT=内容目录 指定');
const content = loadContent(dir);
const blocking = content.problems.filter((p) => p.severity === 'error' && (p.file === 'site.yaml' || p.file === 'metrics.yaml' || p.file === '.' || p.file === `reports/${year}.mdx`));
if (blocking.length) fail(`内容有错误，无法导出 ${year} 年的报告：\n${formatProblems(blocking, dir)}`, '按提示改正后再导出；npm run check 列出全部问题');

let doc;
try {
  doc = reportDocument(content, reportOfYear(content, year), edition);
} catch (e) {
  if (e instanceof ExportError) fail(e.message, e.hint);
  fail((e as Error).message);
}

if (args.values.out !== undefined && !args.values.out.trim()) fail('--out 后面要写一个文件或文件夹', USAGE);
let output = args.values.out ? userPath(args.values.out) : join(userCwd(), exportFileName(doc, format));
if (existsSync(output) && statSync(output).isDirectory()) output = join(output, exportFileName(doc, format));
const ext = extname(output).toLowerCase();
if (ext !== `.${format}`) fail(`输出文件 ${shownPath(output)} 的扩展名应为 .${format}`, format === 'pdf' ? '导出 PDF 时 --out 写 *.pdf' : '导出 Word 时 --out 写 *.docx；要导出 PDF 请加 --pdf');

if (!existsSync(dirname(output))) fail(`输出文件夹 ${shownPath(dirname(output))} 不存在`, '先建好这个文件夹，或 --out 写到已有的文件夹里');
// An office's own Word original often has the report's title for its name: never replaced unasked.
if (existsSync(output) && !args.values.force) fail(`${shownPath(output)} 已经存在，没有导出`, '确认要用导出的文件替换它，请加 --force；或用 --out 另存为其他文件');
// A built site's download is the edition the site was built as: an export written into it could put the internal edition on a public site.
const site = builtSiteAround(output);
if (site) fail(`${shownPath(output)} 在 nianbao 生成的网站 ${shownPath(site)} 里面：导出的文件不能直接写进网站`, '网站中的下载文件由构建生成（NIANBAO_EXPORTS=1 npm run build）；导出到网站之外的文件夹');

let bytes: Uint8Array;
try {
  bytes = format === 'pdf' ? await printPdf(documentHtml(doc)) : await writeDocx(doc);
} catch (e) {
  if (e instanceof ExportError) fail(e.message, e.hint);
  fail(`导出失败：${(e as Error).message}`);
}
try {
  writeFileAtomic(output, bytes, { overwrite: !!args.values.force });
} catch (e) {
  const why = writeFailure(e, output, shownPath(output));
  fail(why.message, why.hint);
}
const tables = doc.blocks.filter((b) => b.type === 'table').length;
console.log(`✓ 已导出 ${doc.title}（${edition === 'internal' ? '内部版，每页页眉注明“内部版 不得公开”' : '对外公开版：未公开的数字和 <Redact> 内容已隐去'}）`);
console.log(`  ${format === 'pdf' ? 'PDF' : 'Word'}：${shownPath(output)}（${(bytes.length / 1024).toFixed(0)} KB，${doc.blocks.length - tables} 段、${tables} 张表${doc.date ? `，落款日期 ${doc.date}` : ''}）`);
