// The benchmark corpus generator: deterministic, valid content, years that differ. (No timing here: bench/run.ts measures.)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusYears, generateCorpus } from '../../bench/corpus.ts';
import { checkContent } from '../../src/lib/check/check.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (dir: string) => Object.fromEntries(readdirSync(join(dir, 'reports')).map((f) => [f, readFileSync(join(dir, 'reports', f), 'utf8')]));

describe('bench corpus', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const a = generateCorpus(6, join(tmp, 'a'));
    const b = generateCorpus(6, join(tmp, 'b'));
    const c = generateCorpus(6, join(tmp, 'c'), 7);
    expect(read(a.dir)).toEqual(read(b.dir));
    expect(read(c.dir)).not.toEqual(read(a.dir));
  });

  it('passes the content check (no errors) with one report per year', () => {
    const corpus = generateCorpus(12, join(tmp, 'check'));
    const result = checkContent(corpus.dir);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.reports.map((r) => r.year)).toEqual(corpus.years);
    expect(result.registry.metrics.length).toBeGreaterThan(10);
  });

  it('varies the figures (exact, "30+", masked, null) and the text from year to year', () => {
    const corpus = generateCorpus(12, join(tmp, 'vary'));
    const { reports } = checkContent(corpus.dir);
    const kinds = new Set(reports.flatMap((r) => Object.values(r.data.stats).map((v) => v.kind)));
    expect([...kinds].sort()).toEqual(['atLeast', 'exact', 'masked', 'missing']);
    const bodies = reports.map((r) => r.body.replace(/\d{4}/g, 'YYYY'));
    expect(new Set(bodies).size).toBe(bodies.length);
    for (const r of reports) {
      expect(r.data.title).toBe(`${r.year}年度落实全面从严治党主体责任情况报告`);
      expect(r.body).toContain(`${r.year}年`);
    }
  });

  it('ends at the same year and never starts before 1949', () => {
    expect(corpusYears(5)).toEqual([2020, 2021, 2022, 2023, 2024]);
    const long = corpusYears(100);
    expect(long[0]).toBe(1949);
    expect(long).toHaveLength(100);
  });
});
