// npm run import -- report.docx|report.pdf|report.html|report.txt|report.doc [--year 2023] [--out path] [--force] [--add-metrics [--public|--no-public]] [--dry-run]
// npm run import -- FOLDER [--force] [--keep-going] [--add-metrics] [--dry-run]
// Convert a finished report (Word, PDF, a saved portal page, plain text; .doc/.wps through LibreOffice), or a
// folder of them (one a year), into reports/<year>.mdx, numbers turned into stats.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadContent, REPORT_FILE, REPORTS_DIR, resolveContentDir } from '../lib/content/content.ts';
import { FileExistsError, writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { fail, parseCommandArgs, refusePortalSeries } from './command.ts';
import { shownPath, userPath } from '../lib/cli-paths.ts';
import { ImportError, type ImportResult } from '../lib/import/index.ts';
import { checkSourceSize, sourceKind, SUPPORTED } from '../lib/import/source.ts';
import { formatSummary } from '../lib/import/summary.ts';
import { hasErrors } from '../lib/content/problems.ts';
import { fileErrorProblem, writeFailure } from '../lib/content/content-files.ts';
import { YEAR_ARG } from '../lib/scaffold/scaffold.ts';
import { planMetricsFile, writeMetricsFile } from './new-metrics-file.ts';
import { importFile } from './import-file.ts';
import { importFolder } from './import-folder.ts';

const USAGE = [
  '用法：npm run import -- 报告.docx [--year 2023] [--out 路径] [--force] [--add-metrics [--public]] [--dry-run]',
  `  报告文件：${SUPPORTED}`,
  '           网页：在浏览器中打开报告页面，“另存为”网页（.html，或“单个文件”.mhtml），只取正文，导航、分享、页脚等不导入',
  '           .doc/.wps：由 LibreOffice（soffice）转换后读取；没有安装时，Linux 用 sudo apt-get install libreoffice-writer-nogui，Windows 从 zh-cn.libreoffice.org 下载安装，或在 Word/WPS 中另存为 .docx',
  '  --year   报告年份（默认取自标题或正文中的第一个“20xx年”）',
  '  --out    输出文件（默认：内容目录/reports/<年份>.mdx）',
  '  --force  输出文件已存在时覆盖它',
  '  --add-metrics  文中没有对应指标的数字，自动登记为新指标（追加到内容目录的 metrics.yaml），并在报告中改写为 <Stat id="…" />',
  '  --public       新指标在对外公开版中显示真实数字（默认隐去；gov-info-disclosure 类型的报告默认显示，--no-public 则隐去）',
  '  --dry-run      只显示导入结果和将要新增的指标，不写入任何文件',
  '',
  '用法：npm run import -- 文件夹/ [--force] [--keep-going] [--add-metrics] [--dry-run]',
  '  导入文件夹中的每个报告文件（每年一份），打印一张表：文件、年份、标题、事项、表格、数字、检查结果',
  '  两个文件是同一年，或内容目录已有这一年：不导入，除非加 --force',
  '  --keep-going   有文件导入失败时，仍写入成功的几份（默认一份也不写）',
].join('\n');

const args = parseCommandArgs({ allowPositionals: true, options: { year: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'keep-going': { type: 'boolean' }, 'add-metrics': { type: 'boolean' }, public: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowNegative: true }, USAGE);
const [inputArg, ...extra] = args.positionals;
if (!inputArg) fail('没有指定要导入的报告文件', USAGE);
if (extra.length) fail(`多了参数：${extra.join(' ')}（一次只能导入一个文件）`, USAGE);

let year: number | undefined;
if (args.values.year !== undefined) {
  if (!YEAR_ARG.test(args.values.year)) fail(`--year ${args.values.year} 不是四位数字的年份`, '例如 --year 2023');
  year = Number(args.values.year);
  if (year < 1949 || year > 2999) fail(`--year ${year} 不在有效范围内（1949–2999）`);
}

const input = userPath(inputArg);
const shownInput = shownPath(input);
let isFolder = false;
try {
  isFolder = statSync(input).isDirectory();
} catch {
  // Missing: said below, with the file's name.
}
if (!isFolder) {
  try {
    sourceKind(input);
  } catch (e) {
    fail(`${shownInput}：${(e as ImportError).message}`, (e as ImportError).hint);
  }
}
if (isFolder) {
  if (args.values.year !== undefined) fail('--year 只能用于导入单个文件：导入文件夹时，每份报告的年份取自它自己的标题或正文');
  if (args.values.out !== undefined) fail('导入文件夹时不能用 --out：报告都写入内容目录的 reports/', '用 NIANBAO_CONTENT=内容目录 指定写到哪个内容目录');
} else if (args.values['keep-going']) {
  fail('--keep-going 只用于导入文件夹', USAGE);
}
let inputBytes: Uint8Array = new Uint8Array();
try {
  if (!isFolder) {
    try {
      checkSourceSize(sourceKind(input), statSync(input).size);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      fail(`${shownInput}：${e.message}`, e.hint);
    }
    inputBytes = readFileSync(input);
  }
} catch (e) {
  const p = fileErrorProblem(e, shownInput, input);
  if (p.missing) fail(`找不到文件 ${shownInput}`, '检查文件名和所在目录；文件名含空格时请加引号');
  fail(p.message, p.hint);
}

const dir = resolveContentDir();
refusePortalSeries(dir, 'import', '报告.docx');
if (!existsSync(dir) && !args.values.out) fail(`内容目录 ${dir} 不存在`, '在项目根目录下运行，或用 NIANBAO_CONTENT=内容目录 指定；也可以用 --out 指定输出文件');
const content = loadContent(dir);
const addMetrics = !!args.values['add-metrics'];
if (args.values.public !== undefined && !addMetrics) fail(`--${args.values.public ? '' : 'no-'}public 只对新登记的指标有效`, '与 --add-metrics 一起使用；已有指标是否公开，在 metrics.yaml 中改 public');
if (addMetrics) {
  if (!existsSync(dir)) fail(`内容目录 ${dir} 不存在，--add-metrics 无处登记新指标`, '在项目根目录下运行，或用 NIANBAO_CONTENT=内容目录 指定');
  const broken = content.problems.filter((p) => p.file === 'metrics.yaml' && p.severity === 'error');
  if (broken.length) fail(`${join(dir, 'metrics.yaml')} 有 ${broken.length} 处错误，--add-metrics 不能在它后面追加：\n${broken.map((p) => `  ${p.line ? `第 ${p.line} 行：` : ''}${p.message}`).join('\n')}`, '先按 npm run check 的提示改正 metrics.yaml，再重新导入');
}
if (content.registry.metrics.length === 0) {
  console.warn(`注意：${join(dir, 'metrics.yaml')} 中没有可用的指标，文中的数字都将按原样保留。${hasErrors(content.problems) ? '运行 npm run check 查看内容目录的问题。' : ''}\n`);
}
if (isFolder) {
  if (!existsSync(dir)) fail(`内容目录 ${dir} 不存在`, '先用 npm run init -- 内容目录 --kind 类型 建立内容目录，或用 NIANBAO_CONTENT=内容目录 指定');
  process.exit(await importFolder(input, { contentDir: dir, content, force: !!args.values.force, keepGoing: !!args.values['keep-going'], dryRun: !!args.values['dry-run'], addMetrics, public: args.values.public }));
}

let result: ImportResult;
let format: string;
try {
  ({ result, format } = await importFile(input, inputBytes, content, content.registry, { year, addMetrics, public: args.values.public }));
} catch (e) {
  if (e instanceof ImportError) fail(`${shownInput}：${e.message}`, e.hint);
  fail(`导入 ${shownInput} 失败：${(e as Error).message}`, '没有写入任何文件。请把这条信息和原文件发给维护人员');
}

// Where to write.
let output: string;
if (args.values.out) {
  output = userPath(args.values.out);
  if (existsSync(output) && statSync(output).isDirectory()) output = join(output, `${result.year}.mdx`);
  const named = REPORT_FILE.exec(basename(output))?.[1];
  if (named && Number(named) !== result.year) {
    fail(`输出文件名 ${basename(output)} 与报告年份 ${result.year} 不一致`, `改为 --out ${join(args.values.out, '..', `${result.year}.mdx`)}，或用 --year ${named} 指定年份`);
  }
} else {
  output = join(dir, REPORTS_DIR, `${result.year}.mdx`);
}
const shownOutput = shownPath(output);
const existed = existsSync(output);
const summaryContext = { input: shownInput, format, output: shownOutput, overwritten: existed, inContent: resolve(output) === resolve(dir, REPORTS_DIR, `${result.year}.mdx`) };

// --add-metrics: metrics.yaml first (new-metrics-file.ts), so the report never names a metric the registry lacks.
const newMetrics = result.added?.added.length ? planMetricsFile(dir, result.added.added, `“${basename(input)}”`, result.year) : undefined;
if (args.values['dry-run']) {
  console.log(formatSummary(result, { ...summaryContext, dryRun: true, metricsFile: newMetrics?.shown }));
  if (newMetrics) console.log(`\n将追加到 ${newMetrics.shown} 的内容：\n${newMetrics.appended.trimEnd()}`);
  process.exit(0);
}
if (newMetrics && existed && !args.values.force) fail(`${shownOutput} 已经存在，没有做任何改动`, '确认要用导入结果替换它，请加 --force；或用 --out 另存为其他文件');
const restoreMetrics = newMetrics && writeMetricsFile(newMetrics);
try {
  writeFileAtomic(output, result.mdx, { overwrite: !!args.values.force });
} catch (e) {
  restoreMetrics?.();
  const why = writeFailure(e, output, shownOutput);
  if (e instanceof FileExistsError && !why.inTheWay) {
    fail(`${shownOutput} 已经存在，没有做任何改动`, '确认要用导入结果替换它，请加 --force；或用 --out 另存为其他文件');
  }
  fail(why.message, why.hint);
}

console.log(formatSummary(result, { ...summaryContext, metricsFile: newMetrics?.shown }));
