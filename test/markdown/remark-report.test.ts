import { describe, expect, it } from 'vitest';
import { runSteps } from '../helpers/markdown-steps.ts';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import remarkReport from '../../src/markdown/remark-report.ts';
import { makeRegistry, metricSchema } from '../../src/lib/content/metrics.ts';
import type { Edition } from '../../src/lib/content/edition.ts';
import type { ReportStructure } from '../../src/lib/structure/structure.ts';
import { unpackStructure } from '../../src/lib/structure/packed.ts';
import { DEFAULT_SECTION_WORDS, type SectionWords } from '../../src/lib/structure/section-kinds.ts';

const registry = makeRegistry([
  metricSchema.parse({ id: 'meetings', label: '会议', unit: '次', public: true }),
  metricSchema.parse({ id: 'cases', label: '案件', unit: '件' }),
]);

const body = `2021年……汇报如下：

## 一、履行主体责任情况

一是召开会议。全年召开会议<Stat id="meetings" />次，办理案件<Stat id="cases" />件。

二是严肃查处<Redact>某某社区王某某案</Redact>。

## 二、存在的问题及原因

一是学习不够。

深入剖析原因：

一是认识不够。
`;

function run(edition: Edition, stats: Record<string, unknown> = { meetings: 7, cases: 4817 }) {
  const file = new VFile({ value: body, data: { astro: { frontmatter: { year: 2021, stats } } } });
  const tree = runSteps(file, [remarkReport({ registry, edition })]);
  const raw = (file.data as { astro: { frontmatter: { stats: Record<string, unknown>; structure: string } } }).astro.frontmatter;
  const fm = { ...raw, structure: unpackStructure(raw.structure, 'test') };
  return { tree, fm, text: toString(tree) };
}

describe('remark-report', () => {
  it('public edition: non-public stats masked, public shown, redacted text gone from the tree and the exported frontmatter', () => {
    const { text, fm } = run('public');
    expect(text).toContain('全年召开会议7次，办理案件****件。');
    expect(text).not.toContain('4817');
    expect(text).not.toContain('王某某');
    expect(text).toContain('严肃查处■■■。');
    expect(fm.stats).toEqual({ meetings: 7, cases: '****' });
    expect(JSON.stringify(fm)).not.toMatch(/4817|王某某/);
  });

  it('internal edition: everything shown, redacted text marked', () => {
    const { tree, text, fm } = run('internal');
    expect(text).toContain('办理案件4817件');
    expect(text).toContain('严肃查处某某社区王某某案。');
    expect(JSON.stringify(tree)).toContain('"name":"mark"');
    expect(fm.stats.cases).toBe(4817);
  });

  it('exports the structure with anchors, kinds and cited metrics', () => {
    const { fm } = run('public');
    const s = fm.structure;
    expect(s.intro.map((p) => p.id)).toEqual(['p1']);
    expect(s.sections.map((x) => [x.id, x.kind])).toEqual([['s1', 'work'], ['s2', 'problems']]);
    expect(s.sections[0].paragraphs[0]).toMatchObject({ id: 's1-1', stats: ['meetings', 'cases'], item: { ordinal: 1, title: '一是召开会议。', kind: 'work' } });
    expect(s.sections[1].paragraphs.map((p) => `${p.id}:${p.item?.kind ?? '-'}`)).toEqual(['s2-1:problems', 's2-p1:-', 's2-c1:causes']);
  });

  it('puts the anchor and kind on the paragraph for the HTML', () => {
    const { tree } = run('public');
    const para = tree.children.find((n) => n.type === 'paragraph' && toString(n).startsWith('一是召开会议'))!;
    expect(para.data).toMatchObject({ hProperties: { id: 's1-1', 'data-kind': 'work', className: ['item'] } });
  });

  it('fails loudly on a <Stat> whose value the frontmatter does not give', () => {
    expect(() => run('public', { meetings: 7 })).toThrow(/cases/);
  });

  it('a stat written as a lower bound keeps 余 when shown', () => {
    expect(run('internal', { meetings: '30+', cases: 1 }).text).toContain('召开会议30余次');
    expect(run('public', { meetings: 7, cases: '30+' }).text).toContain('办理案件**余件');
  });

  it('reads section kinds with the words it is given (the content folder’s kind)', () => {
    const kindOf = (sectionWords?: SectionWords) => {
      const file = new VFile({ value: '## 四、展望\n\n一是再接再厉。\n', data: { astro: { frontmatter: { year: 2021, stats: {} } } } });
      runSteps(file, [remarkReport({ registry, edition: 'public', sectionWords })]);
      return unpackStructure((file.data as { astro: { frontmatter: { structure: string } } }).astro.frontmatter.structure, 'test').sections[0]!.kind;
    };
    expect(kindOf()).toBe('other');
    expect(kindOf({ ...DEFAULT_SECTION_WORDS, headings: [{ kind: 'measures', words: ['展望'] }, ...DEFAULT_SECTION_WORDS.headings] })).toBe('measures');
  });
});

