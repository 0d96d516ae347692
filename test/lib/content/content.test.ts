import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, splitFrontmatter, parseYaml } from '../../../src/lib/content/content.ts';
import { checkContent } from '../../../src/lib/check/check.ts';
import { ROOT } from '../../helpers/sites.ts';

const fixture = (name: string) => join(ROOT, 'test/fixtures', name);

describe('loading a content folder', () => {
  it('reads the committed content: 21 metrics and the 2022 report', () => {
    const c = loadContent(join(ROOT, 'content'));
    expect(c.problems).toEqual([]);
    expect(c.registry.metrics).toHaveLength(21);
    expect(c.reports.map((r) => r.year)).toEqual([2022]);
    expect(Object.keys(c.reports[0].data.stats)).toHaveLength(21);
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const c = checkContent(fixture('crlf-bom'));
    expect(c.problems).toEqual([]);
    expect(c.reports[0].body).not.toContain('\r');
  });

  it('sorts reports by year', () => {
    expect(loadContent(fixture('series')).reports.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('says what to do when the folder does not exist', () => {
    const c = loadContent(fixture('no-such-folder'));
    expect(c.problems[0]).toMatchObject({ severity: 'error', hint: expect.stringContaining('NIANBAO_CONTENT') });
  });
});

describe('frontmatter', () => {
  it('splits frontmatter and maps body lines to file lines', () => {
    const s = splitFrontmatter('---\nyear: 2022\ntitle: x\n---\n\n正文第一段\n')!;
    expect(s.frontmatter).toBe('year: 2022\ntitle: x');
    expect(s.body).toBe('\n正文第一段\n');
    expect(s.bodyLineOffset).toBe(4);
  });
  it('has none when the file does not start with ---', () => {
    expect(splitFrontmatter('year: 2022\n')).toBeUndefined();
  });
  it('reports YAML errors with their line in the file', () => {
    const y = parseYaml('year: 2022\ntitle: "未闭合\nstats: {}\n', 'reports/2022.mdx', 1);
    expect(y.problems[0]).toMatchObject({ severity: 'error', file: 'reports/2022.mdx', message: expect.stringContaining('YAML') });
    expect(y.problems[0].line).toBeGreaterThanOrEqual(3);
  });
  it.each([
    ['stats:\n  meetings: **\n', 2, '没有加引号', '"**"'],
    ['stats:\n  meetings: **+\n', 2, '没有加引号', '"**+"'],
    ['year：2022\n', 1, '中文冒号', 'year: 2022'],
    ['year: 2022\n\ttitle: x\n', 2, 'Tab', '空格'],
    ['year:2022\ntitle: x\n', 1, 'YAML', '冒号后面要有一个空格'],
  ])('explains a common slip in Chinese: %j', (text, line, message, hint) => {
    const y = parseYaml(text, 'reports/2022.mdx');
    expect(y.problems).toHaveLength(1);
    expect(y.problems[0]).toMatchObject({ line, message: expect.stringContaining(message), hint: expect.stringContaining(hint) });
  });

  it('reports a duplicated key', () => {
    expect(parseYaml('year: 2022\nyear: 2023\n', 'x').problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('写了两次'), hint: expect.stringContaining('删除重复') });
  });
});
