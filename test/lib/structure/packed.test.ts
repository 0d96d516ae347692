import { describe, expect, it } from 'vitest';
import { packStructure, unpackStructure } from '../../../src/lib/structure/packed.ts';
import type { ReportStructure } from '../../../src/lib/structure/structure.ts';

const structure: ReportStructure = {
  intro: [{ id: 'p1', text: '现将有关情况汇报如下：', stats: [], kind: 'intro', line: 3 }],
  sections: [{ id: 's1', title: '一、工作情况', kind: 'work', line: 5, paragraphs: [{ id: 's1-1', text: '一是“</script><script>alert(1)</script>”照录。', stats: ['meetings'], kind: 'work' }] }],
};

describe('packed structure', () => {
  it('is one string that comes back as the same structure, quotes and markup in the text included', () => {
    const packed = packStructure(structure);
    expect(typeof packed).toBe('string');
    expect(unpackStructure(packed, 'reports/2022.mdx')).toEqual(structure);
  });

  it('writes a text the structure repeats once, and gives every copy back', () => {
    const body = '一是强化宣传教育，增强党员干部廉洁自律意识。通过警示教育宣传片加强教育。';
    const item = { ordinal: 1, title: '一是强化宣传教育，增强党员干部廉洁自律意识。', kind: 'measures' as const, form: 'yishi' as const, depth: 1, body };
    const repeated: ReportStructure = {
      intro: [],
      sections: [
        { id: 's3', title: '三、下一步工作思路和主要措施', kind: 'measures', paragraphs: [
          { id: 's3-1', text: body, stats: [], kind: 'measures', item },
          // A text that looks like a reference is only ever a string: it stays what it says.
          { id: 's3-2', text: '{"$":0} 与 $ 符号照录', stats: [], kind: 'measures' },
          { id: 's3-3', text: body, stats: [], kind: 'measures', item: { ...item, ordinal: 2 } },
        ] },
      ],
    };
    const packed = packStructure(repeated);
    expect(unpackStructure(packed, 'reports/2022.mdx')).toEqual(repeated);
    expect(packed.split(body).length - 1).toBe(1);
    expect(packed.length).toBeLessThan(JSON.stringify(repeated).length - 3 * body.length);
  });

  it('refuses a packed structure whose reference points at no text, naming the report', () => {
    expect(() => unpackStructure('{"intro":[],"sections":[{"title":{"$":4}}]}', 'reports/2021.mdx')).toThrow(/reports\/2021\.mdx.*损坏.*npm run build/);
  });

  it('names the report when the compiled module carries no structure', () => {
    expect(() => unpackStructure(undefined, 'reports/2022.mdx')).toThrow(/reports\/2022\.mdx.*报告结构/);
    expect(() => unpackStructure(structure, 'reports/2022.mdx')).toThrow(/remark-report/);
  });
});
