// `import --add-metrics` on disk: the new entries go to the end of metrics.yaml (./lib/import/metrics-append.ts)
// before the report is written, so a report never names a metric the registry lacks; if the report then
// cannot be written, metrics.yaml goes back to what it was. Each write is atomic.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../lib/publish/atomic-write.ts';
import { shownPath } from '../lib/cli-paths.ts';
import { appendEntries, AppendError } from '../lib/import/metrics-append.ts';
import { registryEntries, type BoundCount } from '../lib/import/new-metrics.ts';
import { stringify } from 'yaml';
import { fail } from './command.ts';

export interface MetricsFilePlan {
  path: string;
  shown: string;
  /** The file as it was; undefined when there was none. */
  before?: string;
  after: string;
  /** What is appended, as the author will see it. */
  appended: string;
}

/** The new text of metrics.yaml, or stop with a message (and the entries to register by hand). */
export function planMetricsFile(dir: string, added: BoundCount[], input: string, year: number): MetricsFilePlan {
  const path = join(dir, 'metrics.yaml');
  const shown = shownPath(path);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const entries = registryEntries(added);
  const source = input.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const comment = [`以下 ${added.length} 个指标由 npm run import（--add-metrics）导入 ${year} 年报告${source}时添加。`, '名称（label）取自原句，请核对；id 可以改，但要同时改报告中的 <Stat id="…" />，网站发布后不要再改'];
  try {
    const after = appendEntries(before ?? '', entries, comment);
    return { path, shown, before, after, appended: after.slice((before ?? '').length).replace(/^(?:\r?\n)+/, '') };
  } catch (e) {
    if (!(e instanceof AppendError)) throw e;
    fail(`${shown}：${e.message}；没有写入任何文件`, `${e.hint}\n要登记的指标：\n${stringify(entries, { lineWidth: 0 }).trimEnd()}`);
  }
}

/** Write the planned metrics.yaml; returns how to put the old one back. */
export function writeMetricsFile(plan: MetricsFilePlan): () => void {
  try {
    writeFileAtomic(plan.path, plan.after, { overwrite: true });
  } catch (e) {
    fail(`无法写入 ${plan.shown}：${(e as Error).message}`, '检查文件是否被其他程序占用、是否有写权限；没有写入任何文件');
  }
  return () => {
    if (plan.before === undefined) rmSync(plan.path, { force: true });
    else writeFileAtomic(plan.path, plan.before, { overwrite: true });
  };
}
