// The registry as a whole: metric and rule entries side by side, cross-checked (DESIGN.md "metrics.yaml").
import { describe, expect, it } from 'vitest';
import { makeRegistry, metricSchema, registrySchema, ruleSchema } from '../../../src/lib/content/metrics.ts';

const m = (id: string, extra: Record<string, unknown> = {}) => ({ id, label: id, ...extra });
const issues = (data: unknown) => {
  const r = registrySchema.safeParse(data);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('metric entries', () => {
  it('key defaults to false; row and column take one label or a list of them', () => {
    const a = metricSchema.parse(m('a', { row: '一、本年新收政府信息公开申请数量', column: ['法人或其他组织', '商业企业'] }));
    expect(a).toMatchObject({ key: false, row: ['一、本年新收政府信息公开申请数量'], column: ['法人或其他组织', '商业企业'] });
    expect(metricSchema.parse(m('b', { key: true })).key).toBe(true);
  });
  it.each([
    [m('a', { key: 'yes' }), 'key'],
    [m('a', { row: [] }), 'row'],
    [m('a', { column: 3 }), 'column'],
  ])('rejects %j (%s)', (input, field) => {
    const r = metricSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path[0]).toBe(field);
  });
});

describe('rule entries', () => {
  it('parse a rule with left and right', () => {
    expect(ruleSchema.safeParse({ rule: '一加二等于三加四', left: ['a', 'b'], right: ['c', 'd'] }).success).toBe(true);
  });
  it.each([
    [{ rule: '', left: ['a'], right: ['b'] }, 'rule'],
    [{ rule: 'x', left: [], right: ['b'] }, 'left'],
    [{ rule: 'x', left: ['a'] }, 'right'],
    [{ rule: 'x', left: 'a', right: ['b'] }, 'left'],
    [{ rule: 'x', left: ['a'], right: ['b'], sumOf: ['c'] }, ''],
  ])('rejects %j (%s)', (input, field) => {
    const r = ruleSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe(field);
  });
});

describe('registrySchema: the whole of metrics.yaml', () => {
  it('keeps today’s sumOf working and adds rule entries after them', () => {
    const r = registrySchema.safeParse([
      m('total', { sumOf: ['x', 'y'] }),
      m('x'),
      m('y'),
      m('new'),
      m('carried'),
      m('done'),
      m('next'),
      { rule: '第一项加第二项之和等于第三项加第四项之和', left: ['new', 'carried'], right: ['done', 'next'], description: '格式自带的勾稽关系' },
    ]);
    expect(r.success).toBe(true);
    expect(r.data!.metrics.map((x) => x.id)).toEqual(['total', 'x', 'y', 'new', 'carried', 'done', 'next']);
    expect(r.data!.rules).toEqual([
      { name: 'total等于各分项之和', left: ['total'], right: ['x', 'y'], source: { kind: 'sumOf', metric: 'total' } },
      { name: '第一项加第二项之和等于第三项加第四项之和', left: ['new', 'carried'], right: ['done', 'next'], description: '格式自带的勾稽关系', source: { kind: 'rule', index: 7 } },
    ]);
  });

  it('names an unknown id in a rule or a sumOf, with the near one', () => {
    expect(issues([m('petitions-received', { sumOf: ['petitions-closed', 'petitions-pendng'] }), m('petitions-closed'), m('petitions-pending'), { rule: 'r', left: ['petitions-recieved'], right: ['petitions-closed'] }])).toEqual([
      { path: '0.sumOf.1', message: '指标 petitions-received 的 sumOf 引用了未登记的指标 petitions-pendng' },
      { path: '3.left.0', message: '规则“r”引用了未登记的指标 petitions-recieved' },
    ]);
    const r = registrySchema.safeParse([m('a'), { rule: 'r', left: ['a'], right: ['bb'] }]);
    expect((r.error!.issues[0] as { params?: { hint?: string } }).params?.hint).toContain('只能写本文件中已登记的指标 id');
  });

  it('refuses a rule or a sumOf that refers to itself, and a figure written twice', () => {
    expect(issues([m('a', { sumOf: ['a', 'b'] }), m('b'), m('c'), { rule: '自证', left: ['a', 'b'], right: ['b', 'c'] }, { rule: '重复', left: ['a'], right: ['c', 'c'] }])).toEqual([
      { path: '0.sumOf.0', message: '指标 a 的 sumOf 中包含它自己' },
      { path: '3.right.0', message: '规则“自证”的两边都有 b：规则不能引用它自己要核对的数' },
      { path: '4.right.1', message: '规则“重复”的 right 中 c 写了两次' },
    ]);
  });

  it('tells a metric from a rule, and says so when an entry is neither or both', () => {
    expect(issues([{ label: '没有 id' }, { id: 'a', label: 'x', rule: 'r', left: ['a'], right: ['a'] }]).map((i) => i.message)).toEqual(['这一项没有 id', '这一项同时写了 id 和 rule，不知道它是指标还是规则']);
  });

  it('a rule naming a metric whose own entry is invalid is not "unknown" (one problem, not two)', () => {
    expect(issues([m('a', { better: 'higher' }), m('b'), { rule: 'r', left: ['a'], right: ['b'] }]).map((i) => i.path)).toEqual(['0.better']);
  });

  it('reports a duplicate id once, at the second entry', () => {
    expect(issues([m('a'), m('a')])).toEqual([{ path: '1.id', message: '指标 id a 重复（第 1 项已用过）' }]);
  });

  it('is not a list', () => {
    expect(registrySchema.safeParse({ id: 'a' }).success).toBe(false);
  });

  it('makeRegistry derives a rule from every sumOf', () => {
    const reg = makeRegistry([metricSchema.parse(m('t', { sumOf: ['p', 'q'] })), metricSchema.parse(m('p')), metricSchema.parse(m('q'))]);
    expect(reg.rules.map((r) => [r.left, r.right])).toEqual([[['t'], ['p', 'q']]]);
  });
});
