import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedCheck, checkFingerprint } from '../../../src/lib/check/check-cache.ts';
import { checkContent, type CheckResult } from '../../../src/lib/check/check.ts';
import { ROOT } from '../../helpers/sites.ts';
import { checkPortal, type PortalCheckResult } from '../../../src/lib/portal/check-portal.ts';
import type { Problem } from '../../../src/lib/content/problems.ts';

let root: string;
let content: string;
let code: string;
let cacheDir: string;
let runs: number;

/** A stand-in for checkContent: counts its runs and returns the given problems. */
const checker = (problems: Problem[] = []) => () => {
  runs++;
  return { reports: [{}, {}], registry: { metrics: [{}, {}, {}] }, problems } as unknown as CheckResult;
};
const run = (problems?: Problem[]) => cachedCheck(content, { cacheDir, codeDirs: [code], check: checker(problems) });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-check-cache-'));
  content = join(root, 'content');
  code = join(root, 'code');
  cacheDir = join(root, 'cache');
  mkdirSync(join(content, 'reports'), { recursive: true });
  mkdirSync(code);
  writeFileSync(join(content, 'metrics.yaml'), '- id: a\n');
  writeFileSync(join(content, 'reports', '2022.mdx'), '---\nyear: 2022\n---\n正文');
  writeFileSync(join(code, 'check.ts'), 'export {}');
  runs = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the pre-flight check cache', () => {
  it('checks once, then reuses the passed result while nothing changed', () => {
    expect(run()).toMatchObject({ cached: false, summary: { reports: 2, metrics: 3, notes: 0 } });
    expect(run()).toEqual({ cached: true, summary: { reports: 2, metrics: 3, notes: 0 }, problems: [] });
    expect(runs).toBe(1);
  });

  it('keeps a passed check’s warnings with it, for the pages that list them (a portal’s review)', () => {
    const warning: Problem = { severity: 'warning', file: 'reports/2022.mdx', field: 'stats.a', message: '总计不等于各项之和' };
    expect(run([warning])).toMatchObject({ cached: false, problems: [warning] });
    expect(run([])).toEqual({ cached: true, summary: { reports: 2, metrics: 3, notes: 1 }, problems: [warning] });
    expect(runs).toBe(1);
  });

  it('checks again when a report, a new file, the registry or the checking code changes', () => {
    run();
    writeFileSync(join(content, 'reports', '2022.mdx'), '---\nyear: 2022\n---\n正文改了');
    expect(run().cached).toBe(false);
    writeFileSync(join(content, 'reports', '2023.mdx'), '---\nyear: 2023\n---\n');
    expect(run().cached).toBe(false);
    writeFileSync(join(content, 'metrics.yaml'), '- id: b\n');
    expect(run().cached).toBe(false);
    writeFileSync(join(code, 'check.ts'), 'export const x = 1');
    expect(run().cached).toBe(false);
    expect(runs).toBe(5);
    expect(run().cached).toBe(true);
  });

  it('never remembers a failed check: its problems are found and listed every time', () => {
    const error: Problem = { severity: 'error', file: 'reports/2022.mdx', message: '错' };
    expect(run([error]).result?.problems).toEqual([error]);
    expect(run([error]).cached).toBe(false);
    expect(runs).toBe(2);
  });

  it('remembers warnings by their number', () => {
    const warning: Problem = { severity: 'warning', file: 'reports/2022.mdx', message: '提示' };
    run([warning, warning]);
    expect(run()).toMatchObject({ cached: true, summary: { notes: 2 } });
  });

  it('a damaged cache file only means checking again', () => {
    run();
    const file = join(cacheDir, readdirSync(cacheDir)[0] as string);
    writeFileSync(file, '{not json');
    expect(run().cached).toBe(false);
  });

  it('the fingerprint tells content folders apart and a missing folder is a fingerprint too', () => {
    const other = join(root, 'other');
    expect(checkFingerprint(content, [code])).not.toBe(checkFingerprint(other, [code]));
    expect(checkFingerprint(other, [code])).toMatch(/^[0-9a-f]{64}$/);
  });
});

// Issue 28 case 4: the check reads through symlinks, so the fingerprint must too.
describe('the check cache follows symlinks as the check does', () => {
  let outside: string;
  beforeEach(() => {
    outside = join(root, 'outside');
    mkdirSync(outside);
  });

  it('reports/ a symlink: editing a linked report checks again', () => {
    renameSync(join(content, 'reports'), join(outside, 'reports'));
    symlinkSync(join(outside, 'reports'), join(content, 'reports'));
    expect(run().cached).toBe(false);
    expect(run().cached).toBe(true);
    writeFileSync(join(outside, 'reports', '2022.mdx'), '---\nyear: 2022\n---\n改了');
    expect(run().cached).toBe(false);
    writeFileSync(join(outside, 'reports', '2023.mdx'), '---\nyear: 2023\n---\n');
    expect(run().cached).toBe(false);
    expect(run().cached).toBe(true);
  });

  it('a report file a symlink (relative or absolute): editing or re-pointing it checks again', () => {
    writeFileSync(join(outside, 'a.mdx'), '---\nyear: 2023\n---\n甲');
    writeFileSync(join(outside, 'b.mdx'), '---\nyear: 2023\n---\n乙');
    symlinkSync('../../outside/a.mdx', join(content, 'reports', '2023.mdx'));
    run();
    expect(run().cached).toBe(true);
    writeFileSync(join(outside, 'a.mdx'), '---\nyear: 2023\n---\n甲改');
    expect(run().cached).toBe(false);
    unlinkSync(join(content, 'reports', '2023.mdx'));
    symlinkSync(join(outside, 'b.mdx'), join(content, 'reports', '2023.mdx'));
    expect(run().cached).toBe(false);
    expect(run().cached).toBe(true);
  });

  it('a link to a link, metrics.yaml a symlink, the content folder itself a symlink', () => {
    writeFileSync(join(outside, 'metrics.yaml'), '- id: a\n');
    rmSync(join(content, 'metrics.yaml'));
    symlinkSync(join(outside, 'metrics.yaml'), join(outside, 'metrics-link.yaml'));
    symlinkSync(join(outside, 'metrics-link.yaml'), join(content, 'metrics.yaml'));
    const linked = join(root, 'linked-content');
    symlinkSync(content, linked);
    const runLinked = () => cachedCheck(linked, { cacheDir, codeDirs: [code], check: checker() });
    runLinked();
    expect(runLinked().cached).toBe(true);
    writeFileSync(join(outside, 'metrics.yaml'), '- id: b\n');
    expect(runLinked().cached).toBe(false);
    writeFileSync(join(content, 'reports', '2022.mdx'), '---\nyear: 2022\n---\n再改');
    expect(runLinked().cached).toBe(false);
  });

  it('a linked sub-folder (a series kept elsewhere) is read through', () => {
    mkdirSync(join(outside, 'series', 'reports'), { recursive: true });
    writeFileSync(join(outside, 'series', 'reports', '2022.mdx'), '甲');
    symlinkSync(join(outside, 'series'), join(content, 'series-a'));
    run();
    writeFileSync(join(outside, 'series', 'reports', '2022.mdx'), '乙');
    expect(run().cached).toBe(false);
  });

  it('a link that breaks, or a FIFO where a report should be, is not the passed content', () => {
    writeFileSync(join(outside, 'a.mdx'), '---\nyear: 2023\n---\n甲');
    symlinkSync(join(outside, 'a.mdx'), join(content, 'reports', '2023.mdx'));
    const before = checkFingerprint(content, [code]);
    rmSync(join(outside, 'a.mdx'));
    const dangling = checkFingerprint(content, [code]);
    expect(dangling).not.toBe(before);
    unlinkSync(join(content, 'reports', '2023.mdx'));
    expect(checkFingerprint(content, [code])).not.toBe(dangling);
    const plain = checkFingerprint(content, [code]);
    execFileSync('mkfifo', [join(content, 'reports', '2024.mdx')]);
    // Named, never read (reading a FIFO would block).
    expect(checkFingerprint(content, [code])).not.toBe(plain);
  });

  it('a link loop, or one folder linked twice, ends and still sees edits', () => {
    symlinkSync(content, join(content, 'reports', 'loop'));
    symlinkSync(join(content, 'reports'), join(content, 'again'));
    symlinkSync('self', join(content, 'self'));
    run();
    expect(run().cached).toBe(true);
    writeFileSync(join(content, 'reports', '2022.mdx'), '---\nyear: 2022\n---\n又改');
    expect(run().cached).toBe(false);
  });

  it('with the real check: a linked report edited into an error is never passed from the cache', () => {
    const dir = join(root, 'real');
    cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
    renameSync(join(dir, 'reports'), join(outside, 'reports'));
    symlinkSync(join(outside, 'reports'), join(dir, 'reports'));
    const real = () => cachedCheck(dir, { cacheDir, codeDirs: [code], check: (memo) => checkContent(dir, undefined, memo) });
    expect(real().result?.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(real().cached).toBe(true);
    const file = join(outside, 'reports', '2021.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('<Stat id="meetings" />', '<Stat id="no-such-metric" />'));
    const again = real();
    expect(again.cached).toBe(false);
    expect(again.result?.problems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'reports/2021.mdx', message: expect.stringContaining('no-such-metric') }));
  });
});

describe('each unchanged report checked once (the real check on the five-year fixture)', () => {
  let dir: string;
  let cache: string;
  let hits: number;
  beforeEach(() => {
    dir = join(root, 'series');
    cache = join(root, 'real-cache');
    cpSync(join(ROOT, 'test/fixtures/series'), dir, { recursive: true });
    hits = 0;
  });
  const real = () =>
    cachedCheck(dir, {
      cacheDir: cache,
      codeDirs: [code],
      check: (memo) => checkContent(dir, undefined, { get: (r, p) => { const x = memo.get(r, p); if (x) hits++; return x; }, set: (r, p, x) => memo.set(r, p, x) }),
    });
  const addYear = (year: number, edit = (t: string) => t) => {
    const text = readFileSync(join(dir, 'reports', `${year - 1}.mdx`), 'utf8').replace(/^year: \d{4}$/m, `year: ${year}`).replace(/^title: \d{4}/m, `title: ${year}`);
    writeFileSync(join(dir, 'reports', `${year}.mdx`), edit(text));
  };

  it('after a year is added, only the new report (and the year after a changed one) is checked again, with the same problems as a full check', () => {
    expect(real().result?.reports).toHaveLength(5);
    expect(hits).toBe(0);
    addYear(2024);
    const second = real();
    expect(hits).toBe(5);
    expect(second.result?.problems).toEqual(checkContent(dir).problems);
    // a changed report: it and the year after it are checked again
    hits = 0;
    writeFileSync(join(dir, 'reports', '2021.mdx'), readFileSync(join(dir, 'reports', '2021.mdx'), 'utf8').replace(/\n\n([^\n]+)\n/, '\n\n$1改\n'));
    const third = real();
    expect(hits).toBe(4);
    expect(third.result?.problems).toEqual(checkContent(dir).problems);
  });

  it('a problem written into a new report is found, and a changed registry checks every report again', () => {
    real();
    addYear(2024, (t) => t.replace(/<Stat id="[^"]+"/, '<Stat id="no-such-metric"'));
    const found = real().result?.problems.filter((p) => p.file === 'reports/2024.mdx' && p.severity === 'error') ?? [];
    expect(found.length).toBeGreaterThan(0);
    hits = 0;
    writeFileSync(join(dir, 'metrics.yaml'), `${readFileSync(join(dir, 'metrics.yaml'), 'utf8')}\n`);
    real();
    expect(hits).toBe(0);
  });
});

describe('a portal is fingerprinted whole, its reports remembered by their path in it', () => {
  let dir: string;
  let cache: string;
  let hits: number;
  beforeEach(() => {
    dir = join(root, 'portal');
    cache = join(root, 'portal-cache');
    cpSync(join(ROOT, 'test/fixtures/portal'), dir, { recursive: true });
    // The fixture's deliberate error taken out, so the portal passes and is remembered.
    const bad = join(dir, 'jd-dhjd', 'reports', '2024.mdx');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('  new-jobs: 300\n', ''));
    hits = 0;
  });
  const summarize = (r: PortalCheckResult) => ({ series: r.series.length, reports: r.series.reduce((n, s) => n + s.result.reports.length, 0), metrics: 0, notes: r.problems.length });
  const real = () =>
    cachedCheck(dir, {
      cacheDir: cache,
      codeDirs: [code],
      check: (memo) => checkPortal(dir, undefined, { get: (r, p) => { const x = memo.get(r, p); if (x) hits++; return x; }, set: (r, p, x) => memo.set(r, p, x) }),
      summarize,
    });

  it('passes once, then is reused until a file of any series changes', () => {
    const first = real();
    expect(first).toMatchObject({ cached: false, summary: { series: 3, reports: 5 } });
    expect(real().cached).toBe(true);
    const report = join(dir, 'jwb-ztzr', 'reports', '2021.mdx');
    writeFileSync(report, readFileSync(report, 'utf8').replace('<Stat id="meetings" />', '<Stat id="no-such-metric" />'));
    const again = real();
    expect(again.cached).toBe(false);
    expect(again.result?.problems).toContainEqual(expect.objectContaining({ severity: 'error', file: 'jwb-ztzr/reports/2021.mdx', message: expect.stringContaining('no-such-metric') }));
    // Put back as it was when it passed: the same portal, the same verdict.
    writeFileSync(report, readFileSync(report, 'utf8').replace('<Stat id="no-such-metric" />', '<Stat id="meetings" />'));
    expect(real().cached).toBe(true);
    // A series' site.yaml (its group) is part of the fingerprint too.
    const site = join(dir, 'zfb-xxgk', 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('group: 区政府', 'group: 部门'));
    expect(real().cached).toBe(false);
  });

  it('two series with the same report file are two memos; a report added to one series checks only it', () => {
    real();
    expect(hits).toBe(0);
    const add = join(dir, 'jwb-ztzr', 'reports', '2022.mdx');
    writeFileSync(add, readFileSync(join(dir, 'jwb-ztzr', 'reports', '2021.mdx'), 'utf8').replace('year: 2021', 'year: 2022').replace('title: 2021', 'title: 2022'));
    const second = real();
    expect(hits).toBe(5);
    expect(second.result?.problems).toEqual(checkPortal(dir).problems);
    // A changed registry in one series: nothing is taken from the memo (the context changed).
    hits = 0;
    const metrics = join(dir, 'zfb-xxgk', 'metrics.yaml');
    writeFileSync(metrics, `${readFileSync(metrics, 'utf8')}\n`);
    expect(real().result?.problems).toEqual(checkPortal(dir).problems);
    expect(hits).toBe(0);
  });
});
