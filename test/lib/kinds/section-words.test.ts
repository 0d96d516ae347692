// Every kind reads its own template's headings, and the headings real offices write, as the sections they are.
import { describe, expect, it } from 'vitest';
import { KIND_IDS, KINDS, type KindId } from '../../../src/lib/kinds/index.ts';
import { inferSectionKind } from '../../../src/lib/structure/section-kinds.ts';

const REAL: [string, string][] = [
  ['五、存在的主要问题及改进情况', 'problems-then-measures'],
  ['一、2024年工作总结', 'work'],
  ['二、2025年工作思路', 'measures'],
  ['六、其他需要报告的事项', 'other'],
  ['二、存在的主要问题及原因', 'problems'],
  ['三、下一步工作思路和主要措施', 'measures'],
  ['一、履行全面从严治党主体责任情况', 'work'],
];

const TEMPLATE: Record<KindId, string[]> = {
  'party-governance': ['work', 'problems', 'measures'],
  'gov-info-disclosure': ['work', 'work', 'work', 'work', 'problems-then-measures', 'other'],
  general: ['work', 'problems', 'measures'],
};

describe('section words of each kind', () => {
  for (const id of KIND_IDS) {
    const kind = KINDS[id];
    it(`${id}: the template's headings and real headings get their kinds`, () => {
      expect(kind.report.headings.map((h) => inferSectionKind(h, kind.sectionWords))).toEqual(TEMPLATE[id]);
      for (const [heading, expected] of REAL) expect(inferSectionKind(heading, kind.sectionWords), heading).toBe(expected);
    });
  }
});
