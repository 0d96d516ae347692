// The content check as the build and preview commands need it: a verdict that can cross a thread (the build
// checks on a thread of its own while Astro starts), worded for the command that stops on it.
import { checkCacheSetup } from '../lib/check/check-cache-setup.ts';
import { ROOT } from './astro-process.ts';

/** Where a passed check is remembered, and the code whose change makes it check again. */
const { cacheDir: CHECK_CACHE, codeDirs: CHECK_CODE } = checkCacheSetup(ROOT);
export { CHECK_CACHE };

export type Verdict =
  | { passed: string }
  | { problems?: string; message: string; hint?: string };

/** A check that could not run through: nianbao's fault, not the content's. */
export function internalError(dir: string, reason: string): Verdict {
  return { message: `检查 ${dir} 时出现内部错误：${reason}`, hint: '这不是内容写错了，而是 nianbao 的缺陷：请把这条信息和出问题的内容文件发给维护人员' };
}

export async function checkVerdict(dir: string, command: string): Promise<Verdict> {
  // Loaded when asked for, not with this module: the build command starts Astro before any checking code is read.
  const [{ checkContent }, { cachedCheck }, { formatProblems, hasErrors }, { isPortalFolder }] = await Promise.all([
    import('../lib/check/check.ts'),
    import('../lib/check/check-cache.ts'),
    import('../lib/content/problems.ts'),
    import('../lib/content/content-dir.ts'),
  ]);
  const failed = (problems: string) => ({
    problems,
    message: command === 'dev' ? '内容检查未通过，预览没有启动。' : '内容检查未通过，没有生成网站（dist/ 保持原样）。',
    hint: '按上面 → 后的提示修改，再运行 npm run check 复查',
  });
  let summary: import('../lib/check/check-cache.ts').CheckSummary;
  let cached: boolean;
  try {
    if (isPortalFolder(dir)) {
      // A portal is checked, and remembered, as one tree: every series of it (src/lib/portal/check-portal.ts).
      const { checkPortal, formatPortalCheck } = await import('../lib/portal/check-portal.ts');
      const outcome = cachedCheck(dir, {
        cacheDir: CHECK_CACHE,
        codeDirs: CHECK_CODE,
        check: (memo) => checkPortal(dir, undefined, memo),
        summarize: (r) => ({ series: r.series.length, reports: r.series.reduce((n, s) => n + s.result.reports.length, 0), metrics: r.series.reduce((n, s) => n + s.result.registry.metrics.length, 0), notes: r.problems.length }),
      });
      if (outcome.result && hasErrors(outcome.result.problems)) return failed(formatPortalCheck(outcome.result));
      ({ summary, cached } = outcome);
    } else {
      const outcome = cachedCheck(dir, { cacheDir: CHECK_CACHE, codeDirs: CHECK_CODE, check: (memo) => checkContent(dir, undefined, memo) });
      if (outcome.result && hasErrors(outcome.result.problems)) return failed(formatProblems(outcome.result.problems, dir));
      ({ summary, cached } = outcome);
    }
  } catch (e) {
    return internalError(dir, String((e as Error)?.message ?? e).split('\n')[0] as string);
  }
  const notes = summary.notes ? `（${summary.notes} 条警告/提示，运行 npm run check 查看）` : '';
  return { passed: `内容检查通过：${summary.series !== undefined ? `${summary.series} 个系列，` : ''}${summary.reports} 份报告，${summary.metrics} 个指标${notes}${cached ? '（内容和程序自上次检查后没有改动，沿用上次的检查结果）' : ''}` };
}
