import { describe, expect, it } from 'vitest';
import { parseDateLine, shapeDocument } from '../../../src/lib/import/blocks.ts';
import type { SourceBlock } from '../../../src/lib/import/source.ts';
import { loadAllReal } from '../../helpers/real-fixtures.ts';

const lines = (...texts: string[]): SourceBlock[] => texts.map((text) => ({ text }));
const shape = (blocks: SourceBlock[]) => {
  const s = shapeDocument(blocks);
  return { ...s, out: s.blocks.map((b) => (b.type === 'heading' ? `${'#'.repeat(b.depth)} ${b.text}` : b.text)) };
};

describe('shaping a written report', () => {
  it('一、 headings become ##, （一） sub-headings ###, everything else paragraphs', () => {
    const s = shape(lines('2022年以来，工委认真履职。现将有关情况汇报如下：', '', '一、履行主体责任情况', '（一）加强学习', '一是认真学习。组织学习3次。', '（二）强化监督', '二、存在的问题'));
    expect(s.title).toBeUndefined();
    expect(s.out).toEqual(['2022年以来，工委认真履职。现将有关情况汇报如下：', '## 一、履行主体责任情况', '### （一）加强学习', '一是认真学习。组织学习3次。', '### （二）强化监督', '## 二、存在的问题']);
  });

  it('a long paragraph that starts with 一、 or （一） stays a paragraph', () => {
    const long = '（一）加强学习。全年组织理论学习中心组集中学习十二次，围绕党的二十大精神开展专题研讨，班子成员带头讲党课，推动学习走深走实。';
    expect(shape(lines('一、情况', long)).out).toEqual(['## 一、情况', long]);
  });

  it('takes a title-like first line as the title, and a closing date as the date of issue', () => {
    const s = shape(lines('　　关于2023年度落实全面从严治党主体责任情况的报告', '县委：', '一、主要工作', '一是抓学习。', '2024年1月16日'));
    expect(s.title).toBe('关于2023年度落实全面从严治党主体责任情况的报告');
    expect(s.published).toBe('2024-01-16');
    expect(s.out).toEqual(['县委：', '## 一、主要工作', '一是抓学习。']);
  });

  it('points out a signature line above the date, and numbering Word drew but the text lacks', () => {
    const s = shape([{ text: '一、主要工作' }, { text: '抓学习，组织集中学习。', numbered: { level: 1 } }, { text: '中共某某镇委员会' }, { text: '2024年1月16日' }]);
    expect(s.out).toEqual(['## 一、主要工作', '抓学习，组织集中学习。', '中共某某镇委员会']);
    expect(s.notes.join('\n')).toContain('“中共某某镇委员会”像是落款');
    expect(s.notes.join('\n')).toContain('有 1 个段落用了 Word 自动编号');
  });

  it('joins a title Word split over two centred lines', () => {
    const s = shape([
      { text: '关于2023年度落实全面从严治党', centered: true },
      { text: '主体责任情况的报告', centered: true },
      { text: '（2024年1月16日）', centered: true },
      { text: '一、主要工作' },
    ]);
    expect(s.title).toBe('关于2023年度落实全面从严治党主体责任情况的报告');
    expect(s.out).toEqual(['（2024年1月16日）', '## 一、主要工作']);
  });

  it('uses Word heading styles and bold lines only where the text has no numbering', () => {
    const s = shape([
      { text: '工作总结', isTitle: true },
      { text: '主要工作', headingLevel: 1 },
      { text: '学习教育', headingLevel: 2 },
      { text: '一是抓学习。', bold: false },
      { text: '存在的不足', headingLevel: 1 },
      { text: '重点难点', bold: true },
    ]);
    expect(s.title).toBe('工作总结');
    expect(s.out).toEqual(['## 主要工作', '### 学习教育', '一是抓学习。', '## 存在的不足', '### 重点难点']);
  });

  it('writes Word automatic numbering into headings and says so', () => {
    const s = shape([{ text: '主要工作', numbered: { level: 0 } }, { text: '一是抓学习。' }, { text: '存在问题', numbered: { level: 0 } }]);
    expect(s.out).toEqual(['## 一、主要工作', '一是抓学习。', '## 二、存在问题']);
    expect(s.notes.join('')).toContain('自动编号');
  });

  it('a Word table stays a table: never the title, never a heading, never the signature', () => {
    const grid = { rows: [[{ text: '报告', rowSpan: 1, colSpan: 1 }]], repeatedHeaderRows: 0 };
    const s = shapeDocument([{ text: '报告', table: 1, grid }, { text: '一、情况' }, { text: '指标　数量', table: 2, grid }, { text: '2023年1月16日' }]);
    expect(s.title).toBeUndefined();
    expect(s.blocks.map((b) => b.type)).toEqual(['table', 'heading', 'table']);
    expect(s.blocks[2]).toMatchObject({ type: 'table', table: 2, grid });
    expect(s.published).toBe('2023-01-16');
    expect(s.notes.join('')).not.toContain('落款');
  });

  it('reads dates written in figures or in Chinese', () => {
    expect(parseDateLine('2023年1月16日')).toBe('2023-01-16');
    expect(parseDateLine('二〇二三年一月十六日')).toBe('2023-01-16');
    expect(parseDateLine('2023年2月30日')).toBeUndefined();
    expect(parseDateLine('2023年1月16日召开会议')).toBeUndefined();
  });
});

describe('the title comes from the document', () => {
  it('joins an office line and the title line, never writing the office twice', () => {
    expect(shape(lines('XX区人民政府', '2023年政府信息公开工作年度报告', '一、总体情况')).title).toBe('XX区人民政府2023年政府信息公开工作年度报告');
    expect(shape(lines('XX区统计局', 'XX区统计局2023年政府信息公开工作年度报告', '一、总体情况')).title).toBe('XX区统计局2023年政府信息公开工作年度报告');
    expect(shape(lines('XX区人民政府', 'XX区统计局2023年政府信息公开工作年度报告', '一、总体情况')).title).toBe('XX区统计局2023年政府信息公开工作年度报告');
    expect(shape(lines('平潭综合实验区2019年', '政府信息公开工作年度报告', '一、总体情况')).title).toBe('平潭综合实验区2019年政府信息公开工作年度报告');
    expect(shape(lines('中共XX县委员会', '关于2023年度落实全面从严治党主体责任情况的报告', '市委：')).title).toBe('中共XX县委员会关于2023年度落实全面从严治党主体责任情况的报告');
    const s = shape(lines('XX区人民政府', '2023年政府信息公开工作年度报告', '一、总体情况', '（一）主动公开情况。主要通过政府网站公开。'));
    expect(s.titleLines).toEqual(['XX区人民政府', '2023年政府信息公开工作年度报告']);
    expect(s.out).toEqual(['## 一、总体情况', '（一）主动公开情况。主要通过政府网站公开。']);
  });

  it('joins a centred office line and a Word title, without doubling', () => {
    expect(shape([{ text: 'XX区统计局', centered: true }, { text: '2023年政府信息公开工作年度报告', isTitle: true }, { text: '一、总体情况' }]).title).toBe('XX区统计局2023年政府信息公开工作年度报告');
    expect(shape([{ text: 'XX区统计局', centered: true }, { text: 'XX区统计局2023年政府信息公开工作年度报告', centered: true }, { text: '一、总体情况' }]).title).toBe('XX区统计局2023年政府信息公开工作年度报告');
    expect(shape([{ text: 'XX区统计局' }, { text: '2023年政府信息公开工作年度报告', isTitle: true }, { text: '一、总体情况' }]).title).toBe('XX区统计局2023年政府信息公开工作年度报告');
  });

  it('takes no line above the text for a title when the next line is not one', () => {
    const s = shape(lines('XX区人民政府', '2023年，我区认真贯彻落实《条例》，现将有关情况报告如下。', '一、总体情况'));
    expect(s.title).toBeUndefined();
    expect(s.out[0]).toBe('XX区人民政府');
    expect(shape(lines('县委：', '2023年政府信息公开工作年度报告')).title).toBeUndefined();
  });

  it.each(loadAllReal().map((r) => [r.slug, r] as const))('real report %s: the title of its answer key, and no title line left in the body', (_slug, r) => {
    const s = shape(lines(...r.text.split('\n')));
    expect(s.title).toBe(r.answers.title);
    expect(s.out[0]).not.toBe(r.lines[0]);
    expect(s.out.length).toBe(r.lines.length - (r.answers.titleLines?.length ?? 1));
  });
});
