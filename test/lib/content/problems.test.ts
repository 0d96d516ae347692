import { describe, expect, it } from 'vitest';
import { formatProblems, groupByFile, hasErrors, type Problem } from '../../../src/lib/content/problems.ts';

const problems: Problem[] = [
  { severity: 'warning', file: 'reports/2022.mdx', field: 'stats.a', line: 9, message: '和不等' },
  { severity: 'error', file: 'metrics.yaml', field: '[1].better', line: 14, message: 'better 无效', hint: '改为 up' },
  { severity: 'error', file: 'reports/2022.mdx', line: 3, message: '年份不符' },
  { severity: 'notice', file: 'reports/2010.mdx', message: '变化较大' },
];

describe('problems', () => {
  it('groups by file in order, errors first', () => {
    const groups = groupByFile(problems);
    expect(groups.map((g) => g.file)).toEqual(['metrics.yaml', 'reports/2010.mdx', 'reports/2022.mdx']);
    expect(groups[2].problems.map((p) => p.severity)).toEqual(['error', 'warning']);
  });
  it('formats each with its line, field and what to do, and a Chinese total', () => {
    const out = formatProblems(problems, '/site/content/');
    expect(out).toContain('/site/content/metrics.yaml\n  [错误] 第 14 行，字段 [1].better：better 无效\n      → 改为 up');
    expect(out).toContain('[警告] 第 9 行，字段 stats.a：和不等');
    expect(out.trim().split('\n').at(-1)).toBe('共 2 个错误，1 个警告，1 个提示。');
  });
  it('knows whether anything is an error', () => {
    expect(hasErrors(problems)).toBe(true);
    expect(hasErrors(problems.filter((p) => p.severity !== 'error'))).toBe(false);
  });
});
