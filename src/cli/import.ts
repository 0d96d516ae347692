// npm run import -- report.docx|report.txt [--year 2023] [--out path] [--force] [--add-metrics [--public|--no-public]] [--dry-run]
// Convert a finished report (Word or plain text) into reports/<year>.mdx, numbers turned into stats.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadContent, REPORT_FILE, REPORTS_DIR, resolveContentDir } from '../lib/content/content.ts';
import { FileExistsError, writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { fail, parseCommandArgs } from './command.ts';
import { shownPath, userPath } from '../lib/cli-paths.ts';
import { importSource, ImportError } from '../lib/import/index.ts';
import { readSource, sourceKind, SUPPORTED } from '../lib/import/source.ts';
import { formatSummary } from '../lib/import/summary.ts';
import { hasErrors } from '../lib/content/problems.ts';
import { fileErrorProblem, writeFailure } from '../lib/content/content-files.ts';
import { templateReport, titleForYear, YEAR_ARG } from '../lib/scaffold/scaffold.ts';
import { kindById } from '../lib/kinds/index.ts';
import { defaultPublic } from '../lib/import/new-metrics.ts';
import { planMetricsFile, writeMetricsFile } from './new-metrics-file.ts';

const USAGE = [
  '用法：npm run import -- 报告.docx [--year 2023] [--out 路径] [--force] [--add-metrics [--public]] [--dry-run]',
  `  报告文件：${SUPPORTED}`,
  '  --year   报告年份（默认取自标题或正文中的第一个“20xx年”）',
  '  --out    输出文件（默认：内容目录/reports/<年份>.mdx）',
  '  --force  输出文件已存在时覆盖它',
  '  --add-metrics  文中没有对应指标的数字，自动登记为新指标（追加到内容目录的 metrics.yaml），并在报告中改写为 <Stat id="…" />',
  '  --public       新指标在对外公开版中显示真实数字（默认隐去；gov-info-disclosure 类型的报告默认显示，--no-public 则隐去）',
  '  --dry-run      只显示导入结果和将要新增的指标，不写入任何文件',
].join('\n');

const args = parseCommandArgs({ allowPositionals: true, options: { year: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'add-metrics': { type: 'boolean' }, public: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowNegative: true }, USAGE);
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
try {
  sourceKind(input);
} catch (e) {
  fail(`${shownInput}：${(e as ImportError).message}`, (e as ImportError).hint);
}
let inputBytes: Uint8Array;
try {
  if (statSync(input).isDirectory()) fail(`${shownInput} 是一个目录，不是文件`, USAGE);
  inputBytes = readFileSync(input);
} catch (e) {
  const p = fileErrorProblem(e, shownInput, input);
  if (p.missing) fail(`找不到文件 ${shownInput}`, '检查文件名和所在目录；文件名含空格时请加引号');
  fail(p.message, p.hint);
}

const dir = resolveContentDir();
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

let result: ReturnType<typeof importSource>;
let format: string;
try {
  const source = await readSource(input, inputBytes);
  format = source.format;
  result = importSource(source, {
    registry: content.registry,
    year,
    fileName: basename(input).replace(/\.[^.]*$/, ''),
    sectionWords: kindById(content.site?.kind).sectionWords,
    kind: kindById(content.site?.kind),
    ...(addMetrics && { addMetrics: { public: args.values.public ?? defaultPublic(content.site?.kind) } }),
    previousTitle: (y) => {
      const prev = templateReport(content.reports.filter((r) => r.year !== y), y);
      return prev?.data.title.includes(String(prev.year)) ? titleForYear(y, { year: prev.year, title: prev.data.title }) : undefined;
    },
  });
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
const newMetrics = result.added?.added.length ? planMetricsFile(dir, result.added.added, basename(input), result.year) : undefined;
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
