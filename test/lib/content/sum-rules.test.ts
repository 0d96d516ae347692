// Sum rules against one year's figures, and hidden figures a public edition would give away.
import { describe, expect, it } from 'vitest';
import { makeRegistry, metricSchema, type SumRule } from '../../../src/lib/content/metrics.ts';
import { brokenRules, describeBroken, exactSum, findLeaks, leakProblems, sumRuleProblems } from '../../../src/lib/content/sum-rules.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';

const exact = (value: number): StatValue => ({ kind: 'exact', value });
const T = '收到和处理政府信息公开申请情况';
const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const ids = ['n', 'b', 'r', 'p', 'l', 'o', 't'];
const row = '一、本年新收政府信息公开申请数量';
const cells = ids.map((id, i) => metricSchema.parse({ id: `new-${id}`, label: `${row} · ${cols[i]}`, group: T, row, column: i > 0 && i < 6 ? ['法人或其他组织', cols[i]] : [cols[i]], public: true }));
const totalColumn: SumRule = { name: `${row} 总计等于各类申请人之和`, left: ['new-t'], right: ids.slice(0, 6).map((id) => `new-${id}`), source: { kind: 'rule', index: 7 } };
const tableReg = makeRegistry(cells, [totalColumn]);

describe('brokenRules', () => {
  it('finds a total that does not add up', () => {
    const stats = { 'new-n': exact(3), 'new-b': exact(0), 'new-r': exact(0), 'new-p': exact(0), 'new-l': exact(0), 'new-o': exact(0), 'new-t': exact(4) };
    const [b] = brokenRules(tableReg.rules, stats);
    expect(b).toMatchObject({ leftSum: 4, rightSum: 3, difference: 1 });
  });

  it('checks only where every figure is exact: a bound, a mask or a missing figure skips the rule', () => {
    const base = { 'new-n': exact(3), 'new-b': exact(0), 'new-r': exact(0), 'new-p': exact(0), 'new-l': exact(0), 'new-o': exact(0), 'new-t': exact(4) };
    expect(brokenRules(tableReg.rules, { ...base, 'new-n': { kind: 'atLeast', value: 3 } })).toEqual([]);
    expect(brokenRules(tableReg.rules, { ...base, 'new-t': { kind: 'masked', digits: 1, atLeast: false } })).toEqual([]);
    expect(brokenRules(tableReg.rules, { ...base, 'new-o': { kind: 'missing' } })).toEqual([]);
    const { 'new-o': _, ...absent } = base;
    expect(brokenRules(tableReg.rules, absent)).toEqual([]);
  });

  it('adds decimals exactly (万元)', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    const reg = makeRegistry(['fee', 'a', 'b'].map((id) => metricSchema.parse({ id, label: id, unit: '万元', ...(id === 'fee' && { sumOf: ['a', 'b'] }) })));
    expect(brokenRules(reg.rules, { fee: exact(0.3), a: exact(0.1), b: exact(0.2) })).toEqual([]);
    expect(brokenRules(reg.rules, { fee: exact(0.35), a: exact(0.1), b: exact(0.2) })[0]!.difference).toBe(0.05);
  });
});

describe('what check says about a broken rule', () => {
  it('names the year, the table, the column and row, the figures and the difference', () => {
    const stats = { 'new-n': exact(3), 'new-b': exact(0), 'new-r': exact(0), 'new-p': exact(0), 'new-l': exact(0), 'new-o': exact(0), 'new-t': exact(4) };
    const [p] = sumRuleProblems({ file: 'reports/2023.mdx', year: 2023, data: { stats } }, tableReg);
    expect(p).toMatchObject({ severity: 'warning', file: 'reports/2023.mdx', field: 'stats.new-t' });
    expect(p!.message).toBe(`2023年 ${T}：总计列 ${row} 应为 3+0+0+0+0+0 = 3，报告为 4，相差 1`);
    expect(p!.hint).toContain(`规则“${row} 总计等于各类申请人之和”`);
    expect(p!.hint).toContain('new-t（4）');
  });

  it('a rule with two figures on each side says both sums', () => {
    const ms = ['a', 'b', 'c', 'd'].map((id) => metricSchema.parse({ id, label: id, group: T, row: id, column: '自然人' }));
    const rule: SumRule = { name: '自然人列 第一项加第二项之和等于第三项加第四项之和', left: ['a', 'b'], right: ['c', 'd'], source: { kind: 'rule', index: 4 } };
    const reg = makeRegistry(ms, [rule]);
    const [b] = brokenRules(reg.rules, { a: exact(5), b: exact(1), c: exact(4), d: exact(1) });
    expect(describeBroken(b!, 2022, reg).message).toBe(`2022年 ${T}：自然人列 第一项加第二项之和等于第三项加第四项之和，但 5+1 = 6，而 4+1 = 5，相差 1`);
  });

  it('figures outside a table are named by their labels', () => {
    const reg = makeRegistry([
      metricSchema.parse({ id: 'petitions-received', label: '受理来信来访', sumOf: ['petitions-closed', 'petitions-pending'] }),
      metricSchema.parse({ id: 'petitions-closed', label: '查结' }),
      metricSchema.parse({ id: 'petitions-pending', label: '正在办理' }),
    ]);
    const [p] = sumRuleProblems({ file: 'reports/2023.mdx', year: 2023, data: { stats: { 'petitions-received': exact(16), 'petitions-closed': exact(11), 'petitions-pending': exact(4) } } }, reg);
    expect(p!.message).toBe('2023年 受理来信来访 应为 查结 11 + 正在办理 4 = 15，报告为 16，相差 1');
    expect(p!.hint).toContain('petitions-received 的 sumOf');
  });
});

describe('hidden figures revealed by subtraction (issue 8)', () => {
  const reg = (publics: Record<string, boolean>) =>
    makeRegistry([
      metricSchema.parse({ id: 'total', label: '受理信访举报', public: publics.total, sumOf: ['closed', 'pending'] }),
      metricSchema.parse({ id: 'closed', label: '办结', public: publics.closed }),
      metricSchema.parse({ id: 'pending', label: '正在办理', public: publics.pending }),
    ]);
  const year = (y: number, t: number, c: number, p: number) => ({ year: y, stats: { total: exact(t), closed: exact(c), pending: exact(p) } });

  it('warns when a public total and its public parts give away the one hidden part, and says how to fix it', () => {
    const problems = leakProblems(reg({ total: true, closed: true, pending: false }), [year(2022, 6, 6, 0), year(2023, 16, 11, 5)], (id) => (id === 'pending' ? 21 : undefined));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', file: 'metrics.yaml', field: 'pending.public', line: 21 });
    expect(problems[0]!.message).toBe('正在办理（pending）不公开，但公开版可以算出它：2022、2023年按 total 的 sumOf，其余各数（total、closed）都已公开');
    expect(problems[0]!.hint).toContain('把 pending 设为 public: true');
    expect(problems[0]!.hint).toContain('把 total 也设为 public: false');
  });

  it('a hidden total with public parts is given away by addition', () => {
    const [p] = leakProblems(reg({ total: false, closed: true, pending: true }), [year(2023, 16, 11, 5)]);
    expect(p!.field).toBe('total.public');
    expect(p!.hint).toContain('把 closed 也设为 public: false');
  });

  it('nothing leaks with two hidden figures, with everything public or hidden, or when a year writes the part masked', () => {
    expect(findLeaks(reg({ total: true, closed: false, pending: false }), [year(2023, 16, 11, 5)])).toEqual([]);
    expect(findLeaks(reg({ total: true, closed: true, pending: true }), [year(2023, 16, 11, 5)])).toEqual([]);
    expect(findLeaks(reg({ total: false, closed: false, pending: false }), [year(2023, 16, 11, 5)])).toEqual([]);
    const masked = { year: 2023, stats: { total: exact(16), closed: exact(11), pending: { kind: 'masked', digits: 1, atLeast: false } as StatValue } };
    expect(findLeaks(reg({ total: true, closed: true, pending: false }), [masked])).toEqual([]);
    const bound = { year: 2023, stats: { total: exact(16), closed: { kind: 'atLeast', value: 10 } as StatValue, pending: exact(5) } };
    expect(findLeaks(reg({ total: true, closed: true, pending: false }), [bound])).toEqual([]);
  });

  it('follows a chain: a figure given away by one rule gives away the next', () => {
    const r = makeRegistry(
      [
        metricSchema.parse({ id: 'all', label: '全部', public: true, sumOf: ['a', 'rest'] }),
        metricSchema.parse({ id: 'a', label: '甲', public: true }),
        metricSchema.parse({ id: 'rest', label: '其余', public: false, sumOf: ['b', 'c'] }),
        metricSchema.parse({ id: 'b', label: '乙', public: true }),
        metricSchema.parse({ id: 'c', label: '丙', public: false }),
      ],
    );
    const leaks = findLeaks(r, [{ year: 2023, stats: { all: exact(10), a: exact(4), rest: exact(6), b: exact(2), c: exact(4) } }]);
    expect(leaks.map((l) => l.metric.id).sort()).toEqual(['c', 'rest']);
    const p = leakProblems(r, [{ year: 2023, stats: { all: exact(10), a: exact(4), rest: exact(6), b: exact(2), c: exact(4) } }]).find((x) => x.field === 'c.public');
    expect(p!.message).toContain('都已公开或可由其他规则算出');
  });
});
