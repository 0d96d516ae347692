// npm run bench: how build time grows with the number of years. Generates corpora of N years
// (bench/corpus.ts), builds each (public edition, cold cache) and runs the content check on it, then
// writes the results to BENCHMARKS.md. A benchmark, not a test: nothing here passes or fails on time.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { join } from 'node:path';
import { fail, parseCommandArgs } from '../src/cli/command.ts';
import { checkContent } from '../src/lib/check.ts';
import { hasErrors, countBySeverity } from '../src/lib/problems.ts';
import { DEFAULT_SEED, generateCorpus, ROOT } from './corpus.ts';

const HELP = `用法：npm run bench -- [--sizes 5,20,40,100] [--quick] [--repeat N] [--seed N]

生成 N 年的测试内容（由 content/ 中的指标登记表和 2022 年报告变化而来），逐个：
  · 计时运行内容检查（node src/cli/check.ts，即 npm run check）；
  · 清空该内容的 Astro 缓存后完整构建对外公开版，记录耗时、页面数、输出大小、
    搜索索引大小、峰值内存，以及每类页面的生成时间；
然后把结果写入 BENCHMARKS.md（最新的一次在最前）。生成的内容和构建结果在 .bench/ 中（不提交）。

选项：
  --sizes 5,20,40,100   要测的年数（默认 5,20,40,100）
  --quick               快速试跑：默认只测 5,10 年，结果只打印，不写入 BENCHMARKS.md
  --seed N              内容生成的随机种子（默认 ${DEFAULT_SEED}）
  --repeat N            每个规模构建 N 次，取最快的一次（机器上有别的工作时用；默认 1）
  -h, --help            显示本说明`;

const BENCH_DIR = join(ROOT, '.bench');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const TIME_BIN = '/usr/bin/time';
const MAX_RETRIES = 2;
const RETRY_WAIT_S = 30;

const args = parseCommandArgs(
  {
    options: {
      sizes: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      repeat: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  },
  HELP,
).values;
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const sizes = (args.sizes ?? (args.quick ? '5,10' : '5,20,40,100')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) fail(`--sizes 应是逗号分隔的年数（1–1000），如 5,20,40，收到 ${args.sizes}`);
sizes.sort((a, b) => a - b);
const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
if (!Number.isInteger(seed)) fail(`--seed 必须是整数，收到 ${args.seed}`);
const repeat = args.repeat === undefined ? 1 : Number(args.repeat);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 10) fail(`--repeat 必须是 1–10 的整数，收到 ${args.repeat}`);

// ---------------------------------------------------------------------------------------------

/** Page types, by URL: each should cost the same per page whatever the number of years. */
const ROUTE_TYPES: [string, RegExp][] = [
  ['年度报告 /<年>/', /^\/\d{4}\/(index\.html)?$/],
  ['对比 /compare/', /^\/compare\//],
  ['指标 /metrics/', /^\/metrics\//],
  ['趋势 /trends/', /^\/trends\//],
  ['问题与措施 /measures/', /^\/measures\//],
  ['首页 /', /^\/(index\.html)?$/],
  ['搜索 /search/', /^\/search\//],
  ['数据 /data/', /^\/data\//],
];

/** Where each page type comes from, to name it when it grows faster than the years. */
const ROUTE_SOURCES: Record<string, string> = {
  '年度报告 /<年>/': 'src/pages/[year].astro',
  '对比 /compare/': 'src/pages/compare/[pair].astro',
  '指标 /metrics/': 'src/pages/metrics/[id].astro',
  '趋势 /trends/': 'src/pages/trends.astro',
  '问题与措施 /measures/': 'src/pages/measures.astro',
  '首页 /': 'src/pages/index.astro',
  '搜索 /search/': 'src/pages/search.astro',
  '数据 /data/': 'src/pages/data/',
};

/** Exponent k in y ∝ n^k between two points. */
function exponent(n1: number, y1: number, n2: number, y2: number): number {
  return Math.log(y2 / y1) / Math.log(n2 / n1);
}

/** A few sentences on linearity, from CPU time (less disturbed by other load than wall time) and output sizes. */
function linearityNote(results: RunResult[]): string[] {
  if (results.length < 2) return [];
  const lines: string[] = [];
  const withCpu = results.filter((r) => r.cpuS !== undefined);
  if (withCpu.length >= 2) {
    const marg: number[] = [];
    for (let i = 1; i < withCpu.length; i++) {
      const a = withCpu[i - 1] as RunResult;
      const b = withCpu[i] as RunResult;
      marg.push((((b.cpuS as number) - (a.cpuS as number)) * 1000) / (b.years - a.years));
    }
    const first = withCpu[0] as RunResult;
    const last = withCpu[withCpu.length - 1] as RunResult;
    const slope = (((last.cpuS as number) - (first.cpuS as number)) * 1000) / (last.years - first.years);
    const fixed = (first.cpuS as number) - (slope * first.years) / 1000;
    const k = exponent(first.years, first.cpuS as number, last.years, last.cpuS as number);
    const steady = Math.max(...marg) <= 3 * Math.max(1, Math.min(...marg.filter((m) => m > 0)));
    lines.push(`- 构建 CPU 时间每多一年分别 ${marg.map((m) => `${m >= 0 ? '+' : ''}${msf(m)} ms`).join('、')}；约为固定 ${fixed.toFixed(1)} s 加每年 ${(slope / 1000).toFixed(2)} s（${first.years}→${last.years} 年增长 ${((last.cpuS as number) / (first.cpuS as number)).toFixed(1)} 倍，年数 ${(last.years / first.years).toFixed(0)} 倍，指数 ${k.toFixed(2)}）：${steady && k < 1.1 ? '整体线性' : '每年增量不稳定，看下面各类页面'}。`);
  }
  // Output per page type between the two largest sizes (both past 30 years when measured so, where compare pages are linear too).
  const a = results[results.length - 2] as RunResult;
  const b = results[results.length - 1] as RunResult;
  const flagged: string[] = [];
  for (const [type, sb] of b.routeBytes) {
    const sa = a.routeBytes.get(type);
    if (!sa || sa.bytes === 0) continue;
    const k = exponent(a.years, sa.bytes, b.years, sb.bytes);
    // All pairs up to 30 years is the design (DESIGN.md "URLs"): quadratic there on purpose.
    if (type.startsWith('对比') && a.years < 30) continue;
    if (k > 1.3) flagged.push(`${type}（${ROUTE_SOURCES[type] ?? '?'}）的输出从 ${(sa.bytes / 1024).toFixed(0)} KB 增到 ${(sb.bytes / 1024).toFixed(0)} KB，${(sb.bytes / sa.bytes).toFixed(1)} 倍，约 n^${k.toFixed(1)}`);
  }
  lines.push(flagged.length
    ? `- 超线性增长（${a.years}→${b.years} 年，年数 ${(b.years / a.years).toFixed(1)} 倍）：${flagged.join('；')}。`
    : `- 各类页面的输出总量在 ${a.years}→${b.years} 年间都不超过线性（指数 ≤ 1.3）。`);
  return lines;
}

function routeType(path: string): string {
  return ROUTE_TYPES.find(([, re]) => re.test(path))?.[0] ?? '其他';
}

interface RouteTiming {
  pages: number;
  ms: number;
}

interface RunResult {
  years: number;
  corpusMs: number;
  checkMs: number;
  checkCpuS?: number;
  checkWarnings: number;
  buildMs: number;
  /** Astro's own phases, from its log. */
  staticRoutesMs?: number;
  bundleMs?: number;
  /** Wall time per phase, from when each phase's closing log line arrived. */
  phases: Map<string, number>;
  maxRssMb?: number;
  /** User + system CPU seconds of the build: less disturbed than wall time by other work on the machine. */
  cpuS?: number;
  /** 1-minute load average just before the build. */
  loadBefore: number;
  htmlPages: number;
  reportPages: number;
  comparePages: number;
  distBytes: number;
  pagefindBytes?: number;
  routes: Map<string, RouteTiming>;
  /** Failed builds before this one succeeded. */
  retries: number;
  /** Wall time of every repeat (the result is the fastest). */
  walls: number[];
  /** Output size per page type (HTML and data files). */
  routeBytes: Map<string, { pages: number; bytes: number }>;
  log: string;
}

function dirSize(dir: string): { bytes: number; files: string[] } {
  const files: string[] = [];
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        bytes += statSync(p).size;
        files.push(p.slice(dir.length + 1));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

/** The Astro cache folder astro.config.mjs picks for this content folder in the public edition. */
function astroCacheDir(contentDir: string): string {
  const metrics = existsSync(join(contentDir, 'metrics.yaml')) ? readFileSync(join(contentDir, 'metrics.yaml')) : '';
  const variant = createHash('sha256').update(`public\0${contentDir}\0`).update(metrics).digest('hex').slice(0, 12);
  return join(ROOT, 'node_modules/.astro', `public-${variant}`);
}

const hasTime = (() => {
  try {
    return spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
})();

function benchEnv(contentDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('NIANBAO_')) env[k] = v;
  return { ...env, NIANBAO_CONTENT: contentDir, NIANBAO_EDITION: 'public', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** What /usr/bin/time -f '%M %U %S' wrote: peak RSS (KB) and CPU seconds. */
function readTime(file: string): { rssKb: number; cpuS: number } | undefined {
  if (!existsSync(file)) return undefined;
  const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(file, 'utf8'));
  return m ? { rssKb: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]) } : undefined;
}

/** Log lines that end a build phase; the time each arrives (since the start) splits the wall time into phases. */
const PHASE_ENDS: [string, RegExp][] = [
  ['启动、加载配置、内容检查', /\[nianbao:preflight\]/],
  ['内容同步、类型生成', /Collecting build info\.\.\.\s*\n[^\n]*✓ Completed/],
  ['打包（Vite，逐个编译报告 MDX）', /\[vite\] ✓ built in/],
  ['生成页面', /generating static routes[\s\S]*?✓ Completed in/],
  ['搜索索引（Pagefind）', /\[nianbao:search-index\][^\n]*\n/],
];

function build(contentDir: string, outDir: string, logFile: string): Promise<{ code: number; ms: number; log: string; rssKb?: number; cpuS?: number; phases: Map<string, number> }> {
  const timeFile = `${logFile}.time`;
  rmSync(timeFile, { force: true });
  const [cmd, cmdArgs] = hasTime
    ? [TIME_BIN, ['-o', timeFile, '-f', '%M %U %S', process.execPath, ASTRO_BIN, 'build', '--outDir', outDir]]
    : [process.execPath, [ASTRO_BIN, 'build', '--outDir', outDir]];
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(cmd, cmdArgs as string[], { cwd: ROOT, env: benchEnv(contentDir), stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const file = createWriteStream(logFile);
    const reached = new Map<string, number>();
    let text = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (b: Buffer) => {
        chunks.push(b);
        file.write(b);
        text += b.toString('utf8');
        for (const [name, re] of PHASE_ENDS) if (!reached.has(name) && re.test(text)) reached.set(name, performance.now() - started);
      });
    }
    child.on('close', (code) => {
      const ms = performance.now() - started;
      file.end();
      const time = readTime(timeFile);
      // Each phase: from the end of the phase before it that was seen, to its own end.
      const phases = new Map<string, number>();
      let last = 0;
      for (const [name] of PHASE_ENDS) {
        const at = reached.get(name);
        if (at === undefined) continue;
        phases.set(name, at - last);
        last = at;
      }
      phases.set('写入、收尾', ms - last);
      done({ code: code ?? 1, ms, log: Buffer.concat(chunks).toString('utf8'), rssKb: time?.rssKb, cpuS: time?.cpuS, phases });
    });
  });
}

/** Per-route times from Astro's "generating static routes" list: `├─ /2022/index.html (+12ms)`. */
function routeTimings(log: string): Map<string, RouteTiming> {
  const out = new Map<string, RouteTiming>(ROUTE_TYPES.map(([name]) => [name, { pages: 0, ms: 0 }]));
  for (const m of log.matchAll(/[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const type = routeType(m[1] as string);
    const t = out.get(type) ?? { pages: 0, ms: 0 };
    t.pages++;
    t.ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    out.set(type, t);
  }
  for (const [k, v] of out) if (v.pages === 0) out.delete(k);
  return out;
}

function routeSizes(outDir: string, files: string[]): Map<string, { pages: number; bytes: number }> {
  const out = new Map<string, { pages: number; bytes: number }>();
  for (const f of files) {
    if (!f.endsWith('.html') && !f.startsWith('data/')) continue;
    const type = routeType(`/${f}`);
    const t = out.get(type) ?? { pages: 0, bytes: 0 };
    t.pages++;
    t.bytes += statSync(join(outDir, f)).size;
    out.set(type, t);
  }
  return out;
}

function parsePhase(log: string, re: RegExp): number | undefined {
  const m = re.exec(log);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 's' || m[2] === '秒' ? 1000 : 1);
}

/** One build after emptying the output and this content's Astro cache; retried if it fails. */
async function coldBuild(contentDir: string, outDir: string, logFile: string, i: number, repeat: number) {
  const clean = () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(astroCacheDir(contentDir), { recursive: true, force: true });
  };
  clean();
  const label = `  构建对外公开版（冷缓存${repeat > 1 ? `，第 ${i + 1}/${repeat} 次` : ''}）…`;
  process.stdout.write(label);
  let loadBefore = loadavg()[0] ?? 0;
  let b = await build(contentDir, outDir, logFile);
  // Astro keeps the content module list in the project's .astro/, shared by every build in this
  // checkout: a build of another content folder running at the same time can break this one. Retry.
  let retries = 0;
  while (b.code !== 0 && retries < MAX_RETRIES) {
    retries++;
    console.log(`\n  构建失败（退出码 ${b.code}，输出见 ${logFile}）；可能是同一项目目录中同时运行的另一个构建改写了 .astro/，${RETRY_WAIT_S} 秒后重试（第 ${retries} 次）…`);
    await new Promise((r) => setTimeout(r, RETRY_WAIT_S * 1000));
    clean();
    process.stdout.write(label);
    loadBefore = loadavg()[0] ?? 0;
    b = await build(contentDir, outDir, logFile);
  }
  if (b.code !== 0) {
    console.log('');
    fail(`构建失败（退出码 ${b.code}），完整输出见 ${logFile}：\n${b.log.slice(-3000)}`);
  }
  console.log(` ${(b.ms / 1000).toFixed(1)} 秒${b.cpuS === undefined ? '' : `（CPU ${b.cpuS.toFixed(1)} 秒）`}`);
  return { b, loadBefore, retries };
}

async function runSize(n: number): Promise<RunResult> {
  const contentDir = join(BENCH_DIR, `corpus-${n}`);
  const outDir = join(BENCH_DIR, `dist-${n}`);
  const logFile = join(BENCH_DIR, `build-${n}.log`);

  let t = performance.now();
  const corpus = generateCorpus(n, contentDir, seed);
  const corpusMs = performance.now() - t;
  const checked = checkContent(contentDir);
  if (hasErrors(checked.problems)) fail(`生成的 ${n} 年内容没有通过检查（这是 bench/corpus.ts 的错误）：${checked.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => `${p.file}：${p.message}`).join('；')}`);
  const counts = countBySeverity(checked.problems);
  console.log(`  内容：${corpus.years[0]}–${corpus.years[corpus.years.length - 1]} 年，${n} 份报告（生成 ${(corpusMs / 1000).toFixed(1)} 秒；检查结果 0 错误、${counts.warning} 警告、${counts.notice} 提示）`);

  t = performance.now();
  const checkTime = `${logFile}.check-time`;
  rmSync(checkTime, { force: true });
  const checkCmd = [process.execPath, join(ROOT, 'src/cli/check.ts')];
  const check = hasTime
    ? spawnSync(TIME_BIN, ['-o', checkTime, '-f', '%M %U %S', ...checkCmd], { cwd: ROOT, env: benchEnv(contentDir), encoding: 'utf8' })
    : spawnSync(checkCmd[0] as string, checkCmd.slice(1), { cwd: ROOT, env: benchEnv(contentDir), encoding: 'utf8' });
  const checkMs = performance.now() - t;
  if (check.status !== 0) fail(`npm run check 在 ${n} 年的内容上失败（退出码 ${check.status}）：\n${(check.stderr || check.stdout).slice(-2000)}`);
  const checkCpuS = readTime(checkTime)?.cpuS;
  console.log(`  npm run check：${(checkMs / 1000).toFixed(2)} 秒${checkCpuS === undefined ? '' : `（CPU ${checkCpuS.toFixed(2)} 秒）`}`);

  // The fastest of --repeat cold builds: other work on the machine only ever makes a build slower.
  let best: Awaited<ReturnType<typeof coldBuild>> | undefined;
  const walls: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const attempt = await coldBuild(contentDir, outDir, logFile, i, repeat);
    walls.push(attempt.b.ms);
    if (!best || attempt.b.ms < best.b.ms) best = attempt;
  }
  const { b, loadBefore, retries } = best as Awaited<ReturnType<typeof coldBuild>>;
  const dist = dirSize(outDir);
  const html = dist.files.filter((f) => f.endsWith('.html'));
  const pagefind = dist.files.filter((f) => f.startsWith('pagefind/'));
  const pagefindBytes = pagefind.length ? pagefind.reduce((s, f) => s + statSync(join(outDir, f)).size, 0) : undefined;
  const result: RunResult = {
    years: n,
    corpusMs,
    checkMs,
    checkCpuS,
    checkWarnings: counts.warning,
    buildMs: b.ms,
    staticRoutesMs: parsePhase(b.log, /generating static routes[\s\S]*?✓ Completed in ([\d.]+)(ms|s)\./),
    bundleMs: parsePhase(b.log, /\[vite\] ✓ built in ([\d.]+)(ms|s)/),
    phases: b.phases,
    maxRssMb: b.rssKb === undefined ? undefined : b.rssKb / 1024,
    cpuS: b.cpuS,
    loadBefore,
    htmlPages: html.length,
    reportPages: html.filter((f) => /^\d{4}\/index\.html$/.test(f)).length,
    comparePages: html.filter((f) => f.startsWith('compare/')).length,
    distBytes: dist.bytes,
    pagefindBytes,
    routes: routeTimings(b.log),
    retries,
    walls,
    routeBytes: routeSizes(outDir, dist.files),
    log: logFile,
  };
  console.log(`  最快 ${(b.ms / 1000).toFixed(1)} 秒：${result.htmlPages} 个页面（年度 ${result.reportPages}，对比 ${result.comparePages}），输出 ${mb(result.distBytes)}${pagefindBytes === undefined ? '，无搜索索引' : `，搜索索引 ${mb(pagefindBytes)}`}${result.maxRssMb ? `，峰值内存 ${result.maxRssMb.toFixed(0)} MB` : ''}`);
  return result;
}

// ---------------------------------------------------------------------------------------------

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const sec = (ms: number) => (ms / 1000).toFixed(1);
const msf = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function git(args: string[]): string {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function machine(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? '未知';
  return `${cpu.length} 核（${model}），内存 ${(totalmem() / 1024 ** 3).toFixed(1)} GB，${osType()} ${osRelease()}`;
}

function astroVersion(): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/** How the time grows between consecutive sizes: seconds per added year and per added page. */
function growth(results: RunResult[]): string[] {
  const lines: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1] as RunResult;
    const b = results[i] as RunResult;
    const perYear = (b.buildMs - a.buildMs) / (b.years - a.years);
    const dPages = b.htmlPages - a.htmlPages;
    const perPage = dPages ? (b.buildMs - a.buildMs) / dPages : undefined;
    const routeA = a.staticRoutesMs ?? 0;
    const routeB = b.staticRoutesMs ?? 0;
    const cpuPerYear = a.cpuS !== undefined && b.cpuS !== undefined ? ((b.cpuS - a.cpuS) * 1000) / (b.years - a.years) : undefined;
    const signed = (x: number) => `${x >= 0 ? '+' : ''}${msf(x)} ms`;
    lines.push(`| ${a.years} → ${b.years} | +${b.years - a.years} | ${dPages >= 0 ? '+' : ''}${dPages} | ${signed(perYear)} | ${cpuPerYear === undefined ? '—' : signed(cpuPerYear)} | ${perPage === undefined ? '—' : signed(perPage)} | ${signed((routeB - routeA) / (b.years - a.years))} |`);
  }
  return lines;
}

function report(results: RunResult[]): string {
  const date = new Date();
  const stamp = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) ? '（工作区有未提交的修改）' : '';
  const out: string[] = [];
  out.push(`## ${stamp} — 提交 ${commit || '?'}${dirty}`);
  out.push('');
  out.push(`机器：${machine()}；Node ${process.version}；Astro ${astroVersion()}；种子 ${seed}。对外公开版，每次构建前清空该内容的 Astro 缓存${repeat > 1 ? `；每个规模构建 ${repeat} 次取最快（各次墙钟：${results.map((r) => `${r.years} 年 ${r.walls.map((w) => sec(w)).join('/')} s`).join('，')}）` : ''}。`);
  out.push('');
  out.push('| 年数 | 页面 | 其中对比页 | 构建（墙钟） | 构建（CPU） | 每份年度报告 | 每个页面 | 生成页面阶段 | 峰值内存 | 输出 | 搜索索引 | npm run check | 构建前负载 |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    out.push(`| ${r.years} | ${r.htmlPages} | ${r.comparePages} | ${sec(r.buildMs)} s | ${r.cpuS === undefined ? '—' : `${r.cpuS.toFixed(1)} s`} | ${msf(r.buildMs / r.reportPages)} ms | ${msf(r.buildMs / r.htmlPages)} ms | ${r.staticRoutesMs === undefined ? '—' : `${sec(r.staticRoutesMs)} s`} | ${r.maxRssMb === undefined ? '—' : `${r.maxRssMb.toFixed(0)} MB`} | ${mb(r.distBytes)} | ${r.pagefindBytes === undefined ? '无' : mb(r.pagefindBytes)} | ${(r.checkMs / 1000).toFixed(2)} s${r.checkCpuS === undefined ? '' : `（CPU ${r.checkCpuS.toFixed(2)} s）`} | ${r.loadBefore.toFixed(1)} |`);
  }
  out.push('');
  const note = linearityNote(results);
  if (note.length) {
    out.push('线性判断：');
    out.push('');
    out.push(...note);
    out.push('');
  }
  const retried = results.filter((r) => r.retries > 0);
  if (retried.length) {
    out.push(`注：${retried.map((r) => `${r.years} 年的构建失败后重试了 ${r.retries} 次`).join('，')}（同一项目目录中另一个构建同时运行，改写了共用的 .astro/）；表中是成功的一次。`);
    out.push('');
  }
  if (results.length > 1) {
    out.push('增长（线性时“每多一年”应大致不变；对比页在 30 年以内是两两组合，之后只有相邻年份和各年对最新一年）：');
    out.push('');
    out.push('| 年数 | 多出的年 | 多出的页面 | 墙钟：每多一年 | CPU：每多一年 | 墙钟：每多一个页面 | 生成页面阶段：每多一年 |');
    out.push('|---|---:|---:|---:|---:|---:|---:|');
    out.push(...growth(results));
    out.push('');
  }
  out.push('构建各阶段的墙钟时间（按各阶段结束时 Astro 日志行到达的时刻划分）：');
  out.push('');
  out.push(`| 阶段 | ${results.map((r) => `${r.years} 年`).join(' | ')} |`);
  out.push(`|---|${results.map(() => '---:').join('|')}|`);
  for (const name of [...PHASE_ENDS.map(([n]) => n), '写入、收尾']) {
    out.push(`| ${name} | ${results.map((r) => (r.phases.has(name) ? `${sec(r.phases.get(name) as number)} s` : '—')).join(' | ')} |`);
  }
  out.push('');
  // One table per measure: a row per page type, a column per corpus size.
  const perPageType = <T extends { pages: number }>(title: string, of: (r: (typeof results)[number]) => Map<string, T>, cell: (t: T) => string) => {
    const types = [...new Set(results.flatMap((r) => [...of(r).keys()]))];
    if (!types.length) return;
    out.push(title, '', `| 页面类型 | ${results.map((r) => `${r.years} 年`).join(' | ')} |`, `|---|${results.map(() => '---:').join('|')}|`);
    for (const type of types) {
      out.push(`| ${type} | ${results.map((r) => { const t = of(r).get(type); return t ? cell(t) : '—'; }).join(' | ')} |`);
    }
    out.push('');
  };
  perPageType('每类页面的平均生成时间（Astro 日志中每个页面的耗时；页面自身的工作不随年数增长时，这一列应大致不变）：', (r) => r.routes, (t) => `${msf(t.ms / t.pages)} ms × ${t.pages}`);
  perPageType('每类页面的平均大小（只显示一个年份或一对年份的页面应大致不变；列出全部年份的页面随年数线性增长）：', (r) => r.routeBytes, (t) => `${(t.bytes / t.pages / 1024).toFixed(0)} KB`);
  return out.join('\n');
}

const HEADER = `# 性能基准（BENCHMARKS）

\`npm run bench\` 的结果，最新的一次在最前。测的是构建时间怎样随年数增长：内容由 \`bench/corpus.ts\`
从 \`content/\` 的指标登记表和 2022 年报告生成（每年的数字、措辞、条目顺序都不同，全部通过 \`npm run check\`），
每个规模完整构建一次对外公开版（构建前清空 Astro 缓存），并计时运行一次内容检查。

设计要求线性：整个构建只读取一次全部报告；对比页在 30 年以内是两两组合（n(n−1)/2），超过 30 年只有相邻年份和
各年对最新一年（约 2n），所以页面数本身在 30 年前后换一种增长方式。判断是否线性看“每类页面的平均生成时间”：
页面自身的工作不随年数增长时，这一列在各规模下应大致相同；某类页面的单页时间随年数上升，说明这类页面在每页里
做了与年数成正比的工作（例如每个页面重新读取或计算整个报告集合）。

重新测量：\`npm run bench\`（约几分钟）；只测部分规模：\`npm run bench -- --sizes 5,20\`；快速试跑（不写入本文件）：
\`npm run bench -- --quick\`。
`;

function writeReport(section: string): void {
  let previous = '';
  if (existsSync(OUTPUT)) {
    const text = readFileSync(OUTPUT, 'utf8');
    const at = text.indexOf('\n## ');
    previous = at === -1 ? '' : text.slice(at + 1);
  }
  const tmp = `${OUTPUT}.tmp-${process.pid}`;
  writeFileSync(tmp, `${HEADER}\n${section}\n${previous ? `\n${previous.trimEnd()}\n` : ''}`);
  renameSync(tmp, OUTPUT);
}

// ---------------------------------------------------------------------------------------------

mkdirSync(BENCH_DIR, { recursive: true });
console.log(`nianbao 性能基准：${sizes.join('、')} 年；${machine()}；Node ${process.version}${hasTime ? '' : `（没有 ${TIME_BIN}，不记录峰值内存）`}`);
const results: RunResult[] = [];
for (const n of sizes) {
  console.log(`\n▶ ${n} 年`);
  results.push(await runSize(n));
}
const section = report(results);
console.log(`\n${section}`);
if (args.quick) {
  console.log('\n快速试跑：结果没有写入 BENCHMARKS.md。');
} else {
  writeReport(section);
  console.log(`\n✓ 结果已写入 ${OUTPUT}；每次构建的完整输出在 ${BENCH_DIR}/build-<年数>.log。`);
}
