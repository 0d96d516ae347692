// npm run check as a whole: the CLI on the test fixtures, checked against each fixture's README answer key.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNode, type RunResult } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const CHECK = join(ROOT, 'src/cli/check.ts');
const fixture = (name: string) => join(ROOT, 'test/fixtures', name);
const check = (name: string) => runNode(CHECK, [], { NIANBAO_CONTENT: fixture(name) }, 60_000);

/** The printed report, grouped: file (relative to the content folder) → its problem lines (with their advice). */
function groups(output: string, dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(`${dir}/`)) out.set(line.slice(dir.length + 1), (current = []));
    else if (line.startsWith('  [') && current) current.push(line);
    else if (line.startsWith('      → ') && current?.length) current[current.length - 1] += `\n${line}`;
    else if (!line.trim()) current = undefined;
  }
  return out;
}

function expectProblem(g: Map<string, string[]>, file: string, ...parts: (string | RegExp)[]): void {
  const lines = g.get(file);
  expect(lines, `${file} 应有问题`).toBeDefined();
  const hit = lines!.find((l) => parts.every((p) => (typeof p === 'string' ? l.includes(p) : p.test(l))));
  expect(hit, `${file} 中应有一条包含 ${parts.join(' + ')} 的问题；实际：\n${lines!.join('\n')}`).toBeDefined();
}

describe('npm run check on test/fixtures/broken (README answer key)', () => {
  let r: RunResult;
  let g: Map<string, string[]>;
  beforeAll(() => {
    r = check('broken');
    g = groups(r.output, fixture('broken'));
  });

  it('exits 1 and ends with the totals and what to do', () => {
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/共 \d+ 个错误，\d+ 个警告，\d+ 个提示。\n请按 → 后的提示逐条修改，再运行 npm run check。/);
  });

  it('row 1: site.yaml is valid', () => expect(g.has('site.yaml')).toBe(false));
  it('row 2: metrics.yaml better: higher', () => expectProblem(g, 'metrics.yaml', '[错误]', '第 14 行', '第2项（warning-education）.better', 'up', 'down', 'neutral'));
  it('row 3: metrics.yaml duplicate id inspections', () => expectProblem(g, 'metrics.yaml', '第 45 行', 'inspections', '重复', '第 3 项'));
  it('row 4: 2020.mdx year does not match the file name', () => expectProblem(g, 'reports/2020.mdx', '第 2 行', '字段 year', '2019', '2020.mdx', '→'));
  it('row 5: 2021.mdx "abc"', () => expectProblem(g, 'reports/2021.mdx', '第 5 行', 'stats.study-sessions', '“abc”', '"30+"'));
  it('row 6: 2021.mdx true', () => expectProblem(g, 'reports/2021.mdx', '第 6 行', 'stats.inspections', 'true'));
  it('row 7: 2021.mdx unknown id, did you mean', () => expectProblem(g, 'reports/2021.mdx', '第 7 行', 'stats.petitions-recieved', '是否应为 petitions-received'));
  it('row 8: 2021.mdx negative', () => expectProblem(g, 'reports/2021.mdx', '第 8 行', 'stats.petitions-closed', '-3', '负数'));
  it('row 9: 2021.mdx <Stat> without a value', () => expectProblem(g, 'reports/2021.mdx', '第 19 行', '<Stat id="petitions-pending">', 'stats'));
  it('row 10: 2022.mdx unclosed quote', () => expectProblem(g, 'reports/2022.mdx', '第 5 行', 'YAML', '引号'));
  it('row 11: 2023.mdx unclosed <Stat', () => expectProblem(g, 'reports/2023.mdx', '第 15 行', 'MDX', '第 16 列的 <Stat id="inspections" 次', '要以 /> 结束'));
  it('row 12: 2024.mdx is GB18030', () => expectProblem(g, 'reports/2024.mdx', '不是 UTF-8', 'GBK/GB18030', '另存'));
  it('row 13: notayear.mdx', () => expectProblem(g, 'reports/notayear.mdx', 'notayear.mdx', '年份.mdx'));

  it('files not named in the README have no problems, and every problem is an error', () => {
    expect([...g.keys()].sort()).toEqual(['metrics.yaml', 'reports/2020.mdx', 'reports/2021.mdx', 'reports/2022.mdx', 'reports/2023.mdx', 'reports/2024.mdx', 'reports/notayear.mdx']);
    expect([...g.values()].flat().every((l) => l.startsWith('  [错误]'))).toBe(true);
  });
});

describe('npm run check on valid folders', () => {
  it('crlf-bom passes cleanly', () => {
    const r = check('crlf-bom');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('✓ 内容检查通过');
  });

  it('series has no errors (exit 0); its warnings and notices are listed', () => {
    const r = check('series');
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('共 0 个错误');
    expect(r.stdout).toContain('没有错误，可以构建和发布');
  });

  it('the committed content passes cleanly', () => {
    const r = runNode(CHECK, [], { NIANBAO_CONTENT: join(ROOT, 'content') });
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('✓ 内容检查通过');
  });
});

describe('npm run check across years: test/fixtures/cross-year (README answer key)', () => {
  let r: RunResult;
  let g: Map<string, string[]>;
  beforeAll(() => {
    r = check('cross-year');
    g = groups(r.output, fixture('cross-year'));
  });

  it('exits 0: warnings and notices only', () => {
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('共 0 个错误，5 个警告，3 个提示。');
  });
  it('row 1: a figure reported last year, null now', () => expectProblem(g, 'reports/2022.mdx', '[警告]', '第 6 行', 'stats.warning-education', '2021年为 **', 'null'));
  it('row 2: a figure that fell to zero', () => expectProblem(g, 'reports/2022.mdx', '[提示]', '第 11 行', 'stats.petitions-pending', '15件次', '0件次', '降为 0'));
  it('row 3: two items with the same title in one section', () => expectProblem(g, 'reports/2022.mdx', '[警告]', '第 24 行', '“一、履行主体责任情况”', '第 18 行', '加强学习教育。'));
  it('row 4: a figure reported last year, absent now', () => expectProblem(g, 'reports/2023.mdx', '[警告]', '第 4 行', 'stats.inspections', '2022年为 9次', '没有这一项'));
  it('row 5: more than threefold', () => expectProblem(g, 'reports/2023.mdx', '[提示]', '第 5 行', 'stats.study-sessions', '12次', '40次', '3.3倍'));
  it('row 6: from zero', () => expectProblem(g, 'reports/2023.mdx', '[提示]', '第 10 行', 'stats.petitions-pending', '0件次', '14件次'));
  it('row 7: sum rule', () => expectProblem(g, 'reports/2023.mdx', '[警告]', '第 8 行', 'stats.petitions-received', '16', '25'));
  it('row 8: a heading with nothing under it', () => expectProblem(g, 'reports/2023.mdx', '[警告]', '第 27 行', '三、下一步工作措施', '没有内容'));
  it('nothing else: exactly-threefold changes and masked years are not reported', () => {
    expect([...g.values()].flat()).toHaveLength(8);
    expect(r.output).not.toContain('online-tips');
    expect(r.output).not.toMatch(/2023\.mdx[\s\S]*warning-education/);
    expect(g.has('reports/2021.mdx')).toBe(false);
  });
});

describe('npm run check on the gov-info-disclosure sample (examples/gov-info-disclosure/README.md answer key)', () => {
  let r: RunResult;
  let g: Map<string, string[]>;
  const dir = join(ROOT, 'examples/gov-info-disclosure');
  beforeAll(() => {
    r = runNode(CHECK, [], { NIANBAO_CONTENT: dir }, 60_000);
    g = groups(r.output, dir);
  });

  it('flags the one 总计 that does not add up, naming the year, table, cell, figures and difference — and nothing else is wrong', () => {
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toMatch(/共 0 个错误，1 个警告，\d+ 个提示。/);
    expectProblem(g, 'reports/2022.mdx', '[警告]', 'stats.review-total', '2022年 政府信息公开行政复议、行政诉讼情况：行政复议 总计 应为 1+1+0+0 = 2，报告为 3，相差 1');
    // Every other line is a notice to confirm a big change, never about the 勾稽关系.
    const others = [...g.values()].flat().filter((l) => !l.includes('review-total'));
    expect(others.every((l) => l.startsWith('  [提示]') && l.includes('变化较大'))).toBe(true);
  });
});
