import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedCheck, checkFingerprint } from '../../../src/lib/content/check-cache.ts';
import { checkContent, type CheckResult } from '../../../src/lib/content/check.ts';
import { ROOT } from '../../helpers/sites.ts';
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
    expect(run()).toEqual({ cached: true, summary: { reports: 2, metrics: 3, notes: 0 } });
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
