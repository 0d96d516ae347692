// A test copy of the county portal (examples/county) where both editions' cases occur across offices: some
// figures public, some hidden, some hidden in one office and public in another. Every hidden figure whose value
// no sum rule or sentence ties to another is replaced by a sentinel — a six-digit number no other file holds — so
// a leak of it, or of a total, a difference or a ranking made from it, can be found in any output file.
//
// What is changed (the answer key the tests read):
// - licensing-decisions, penalty-decisions: hidden in every gov-info series, every value a sentinel;
// - enforcement-decisions: hidden in jyj-xxgk and wjj-xxgk only (sentinels there), public in the other offices;
// - in jyj-xxgk, the rows （一）予以公开 and （二）部分公开 of every applicant column, values kept (the table's sum rules
//   must still hold): the 实质公开率 of that office, and the county's, is 已遮蔽; hiding a single cell would not do,
//   check finds it derivable from the public cells around it (and says so);
// - review-total and review-corrected: hidden in every gov-info series, values kept: the 复议纠错率 is 已遮蔽 everywhere;
// - jyj-ztzr (全面从严治党, all hidden already): every value a sentinel, 信访 received = closed + pending kept.
// `npm run check` on the copy finds exactly the planted problems of examples/county/README.md (test/build/portal.test.ts).
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIXED_COUNTY, ROOT } from './sites.ts';

export const COUNTY_SOURCE = join(ROOT, 'examples/county');
/** Where global setup writes the answer key of the copy it built (beside the copy, not in it: a portal's root holds series only). */
export const MIXED_COUNTY_KEY = `${MIXED_COUNTY}.json`;

export const GOV_INFO_SERIES = ['zfb-xxgk', 'jyj-xxgk', 'scjgj-xxgk', 'wjj-xxgk', 'cgz-xxgk', 'lxjd-xxgk'] as const;
export const PARTY_SERIES = 'jyj-ztzr';

const APPLICANTS = ['natural-person', 'business', 'research', 'public-interest', 'legal-services', 'other-org', 'total'];

/** Metric → the series where it is hidden, and whether its values there are replaced by sentinels. */
export const HIDDEN: Record<string, { series: readonly string[]; sentinel: boolean }> = {
  'licensing-decisions': { series: GOV_INFO_SERIES, sentinel: true },
  'penalty-decisions': { series: GOV_INFO_SERIES, sentinel: true },
  'enforcement-decisions': { series: ['jyj-xxgk', 'wjj-xxgk'], sentinel: true },
  ...Object.fromEntries(
    ['requests-granted', 'requests-partly-granted'].flatMap((row) => APPLICANTS.map((column) => [`${row}-${column}`, { series: ['jyj-xxgk'], sentinel: false }])),
  ),
  'review-total': { series: GOV_INFO_SERIES, sentinel: false },
  'review-corrected': { series: GOV_INFO_SERIES, sentinel: false },
};

/** A figure of one report as the copy holds it. */
export interface Figure {
  series: string;
  year: number;
  metric: string;
  value: number;
  hidden: boolean;
}

export interface MixedCounty {
  /** Every figure of the changed metrics and of jyj-ztzr, as written in the copy. */
  figures: Figure[];
  /** Hidden values that are sentinels, with every sum over offices and year-to-year difference of them: none may reach a public file. */
  sentinels: number[];
}

// A small deterministic generator: the copy is the same on every run.
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

const STAT_LINE = /^( {2})([a-z0-9-]+): (.*)$/;

/** Write the copy (replaced whole) and its answer key, as global setup does before building the sites on it. */
export function prepareMixedCounty(dir = MIXED_COUNTY): MixedCounty {
  const key = writeMixedCounty(dir);
  writeFileSync(`${dir}.json`, JSON.stringify(key));
  return key;
}

/** The answer key of the copy global setup wrote. */
export function mixedCounty(): MixedCounty {
  return JSON.parse(readFileSync(MIXED_COUNTY_KEY, 'utf8')) as MixedCounty;
}

/** Write the copy into `dir` (replaced whole) and return its answer key. */
export function writeMixedCounty(dir: string): MixedCounty {
  rmSync(dir, { recursive: true, force: true });
  cpSync(COUNTY_SOURCE, dir, { recursive: true });
  const next = generator(20260131);
  const used = new Set<number>();
  const sentinel = () => {
    for (;;) {
      const n = 500_000 + (next() % 500_000);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const figures: Figure[] = [];

  for (const series of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const hiddenHere = Object.entries(HIDDEN).filter(([, h]) => h.series.includes(series));
    if (hiddenHere.length) {
      const file = join(dir, series, 'metrics.yaml');
      let text = readFileSync(file, 'utf8');
      for (const [id] of hiddenHere) {
        const block = new RegExp(`(\\n- id: ${id}\\n(?:  .*\\n)*?  public: )true\\n`);
        if (!block.test(text)) throw new Error(`${series}/metrics.yaml: ${id} 没有 public: true`);
        text = text.replace(block, '$1false\n');
      }
      writeFileSync(file, text);
    }
    const reports = join(dir, series, 'reports');
    for (const name of readdirSync(reports).filter((f) => /^\d{4}\.mdx$/.test(f)).sort()) {
      const year = Number(name.slice(0, 4));
      const path = join(reports, name);
      const [, front, ...rest] = readFileSync(path, 'utf8').split(/^---$/m);
      const lines = front!.split('\n');
      const party = series === PARTY_SERIES;
      const ids = (line: string) => STAT_LINE.exec(line);
      for (let i = 0; i < lines.length; i++) {
        const m = ids(lines[i]!);
        if (!m) continue;
        const [, indent, metric, raw] = m;
        const rule = HIDDEN[metric!];
        const watched = party || rule;
        if (!watched || !/^\d+$/.test(raw!)) continue;
        const hidden = party || rule!.series.includes(series);
        let value = Number(raw);
        if (hidden && (party ? metric !== 'petitions-received' : rule!.sentinel)) {
          value = sentinel();
          lines[i] = `${indent}${metric}: ${value}`;
        }
        figures.push({ series, year, metric: metric!, value, hidden });
      }
      if (party) {
        // 受理信访 = 办结 + 在办 (the registry's sumOf), so check finds nothing new.
        const of = (id: string) => figures.find((f) => f.series === series && f.year === year && f.metric === id);
        const received = of('petitions-received');
        if (received) {
          received.value = (of('petitions-closed')?.value ?? 0) + (of('petitions-pending')?.value ?? 0);
          const at = lines.findIndex((l) => l.startsWith('  petitions-received: '));
          lines[at] = `  petitions-received: ${received.value}`;
        }
      }
      writeFileSync(path, ['', lines.join('\n'), ...rest].join('---'));
    }
  }
  return { figures, sentinels: sentinelsOf(figures) };
}

/** The sentinels and what can be made of them: each office's year-to-year difference, and each year's sum over offices. */
function sentinelsOf(figures: Figure[]): number[] {
  const isSentinel = (f: Figure) => f.hidden && (f.series === PARTY_SERIES || HIDDEN[f.metric]!.sentinel);
  const out = new Set<number>();
  for (const f of figures.filter(isSentinel)) {
    out.add(f.value);
    const before = figures.find((g) => g.series === f.series && g.metric === f.metric && g.year === f.year - 1);
    if (before && isSentinel(before)) out.add(Math.abs(f.value - before.value));
  }
  const byMetricYear = new Map<string, Figure[]>();
  for (const f of figures.filter((x) => x.series !== PARTY_SERIES)) {
    const key = `${f.metric} ${f.year}`;
    byMetricYear.set(key, [...(byMetricYear.get(key) ?? []), f]);
  }
  for (const fs of byMetricYear.values()) if (fs.some(isSentinel)) out.add(fs.reduce((n, f) => n + f.value, 0));
  // Differences too small to be told from ordinary figures are not sentinels.
  return [...out].filter((n) => n >= 10_000).sort((a, b) => a - b);
}
