import { describe, expect, it } from 'vitest';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { reportFrontmatterSchema, suggestMetricId } from '../../../src/lib/content/report-schema.ts';

const registry = makeRegistry(
  ['petitions-received', 'petitions-closed', 'party-expulsions'].map((id) => metricSchema.parse({ id, label: id, group: 'g' })),
);
const schema = reportFrontmatterSchema(registry);
const base = { year: 2022, title: '2022年度报告' };

describe('report frontmatter schema', () => {
  it('accepts every stat form and parses the values', () => {
    const r = schema.safeParse({ ...base, published: '2023-01-16', stats: { 'petitions-received': 12, 'petitions-closed': '**+', 'party-expulsions': null } });
    expect(r.success).toBe(true);
    expect(r.data?.stats).toEqual({
      'petitions-received': { kind: 'exact', value: 12 },
      'petitions-closed': { kind: 'masked', digits: 2, atLeast: true },
      'party-expulsions': { kind: 'missing' },
    });
    expect(r.data?.published).toBe('2023-01-16');
  });

  it('accepts a YAML date as published (js-yaml reads it as a Date)', () => {
    const r = schema.safeParse({ ...base, published: new Date('2023-01-16T00:00:00Z') });
    expect(r.data?.published).toBe('2023-01-16');
  });

  it('treats a missing stats block as no stats', () => {
    expect(schema.safeParse(base).data?.stats).toEqual({});
    expect(schema.safeParse({ ...base, stats: null }).data?.stats).toEqual({});
  });

  it.each([
    [{ ...base, year: '2022' }, ['year']],
    [{ ...base, year: 2022.5 }, ['year']],
    [{ year: 2022 }, ['title']],
    [{ ...base, title: '  ' }, ['title']],
    [{ ...base, published: '2023年1月16日' }, ['published']],
    [{ ...base, stats: { 'petitions-recieved': 3 } }, ['stats', 'petitions-recieved']],
    [{ ...base, stats: { 'petitions-received': '12次' } }, ['stats', 'petitions-received']],
    [{ ...base, stats: { 'petitions-received': -1 } }, ['stats', 'petitions-received']],
    [{ ...base, sections: { 二: 'problem' } }, ['sections', '二']],
  ])('rejects %j at %j', (input, path) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('refuses <Redact> in the title: the title is shown as written everywhere, so it cannot be partly hidden', () => {
    for (const title of ['2022年度<Redact>某某</Redact>报告', '2022年度<redact>报告', '</Redact>']) {
      const r = schema.safeParse({ ...base, title });
      expect(r.success, title).toBe(false);
      expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['title'], message: expect.stringContaining('不能使用 <Redact>'), params: { hint: expect.stringContaining('正文的 <Redact>') } })]);
    }
    expect(schema.safeParse({ ...base, title: '2022年度落实全面从严治党主体责任情况报告' }).success).toBe(true);
  });

  it('reports an unknown field at the top level instead of ignoring it', () => {
    const r = schema.safeParse({ ...base, autor: '张三' });
    expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['autor'] });
  });

  it('reports every bad stat at once, with a suggestion for a near-typo', () => {
    const r = schema.safeParse({ ...base, stats: { 'petitions-recieved': 3, 'party-expulsions': true, 'petitions-closed': 'abc' } });
    const issues = r.error!.issues;
    expect(issues).toHaveLength(3);
    const typo = issues.find((i) => i.path.join('.') === 'stats.petitions-recieved') as { params?: { hint?: string } };
    expect(typo.params?.hint).toContain('petitions-received');
  });
});

describe('suggestMetricId', () => {
  it('suggests close ids and nothing for unrelated ones', () => {
    expect(suggestMetricId('petitions-recieved', registry)).toBe('petitions-received');
    expect(suggestMetricId('party-expulsion', registry)).toBe('party-expulsions');
    expect(suggestMetricId('budget', registry)).toBeUndefined();
  });
});

describe('metric schema', () => {
  it('fills defaults', () => {
    expect(metricSchema.parse({ id: 'a-b', label: '甲' })).toMatchObject({ unit: '', group: '其他', better: 'neutral', public: false });
  });
  it.each([
    [{ id: 'Petitions', label: 'x' }, 'id'],
    [{ id: 'a_b', label: 'x' }, 'id'],
    [{ id: 'a', label: '' }, 'label'],
    [{ id: 'a', label: 'x', better: 'higher' }, 'better'],
    [{ id: 'a', label: 'x', public: 'yes' }, 'public'],
    [{ id: 'a', label: 'x', sumOf: ['b'] }, 'sumOf'],
    [{ id: 'a', label: 'x', colour: 'red' }, ''],
  ])('rejects %j (%s)', (input, field) => {
    const r = metricSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path.join('.')).toBe(field);
  });
});
