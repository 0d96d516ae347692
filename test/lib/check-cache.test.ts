import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedCheck, checkFingerprint } from '../../src/lib/check-cache.ts';
import type { CheckResult } from '../../src/lib/check.ts';
import type { Problem } from '../../src/lib/problems.ts';

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
