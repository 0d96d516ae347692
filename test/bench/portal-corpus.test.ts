// The portal corpus generator (bench/portal-corpus.ts): deterministic, every report passes the portal check with no
// errors and no warnings, all three gov-info layouts occur, the texts differ, and one more year can be added.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addPortalReport, generatePortalCorpus, layoutOf, portalSeries, writeBareCorpus } from '../../bench/portal-corpus.ts';
import { checkPortal } from '../../src/lib/portal/check-portal.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-portal-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx') || f.endsWith('.yaml'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

describe('portal corpus', () => {
  it('is the same for the same seed and size, and different for another seed', () => {
    const a = generatePortalCorpus(join(tmp, 'a'), { offices: 5, years: 3 });
    const b = generatePortalCorpus(join(tmp, 'b'), { offices: 5, years: 3 });
    const c = generatePortalCorpus(join(tmp, 'c'), { offices: 5, years: 3, seed: 7 });
    expect(a.reports).toBe(15);
    expect(files(a.dir)).toEqual(files(b.dir));
    expect(files(c.dir)).not.toEqual(files(a.dir));
  });

  it('40 series by default: 36 gov-info, the others 全面从严治党 or 工作总结, in the three groups', () => {
    const series = portalSeries(40);
    expect(series.filter((s) => s.kind === 'gov-info-disclosure')).toHaveLength(36);
    expect(new Set(series.map((s) => s.kind))).toEqual(new Set(['gov-info-disclosure', 'party-governance', 'general']));
    expect(new Set(series.map((s) => s.office.group))).toEqual(new Set(['县政府', '政府部门', '乡镇街道']));
    expect(new Set(series.map((s) => s.id)).size).toBe(40);
    expect(new Set(portalSeries(6).map((s) => s.office.group)).size).toBe(3);
  });

  it('passes the portal check with no errors and no warnings, over all three layouts (2015–2024)', () => {
    const corpus = generatePortalCorpus(join(tmp, 'check'), { offices: 10, years: 10 });
    expect(corpus.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(new Set(corpus.years.map(layoutOf))).toEqual(new Set(['pre-2019', '2019', '2021']));
    const result = checkPortal(corpus.dir);
    const bad = result.problems.filter((p) => p.severity !== 'notice');
    expect(bad.map((p) => `${p.file}：${p.message}`)).toEqual([]);
    expect(result.series).toHaveLength(10);
    for (const s of result.series) expect(s.result.reports.map((r) => r.year)).toEqual(corpus.years);
    // Every cell of every table filled, and the tables' sums hold: no problem at all of those kinds, even as notices.
    const gov = result.series.find((s) => s.id === 'xzf-xxgk')!;
    const r2022 = gov.result.reports.find((r) => r.year === 2022)!;
    expect(r2022.data.stats['requests-new-total']).toMatchObject({ kind: 'exact' });
  });

  it('varies the text by office and year; most reports are published in January, every report has a date', () => {
    const corpus = generatePortalCorpus(join(tmp, 'vary'), { offices: 12, years: 6 });
    const bodies: string[] = [];
    let january = 0;
    for (const s of corpus.series) {
      for (const y of s.years) {
        const text = readFileSync(join(corpus.dir, s.id, 'reports', `${y}.mdx`), 'utf8');
        const published = /^published: (\d{4})-(\d{2})-\d{2}$/m.exec(text)!;
        expect(Number(published[1])).toBe(y + 1);
        if (published[2] === '01') january++;
        bodies.push(text.slice(text.indexOf('\n---\n')).replace(/\d+/g, '#').replace(/青禾县[^\s，。、（）“”]{0,12}?(局|办公室|政府|镇|乡|街道|办事处)/g, 'X'));
      }
    }
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(january / bodies.length).toBeGreaterThan(0.9);
    // Realistic length: a gov-info report's prose is a page or two, not a line.
    const one = readFileSync(join(corpus.dir, 'xzf-xxgk', 'reports', '2023.mdx'), 'utf8');
    const prose = one.split('\n').filter((l) => l && !l.startsWith('|') && !l.startsWith('  ') && !l.startsWith('#')).join('');
    expect(prose.length).toBeGreaterThan(1200);
  });

  it('adds one more year to one office that still checks clean (上年结转 = 结转下年度), and emits a bare corpus', () => {
    const corpus = generatePortalCorpus(join(tmp, 'add'), { offices: 4, years: 3 });
    const added = addPortalReport(corpus.dir);
    expect(added).toMatchObject({ series: 'fgj-xxgk', year: 2025 });
    // The same text the generator gives for that year.
    const longer = generatePortalCorpus(join(tmp, 'add-longer'), { offices: 4, years: 4, lastYear: 2025 });
    expect(readFileSync(added.file, 'utf8')).toBe(readFileSync(join(longer.dir, 'fgj-xxgk', 'reports', '2025.mdx'), 'utf8'));
    const bad = checkPortal(corpus.dir).problems.filter((p) => p.severity !== 'notice');
    expect(bad).toEqual([]);

    const bare = writeBareCorpus(corpus.dir, join(tmp, 'bare'));
    expect(bare.reports).toHaveLength(13);
    expect(readdirSync(join(bare.dir, 'reports')).sort()).toEqual(bare.reports.map((r) => r.file.slice('reports/'.length)));
    expect(bare.reports[0]).toEqual({ file: 'reports/0001.mdx', series: corpus.series.map((s) => s.id).sort()[0], year: 2022 });
    const first = bare.reports[0]!;
    expect(readFileSync(join(bare.dir, first.file), 'utf8')).toBe(readFileSync(join(corpus.dir, first.series, 'reports', `${first.year}.mdx`), 'utf8'));
  });
});
