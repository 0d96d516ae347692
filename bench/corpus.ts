// Benchmark corpora: a content folder of N years made from the committed content (metrics.yaml and the
// 2022 report as a template). Deterministic: the same seed and size always give the same files.
// Each year gets its own figures (exact, "30+", masked, null), its own year in the title and text, and
// slightly reordered and reworded items, so that no two reports are the same text.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadRegistry, splitFrontmatter } from '../src/lib/content/content.ts';
import type { Metric } from '../src/lib/content/metrics.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const TEMPLATE_DIR = join(ROOT, 'content');
export const TEMPLATE_YEAR = 2022;
export const DEFAULT_SEED = 20220116;
/** The last year of every corpus; corpora too long to end there start at 1949, the earliest valid year. */
export const LAST_YEAR = 2024;
const FIRST_VALID_YEAR = 1949;

/** mulberry32: small, fast, and the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function corpusYears(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`年数必须是正整数，收到 ${n}`);
  const first = Math.max(FIRST_VALID_YEAR, LAST_YEAR - n + 1);
  return Array.from({ length: n }, (_, i) => first + i);
}

/** A stat value as written in frontmatter (YAML scalar). */
type Written = number | string | null;

function yamlScalar(v: Written): string {
  if (v === null) return 'null';
  return typeof v === 'number' ? String(v) : `"${v}"`;
}

/** Typical size of each metric, from the digit count of the template's masked values ("**" → two digits). */
function magnitudes(templateStats: Record<string, unknown>, metrics: Metric[], rnd: () => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of metrics) {
    const raw = String(templateStats[m.id] ?? '**');
    const digits = Math.max(1, (raw.match(/\*/g) ?? []).length || String(Math.round(Number(raw) || 10)).length);
    out.set(m.id, Math.round(10 ** (digits - 1) * (2 + rnd() * 5)));
  }
  return out;
}

/** Figures for one year: mostly exact, some "30+", some masked, a few not reported; sumOf rules hold where exact. */
export function yearStats(metrics: Metric[], base: Map<string, number>, rnd: () => number): Record<string, Written> {
  const out: Record<string, Written> = {};
  for (const m of metrics) {
    // Within ±35% of the metric's size: a year-on-year change never looks like a typo (check flags >3×).
    const value = Math.max(1, Math.round((base.get(m.id) ?? 10) * (0.65 + rnd() * 0.7)));
    const r = rnd();
    if (r < 0.68) out[m.id] = value;
    else if (r < 0.78) out[m.id] = value >= 20 ? `${Math.floor(value / 10) * 10}+` : value;
    else if (r < 0.9) out[m.id] = `${'*'.repeat(String(value).length)}${rnd() < 0.3 ? '+' : ''}`;
    else if (r < 0.95) out[m.id] = value;
    else out[m.id] = null;
  }
  for (const m of metrics) {
    if (!m.sumOf) continue;
    const parts = m.sumOf.map((id) => out[id]);
    if (typeof out[m.id] === 'number' && parts.every((p) => typeof p === 'number')) out[m.id] = (parts as number[]).reduce((a, b) => a + b, 0);
  }
  return out;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const ITEM = /^([一二三四五六七八九十]{1,3})是/;

/** Rewordings applied to a whole report, each with some chance per year (never touching <Stat> ids, which are ASCII). */
const REWORDINGS: [RegExp, string][] = [
  [/进一步/g, '持续'],
  [/认真/g, '切实'],
  [/还不够/g, '仍不够'],
  [/严格按照/g, '严格对照'],
  [/深入学习/g, '扎实学习'],
  [/加大/g, '持续加大'],
  [/党员干部/g, '党员领导干部'],
  [/有待加强/g, '仍需加强'],
  [/薄弱环节/g, '短板弱项'],
  [/坚决/g, '坚定'],
];

/** A few random swaps of neighbouring items, then the ordinals 一是/二是… renumbered in the new order. */
function shuffleItems(items: string[], rnd: () => number): string[] {
  const out = [...items];
  const swaps = out.length < 2 ? 0 : 1 + Math.floor(rnd() * Math.min(3, out.length - 1));
  for (let s = 0; s < swaps; s++) {
    const i = Math.floor(rnd() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1] as string, out[i] as string];
  }
  return out.map((p, i) => p.replace(ITEM, `${ORDINALS[i]}是`));
}

/** The template body for another year: years moved, items reordered within each run of items, some words changed. */
export function yearBody(template: string, year: number, rnd: () => number): string {
  const shifted = template.replace(/20(2[0-9])/g, (m, d: string) => String(year + (Number(`20${d}`) - TEMPLATE_YEAR)));
  const blocks = shifted.trim().split(/\n\s*\n/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    out.push(...shuffleItems(run, rnd));
    run = [];
  };
  for (const b of blocks) {
    if (ITEM.test(b)) run.push(b);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  let text = out.join('\n\n');
  for (const [from, to] of REWORDINGS) if (rnd() < 0.4) text = text.replace(from, to);
  // One sentence that exists in this year only, so even two years with the same wording differ.
  text = text.replace(/现将有关情况汇报如下：/, `本年度共召开工委会议${8 + Math.floor(rnd() * 20)}次专题研究党风廉政建设。现将有关情况汇报如下：`);
  return `${text}\n`;
}

export interface Corpus {
  dir: string;
  years: number[];
}

/** Write a corpus of `n` years to `dir` (replaced whole: a half-written corpus is never left there). */
export function generateCorpus(n: number, dir: string, seed = DEFAULT_SEED, templateDir = TEMPLATE_DIR): Corpus {
  const years = corpusYears(n);
  const { registry, problems } = loadRegistry(templateDir);
  if (problems.length) throw new Error(`模板内容目录 ${templateDir} 的 metrics.yaml 有问题：${problems.map((p) => p.message).join('；')}`);
  const templateText = readFileSync(join(templateDir, 'reports', `${TEMPLATE_YEAR}.mdx`), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const split = splitFrontmatter(templateText);
  if (!split) throw new Error(`模板报告 ${TEMPLATE_YEAR}.mdx 没有 frontmatter`);
  const templateStats: Record<string, unknown> = {};
  const statsBlock = split.frontmatter.split('\nstats:\n')[1] ?? '';
  for (const line of statsBlock.split('\n')) {
    const m = /^\s+([a-z0-9-]+):\s*(.*)$/.exec(line);
    if (m) templateStats[m[1] as string] = (m[2] as string).replace(/^"|"$/g, '');
  }

  const rnd = prng(seed ^ n);
  const base = magnitudes(templateStats, registry.metrics, rnd);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'reports'), { recursive: true });
  copyFileSync(join(templateDir, 'metrics.yaml'), join(tmp, 'metrics.yaml'));
  copyFileSync(join(templateDir, 'site.yaml'), join(tmp, 'site.yaml'));
  for (const year of years) {
    const r = prng(seed ^ (year * 2654435761));
    const stats = yearStats(registry.metrics, base, r);
    const front = [
      '---',
      `year: ${year}`,
      `title: ${year}年度落实全面从严治党主体责任情况报告`,
      `published: ${year + 1}-01-${String(10 + Math.floor(r() * 18)).padStart(2, '0')}`,
      'stats:',
      ...registry.metrics.map((m) => `  ${m.id}: ${yamlScalar(stats[m.id] ?? null)}`),
      '---',
      '',
    ].join('\n');
    writeFileSync(join(tmp, 'reports', `${year}.mdx`), front + yearBody(split.body, year, r));
  }
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, years };
}
