// Issue 28, case 12: what check let through or explained badly. Numbers YAML reads as something else
// (0x1F, 1e21, 30 digits), dates that do not exist or carry a time, control characters, metric ids that
// are Object.prototype members, and YAML aliases — every one a Chinese problem with file, field and fix,
// all reported in one run, and nothing throws.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/lib/content/content.ts';
import { checkContent } from '../../../src/lib/check/check.ts';
import { MAX_STAT_DIGITS, MISSING, ownStat, parseStat, reportedMetrics, type StatValue } from '../../../src/lib/content/stat.ts';
import { publishedDate, reportFrontmatterSchema } from '../../../src/lib/content/report-schema.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { sectionKind } from '../../../src/lib/structure/section-kinds.ts';
import { buildSeries } from '../../../src/lib/series/series.ts';
import { renderBody } from '../../../src/lib/structure/report-text.ts';
import type { Problem } from '../../../src/lib/content/problems.ts';

const CJK = /[\u4e00-\u9fff]/;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-gaps-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'reports'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SITE = 'title: 测试\norganization: 测试单位\nkind: general\n';
const METRICS = '- id: meetings\n  label: 会议\n  public: true\n- id: constructor\n  label: 构造\n- id: to-string\n  label: 转换\n';
const report = (front: string, body = '正文。\n') => `---\nyear: 2023\ntitle: 2023年报告\n${front}---\n\n${body}`;

describe('numbers YAML would read as another number', () => {
  it.each([
    ['0x1F', '十六进制', '31'],
    ['0X1f', '十六进制', '31'],
    ['0o17', '八进制', '15'],
    ['1e21', '科学计数法', undefined],
    ['1E3', '科学计数法', undefined],
    ['2.5e-3', '科学计数法', undefined],
    ['123456789012345678901234567890', '30 位有效数字', undefined],
    ['1234567890123456', '16 位有效数字', undefined],
    ['12345678901234567.5', '18 位有效数字', undefined],
  ])('stats value %s, unquoted or quoted, is refused (%s)', (written, why, readAs) => {
    for (const yaml of [`a: ${written}`, `a: "${written}"`]) {
      const { data, problems } = parseYaml(yaml, 'x.yaml');
      expect(problems).toEqual([]);
      const r = parseStat((data as { a: unknown }).a);
      expect(r.ok, yaml).toBe(false);
      if (r.ok) continue;
      expect(r.message).toContain(why);
      expect(r.message).toMatch(CJK);
      if (readAs) expect(r.message).toContain(`会被读成 ${readAs}`);
    }
  });

  it('the lower-bound form is held to the same limit', () => {
    expect(parseStat('1234567890123456789+').ok).toBe(false);
    expect(parseStat('123456789012345+')).toEqual({ ok: true, value: { kind: 'atLeast', value: 123456789012345 } });
  });

  it('numbers handed over already parsed (js-yaml, JSON) are refused when they print in exponent form or lost digits', () => {
    for (const n of [1e21, 1e-7, 2 ** 60, Number.MAX_SAFE_INTEGER + 2]) expect(parseStat(n).ok, String(n)).toBe(false);
  });

  it('plain decimals up to the limit stay numbers', () => {
    const { data } = parseYaml(`a: 12\nb: 3.5\nc: 0.000001\nd: ${'9'.repeat(MAX_STAT_DIGITS)}\ne: 017\nf: -0`, 'x.yaml');
    expect(data).toEqual({ a: 12, b: 3.5, c: 0.000001, d: Number('9'.repeat(MAX_STAT_DIGITS)), e: 17, f: -0 });
    expect(parseStat(Number('9'.repeat(MAX_STAT_DIGITS)))).toEqual({ ok: true, value: { kind: 'exact', value: 999999999999999 } });
  });

  it('year: 0x7E6 is not read as 2022', () => {
    const { data } = parseYaml('year: 0x7E6', 'x.yaml');
    expect(data).toEqual({ year: '0x7E6' });
    expect(reportFrontmatterSchema(makeRegistry([])).safeParse({ year: '0x7E6', title: 't' }).success).toBe(false);
  });
});

describe('published', () => {
  it.each([
    ['2023-13-45', '月份只能是 01 到 12'],
    ['2023-00-10', '月份只能是 01 到 12'],
    ['2023-02-29', '2023年2月只有 28 天'],
    ['2023-04-31', '2023年4月只有 30 天'],
    ['2023-01-00', '2023年1月只有 31 天'],
    ['2023-01-16T10:00:00', '只写日期，不写时间'],
    ['2023-01-16 10:00', '只写日期，不写时间'],
    ['2023-1-16', 'YYYY-MM-DD'],
    ['2023年1月16日', 'YYYY-MM-DD'],
  ])('%s is refused in Chinese (%s), never with a regex', (written, why) => {
    const r = publishedDate(written);
    expect(typeof r).toBe('object');
    expect((r as { message: string }).message).toContain(why);
    const z = reportFrontmatterSchema(makeRegistry([])).safeParse({ year: 2023, title: 't', published: written });
    expect(z.success).toBe(false);
    const issue = z.error!.issues[0]!;
    expect(issue.path).toEqual(['published']);
    expect(issue.message).not.toMatch(/\/\^|regex|pattern|Invalid/i);
  });

  it('a real day passes, as a string or as the Date js-yaml makes of it; a Date with a time does not', () => {
    expect(publishedDate('2024-02-29')).toBe('2024-02-29');
    expect(publishedDate(new Date('2023-01-16T00:00:00Z'))).toBe('2023-01-16');
    expect(publishedDate(new Date('2023-01-16T10:00:00Z'))).toEqual({ message: expect.stringContaining('不写时间') });
    expect(publishedDate(new Date('x'))).toEqual({ message: expect.stringContaining('不是有效日期') });
    expect(reportFrontmatterSchema(makeRegistry([])).parse({ year: 2023, title: 't' }).published).toBeUndefined();
  });
});

describe('own properties only', () => {
  const stats: Record<string, StatValue> = { meetings: { kind: 'exact', value: 3 } };

  it('a metric id or heading named after an Object.prototype member finds nothing', () => {
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) expect(ownStat(stats, id)).toBeUndefined();
    expect(ownStat(stats, 'meetings')).toEqual({ kind: 'exact', value: 3 });
    // The report page's figure table lists what the report gives (it used `id in stats`).
    const ids = ['meetings', 'constructor', 'to-string', 'value-of'].map((id) => ({ id }));
    expect(reportedMetrics(ids, stats).map((m) => m.id)).toEqual(['meetings']);
    expect(reportedMetrics(ids, { ...stats, constructor: MISSING }).map((m) => m.id)).toEqual(['meetings', 'constructor']);
    expect(sectionKind('constructor', { 二: 'problems' })).toBe('other');
    expect(sectionKind('toString', {})).toBe('other');
    expect(sectionKind('二、存在的问题', { 二: 'measures' })).toBe('measures');
  });

  it('the series and the text of a report treat an unreported constructor as not reported', () => {
    const reg = makeRegistry([metricSchema.parse({ id: 'constructor', label: '构造' })]);
    const series = buildSeries(reg.metrics, [{ year: 2023, stats }]);
    expect(series.rows[0]!.cells[0]!.value).toEqual(MISSING);
    expect(renderBody('共<Stat id="constructor" />次。', stats).map((b) => b.text).join('')).toContain('—');
  });
});

describe('YAML aliases and control characters', () => {
  it('an anchor used 72 times is one problem that says what it is, not 72 about star values', () => {
    const uses = Array.from({ length: 72 }, (_, i) => `  - *x`).join('\n');
    const { problems } = parseYaml(`base: &x 1\nlist:\n${uses}\n`, 'metrics.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('*x 是 YAML 的别名');
    expect(problems[0]!.message).toContain('共 72 处');
    expect(problems[0]!.message).not.toContain('星号值');
    expect(problems[0]!.line).toBe(3);
  });

  it('a control character written as a YAML escape (\\0, \\e, \\x1b) is named too: the file text does not show it', () => {
    const { problems } = parseYaml('title: "a\\0b"\ndescription: "x\\e[31m"\nok: "a\\tb"\n', 'site.yaml');
    expect(problems.map((p) => p.line)).toEqual([1, 2]);
    expect(problems[0]!.message).toContain('U+0000（NUL）');
    expect(problems[1]!.message).toContain('U+001B（ESC）');
  });

  it('an unquoted masked value is still a star value missing its quotes, once per value', () => {
    const { problems } = parseYaml('stats:\n  a: **\n  c: **+\n', 'reports/2023.mdx', 1);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'YAML 格式错误：星号值 ** 没有加引号'],
      [4, 'YAML 格式错误：星号值 **+ 没有加引号'],
    ]);
  });
});

describe('check reports every gap at once, each with file, field and fix, and never throws', () => {
  it('a folder with all of them', () => {
    const dir = folder({
      'site.yaml': SITE,
      'metrics.yaml': METRICS,
      'reports/2021.mdx': report('published: 2021-13-45\nstats:\n  meetings: 0x1F\n'),
      'reports/2022.mdx': report('published: 2023-01-16T10:00:00\nstats:\n  meetings: 1e21\n').replace('2023', '2022').replace('2023年', '2022年'),
      'reports/2023.mdx': report('stats:\n  meetings: 123456789012345678901234567890\n'),
      'reports/2024.mdx': report('stats:\n  meetings: 2\n', '正文\u0000里有 NUL。\n').replace('year: 2023', 'year: 2024'),
      'reports/2025.mdx': report('stats:\n  meetings: &m 2\n  constructor: *m\n').replace('year: 2023', 'year: 2025'),
    });
    let problems: Problem[] = [];
    expect(() => (problems = checkContent(dir).problems)).not.toThrow();
    const errors = problems.filter((p) => p.severity === 'error');
    const of = (file: string) => errors.filter((p) => p.file === file);
    expect(of('reports/2021.mdx').map((p) => p.field).sort()).toEqual(['published', 'stats.meetings']);
    expect(of('reports/2022.mdx').map((p) => p.field).sort()).toEqual(['published', 'stats.meetings']);
    expect(of('reports/2023.mdx').map((p) => p.field)).toEqual(['stats.meetings']);
    expect(of('reports/2024.mdx')).toHaveLength(1);
    expect(of('reports/2024.mdx')[0]!.message).toContain('U+0000（NUL）');
    expect(of('reports/2024.mdx')[0]!.line).toBe(8);
    expect(of('reports/2025.mdx')).toHaveLength(1);
    expect(of('reports/2025.mdx')[0]!.message).toContain('别名');
    for (const p of errors) {
      expect(p.message, p.message).toMatch(CJK);
      expect(p.hint, p.message).toMatch(CJK);
      expect(`${p.message} ${p.hint}`).not.toMatch(/\/\^|Invalid|Error:|at .*\.ts/);
    }
  });

  it('a NUL or other control character in site.yaml or metrics.yaml is named with its line', () => {
    const dir = folder({ 'site.yaml': `${SITE}description: 说明\u001b[31m\n`, 'metrics.yaml': METRICS.replace('会议', '会\u0000议\u000c'), 'reports/2023.mdx': report('stats:\n  meetings: 2\n') });
    const problems = checkContent(dir).problems.filter((p) => p.severity === 'error');
    expect(problems.find((p) => p.file === 'site.yaml')!.message).toContain('U+001B（ESC）');
    expect(problems.find((p) => p.file === 'site.yaml')!.line).toBe(4);
    const m = problems.find((p) => p.file === 'metrics.yaml')!;
    expect(m.message).toContain('2 个看不见的控制字符');
    expect(m.message).toContain('第 2 行');
  });

  it('a registered metric constructor that a report does not give is not reported', () => {
    const dir = folder({ 'site.yaml': SITE, 'metrics.yaml': METRICS, 'reports/2023.mdx': report('stats:\n  meetings: 2\n', '共<Stat id="constructor" />次。\n') });
    const problems = checkContent(dir).problems;
    // The <Stat> names a metric the report gives no value for: the same error as for any other id.
    expect(problems.some((p) => p.severity === 'error' && p.file === 'reports/2023.mdx' && p.message.includes('constructor'))).toBe(true);
  });
});
