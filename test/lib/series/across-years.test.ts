import { describe, expect, it } from 'vitest';
import { acrossYears, FOLLOW_UP } from '../../../src/lib/series/across-years.ts';
import { buildStructure, type Block } from '../../../src/lib/structure/structure.ts';

function report(year: number, work: string[], problems: string[], measures: string[]) {
  const blocks: Block[] = [
    { type: 'heading', text: '一、履行主体责任情况' },
    ...work.map((text): Block => ({ type: 'paragraph', text })),
    { type: 'heading', text: '二、存在的问题' },
    ...problems.map((text): Block => ({ type: 'paragraph', text })),
    { type: 'heading', text: '三、下一步工作措施' },
    ...measures.map((text): Block => ({ type: 'paragraph', text })),
  ];
  return { year, structure: buildStructure(blocks).structure };
}

const reports = [
  report(2021, ['一是抓学习。组织理论学习。'], ['一是政治理论学习有待加强。学的不深。', '二是信访办理不够及时。'], ['一是加大信访积案化解力度。建立积案台账，逐件销号。', '二是开展廉洁文化进社区活动。']),
  report(2022, ['一是化解信访积案。建立积案台账，全年销号积案12件。', '二是推进智慧党建平台建设。'], ['一是政治理论学习仍需加强。学风不实。'], ['一是建设廉洁文化长廊。']),
  report(2023, ['一是开展主题教育。'], ['一是政治理论学习有待加强。'], ['一是深化以案促改。']),
];

describe('acrossYears', () => {
  const a = acrossYears(reports);

  it('notes a recurring problem with its nearest other years, how it was worded, and the run up to this year', () => {
    expect(a.notes.get(2022)?.get('s2-1')).toEqual({
      title: '一是政治理论学习仍需加强。',
      others: [
        { year: 2021, id: 's2-1', wording: 'near' },
        { year: 2023, id: 's2-1', wording: 'near' },
      ],
      years: 3,
      run: 2,
      recurrence: 1,
    });
    expect(a.notes.get(2023)?.get('s2-1')).toMatchObject({ others: [{ year: 2022, wording: 'near' }], run: 3 });
    expect(a.notes.get(2021)?.get('s2-1')).toMatchObject({ run: 1 });
    // An item that does not recur has no note.
    expect(a.notes.get(2021)?.has('s2-2')).toBe(false);
  });

  it('follows each measure of year a into the work of year a+1, with the shared terms, or finds none', () => {
    const f = a.followUps.get(2022)!;
    expect(f.from).toBe(2021);
    expect(f.list.map((x) => x.measure.id)).toEqual(['s3-1', 's3-2']);
    const [backlog, culture] = f.list;
    expect(backlog!.matches.map((m) => m.item.id)).toEqual(['s1-1']);
    expect(backlog!.matches[0]!.shared).toEqual(expect.arrayContaining(['信访积案', '积案台账']));
    expect(backlog!.matches[0]!.strength).toBe('strong');
    expect(backlog!.matches[0]!.score).toBeGreaterThanOrEqual(FOLLOW_UP.strong);
    // The 2022 work says nothing of 廉洁文化 (the 2022 measure does, but a measure is not work done).
    expect(culture!.matches).toEqual([]);
  });

  it('only for consecutive years', () => {
    const gap = acrossYears([reports[0]!, { ...reports[2]!, year: 2023 }]);
    expect([...gap.followUps.keys()]).toEqual([]);
    expect([...a.followUps.keys()]).toEqual([2022, 2023]);
  });
});
