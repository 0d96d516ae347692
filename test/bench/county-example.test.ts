// examples/county, the demo portal (scripts/county-example.ts): `npm run check` finds no error and exactly the
// warnings planted in it, by file and kind; the problems check does not look for (a late date, a missing year) are
// in the files; and the committed files are what the script writes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, PLANTED, writeCountyExample, type Planted } from '../../scripts/county-example.ts';
import { checkPortal } from '../../src/lib/portal/check-portal.ts';
import { TEXT_TABLE_TERM } from '../../src/lib/kinds/gov-info-text.ts';
import type { Problem } from '../../src/lib/content/problems.ts';

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-county-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What kind of problem check reports, by its message. */
function kindOf(p: Problem): Planted['kind'] | 'other' {
  if (p.message.includes(TEXT_TABLE_TERM)) return 'text-table';
  if (/二、上年结转 为 \d+，但\d{4}年报告的 四、结转下年度继续办理/.test(p.message)) return 'carried-over';
  if (/ 应为 .* = \d+，报告为 \d+，相差 \d+/.test(p.message)) return 'sum-rule';
  if (/逾期|晚于|1月31日/.test(p.message)) return 'late';
  if (/缺|没有.*\d{4}年/.test(p.message)) return 'missing-year';
  return 'other';
}

describe('examples/county', () => {
  const result = checkPortal(EXAMPLE_DIR);

  it('has seven series in the three groups, mostly gov-info, one 全面从严治党, every site marked sample', () => {
    expect(result.config?.groups).toEqual(['县政府', '政府部门', '乡镇街道']);
    expect(result.series.map((s) => [s.id, s.group, s.result.site?.kind])).toEqual([
      ['cgz-xxgk', '乡镇街道', 'gov-info-disclosure'],
      ['jyj-xxgk', '政府部门', 'gov-info-disclosure'],
      ['jyj-ztzr', '政府部门', 'party-governance'],
      ['lxjd-xxgk', '乡镇街道', 'gov-info-disclosure'],
      ['scjgj-xxgk', '政府部门', 'gov-info-disclosure'],
      ['wjj-xxgk', '政府部门', 'gov-info-disclosure'],
      ['zfb-xxgk', '县政府', 'gov-info-disclosure'],
    ]);
    for (const s of result.series) expect(s.result.site?.sample).toBe(true);
    expect(result.config?.description).toContain('虚构');
  });

  it('checks with no errors and exactly the planted warnings, by file and kind', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    const found = warnings.map((p) => `${p.file} ${kindOf(p)} ${p.field ?? ''}`).sort();
    // A late date and a missing year are not check's to find today; if it comes to report them, only where planted.
    const optional = PLANTED.filter((p) => !p.field);
    const extra = found.filter((f) => optional.some((p) => f.startsWith(p.file.split('/')[0]!) && f.includes(` ${p.kind} `)));
    expect(found.filter((f) => !extra.includes(f))).toEqual(
      [
        'cgz-xxgk/reports/2022.mdx carried-over stats.requests-carried-over-natural-person',
        'cgz-xxgk/reports/2022.mdx carried-over stats.requests-carried-over-total',
        'scjgj-xxgk/reports/2023.mdx text-table stats.requests-new-total',
        'wjj-xxgk/reports/2022.mdx sum-rule stats.review-total',
      ].sort(),
    );
    for (const p of PLANTED.filter((x) => x.field)) expect(found).toContain(`${p.file} ${p.kind} ${p.field}`);
  });

  it('has the problems check does not look for: one report published after 31 January, one year missing inside a span', () => {
    const late: string[] = [];
    for (const s of result.series) {
      for (const r of s.result.reports) {
        const published = r.data.published!;
        expect(published.slice(0, 4)).toBe(String(r.year + 1));
        if (published > `${r.year + 1}-01-31`) late.push(`${s.id}/reports/${r.year}.mdx ${published}`);
      }
    }
    expect(late).toEqual(['jyj-xxgk/reports/2023.mdx 2024-03-15']);
    const years = Object.fromEntries(result.series.map((s) => [s.id, s.result.reports.map((r) => r.year)]));
    const gaps = Object.entries(years).filter(([, ys]) => ys.some((y, i) => i > 0 && y !== ys[i - 1]! + 1));
    expect(gaps).toEqual([['lxjd-xxgk', [2020, 2021, 2023, 2024]]]);
    expect(existsSync(join(EXAMPLE_DIR, 'lxjd-xxgk/reports/2022.mdx'))).toBe(false);
  });

  it('is what scripts/county-example.ts writes (regenerate it with npx node scripts/county-example.ts)', () => {
    const dir = join(tmp, 'county');
    writeCountyExample(dir);
    const list = (d: string) => readdirSync(d, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(mdx|yaml|md)$/.test(f)).sort();
    expect(list(dir)).toEqual(list(EXAMPLE_DIR));
    for (const f of list(dir)) expect(readFileSync(join(EXAMPLE_DIR, f), 'utf8'), f).toBe(readFileSync(join(dir, f), 'utf8'));
  });
});
