// Sum rules against one year's figures, and hidden figures a public edition would give away.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import { makeRegistry, metricSchema, type SumRule } from '../../../src/lib/content/metrics.ts';
import { brokenRules, builtInRules, describeBroken, exactSum, findLeaks, leakProblems, sumRuleProblems } from '../../../src/lib/content/sum-rules.ts';
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
    expect(p!.message).toBe('丙（c）不公开，但公开版可以算出它：2023年把 all 的 sumOf、rest 的 sumOf 这 2 条联立，由已公开的 all、a、b 即可算出');
  });
});

describe('hidden figures determined by several rules together (issue 28)', () => {
  const m = (id: string, pub: boolean, sumOf?: string[]) => metricSchema.parse({ id, label: `标签${id}`, public: pub, ...(sumOf && { sumOf }) });
  const rule = (name: string, left: string[], right: string[], index = 0): SumRule => ({ name, left, right, source: { kind: 'rule', index } });
  const all = (ids: Record<string, number>) => Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, exact(v)]));

  it('total = a+b+c and subtotal = a+b, both public, give c away (and nothing else)', () => {
    const reg = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', true, ['a', 'b']), m('a', false), m('b', false), m('c', false)]);
    const stats = all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3 });
    const leaks = findLeaks(reg, [{ year: 2023, stats }]);
    expect(leaks.map((l) => l.metric.id)).toEqual(['c']);
    expect(leaks[0]!.rules.map((r) => r.left[0])).toEqual(['total', 'subtotal']);
    expect(leaks[0]!.from).toEqual(['total', 'subtotal']);
    const [p] = leakProblems(reg, [{ year: 2023, stats }]);
    expect(p).toMatchObject({ severity: 'warning', file: 'metrics.yaml', field: 'c.public' });
    expect(p!.message).toBe('标签c（c）不公开，但公开版可以算出它：2023年把 total 的 sumOf、subtotal 的 sumOf 这 2 条联立，由已公开的 total、subtotal 即可算出');
    expect(p!.hint).toBe('二选一：这个数可以公开的，把 c 设为 public: true；不能公开的，把 total 也设为 public: false（改为隐藏 subtotal也可以）（或在报告中把它写成星号）');
  });

  it('the same with rule entries, sides written either way and parts in another order', () => {
    const reg = makeRegistry([m('t', true), m('s', true), m('x', false), m('y', false), m('z', false)], [rule('三项之和', ['z', 'y', 'x'], ['t']), rule('两项之和', ['s'], ['y', 'x'], 1)]);
    expect(findLeaks(reg, [{ year: 2022, stats: all({ t: 9, s: 5, x: 1, y: 4, z: 4 }) }]).map((l) => l.metric.id)).toEqual(['z']);
  });

  it('a system of three rules gives every one of its hidden figures away, even with halves in the solution', () => {
    // x+y = p, y+z = q, x+z = r: x = (p − q + r) / 2. No rule alone has a single hidden figure.
    const reg = makeRegistry([m('p', true), m('q', true), m('r', true), m('x', false), m('y', false), m('z', false)], [rule('甲', ['x', 'y'], ['p']), rule('乙', ['y', 'z'], ['q'], 1), rule('丙', ['x', 'z'], ['r'], 2)]);
    const stats = all({ p: 3, q: 5, r: 4, x: 1, y: 2, z: 3 });
    const leaks = findLeaks(reg, [{ year: 2023, stats }]);
    expect(leaks.map((l) => l.metric.id).sort()).toEqual(['x', 'y', 'z']);
    for (const l of leaks) expect(l.rules.map((r) => r.name).sort()).toEqual(['丙', '乙', '甲']);
    // Any one of p, q, r hidden closes all three; the hint names one and the others as alternatives.
    const x = leaks.find((l) => l.metric.id === 'x')!;
    expect(x.hide).toHaveLength(1);
    expect([x.hide[0], ...x.orHide].sort()).toEqual(['p', 'q', 'r']);
    // Two rules of the three leave the figures undetermined.
    const two = makeRegistry(reg.metrics, reg.rules.slice(0, 2));
    expect(findLeaks(two, [{ year: 2023, stats }])).toEqual([]);
  });

  it('names only the rules that matter, not every rule the elimination passed through', () => {
    const reg = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', true, ['a', 'b']), m('a', false), m('b', false), m('c', false), m('d', false, ['c', 'e']), m('e', false)], [rule('无关', ['a'], ['e'])]);
    const leaks = findLeaks(reg, [{ year: 2023, stats: all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3, d: 6, e: 3 }) }]);
    // a = e and d = c + e: c is given away; with c known, d − e = c still leaves d, e, a, b open.
    expect(leaks.map((l) => l.metric.id)).toEqual(['c']);
    expect(leaks[0]!.rules.map((r) => r.left[0])).toEqual(['total', 'subtotal']);
  });

  it('no warning when the system does not pin the figure down, or a year masks, bounds or leaves out one of its figures', () => {
    const reg = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', false, ['a', 'b']), m('a', false), m('b', false), m('c', false)]);
    expect(findLeaks(reg, [{ year: 2023, stats: all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3 }) }])).toEqual([]);
    const open = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', true, ['a', 'b']), m('a', false), m('b', false), m('c', false)]);
    const base = all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3 });
    expect(findLeaks(open, [{ year: 2023, stats: { ...base, subtotal: { kind: 'masked', digits: 1, atLeast: false } } }])).toEqual([]);
    expect(findLeaks(open, [{ year: 2023, stats: { ...base, total: { kind: 'atLeast', value: 10 } } }])).toEqual([]);
    expect(findLeaks(open, [{ year: 2023, stats: { ...base, b: { kind: 'missing' } } }])).toEqual([]);
    const { a: _, ...noA } = base;
    expect(findLeaks(open, [{ year: 2023, stats: noA }])).toEqual([]);
  });

  it('lists the years that give the figure away, and only those', () => {
    const reg = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', true, ['a', 'b']), m('a', false), m('b', false), m('c', false)]);
    const y = (year: number, masked: boolean) => ({ year, stats: { ...all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3 }), ...(masked && { subtotal: { kind: 'masked', digits: 1, atLeast: false } as StatValue }) } });
    const [p] = leakProblems(reg, [y(2021, false), y(2022, true), y(2023, false)]);
    expect(p!.message).toContain('：2021、2023年把');
  });

  it('when hiding one figure is not enough (the figure is given away two ways), the hint names a set that closes every way', () => {
    const reg = makeRegistry([m('total', true, ['a', 'b', 'c']), m('subtotal', true, ['a', 'b']), m('a', false), m('b', false), m('c', false, ['f', 'g']), m('f', true), m('g', true)]);
    const stats = all({ total: 10, subtotal: 7, a: 3, b: 4, c: 3, f: 1, g: 2 });
    const leaks = findLeaks(reg, [{ year: 2023, stats }]);
    expect(leaks.map((l) => l.metric.id)).toEqual(['c']);
    for (const l of leaks) {
      expect(l.hide.length).toBe(2);
      // Hiding the named figures really closes the leak, and gives none of them away instead.
      const fixed = makeRegistry(reg.metrics.map((x) => (l.hide.includes(x.id) ? { ...x, public: false } : x)));
      const still = findLeaks(fixed, [{ year: 2023, stats }]).map((x) => x.metric.id);
      expect(still).not.toContain('c');
      for (const h of l.hide) expect(still).not.toContain(h);
    }
    expect(leakProblems(reg, [{ year: 2023, stats }])[0]!.hint).toMatch(/把 \S+、\S+ 都设为 public: false/);
  });
});

describe('a kind\'s own rules count even when metrics.yaml dropped them (issue 28)', () => {
  const kind = {
    name: '某类报告',
    metrics: [{ id: 'received', label: '受理', sumOf: ['closed', 'pending'] }, { id: 'closed', label: '办结' }, { id: 'pending', label: '在办' }],
    rules: [{ rule: '三者之和', left: ['x', 'y'], right: ['received'] }],
  };
  const reg = makeRegistry([metricSchema.parse({ id: 'received', label: '受理', public: true }), metricSchema.parse({ id: 'closed', label: '办结', public: true }), metricSchema.parse({ id: 'pending', label: '在办' })]);

  it('a reader knows the format: its sum gives the hidden part away, and the warning says where the rule comes from', () => {
    const extra = builtInRules(kind, reg);
    // The rule over x and y names figures this folder does not register: it cannot apply.
    expect(extra.map((r) => r.name)).toEqual(['受理等于各分项之和']);
    const [p] = leakProblems(reg, [{ year: 2023, stats: { received: exact(16), closed: exact(11), pending: exact(5) } }], undefined, extra);
    expect(p!.field).toBe('pending.public');
    expect(p!.message).toContain('某类报告格式的勾稽关系“受理等于各分项之和”');
  });

  it('not when the year\'s figures break that rule (the office dropped it because it does not hold), nor twice when metrics.yaml has it', () => {
    const extra = builtInRules(kind, reg);
    expect(findLeaks(reg, [{ year: 2023, stats: { received: exact(16), closed: exact(11), pending: exact(4) } }], extra)).toEqual([]);
    const withRule = makeRegistry(reg.metrics, [{ name: '自写', left: ['closed', 'pending'], right: ['received'], source: { kind: 'rule', index: 3 } }]);
    expect(builtInRules(kind, withRule)).toEqual([]);
  });
});

describe('npm run check solves the rules of the folder and of its kind (issue 28)', () => {
  it('warns for a figure two sums give away, and for one the kind\'s sumOf gives away after metrics.yaml dropped it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-leaks-'));
    try {
      mkdirSync(join(dir, 'reports'));
      writeFileSync(join(dir, 'site.yaml'), 'title: 测试\norganization: 测试单位\nkind: party-governance\n');
      writeFileSync(
        join(dir, 'metrics.yaml'),
        [
          '- id: petitions-received\n  label: 受理信访举报\n  public: true',
          '- id: petitions-closed\n  label: 办结\n  public: true',
          '- id: petitions-pending\n  label: 正在办理',
          '- id: cases-total\n  label: 案件总数\n  public: true\n  sumOf: [cases-a, cases-b, cases-c]',
          '- id: cases-ab\n  label: 甲乙两类\n  public: true\n  sumOf: [cases-a, cases-b]',
          '- id: cases-a\n  label: 甲类',
          '- id: cases-b\n  label: 乙类',
          '- id: cases-c\n  label: 丙类',
        ].join('\n') + '\n',
      );
      writeFileSync(join(dir, 'reports', '2023.mdx'), '---\nyear: 2023\ntitle: 2023年报告\nstats:\n  petitions-received: 16\n  petitions-closed: 11\n  petitions-pending: 5\n  cases-total: 10\n  cases-ab: 7\n  cases-a: 3\n  cases-b: 4\n  cases-c: 3\n---\n\n正文。\n');
      const leaks = checkContent(dir).problems.filter((p) => p.field?.endsWith('.public'));
      expect(leaks.map((p) => p.field).sort()).toEqual(['cases-c.public', 'petitions-pending.public']);
      const c = leaks.find((p) => p.field === 'cases-c.public')!;
      expect(c).toMatchObject({ severity: 'warning', file: 'metrics.yaml', line: 21 });
      expect(c.message).toContain('cases-total 的 sumOf、cases-ab 的 sumOf 这 2 条联立');
      expect(leaks.find((p) => p.field === 'petitions-pending.public')!.message).toContain('落实全面从严治党主体责任情况报告格式的勾稽关系');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a sum the blanks cannot mend (offices leave zeros blank)', () => {
  const r = makeRegistry([
    metricSchema.parse({ id: 'total', label: '总计', unit: '件', sumOf: ['a', 'b', 'c'] }),
    metricSchema.parse({ id: 'a', label: '甲', unit: '件' }),
    metricSchema.parse({ id: 'b', label: '乙', unit: '件' }),
    metricSchema.parse({ id: 'c', label: '丙', unit: '件' }),
    metricSchema.parse({ id: 'change', label: '增减', unit: '件', signed: true }),
    metricSchema.parse({ id: 'net', label: '合计', unit: '件', sumOf: ['a', 'change'] }),
  ]);
  const run = (stats: Record<string, StatValue>) => sumRuleProblems({ file: 'reports/2020.mdx', year: 2020, data: { stats } }, r).map((p) => p.message);
  const missing: StatValue = { kind: 'missing' };

  it('the filled parts already exceed the total: reported, saying the blanks were taken as 0', () => {
    const found = run({ total: exact(20), a: exact(16), b: exact(10), c: missing });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('其中 1 格空白，按 0 计');
    // Absent altogether is blank too.
    expect(run({ total: exact(20), a: exact(16), b: exact(10) })).toHaveLength(1);
  });

  it('not when a blank could still make it hold, when the total is the blank, or when nothing is filled', () => {
    expect(run({ total: exact(30), a: exact(16), b: exact(10), c: missing })).toEqual([]);
    expect(run({ total: missing, a: exact(16), b: exact(10), c: exact(1) })).toEqual([]);
    expect(run({ total: missing, a: missing, b: missing, c: missing })).toEqual([]);
  });

  it('never with a masked, approximate or signed figure in the rule', () => {
    expect(run({ total: exact(20), a: exact(16), b: { kind: 'atLeast', value: 10 } as StatValue, c: missing })).toEqual([]);
    expect(run({ net: exact(1), a: exact(16), change: missing })).toEqual([]);
  });
});
