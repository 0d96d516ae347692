// npm run check: validate the content folder; exit 1 when there is any error, listing every problem.
import { checkContent } from '../lib/check.ts';
import { resolveContentDir } from '../lib/content.ts';
import { formatProblems, hasErrors } from '../lib/problems.ts';

const dir = resolveContentDir();
const result = checkContent(dir);
if (result.problems.length === 0) {
  console.log(`✓ 内容检查通过：${dir}\n  ${result.reports.length} 份报告（${result.reports.map((r) => r.year).join('、') || '无'}），${result.registry.metrics.length} 个指标。`);
} else {
  const out = formatProblems(result.problems, dir);
  (hasErrors(result.problems) ? console.error : console.log)(out);
}
process.exit(hasErrors(result.problems) ? 1 : 0);
