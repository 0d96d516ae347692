import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../src/lib/across-offices/compare.ts';
import { buildStructure } from '../../../src/lib/structure/structure.ts';
import { masked, n, office } from './helpers.ts';

const text = (problem: string) =>
  buildStructure([
    { type: 'heading', depth: 2, text: '五、存在的主要问题及改进情况' },
    { type: 'paragraph', text: `一是${problem}。` },
  ]).structure;

const czj = office('czj', { organization: '某某县财政局', group: '部门', reports: [{ year: 2024, layout: '2021', stats: { 'requests-new-total': n(10), 'review-total': masked(1) }, structure: text('公开内容不够全面') }] });
const gaj = office('gaj', { organization: '某某县公安局', group: '部门', reports: [{ year: 2020, layout: '2019', stats: { 'requests-new-total': n(6), 'normative-documents-issued': n(3) } }, { year: 2024, layout: '2021', stats: { 'requests-new-total': n(15), 'review-total': n(2) }, structure: text('解读不够深入') }] });
const jwb = office('jwb', { kind: 'party-governance', organization: '某某县纪委监委', reports: [{ year: 2024, stats: { 'cases-filed': n(3) }, structure: text('监督不够有力') }] });

describe('two reports of two offices side by side', () => {
  it('same kind, same year: every figure either gives, with the difference from a to b', () => {
    const c = compareReports({ office: czj, year: 2024 }, { office: gaj, year: 2024 });
    expect(c.sameKind).toBe(true);
    expect(c.a).toMatchObject({ series: 'czj', organization: '某某县财政局', group: '部门', year: 2024, kindName: '政府信息公开工作年度报告' });
    const row = (id: string) => c.figures!.rows.find((r) => r.metric.id === id)!;
    expect(row('requests-new-total').change).toMatchObject({ kind: 'exact', delta: 5, direction: 'up' });
    expect(c.figures!.rows.map((r) => r.metric.id)).toEqual(['requests-new-total', 'review-total']);
  });

  it('a masked side gives no difference', () => {
    const c = compareReports({ office: czj, year: 2024 }, { office: gaj, year: 2024 });
    expect(c.figures!.rows.find((r) => r.metric.id === 'review-total')!.change).toEqual({ kind: 'none', reason: 'masked', fromYear: 2024 });
  });

  it('across layouts, a figure whose definition changed is 口径变化, not a rise or fall', () => {
    const c = compareReports({ office: gaj, year: 2020 }, { office: czj, year: 2024 });
    expect(c.figures!.rows.find((r) => r.metric.id === 'requests-new-total')!.change.kind).toBe('exact');
    const withIssued = office('x', { reports: [{ year: 2024, layout: '2021', stats: { 'normative-documents-issued': n(5) } }] });
    expect(compareReports({ office: gaj, year: 2020 }, { office: withIssued, year: 2024 }).figures!.rows.find((r) => r.metric.id === 'normative-documents-issued')!.change).toMatchObject({ kind: 'none', reason: 'break' });
  });

  it('different kinds: the text side only', () => {
    const c = compareReports({ office: czj, year: 2024 }, { office: jwb, year: 2024 });
    expect(c.sameKind).toBe(false);
    expect(c.figures).toBeUndefined();
    const problems = c.text.find((t) => t.kind === 'problems')!;
    expect(problems.a.map((i) => i.item.title)).toEqual(['一是公开内容不够全面。']);
    expect(problems.b.map((i) => i.item.title)).toEqual(['一是监督不够有力。']);
  });

  it('a year the series lacks is an error', () => {
    expect(() => compareReports({ office: czj, year: 2023 }, { office: gaj, year: 2024 })).toThrow(RangeError);
  });
});
