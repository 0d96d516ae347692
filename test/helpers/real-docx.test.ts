// The Word files made from the real fixtures read back through the importer's reader with every
// paragraph intact, and their merged cells are visible in mammoth's document model as the fixture
// lays them out (colSpan from w:gridSpan, rowSpan counted from w:vMerge). Tables are still flattened
// into rows by today's importer, so only paragraph text is asserted of readDocx.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readDocx, type SourceBlock } from '../../src/lib/import/source.ts';
import { shapeDocument } from '../../src/lib/import/blocks.ts';
import { loadAllReal, loadReal, TABLE_MARK, type RealTable } from './real-fixtures.ts';
import { realDocx, splitTable, type DocxVariant } from './real-docx.ts';

interface MammothCell { type: string; colSpan: number; rowSpan: number; children: MammothNode[] }
interface MammothNode { type: string; value?: string; children?: MammothNode[] }

/** Every table of the document as mammoth models it: rows of { text, colSpan, rowSpan }. */
async function mammothTables(buf: Buffer): Promise<{ text: string; colSpan: number; rowSpan: number }[][][]> {
  const tables: { text: string; colSpan: number; rowSpan: number }[][][] = [];
  const text = (n: MammothNode): string => (n.type === 'text' ? (n.value ?? '') : (n.children ?? []).map(text).join(''));
  const walk = (n: MammothNode) => {
    if (n.type === 'table') {
      tables.push((n.children ?? []).map((row) => (row.children as unknown as MammothCell[]).map((c) => ({ text: text(c as unknown as MammothNode), colSpan: c.colSpan, rowSpan: c.rowSpan }))));
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  await mammoth.convertToHtml({ buffer: buf }, { transformDocument: (doc: MammothNode) => (walk(doc), doc) } as never);
  return tables;
}

const asMammoth = (t: RealTable) => t.rows.map((row) => row.map((c) => ({ text: c.text, colSpan: c.colspan ?? 1, rowSpan: c.rowspan ?? 1 })));
const paragraphs = (blocks: SourceBlock[]) => blocks.filter((b) => b.table === undefined).map((b) => b.text.trim()).filter(Boolean);
const textLines = (lines: string[]) => lines.filter((l) => !TABLE_MARK.test(l));

describe.each(loadAllReal().map((r) => [r.slug, r] as const))('the Word file of %s', (_slug, r) => {
  it('reads back through readDocx with every paragraph word for word, and one Word table per table', async () => {
    const buf = await realDocx(r);
    const source = await readDocx(new Uint8Array(buf));
    expect(paragraphs(source.blocks)).toEqual(textLines(r.lines));
    expect(source.tables).toBe(r.tables.length);
    const title = source.blocks.filter((b) => b.centered).map((b) => b.text);
    expect(title).toEqual(r.answers.titleLines ?? [r.answers.title]);
  });

  it('keeps every merged cell in mammoth’s document model: colSpan from w:gridSpan, rowSpan from w:vMerge', async () => {
    expect(await mammothTables(await realDocx(r))).toEqual(r.tables.map(asMammoth));
  });
});

describe('Word variants an importer meets', () => {
  const r = loadReal('gov-2023-pingtan');
  const read = async (v: DocxVariant) => (await readDocx(new Uint8Array(await realDocx(r, v)))).blocks;

  it('an office line above the title: a centred line of its own, then the title', async () => {
    const blocks = await read({ officeLine: '平潭综合实验区' });
    expect(blocks.filter((b) => b.centered).map((b) => b.text)).toEqual(['平潭综合实验区', r.answers.title]);
    expect(paragraphs(blocks).slice(1)).toEqual(textLines(r.lines));
    // The title already names the office: joined, it is not written twice.
    expect(shapeDocument(blocks).title).toBe(r.answers.title);
  });

  it('the title in Word’s Title style', async () => {
    const blocks = await read({ titleStyle: true });
    expect(blocks[0]).toMatchObject({ text: r.answers.title, isTitle: true });
    // An office line above a title that names its office already is not prepended to it.
    expect(shapeDocument(await read({ titleStyle: true, officeLine: '平潭综合实验区管委会办公室' })).title).toBe(r.answers.title);
  });

  it('stray spaces in labels and blank zero cells reach the reader as written', async () => {
    const tables = await mammothTables(await realDocx(r, { splitLabels: true, blankZeros: true }));
    const header = tables[1]!.flat().map((c) => c.text);
    expect(header).toContain('总 计');
    expect(header).toContain('其 他');
    expect(header).toContain('（二）部分公开（区分处理的，只计这一情 形，不计其他情 形）');
    expect(tables[1]![4]!.map((c) => c.text)).toEqual(['二、上年结转政府信息公开申请数量', '', '', '', '', '', '', '']);
    expect(paragraphs(await read({ splitLabels: true, blankZeros: true }))).toEqual(textLines(r.lines));
  });

  it.each([true, false])('a table split over two pages (header repeated: %s) becomes two Word tables, the cut rowspans closed and reopened', async (repeatHeader) => {
    const v: DocxVariant = { splitTable: { table: 2, atRow: 14, repeatHeader } };
    const tables = await mammothTables(await realDocx(r, v));
    expect(tables).toHaveLength(4);
    const [top, bottom] = splitTable(r.tables[1]!, 14, repeatHeader);
    expect(tables[1]).toEqual(asMammoth(top));
    expect(tables[2]).toEqual(asMammoth(bottom));
    // 三、本年度办理结果 spans 22 rows from row 5: 9 above the cut, 13 below it, its label written again.
    expect(tables[1]![5]![0]).toEqual({ text: '三、本年度办理结果', colSpan: 1, rowSpan: 9 });
    const reopened = tables[2]![repeatHeader ? 3 : 0]!;
    expect(reopened.slice(0, 2).map((c) => [c.text, c.rowSpan])).toEqual([['三、本年度办理结果', 13], ['（三）不予公开', 1]]);
    expect(tables[2]![0]![0]!.text).toBe(repeatHeader ? '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' : '三、本年度办理结果');
    expect(paragraphs(await read(v))).toEqual(textLines(r.lines));
  });

  it('Word automatic numbering on the 一、 headings: the text without its number, marked as numbered', async () => {
    const blocks = await read({ autoNumberHeadings: true });
    const headings = textLines(r.lines).filter((l) => /^[一二三四五六七八九十]{1,3}、/.test(l));
    const numbered = blocks.filter((b) => b.numbered);
    expect(numbered.map((b) => b.text)).toEqual(headings.map((h) => h.replace(/^[一二三四五六七八九十]{1,3}、/, '')));
    expect(numbered.every((b) => b.numbered?.level === 0)).toBe(true);
  });
});
