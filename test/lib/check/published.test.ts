// A `published` date check accepts as a date but that cannot be the report's: /coverage/ judges each report
// on time or late by it, so a clerk's slip (the report's own year typed for the next) must not pass silently.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, publishedProblems } from '../../../src/lib/check/check.ts';
import type { ReportFrontmatter } from '../../../src/lib/content/report-schema.ts';
import { ROOT } from '../../helpers/sites.ts';

const report = (year: number, published?: string) => ({ file: `reports/${year}.mdx`, year, data: { year, title: 't', ...(published && { published }) } as unknown as ReportFrontmatter });

describe('published dates that cannot be the report’s', () => {
  it('a date in the report’s own year before December is a warning naming the file, the field and the likely date', () => {
    expect(publishedProblems(report(2024, '2024-01-17'))).toEqual([
      {
        severity: 'warning',
        file: 'reports/2024.mdx',
        field: 'published',
        message: 'published 是 2024-01-17，早于 2024 年 12 月：2024 年度的报告要在这一年过完以后（一般是 2025 年年初）才发布，是不是把年份写成了报告年度？',
        hint: '改成报告实际发布的日期，如 published: 2025-01-17；确实是这一天发布的，可以不改',
      },
    ]);
    expect(publishedProblems(report(2024, '2019-01-01'))).toHaveLength(1);
  });

  it('a date years after the report is a warning; the dates reports really have are not', () => {
    expect(publishedProblems(report(2024, '2099-12-31'))[0]).toMatchObject({ severity: 'warning', field: 'published', message: expect.stringContaining('晚了 75 年') });
    for (const ok of ['2024-12-28', '2025-01-17', '2025-03-31', '2026-06-30']) expect(publishedProblems(report(2024, ok)), ok).toEqual([]);
    expect(publishedProblems(report(2024))).toEqual([]);
  });

  it('check reports it for a series', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-published-')), 'a-xxgk');
    try {
      cpSync(join(ROOT, 'examples/county/cgz-xxgk'), dir, { recursive: true });
      const file = join(dir, 'reports/2024.mdx');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^published: .*$/m, 'published: 2024-01-17'));
      expect(checkContent(dir).problems.filter((p) => p.field === 'published')).toEqual([expect.objectContaining({ severity: 'warning', file: 'reports/2024.mdx' })]);
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
