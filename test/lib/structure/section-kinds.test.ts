import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTION_WORDS, inferSectionKind, sectionKind, type SectionWords } from '../../../src/lib/structure/section-kinds.ts';

describe('section kinds from the heading', () => {
  it.each([
    // The sample and the party-governance kind.
    ['一、履行主体责任情况', 'work'],
    ['二、存在的主要问题及原因', 'problems'],
    ['三、下一步工作思路和主要措施', 'measures'],
    // 政府信息公开工作年度报告 (国办公开办函〔2021〕30号).
    ['一、总体情况', 'work'],
    ['二、主动公开政府信息情况', 'work'],
    ['三、收到和处理政府信息公开申请情况', 'work'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'work'],
    ['五、存在的主要问题及改进情况', 'problems-then-measures'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems-then-measures'],
    ['六、其他需要报告的事项', 'other'],
    ['六、其他需要报告的情况', 'other'],
    // 年度工作总结.
    ['一、2024年工作总结', 'work'],
    ['二、2025年工作思路', 'measures'],
    ['一、2022年旅游文体工作总结', 'work'],
    ['二、2023年旅游文体工作思路', 'measures'],
    ['一、主要成效', 'work'],
    ['二、存在问题', 'problems'],
    ['三、2023年工作计划', 'measures'],
    ['三、2024年工作打算', 'measures'],
    ['二、存在的问题和下一步打算', 'problems-then-measures'],
    ['三、存在的不足及下步打算', 'problems-then-measures'],
    ['四、存在问题及整改措施', 'problems-then-measures'],
    // The head word (last) decides: these name problems or measures only as a modifier.
    ['三、信访举报和问题线索处置情况', 'work'],
    ['二、工作中存在的问题', 'problems'],
    ['三、措施落实情况', 'work'],
    ['三、针对问题的整改措施', 'measures'],
    ['四、其他需要说明的事项', 'other'],
    ['五、坚持以政治建设为统领', 'other'],
  ])('%s → %s', (heading, kind) => expect(inferSectionKind(heading)).toBe(kind));

  it('takes its words as a parameter (a report kind brings its own)', () => {
    const words: SectionWords = { ...DEFAULT_SECTION_WORDS, headings: [{ kind: 'measures', words: ['展望'] }, ...DEFAULT_SECTION_WORDS.headings] };
    expect(inferSectionKind('三、2025年展望')).toBe('other');
    expect(inferSectionKind('三、2025年展望', words)).toBe('measures');
  });

  it('lets frontmatter override by full heading or by ordinal, problems-then-measures included', () => {
    expect(sectionKind('四、其他需要说明的事项', { 四: 'problems' })).toBe('problems');
    expect(sectionKind('四、其他需要说明的事项', { '四、其他需要说明的事项': 'measures' })).toBe('measures');
    expect(sectionKind('五、问题与不足', { 五: 'problems-then-measures' })).toBe('problems-then-measures');
    expect(sectionKind('五、存在的主要问题及改进情况', { 五: 'problems' })).toBe('problems');
  });
});
