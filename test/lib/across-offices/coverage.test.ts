import { describe, expect, it } from 'vitest';
import { coverageModel, isOwnGovernment } from '../../../src/lib/across-offices/coverage.ts';
import { office } from './helpers.ts';

const GROUPS = ['区政府', '部门', '街道乡镇'];

describe('/coverage/', () => {
  const offices = [
    office('czj', { organization: '某某县财政局', group: '部门', reports: [{ year: 2021, published: '2022-01-20' }, { year: 2022, published: '2023-02-03' }, { year: 2024, published: '2025-01-31' }] }),
    office('xzf', { organization: '某某县人民政府', group: '区政府', reports: [{ year: 2022, published: '2023-03-20' }, { year: 2023 }, { year: 2024, published: '2025-04-01' }] }),
    office('jwb', { kind: 'party-governance', organization: '某某县纪委监委', group: '部门', reports: [{ year: 2023, published: '2024-06-01' }] }),
  ];
  const m = coverageModel(offices, { groups: GROUPS });
  const row = (id: string) => m.rows.find((r) => r.series === id)!;
  const status = (id: string) => row(id).cells.map((c) => c.status);

  it('spans every year from the earliest any series has to the latest, gaps included', () => {
    expect(m.years).toEqual([2021, 2022, 2023, 2024]);
  });

  it('orders series by portal group, then organization (by pinyin: 财政局 before 纪委监委)', () => {
    expect(m.rows.map((r) => r.series)).toEqual(['xzf', 'czj', 'jwb']);
    expect(m.groups.map((g) => [g.name, g.rows.map((r) => r.series)])).toEqual([['区政府', ['xzf']], ['部门', ['czj', 'jwb']], ['街道乡镇', []]]);
  });

  it('a department is due by 1月31日, late after it; a gap inside its span is missing', () => {
    expect(status('czj')).toEqual(['on-time', 'late', 'missing', 'on-time']);
    expect(row('czj').cells[1]).toMatchObject({ daysLate: 3, deadline: { date: '2023-01-31' } });
    expect(row('czj').cells[1]!.note).toContain('第五十条');
  });

  it('the 本级人民政府 is due by 3月31日; a report without a published date is published, not judged', () => {
    expect(row('xzf').ownGovernment).toBe(true);
    expect(status('xzf')).toEqual(['not-started', 'on-time', 'published', 'late']);
    expect(row('xzf').cells[3]!.daysLate).toBe(1);
  });

  it('a kind without a legal date is never late; years before a series starts are not missing, years after its latest are', () => {
    expect(status('jwb')).toEqual(['not-started', 'not-started', 'published', 'missing']);
  });

  it('counts per series and per year', () => {
    expect(row('czj').counts).toEqual({ published: 3, onTime: 2, late: 1, undated: 0, missing: 1, notDue: 0 });
    expect(m.byYear.find((y) => y.year === 2024)).toEqual({ year: 2024, published: 2, onTime: 1, late: 1, undated: 0, missing: 1, notDue: 0 });
    expect(m.counts.missing).toBe(2);
  });

  it('a year whose legal date has not passed on the build date is not due, not missing', () => {
    const early = coverageModel([office('a', { reports: [{ year: 2023 }] }), office('b', { reports: [{ year: 2023 }, { year: 2024, published: '2025-01-10' }] })], { today: '2025-01-20' });
    expect(early.rows.find((r) => r.series === 'a')!.cells.map((c) => c.status)).toEqual(['published', 'not-due']);
    const later = coverageModel([office('a', { reports: [{ year: 2023 }] }), office('b', { reports: [{ year: 2024 }] })], { today: '2025-02-01' });
    expect(later.rows.find((r) => r.series === 'a')!.cells.map((c) => c.status)).toEqual(['published', 'missing']);
  });

  it('who is the 本级人民政府 can be said otherwise', () => {
    const o = office('zfb', { organization: '某某县人民政府办公室', reports: [{ year: 2024, published: '2025-03-01' }] });
    expect(coverageModel([o]).rows[0]!.cells[0]!.status).toBe('late');
    expect(coverageModel([o], { ownGovernment: () => true }).rows[0]!.cells[0]!.status).toBe('on-time');
  });

  it('before the 2019 条例 every office had until 3月31日', () => {
    expect(coverageModel([office('czj', { organization: '某某县财政局', reports: [{ year: 2017, published: '2018-03-30' }] })]).rows[0]!.cells[0]!.status).toBe('on-time');
  });
});

describe('the 本级人民政府, read from site.yaml', () => {
  it.each([
    [{ organization: '某某县人民政府' }, true],
    [{ organization: '某某镇人民政府' }, false],
    [{ title: '某某镇人民政府2024年政府信息公开工作年度报告' }, false],
    [{ organization: '某某县人民政府办公室' }, false],
    [{ organization: '某某县人民政府办公室', title: '某某县人民政府政府信息公开工作年度报告' }, true],
    [{ organization: '某某县人民政府办公室', title: '某某县人民政府办公室政府信息公开工作年度报告' }, false],
    [{ organization: '某某县财政局', title: '某某县财政局政府信息公开工作年度报告' }, false],
    [{}, false],
  ])('%o → %s', (o, own) => expect(isOwnGovernment(o)).toBe(own));
});
