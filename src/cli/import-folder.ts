// npm run import -- FOLDER: every report file in the folder, one year each, checked together as the content
// folder will hold them, one table to read; nothing written when one fails unless --keep-going.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkContent } from '../lib/check/check.ts';
import type { LoadedContent } from '../lib/content/content.ts';
import { REPORTS_DIR } from '../lib/content/content.ts';
import { makeRegistry, type Registry } from '../lib/content/metrics.ts';
import { countBySeverity, formatProblems, type Problem } from '../lib/content/problems.ts';
import { shownPath } from '../lib/cli-paths.ts';
import { describeFsError, fsErrorCode } from '../lib/content/fs-errors.ts';
import { listReportFiles, overlayReader, textTable, yearClashes } from '../lib/import/folder.ts';
import { ImportError, type ImportResult } from '../lib/import/index.ts';
import { checkSourceSize, sourceKind } from '../lib/import/source.ts';
import type { BoundCount } from '../lib/import/new-metrics.ts';
import { writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { writeFailure } from '../lib/content/content-files.ts';
import { items as allItems } from '../lib/structure/structure.ts';
import { fail } from './command.ts';
import { importFile } from './import-file.ts';
import { planMetricsFile, writeMetricsFile } from './new-metrics-file.ts';

export interface FolderOptions {
  contentDir: string;
  content: LoadedContent;
  force: boolean;
  keepGoing: boolean;
  dryRun: boolean;
  addMetrics: boolean;
  public?: boolean;
}

interface Done {
  file: string;
  result: ImportResult;
  format: string;
}

interface Failed {
  file: string;
  message: string;
  hint?: string;
}

const name = (file: string) => basename(file);

export async function importFolder(folder: string, opts: FolderOptions): Promise<number> {
  const { files, skipped, passed } = listReportFiles(folder);
  const shownFolder = shownPath(folder);
  if (files.length === 0) fail(`${shownFolder} 中没有可以导入的报告文件${skipped.length ? `（有 ${skipped.length} 个其他文件：${skipped.slice(0, 5).join('、')}${skipped.length > 5 ? '…' : ''}）` : ''}`, '报告文件的扩展名应为 .docx、.pdf、.html/.htm、.txt（或装有转换程序时的 .doc/.wps）');
  console.log(`导入 ${shownFolder} 中的 ${files.length} 个报告文件${skipped.length ? `（跳过 ${skipped.length} 个不是报告的文件）` : ''} …`);

  let registry: Registry = opts.content.registry;
  const added: BoundCount[] = [];
  const done: Done[] = [];
  const failed: Failed[] = [];
  const started = Date.now();
  for (const [i, file] of files.entries()) {
    const t = Date.now();
    process.stdout.write(`  [${i + 1}/${files.length}] ${name(file)} … `);
    try {
      checkSourceSize(sourceKind(file), statSync(file).size);
      const bytes = readFileSync(file);
      const { result, format } = await importFile(file, bytes, opts.content, registry, { addMetrics: opts.addMetrics, public: opts.public });
      done.push({ file, result, format });
      // A metric registered for one year is there for the next: the same figure is one series.
      if (result.added?.added.length) {
        added.push(...result.added.added);
        registry = makeRegistry([...registry.metrics, ...result.added.added.map((a) => a.metric)]);
      }
      console.log(`${result.year} 年，${format}（${((Date.now() - t) / 1000).toFixed(1)} 秒）`);
    } catch (e) {
      const message = e instanceof ImportError ? e.message : fsErrorCode(e) ? `无法读取：${describeFsError(e)}` : `内部错误：${(e as Error).message}`;
      failed.push({ file, message, ...(e instanceof ImportError && e.hint && { hint: e.hint }) });
      console.log('失败');
    }
  }

  // Years: two files for one year, or a year the folder already has.
  const existing = new Set(opts.content.reports.map((r) => r.year));
  const clashes = yearClashes(done.map((d) => ({ file: d.file, year: d.result.year })), existing);
  const notes: string[] = [];
  const superseded = new Set<string>();
  for (const clash of clashes) {
    const inFolder = clash.files.map(name).join('、');
    if (!opts.force) {
      for (const file of clash.files) {
        failed.push({
          file,
          message: clash.files.length > 1 ? `${inFolder} 都是 ${clash.year} 年的报告` : `内容目录已有 ${clash.year} 年的报告 ${REPORTS_DIR}/${clash.year}.mdx`,
          hint: clash.files.length > 1 ? '只保留其中一个（或用 --force：取文件名排在最后的一个）' : '要用导入结果替换它，加 --force',
        });
      }
      continue;
    }
    const kept = clash.files.at(-1) as string;
    for (const file of clash.files.slice(0, -1)) {
      superseded.add(file);
      notes.push(`${name(file)} 与 ${name(kept)} 同为 ${clash.year} 年的报告：按 --force 取了文件名排在后面的 ${name(kept)}，${name(file)} 没有写入`);
    }
    if (clash.existing) notes.push(`${REPORTS_DIR}/${clash.year}.mdx 已存在，按 --force 用 ${name(kept)} 的导入结果替换`);
  }
  const failedFiles = new Set(failed.map((f) => f.file));
  const good = done.filter((d) => !failedFiles.has(d.file) && !superseded.has(d.file));

  // The check, as the content folder will be with these reports in it (and the metrics they register).
  const written = new Map<string, string>(good.map((d) => [join(opts.contentDir, REPORTS_DIR, `${d.result.year}.mdx`), d.result.mdx]));
  const goodAdded = added.filter((a) => good.some((d) => d.result.added?.added.includes(a)));
  const metricsPlan = goodAdded.length ? planMetricsFile(opts.contentDir, goodAdded, `${shownFolder}（${good.length} 份报告）`, Math.min(...good.map((d) => d.result.year))) : undefined;
  if (metricsPlan) written.set(metricsPlan.path, metricsPlan.after);
  const checked = good.length ? checkContent(opts.contentDir, overlayReader(written)) : undefined;
  const problemsOf = (year: number): Problem[] => checked?.problems.filter((p) => p.file === `${REPORTS_DIR}/${year}.mdx`) ?? [];

  const rows = files.map((file) => {
    const d = good.find((g) => g.file === file);
    if (!d) {
      const read = done.find((g) => g.file === file);
      return [name(file), read ? String(read.result.year) : '—', read ? read.result.title : '（没能读取，见下）', '', '', '', '未导入'];
    }
    const r = d.result;
    const total = r.matched.length + r.unmatched.length + r.tables.bound.length + r.tables.unbound.length;
    const bound = r.matched.length + r.tables.bound.length;
    const c = countBySeverity(problemsOf(r.year));
    const problems = c.error + c.warning + c.notice ? [c.error && `${c.error} 错误`, c.warning && `${c.warning} 警告`, c.notice && `${c.notice} 提示`].filter(Boolean).join(' ') : '无';
    return [name(file), String(r.year), r.title, String(allItems(r.structure).length), String(r.tables.tables.length), `${bound}/${total}`, problems];
  });
  console.log(`\n${textTable(['文件', '年份', '标题', '事项', '表格', '数字已对应/总数', '检查'], rows, 36)}`);
  console.log(`\n共 ${files.length} 个文件，${good.length} 个导入成功${failed.length ? `，${new Set(failed.map((f) => f.file)).size} 个没有导入` : ''}；用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`);
  if (skipped.length) console.log(`跳过的其他文件：${skipped.join('、')}`);
  for (const p of passed) console.log(`没有读取：${p.name}——${p.why}`);

  if (failed.length) {
    console.log('\n没有导入的文件：');
    for (const f of failed) console.log(`  ✗ ${name(f.file)}：${f.message}${f.hint ? `\n      → ${f.hint}` : ''}`);
  }
  if (notes.length) console.log(`\n请注意：\n${notes.map((n) => `  · ${n}`).join('\n')}`);
  const reportProblems = good.flatMap((d) => problemsOf(d.result.year));
  if (reportProblems.length) console.log(`\n导入后检查（npm run check）发现的问题：\n${formatProblems(reportProblems, shownPath(opts.contentDir))}`);

  if (opts.dryRun) {
    console.log('\n--dry-run：没有写入任何文件。');
    return failed.length ? 1 : 0;
  }
  if (failed.length && !opts.keepGoing) {
    console.error(`\n✗ 有文件没能导入，按规定一个也没有写入（内容目录保持原样）。\n  → 改正后重新运行；或加 --keep-going，只写入导入成功的 ${good.length} 份`);
    return 1;
  }
  if (metricsPlan) writeMetricsFile(metricsPlan);
  const unwritten: string[] = [];
  for (const d of good) {
    const out = join(opts.contentDir, REPORTS_DIR, `${d.result.year}.mdx`);
    try {
      writeFileAtomic(out, d.result.mdx, { overwrite: opts.force });
    } catch (e) {
      const why = writeFailure(e, out, shownPath(out));
      unwritten.push(`${name(d.file)} → ${shownPath(out)}：${why.message}${why.hint ? `（${why.hint}）` : ''}`);
    }
  }
  const writtenCount = good.length - unwritten.length;
  if (writtenCount) console.log(`\n✓ 已写入 ${writtenCount} 份报告到 ${shownPath(join(opts.contentDir, REPORTS_DIR))}/${metricsPlan ? `，新指标追加到 ${metricsPlan.shown}` : ''}${failed.length ? `；${new Set(failed.map((f) => f.file)).size} 个文件没有导入（见上）` : ''}`);
  if (unwritten.length) console.error(`\n✗ 以下 ${unwritten.length} 份没能写入：\n${unwritten.map((u) => `  ${u}`).join('\n')}`);
  console.log('下一步：npm run check 查看全部检查结果，npm run dev 在浏览器中预览');
  return failed.length || unwritten.length ? 1 : 0;
}
