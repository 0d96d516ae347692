// Runs the Astro CLI for the npm scripts: telemetry off (intranets are offline, and no request may leave),
// the content folder and edition announced so nobody publishes the wrong one by accident, and a build
// that only replaces dist/ once it has completed, search index included.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../lib/check.ts';
import { resolveContentDir } from '../lib/content.ts';
import { formatProblems, hasErrors } from '../lib/problems.ts';
import { readEdition } from '../lib/edition.ts';
import { normaliseBase } from '../lib/paths.ts';
import { fail } from './command.ts';
import { CHECKED_ENV } from '../integrations/preflight.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const DIST = join(ROOT, 'dist');

const args = process.argv.slice(2);
let edition;
try {
  edition = readEdition();
} catch (e) {
  fail((e as Error).message);
}
const editionLabel = edition === 'public' ? '对外公开版（public）' : '内部版（internal，含未公开数字）';
if (args[0] !== 'preview') {
  console.log(`nianbao：内容目录 ${resolveContentDir()}，${editionLabel}，路径前缀 ${normaliseBase(process.env.NIANBAO_BASE)}`);
}

// Check first, so a content problem reads as our list alone rather than wrapped in Astro's hook error.
if (args[0] === 'build' || args[0] === 'dev' || args[0] === 'sync') {
  const dir = resolveContentDir();
  const result = checkContent(dir);
  if (hasErrors(result.problems)) {
    console.error(`\n${formatProblems(result.problems, dir)}\n`);
    fail(args[0] === 'dev' ? '内容检查未通过，预览没有启动。' : '内容检查未通过，没有生成网站（dist/ 保持原样）。', '按上面 → 后的提示修改，再运行 npm run check 复查');
  }
  const notes = result.problems.length ? `（${result.problems.length} 条警告/提示，运行 npm run check 查看）` : '';
  console.log(`内容检查通过：${result.reports.length} 份报告，${result.registry.metrics.length} 个指标${notes}`);
}

// Checked above (or, for preview, not read at all): the pre-flight integration need not read it again.
const checked = args[0] === 'build' || args[0] === 'dev' || args[0] === 'sync' || args[0] === 'preview' ? { [CHECKED_ENV]: resolveContentDir() } : {};

function astro(argv: string[]): number {
  const r = spawnSync(process.execPath, [ASTRO_BIN, ...argv], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...checked } });
  return r.status ?? 1;
}

const plainBuild = args[0] === 'build' && !args.some((a) => a === '--outDir' || a.startsWith('--outDir='));
if (!plainBuild) process.exit(astro(args));

// A build that fails halfway (say, in the search index step) must not leave a half-written dist/.
// Builds in one checkout run one at a time (src/integrations/one-build.ts), but the swap below follows the
// build: names of its own keep one command's swap from ever touching another's.
const building = join(ROOT, `dist.building-${process.pid}`);
const previous = join(ROOT, `dist.previous-${process.pid}`);
const status = astro([...args, '--outDir', building]);
if (status !== 0) {
  rmSync(building, { recursive: true, force: true });
  fail('构建失败，dist/ 保持原样（上一次成功构建的网站仍在）。', '按上面的提示修改后重新运行 npm run build');
}
if (existsSync(DIST)) renameSync(DIST, previous);
renameSync(building, DIST);
rmSync(previous, { recursive: true, force: true });
console.log(`✓ 网站已生成到 ${DIST}`);
