// npm run check: validate the content folder; exit 1 when there is any error, listing every problem.
import { checkContent } from '../lib/check/check.ts';
import { resolveContentDir } from '../lib/content/content.ts';
import { isPortalFolder } from '../lib/content/content-dir.ts';
import { formatProblems, hasErrors } from '../lib/content/problems.ts';
import { fail } from './command.ts';

const USAGE = `用法：npm run check

检查内容目录（NIANBAO_CONTENT，默认 ./content）中的 site.yaml、metrics.yaml 和 reports/ 下的每份报告，
一次列出全部错误、警告和提示，每条写明文件、行号和改法。有错误时退出码为 1。
内容目录是门户（有 portal.yaml）的，检查 portal.yaml 和其中的每个系列，按系列列出问题，每个系列一行小结。`;
const extra = process.argv.slice(2);
if (extra.some((a) => a === '--help' || a === '-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (extra.length) fail(`npm run check 不接受参数：${extra.join(' ')}`, `要检查其他内容目录，写成 NIANBAO_CONTENT=目录 npm run check\n${USAGE}`);

const dir = resolveContentDir();
if (isPortalFolder(dir)) {
  const { checkPortal, formatPortalCheck } = await import('../lib/portal/check-portal.ts');
  let portal: ReturnType<typeof checkPortal>;
  try {
    portal = checkPortal(dir);
  } catch (e) {
    fail(`检查 ${dir} 时出现内部错误：${String((e as Error)?.message ?? e).split('\n')[0]}`, '这不是内容写错了，而是 nianbao 的缺陷：请把这条信息和出问题的内容文件发给维护人员');
  }
  const bad = hasErrors(portal.problems);
  const next = bad ? '请按 → 后的提示逐条修改，再运行 npm run check。' : portal.problems.length ? '没有错误；警告和提示请逐条核对，确认无误的可以不改。' : '✓ 门户内容检查通过。';
  (bad ? console.error : console.log)(`${formatPortalCheck(portal)}\n${next}`);
  process.exit(bad ? 1 : 0);
}
let result: ReturnType<typeof checkContent>;
try {
  result = checkContent(dir);
} catch (e) {
  // checkContent turns every content problem into a message; reaching here is our bug, still said in Chinese.
  fail(`检查 ${dir} 时出现内部错误：${String((e as Error)?.message ?? e).split('\n')[0]}`, '这不是内容写错了，而是 nianbao 的缺陷：请把这条信息和出问题的内容文件发给维护人员');
}
if (result.problems.length === 0) {
  console.log(`✓ 内容检查通过：${dir}\n  ${result.reports.length} 份报告（${result.reports.map((r) => r.year).join('、') || '无'}），${result.registry.metrics.length} 个指标。`);
} else {
  const out = formatProblems(result.problems, dir);
  const next = hasErrors(result.problems)
    ? '请按 → 后的提示逐条修改，再运行 npm run check。'
    : result.reports.length === 0
      ? '内容目录本身没有错误；按上面的“下一步”添加第一份报告。'
      : '没有错误，可以构建和发布；警告和提示请逐条核对，确认无误的可以不改。';
  (hasErrors(result.problems) ? console.error : console.log)(`${out}\n${next}`);
}
process.exit(hasErrors(result.problems) ? 1 : 0);
