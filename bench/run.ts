// npm run bench: nianbao's build side by side with a bare Astro + MDX + Pagefind build of the same reports
// (bench/baseline/), on generated corpora of N years (bench/corpus.ts). For each size, several cold runs
// of each, alternating which goes first; medians per phase; then the cost of adding one year to a built
// site. Results go to BENCHMARKS.md. A benchmark, not a test: nothing here passes or fails on time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { join } from 'node:path';
import { fail, parseCommandArgs } from '../src/cli/command.ts';
import { COMPILE_CACHE } from '../src/cli/astro-process.ts';
import { CHECK_CACHE } from '../src/cli/check-verdict.ts';
import { checkContent } from '../src/lib/check/check.ts';
import { hasErrors } from '../src/lib/content/problems.ts';
import { DEFAULT_SEED, generateCorpus, ROOT } from './corpus.ts';
import { addPortalReport, generatePortalCorpus, writeBareCorpus } from './portal-corpus.ts';
import { checkPortal } from '../src/lib/portal/check-portal.ts';
import { median, timed, type PhaseEnd, type Timed } from './measure.ts';

const HELP = `用法：npm run bench -- [--sizes 20,80,320] [--portal 20x10,40x10] [--runs N] [--quick] [--seed N]

与“裸”Astro + MDX + Pagefind 构建（bench/baseline/，同一 Astro、MDX、Pagefind 版本，每份报告一个页面，
再用 Pagefind 命令行建索引）对照，测量 nianbao 完整 npm run build 的耗时。对每个年数：
  · 生成 N 年的测试内容（由 content/ 的指标登记表和 2022 年报告变化而来，全部通过 npm run check）；
  · 两种构建各冷启动（清空缓存）构建 --runs 次，交替先后，取各阶段中位数，得出倍数；
  · 在最接近 80 年的规模上，测已构建的网站再加一年后 npm run build 的耗时（增量）。
结果写入 BENCHMARKS.md（最新的一次在最前）。生成的内容和构建结果在 .bench/ 中（不提交）。

选项：
  --sizes 20,80,320   要测的年数（默认 20,80,320）
  --portal 20x10,40x10  门户的规模（单位数x年数，默认 20x10,40x10；none 为不测）：同样对照裸构建，
                      并在最大的规模上测已构建的门户加入一个单位的一份新报告后的构建（增量）
  --runs N            每个规模每种构建的次数，取中位数（默认 3）
  --quick             快速试跑：只测 20 年、各 1 次，结果只打印，不写入 BENCHMARKS.md
  --seed N            内容生成的随机种子（默认 ${DEFAULT_SEED}）
  -h, --help          显示本说明`;

const BENCH_DIR = join(ROOT, '.bench');
const OUTPUT = join(ROOT, 'BENCHMARKS.md');
const BASELINE = join(ROOT, 'bench/baseline');
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND_BIN = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const WRAPPER = join(ROOT, 'src/cli/astro.ts');
const INCREMENTAL_NEAR = 80;

const args = parseCommandArgs(
  {
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      quick: { type: 'boolean', default: false },
      seed: { type: 'string' },
      portal: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  },
  HELP,
).values;
const sizes = (args.sizes ?? (args.quick ? '20' : '20,80,320')).split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) fail(`--sizes 应是逗号分隔的年数（1–1000），如 20,80，收到 ${args.sizes}`);
sizes.sort((a, b) => a - b);
const runs = args.runs === undefined ? (args.quick ? 1 : 3) : Number(args.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 15) fail(`--runs 必须是 1–15 的整数，收到 ${args.runs}`);
const portalSizes = (args.portal ?? (args.quick ? 'none' : '20x10,40x10')) === 'none' ? [] : (args.portal ?? '20x10,40x10').split(',').map((s) => {
  const m = /^(\d+)x(\d+)$/.exec(s.trim());
  const offices = Number(m?.[1]);
  const years = Number(m?.[2]);
  if (!m || offices < 1 || offices > 47 || years < 1 || years > 30) fail(`--portal 应是逗号分隔的“单位数x年数”（单位 1–47，年 1–30），如 40x10，或 none；收到 ${args.portal}`);
  return { offices, years };
});
const seed = args.seed === undefined ? DEFAULT_SEED : Number(args.seed);
if (!Number.isInteger(seed)) fail(`--seed 必须是整数，收到 ${args.seed}`);

// ---------------------------------------------------------------------------------------------
// The two builds, cut into the same phases.

const P = {
  startup: '启动（进程、加载配置；nianbao 同时检查内容）',
  sync: '内容同步、类型生成',
  bundle: '打包（Vite，编译报告 MDX）',
  render: '生成页面',
  search: '搜索索引（nianbao：生成页面时已在进行，这里是之后还要等的时间）',
  finish: '写入、替换输出目录',
} as const;
const PHASE_ORDER = [P.startup, P.sync, P.bundle, P.render, P.search, P.finish];

const ASTRO_PHASES: PhaseEnd[] = [
  { name: 'astro-start', end: /\[content\] Syncing content/ },
  { name: P.sync, end: /Collecting build info\.\.\.\s*\n[^\n]*✓ Completed/ },
  { name: P.bundle, end: /\[vite\] ✓ built in/ },
  { name: P.render, end: /generating static routes[\s\S]*?✓ Completed in/ },
];
const NIANBAO_PHASES: PhaseEnd[] = [
  { name: 'wrapper-start', end: /nianbao：内容目录/ },
  // The check runs beside Astro's start-up (src/cli/astro.ts), whose output is held until it has passed.
  { name: 'check-beside-startup', end: /内容检查通过/ },
  ...ASTRO_PHASES,
  { name: P.search, end: /\[nianbao:search-index\][^\n]*\n/ },
];

interface Build {
  ms: number;
  cpuS?: number;
  rssMb?: number;
  phases: Map<string, number>;
  log: string;
}

/** Our start-up pieces (the wrapper, the check beside Astro loading its config) are one phase. */
const STARTUP_PIECES = ['wrapper-start', 'check-beside-startup', 'astro-start'];
function foldStartup(t: Timed, extra: Map<string, number> = new Map()): Build {
  const phases = new Map<string, number>();
  const startup = STARTUP_PIECES.reduce((n, k) => n + (t.phases.get(k) ?? 0), 0);
  phases.set(P.startup, startup);
  for (const [k, v] of [...t.phases, ...extra]) if (!STARTUP_PIECES.includes(k)) phases.set(k, (phases.get(k) ?? 0) + v);
  return { ms: t.ms + [...extra.values()].reduce((a, b) => a + b, 0), cpuS: t.cpuS, rssMb: t.rssMb, phases, log: t.log };
}

function cleanEnv(contentDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('NIANBAO_') && !k.startsWith('npm_')) env[k] = v;
  return { ...env, NIANBAO_CONTENT: contentDir, NIANBAO_EDITION: 'public', ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/**
 * The Astro cache folders of the public edition (astro.config.mjs names one per content folder, kind and
 * registry): all of them, so a cold build is cold whatever goes into the name.
 */
function nianbaoCaches(): string[] {
  const dir = join(ROOT, 'node_modules/.astro');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('public-')).map((n) => join(dir, n)) : [];
}

function check(t: Timed, what: string): Timed {
  if (t.code !== 0) fail(`${what}失败（退出码 ${t.code}）：\n${t.log.slice(-3000)}`);
  return t;
}

/** `npm run build`, as an office runs it: check, Astro build with the search index, swap into the output folder. */
async function nianbaoBuild(contentDir: string, outDir: string, logFile: string, cold: boolean): Promise<Build> {
  if (cold) {
    rmSync(outDir, { recursive: true, force: true });
    for (const cache of nianbaoCaches()) rmSync(cache, { recursive: true, force: true });
    rmSync(CHECK_CACHE, { recursive: true, force: true }); // a cold build checks the content (src/lib/check/check-cache.ts)
  }
  // With the node options of the npm script (package.json).
  const t = await timed(process.execPath, ['--import', COMPILE_CACHE, WRAPPER, 'build', '--outDir', outDir], { cwd: ROOT, env: cleanEnv(contentDir), logFile, phases: NIANBAO_PHASES, tail: P.finish });
  return foldStartup(check(t, 'nianbao 构建'));
}

/** The bare baseline: Astro + MDX defaults over the same files, then the Pagefind CLI over the output. */
async function bareBuild(contentDir: string, outDir: string, logFile: string, cold: boolean): Promise<Build> {
  if (cold) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(join(BASELINE, 'node_modules'), { recursive: true, force: true });
    rmSync(join(BASELINE, '.astro'), { recursive: true, force: true });
  }
  const env = cleanEnv(contentDir);
  const astro = check(await timed(process.execPath, [ASTRO_BIN, 'build', '--root', BASELINE, '--outDir', outDir], { cwd: ROOT, env, logFile, phases: ASTRO_PHASES, tail: P.finish }), '裸 Astro 构建');
  const pf = check(await timed(process.execPath, [PAGEFIND_BIN, '--site', outDir], { cwd: ROOT, env, logFile: `${logFile}.pagefind`, phases: [], tail: P.search }), 'Pagefind 命令行');
  const b = foldStartup(astro, new Map([[P.search, pf.ms]]));
  if (astro.cpuS !== undefined && pf.cpuS !== undefined) b.cpuS = astro.cpuS + pf.cpuS;
  return b;
}

// ---------------------------------------------------------------------------------------------
// Output folders and pages.

function dirFiles(dir: string): { bytes: number; files: string[] } {
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
/** A portal's pages: its own at the root, then each series' under /<series>/ (the same types as a single series'). */
const PORTAL_ROUTE_TYPES: [string, RegExp][] = [
  ['门户首页 /', /^\/(index\.html)?$/],
  ['报送情况 /coverage/', /^\/coverage\//],
  ['数据汇总 /figures/', /^\/figures\//],
  ['问题审查 /review/', /^\/review\//],
  ['搜索 /search/', /^\/search\//],
  ...ROUTE_TYPES.filter(([name]) => !name.startsWith('首页') && !name.startsWith('搜索')).map(([name, re]): [string, RegExp] => [`系列${name.replace(' /', ' /<系列>/')}`, new RegExp(`^\\/[a-z][a-z0-9-]*${re.source.slice(1)}`)]),
  ['系列首页 /<系列>/', /^\/[a-z][a-z0-9-]*\/(index\.html)?$/],
];
let routeTypes = ROUTE_TYPES;
const routeType = (path: string) => routeTypes.find(([, re]) => re.test(path))?.[0] ?? '其他';

/** Per page type: pages and total ms, from Astro's "generating static routes" list (`├─ /2022/index.html (+12ms)`). */
function routeTimings(log: string): Map<string, { pages: number; ms: number }> {
  const out = new Map<string, { pages: number; ms: number }>();
  for (const m of log.matchAll(/[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const type = routeType(m[1] as string);
    const t = out.get(type) ?? { pages: 0, ms: 0 };
    t.pages++;
    t.ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    out.set(type, t);
  }
  return out;
}

function routeBytes(outDir: string, files: string[]): Map<string, { pages: number; bytes: number }> {
  const out = new Map<string, { pages: number; bytes: number }>();
  for (const f of files) {
    if (!f.endsWith('.html') && !/(?:^|\/)data\//.test(f)) continue;
    const type = routeType(`/${f}`);
    const t = out.get(type) ?? { pages: 0, bytes: 0 };
    t.pages++;
    t.bytes += statSync(join(outDir, f)).size;
    out.set(type, t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface Side {
  builds: Build[];
  html: number;
  files: number;
  bytes: number;
  pagefindBytes: number;
}

interface SizeResult {
  years: number;
  load: number[];
  nianbao: Side & { routes: Map<string, { pages: number; ms: number }>; routeBytes: Map<string, { pages: number; bytes: number }> };
  bare: Side & { routes: Map<string, { pages: number; ms: number }>; routeBytes: Map<string, { pages: number; bytes: number }> };
  incremental?: { nianbaoWarm: number; nianbaoAdd: number; bareAdd: number; nianbaoCold: number; bareCold: number };
}

const msOf = (side: Side) => median(side.builds.map((b) => b.ms));
/**
 * Each run's ratio (its nianbao build over the bare build next to it): on a machine whose speed drifts between
 * runs, the spread says how far to trust the ratio of the medians.
 */
function pairedRatios(r: SizeResult): string {
  const xs = r.nianbao.builds.map((b, i) => b.ms / (r.bare.builds[i]?.ms ?? NaN)).filter(Number.isFinite);
  if (xs.length < 2) return '—';
  return `${median(xs).toFixed(2)}×（${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}）`;
}
const phaseOf = (side: Side, name: string) => {
  const xs = side.builds.map((b) => b.phases.get(name)).filter((x): x is number => x !== undefined);
  return xs.length ? median(xs) : undefined;
};

function side(outDir: string, builds: Build[]): Side {
  const out = dirFiles(outDir);
  return {
    builds,
    html: out.files.filter((f) => f.endsWith('.html')).length,
    files: out.files.length,
    bytes: out.bytes,
    pagefindBytes: out.files.filter((f) => f.startsWith('pagefind/')).reduce((s, f) => s + statSync(join(outDir, f)).size, 0),
  };
}

/** Next year's report: the last one with its year moved on, so the site grows by exactly one report. */
function addYear(contentDir: string): { file: string; year: number } {
  const dir = join(contentDir, 'reports');
  const last = readdirSync(dir).filter((f) => /^\d{4}\.mdx$/.test(f)).sort().at(-1) as string;
  const year = Number(last.slice(0, 4)) + 1;
  const text = readFileSync(join(dir, last), 'utf8').replace(/^year: \d{4}$/m, `year: ${year}`).replace(/^title: \d{4}/m, `title: ${year}`);
  const file = join(dir, `${year}.mdx`);
  writeFileSync(file, text);
  return { file, year };
}

/** `runs` cold builds of each, alternating which goes first, so a slow start of the machine or a warm disk cache favours neither. */
async function coldRuns(nianbao: () => Promise<Build>, bareOne: () => Promise<Build>): Promise<{ ours: Build[]; bare: Build[]; load: number[] }> {
  const ours: Build[] = [];
  const bare: Build[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (['nianbao', 'bare'] as const) : (['bare', 'nianbao'] as const);
    for (const who of order) {
      load.push(loadavg()[0] ?? 0);
      process.stdout.write(`  第 ${i + 1}/${runs} 次 ${who === 'nianbao' ? 'nianbao npm run build' : '裸 Astro + Pagefind'}（冷缓存）…`);
      const b = who === 'nianbao' ? await nianbao() : await bareOne();
      (who === 'nianbao' ? ours : bare).push(b);
      console.log(` ${(b.ms / 1000).toFixed(1)} 秒${b.cpuS === undefined ? '' : `（CPU ${b.cpuS.toFixed(1)} 秒）`}`);
    }
  }
  return { ours, bare, load };
}

async function runSize(n: number, incremental: boolean): Promise<SizeResult> {
  const contentDir = join(BENCH_DIR, `corpus-${n}`);
  const ourDist = join(BENCH_DIR, `nianbao-${n}`);
  const bareDist = join(BENCH_DIR, `bare-${n}`);
  const corpus = generateCorpus(n, contentDir, seed);
  const checked = checkContent(contentDir);
  if (hasErrors(checked.problems)) fail(`生成的 ${n} 年内容没有通过检查（这是 bench/corpus.ts 的错误）：${checked.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => `${p.file}：${p.message}`).join('；')}`);
  console.log(`  内容：${corpus.years[0]}–${corpus.years.at(-1)} 年，${n} 份报告，${checked.registry.metrics.length} 个指标`);

  const { ours, bare, load } = await coldRuns(
    () => nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${n}.log`), true),
    () => bareBuild(contentDir, bareDist, join(BENCH_DIR, `bare-${n}.log`), true),
  );
  const ourSide = side(ourDist, ours);
  const result: SizeResult = {
    years: n,
    load,
    nianbao: { ...ourSide, routes: routeTimings(ours.at(-1)?.log ?? ''), routeBytes: routeBytes(ourDist, dirFiles(ourDist).files) },
    bare: { ...side(bareDist, bare), routes: routeTimings(bare.at(-1)?.log ?? ''), routeBytes: routeBytes(bareDist, dirFiles(bareDist).files) },
  };
  console.log(`  中位数：nianbao ${(msOf(result.nianbao) / 1000).toFixed(1)} 秒，裸构建 ${(msOf(result.bare) / 1000).toFixed(1)} 秒，${(msOf(result.nianbao) / msOf(result.bare)).toFixed(2)} 倍`);

  if (incremental) {
    // Both outputs and caches are warm from the last runs above. First an unchanged rebuild, then one more year.
    process.stdout.write('  增量：不改内容再构建一次…');
    const warm = await nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${n}-warm.log`), false);
    console.log(` ${(warm.ms / 1000).toFixed(1)} 秒`);
    const added = addYear(contentDir);
    try {
      process.stdout.write(`  增量：加入 ${added.year} 年后构建…`);
      const add = await nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${n}-add.log`), false);
      const bareAdd = await bareBuild(contentDir, bareDist, join(BENCH_DIR, `bare-${n}-add.log`), false);
      console.log(` nianbao ${(add.ms / 1000).toFixed(1)} 秒，裸构建 ${(bareAdd.ms / 1000).toFixed(1)} 秒`);
      result.incremental = { nianbaoWarm: warm.ms, nianbaoAdd: add.ms, bareAdd: bareAdd.ms, nianbaoCold: msOf(result.nianbao), bareCold: msOf(result.bare) };
    } finally {
      rmSync(added.file, { force: true });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// A portal: offices × years of one county (bench/portal-corpus.ts), against the bare build of the same reports.

interface PortalResult {
  offices: number;
  years: number;
  reports: number;
  load: number[];
  nianbao: SizeResult['nianbao'];
  bare: SizeResult['bare'];
  incremental?: { nianbaoWarm: number; nianbaoAdd: number; bareAdd: number; nianbaoCold: number; bareCold: number; series: string; year: number; rendered: number; cached: number };
}

async function runPortal(offices: number, years: number, incremental: boolean): Promise<PortalResult> {
  const name = `portal-${offices}x${years}`;
  const contentDir = join(BENCH_DIR, name);
  const bareDir = join(BENCH_DIR, `${name}-bare`);
  const ourDist = join(BENCH_DIR, `nianbao-${name}`);
  const bareDist = join(BENCH_DIR, `bare-${name}`);
  const corpus = generatePortalCorpus(contentDir, { offices, years, seed });
  const checked = checkPortal(contentDir);
  if (hasErrors(checked.problems)) fail(`生成的门户没有通过检查（这是 bench/portal-corpus.ts 的错误）：${checked.problems.filter((p) => p.severity === 'error').slice(0, 5).map((p) => `${p.file}：${p.message}`).join('；')}`);
  rmSync(bareDir, { recursive: true, force: true });
  writeBareCorpus(contentDir, bareDir);
  console.log(`  内容：${corpus.series.length} 个系列，${corpus.years[0]}–${corpus.years.at(-1)} 年，${corpus.reports} 份报告`);
  routeTypes = PORTAL_ROUTE_TYPES;
  const { ours, bare, load } = await coldRuns(
    () => nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${name}.log`), true),
    () => bareBuild(bareDir, bareDist, join(BENCH_DIR, `bare-${name}.log`), true),
  );
  const result: PortalResult = {
    offices,
    years,
    reports: corpus.reports,
    load,
    nianbao: { ...side(ourDist, ours), routes: routeTimings(ours.at(-1)?.log ?? ''), routeBytes: routeBytes(ourDist, dirFiles(ourDist).files) },
    bare: { ...side(bareDist, bare), routes: new Map(), routeBytes: new Map() },
  };
  console.log(`  中位数：nianbao ${(msOf(result.nianbao) / 1000).toFixed(1)} 秒，裸构建 ${(msOf(result.bare) / 1000).toFixed(1)} 秒，${(msOf(result.nianbao) / msOf(result.bare)).toFixed(2)} 倍`);
  if (incremental) {
    // The last cold build of each left its output and caches: an unchanged rebuild, then one office's new report.
    process.stdout.write('  增量：不改内容再构建一次…');
    const warm = await nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${name}-warm.log`), false);
    console.log(` ${(warm.ms / 1000).toFixed(1)} 秒`);
    const added = addPortalReport(contentDir, { seed });
    try {
      process.stdout.write(`  增量：${added.series} 加入 ${added.year} 年报告后构建…`);
      const add = await nianbaoBuild(contentDir, ourDist, join(BENCH_DIR, `nianbao-${name}-add.log`), false);
      rmSync(bareDir, { recursive: true, force: true });
      writeBareCorpus(contentDir, bareDir);
      const bareAdd = await bareBuild(bareDir, bareDist, join(BENCH_DIR, `bare-${name}-add.log`), false);
      // Astro marks the pages it copied from the last build (cached) and the ones it rendered again.
      const cached = (add.log.match(/\((?:cached|restored)\)/g) ?? []).length;
      const rendered = (add.log.match(/[├└]─ \/\S* \(\+/g) ?? []).length;
      console.log(` nianbao ${(add.ms / 1000).toFixed(1)} 秒（重新生成 ${rendered} 页，沿用 ${cached} 页），裸构建 ${(bareAdd.ms / 1000).toFixed(1)} 秒`);
      result.incremental = { nianbaoWarm: warm.ms, nianbaoAdd: add.ms, bareAdd: bareAdd.ms, nianbaoCold: msOf(result.nianbao), bareCold: msOf(result.bare), series: added.series, year: added.year, rendered, cached };
    } finally {
      rmSync(added.file, { force: true });
    }
  }
  routeTypes = ROUTE_TYPES;
  return result;
}

function reportPortal(results: PortalResult[]): string {
  if (results.length === 0) return '';
  const out: string[] = ['### 门户（多个单位的报告在一个网站）', ''];
  out.push('内容由 `bench/portal-corpus.ts` 生成：一个虚构县的各单位（大多是政府信息公开工作年度报告，2015–2018 年为统计表、2019–2020 年为 2019 年格式、2021 年起为 2021 年格式，另有几个主体责任报告和工作总结），全部通过 `npm run check`；裸构建是同样的报告放进一个文件夹（每份一个页面）。nianbao 还为每个单位生成它自己的全部页面（趋势、对比、每个指标一页、问题与措施），以及门户首页、报送情况、数据汇总（每个共有指标一页）、问题审查和一个跨单位的搜索索引。', '');
  out.push('| 单位 × 年 | 报告 | nianbao npm run build | 裸 Astro + MDX + Pagefind | 倍数 | 逐次倍数 | 页面 | 输出 |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const asSize = { ...r, years: r.reports } as unknown as SizeResult;
    out.push(`| ${r.offices} × ${r.years} | ${r.reports} | ${sec(msOf(r.nianbao))} | ${sec(msOf(r.bare))} | **${(msOf(r.nianbao) / msOf(r.bare)).toFixed(2)}×** | ${pairedRatios(asSize)} | ${r.nianbao.html} / ${r.bare.html} | ${mb(r.nianbao.bytes)} / ${mb(r.bare.bytes)} |`);
  }
  out.push('');
  if (results.length > 1) {
    const a = results[0] as PortalResult;
    const b = results.at(-1) as PortalResult;
    out.push(`增长：${a.reports} → ${b.reports} 份报告（${(b.reports / a.reports).toFixed(1)} 倍），nianbao ${(msOf(b.nianbao) / msOf(a.nianbao)).toFixed(2)} 倍，裸构建 ${(msOf(b.bare) / msOf(a.bare)).toFixed(2)} 倍；每多一份报告 nianbao +${((msOf(b.nianbao) - msOf(a.nianbao)) / (b.reports - a.reports)).toFixed(0)} ms，裸构建 +${((msOf(b.bare) - msOf(a.bare)) / (b.reports - a.reports)).toFixed(0)} ms。`, '');
  }
  const big = results.at(-1) as PortalResult;
  const types = [...big.nianbao.routes.keys()];
  if (types.length) {
    out.push(`nianbao 每类页面（${big.offices} × ${big.years}；生成耗时之和 / 页面数 / 平均大小）：`, '');
    out.push('| 页面类型 | 耗时、页面、大小 |', '|---|---:|');
    for (const t of types) out.push(`| ${t} | ${routeCell(big.nianbao, t)} |`);
    out.push('');
  }
  const inc = results.find((r) => r.incremental);
  if (inc?.incremental) {
    const x = inc.incremental;
    out.push(`加入一份报告（${inc.offices} × ${inc.years} 的门户已构建过，缓存和输出都在；${x.series} 加入 ${x.year} 年）：不改内容再构建 ${sec(x.nianbaoWarm)}；加入后 nianbao ${sec(x.nianbaoAdd)}（冷构建 ${sec(x.nianbaoCold)} 的 ${((x.nianbaoAdd / x.nianbaoCold) * 100).toFixed(0)}%；重新生成 ${x.rendered} 页，从上次构建沿用 ${x.cached} 页），裸构建 ${sec(x.bareAdd)}（冷构建 ${sec(x.bareCold)} 的 ${((x.bareAdd / x.bareCold) * 100).toFixed(0)}%）。`, '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// BENCHMARKS.md

const sec = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} 核（${cpu[0]?.model.replace(/\s+/g, ' ').trim() ?? '未知'}），内存 ${(totalmem() / 1024 ** 3).toFixed(1)} GB，${osType()} ${osRelease()}`;
}

function version(pkg: string): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

function git(argv: string[]): string {
  const r = spawnSync('git', argv, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

type Routed = { routes: Map<string, { pages: number; ms: number }>; routeBytes: Map<string, { pages: number; bytes: number }> };
function routeCell(side: Routed, type: string): string {
  const t = side.routes.get(type);
  const s = side.routeBytes.get(type);
  return t ? `${sec(t.ms)}，${t.pages} 页，${s ? `${(s.bytes / s.pages / 1024).toFixed(0)} KB/页` : ''}` : '—';
}

function report(results: SizeResult[]): string {
  const d = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) ? '（工作区有未提交的修改）' : '';
  const loads = results.flatMap((r) => r.load);
  const out: string[] = [];
  out.push(`## ${stamp} — 提交 ${git(['rev-parse', '--short', 'HEAD']) || '?'}${dirty}`, '');
  out.push(`机器：${machine()}；Node ${process.version}；Astro ${version('astro')}，@astrojs/mdx ${version('@astrojs/mdx')}，Pagefind ${version('pagefind')}；种子 ${seed}。`);
  out.push(`每个规模每种构建冷启动 ${runs} 次（清空 Astro 缓存和输出），交替先后，取中位数（“逐次倍数”是每次 nianbao 构建与紧挨着它的裸构建之比：中位数和最小–最大）；构建前 1 分钟负载 ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}。`, '');
  out.push('| 年数 | nianbao npm run build | 裸 Astro + MDX + Pagefind | 倍数 | 逐次倍数 | nianbao CPU | 裸构建 CPU | 页面 | 输出 | 峰值内存 |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const cpu = (s: Side) => { const xs = s.builds.map((b) => b.cpuS).filter((x): x is number => x !== undefined); return xs.length ? `${median(xs).toFixed(1)} s` : '—'; };
    const rss = (s: Side) => { const xs = s.builds.map((b) => b.rssMb).filter((x): x is number => x !== undefined); return xs.length ? `${Math.max(...xs).toFixed(0)}` : '—'; };
    out.push(`| ${r.years} | ${sec(msOf(r.nianbao))} | ${sec(msOf(r.bare))} | **${(msOf(r.nianbao) / msOf(r.bare)).toFixed(2)}×** | ${pairedRatios(r)} | ${cpu(r.nianbao)} | ${cpu(r.bare)} | ${r.nianbao.html} / ${r.bare.html} | ${mb(r.nianbao.bytes)}（${r.nianbao.files} 个文件）/ ${mb(r.bare.bytes)}（${r.bare.files}） | ${rss(r.nianbao)} / ${rss(r.bare)} MB |`);
  }
  out.push('');
  if (results.length > 1) {
    const a = results[0] as SizeResult;
    const b = results.at(-1) as SizeResult;
    out.push(`增长：${a.years} → ${b.years} 年（${(b.years / a.years).toFixed(0)} 倍），nianbao ${(msOf(b.nianbao) / msOf(a.nianbao)).toFixed(2)} 倍，裸构建 ${(msOf(b.bare) / msOf(a.bare)).toFixed(2)} 倍。`);
    for (let i = 1; i < results.length; i++) {
      const x = results[i - 1] as SizeResult;
      const y = results[i] as SizeResult;
      const per = (s: (r: SizeResult) => number) => (s(y) - s(x)) / (y.years - x.years);
      out.push(`- ${x.years} → ${y.years} 年：每多一年 nianbao +${per((r) => msOf(r.nianbao)).toFixed(0)} ms，裸构建 +${per((r) => msOf(r.bare)).toFixed(0)} ms。`);
    }
    out.push('');
  }
  out.push('各阶段（中位数；按各阶段结束时日志行到达的时刻划分；裸构建的“搜索索引”是 Pagefind 命令行）：', '');
  out.push(`| 阶段 | ${results.map((r) => `${r.years} 年 nianbao | ${r.years} 年 裸构建`).join(' | ')} |`);
  out.push(`|---|${results.map(() => '---:|---:').join('|')}|`);
  for (const name of PHASE_ORDER) out.push(`| ${name} | ${results.map((r) => `${sec(phaseOf(r.nianbao, name))} | ${sec(phaseOf(r.bare, name))}`).join(' | ')} |`);
  out.push('');
  const types = [...new Set(results.flatMap((r) => [...r.nianbao.routes.keys()]))];
  if (types.length) {
    out.push('nianbao 每类页面（Astro 日志中每个页面的生成耗时之和 / 页面数 / 平均大小；只显示一个年份或一对年份的页面，单页时间和大小应不随年数增长。nianbao 同时生成两个页面（build.concurrency: 2），每页耗时与另一页重叠，日志里的耗时也常落在下一个页面的行上，所以各类之和大于“生成页面”阶段，只宜比较各类的相对大小）：', '');
    out.push(`| 页面类型 | ${results.map((r) => `${r.years} 年`).join(' | ')} |`);
    out.push(`|---|${results.map(() => '---:').join('|')}|`);
    for (const type of types) {
      out.push(`| ${type} | ${results.map((r) => routeCell(r.nianbao, type)).join(' | ')} |`);
    }
    // The bare build has the report pages only: the same cell for them, to compare like with like.
    out.push(`| 裸构建：${ROUTE_TYPES[0]![0]} | ${results.map((r) => routeCell(r.bare, ROUTE_TYPES[0]![0])).join(' | ')} |`);
    out.push('');
  }
  const inc = results.find((r) => r.incremental);
  if (inc?.incremental) {
    const x = inc.incremental;
    out.push(`增量（${inc.years} 年的网站已构建过，缓存和输出都在）：不改内容再构建 ${sec(x.nianbaoWarm)}；加入一年后 nianbao ${sec(x.nianbaoAdd)}（冷构建 ${sec(x.nianbaoCold)} 的 ${((x.nianbaoAdd / x.nianbaoCold) * 100).toFixed(0)}%），裸构建 ${sec(x.bareAdd)}（冷构建 ${sec(x.bareCold)} 的 ${((x.bareAdd / x.bareCold) * 100).toFixed(0)}%）。`, '');
  }
  return out.join('\n');
}

const HEADER = `# 性能基准（BENCHMARKS）

\`npm run bench\` 的结果，最新的一次在最前。比较的是 nianbao 完整的 \`npm run build\`（内容检查、Astro 构建、搜索索引、
替换输出目录）和同一批报告的“裸”构建：\`bench/baseline/\` 中的最小 Astro 项目（Astro + @astrojs/mdx 默认设置，每份
报告一个页面），再用 Pagefind 命令行为输出建索引；两者用同一版本的 Astro、MDX 和 Pagefind。内容由 \`bench/corpus.ts\`
从 \`content/\` 的指标登记表和 2022 年报告生成（每年的数字、措辞、条目顺序都不同，全部通过 \`npm run check\`）。

倍数是 nianbao 相对裸构建多花的时间：nianbao 还生成趋势、对比、指标、问题与措施等页面，检查内容，按段落建索引。
目标：80 年和 320 年都不超过 1.5 倍，且 320 年与 80 年之比不差于裸构建。

重新测量：\`npm run bench\`（约十几分钟）；只测部分规模：\`npm run bench -- --sizes 20,80\`；快速试跑（不写入本文件）：
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
const incrementalAt = sizes.reduce((best, n) => (Math.abs(n - INCREMENTAL_NEAR) < Math.abs(best - INCREMENTAL_NEAR) ? n : best), sizes[0] as number);
console.log(`nianbao 性能基准：${sizes.join('、')} 年，每种构建各 ${runs} 次；${machine()}；Node ${process.version}`);
const results: SizeResult[] = [];
for (const n of sizes) {
  console.log(`\n▶ ${n} 年`);
  results.push(await runSize(n, n === incrementalAt));
}
const portals: PortalResult[] = [];
for (const [i, p] of portalSizes.entries()) {
  console.log(`\n▶ 门户 ${p.offices} 个单位 × ${p.years} 年`);
  portals.push(await runPortal(p.offices, p.years, i === portalSizes.length - 1));
}
const section = [report(results), reportPortal(portals)].filter(Boolean).join('\n\n');
console.log(`\n${section}`);
if (args.quick) console.log('\n快速试跑：结果没有写入 BENCHMARKS.md。');
else {
  writeReport(section);
  console.log(`\n✓ 结果已写入 ${OUTPUT}；每次构建的完整输出在 ${BENCH_DIR}/ 中。`);
}
