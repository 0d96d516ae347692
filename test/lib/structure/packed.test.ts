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

  it('names the report when the compiled module carries no structure', () => {
    expect(() => unpackStructure(undefined, 'reports/2022.mdx')).toThrow(/reports\/2022\.mdx.*报告结构/);
    expect(() => unpackStructure(structure, 'reports/2022.mdx')).toThrow(/remark-report/);
  });
});
