// Tables in any rendition: a Word file made from a PDF (no merges, empty cells where the merges were,
// labels spread by spaces, typos, the long table over two Word tables without its header) binds every
// figure of the real 2021-format reports, as the Word file with its merges does.
import { describe, expect, it } from 'vitest';
import { registrySchema } from '../../../src/lib/content/metrics.ts';
import { govInfoDisclosure } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { importSource } from '../../../src/lib/import/index.ts';
import { readDocx, type SourceTable } from '../../../src/lib/import/source.ts';
import { normaliseTable, registryLabel, restoreMerges } from '../../../src/lib/tables/normalise.ts';
import { placeLabels } from '../../../src/lib/tables/bind.ts';
import { loadReal, type RealTable } from '../../helpers/real-fixtures.ts';
import { realDocx, unmergedTable, type DocxVariant } from '../../helpers/real-docx.ts';

const registry = registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
const LABELS = [...new Set(registry.metrics.flatMap((m) => placeLabels(m)))];
const source = (t: RealTable): SourceTable => ({ rows: t.rows.map((r) => r.map((c) => ({ text: c.text, rowSpan: c.rowspan ?? 1, colSpan: c.colspan ?? 1 }))), repeatedHeaderRows: 0 });
const FROM_PDF: DocxVariant = { unmerged: true, splitLabels: true };

describe('restoring the merges empty cells stand for', () => {
  for (const slug of ['gov-2022-pingtan', 'gov-2023-pingtan']) {
    it(`${slug}: each table without its merges reads back to the published table`, () => {
      for (const table of loadReal(slug).tables) {
        expect(restoreMerges(source(unmergedTable(table))).table).toEqual(source(table));
      }
    });
  }

  it('leaves blank figure cells blank, and a row of one label whose figures are all blank unmerged', () => {
    const t = source({
      rows: [
        [{ text: '项目' }, { text: '数量' }, { text: '金额' }],
        [{ text: '一、新收' }, { text: '3' }, { text: '' }],
        [{ text: '四、结转' }, { text: '' }, { text: '' }],
      ],
    });
    expect(restoreMerges(t)).toEqual({ table: t, joined: 0 });
  });
});

describe('labels that vary from the registry’s', () => {
  it('reads 1、 as 1., a typo as the label it stands for, and leaves unlike labels alone', () => {
    expect(registryLabel('3、其他', LABELS)).toBe('3.其他');
    expect(registryLabel('（三）不子公开', LABELS)).toBe('（三）不予公开');
    expect(registryLabel('2.其他法律行政法规行政止公开', LABELS)).toBe('2.其他法律行政法规禁止公开');
    expect(registryLabel('合计', LABELS)).toBeUndefined();
    expect(registryLabel('（一）予以公开', LABELS)).toBeUndefined();
    expect(registryLabel('结果维持', LABELS)).toBeUndefined();
    // Another ordinal is another row, however alike the words.
    expect(registryLabel('二、本年新收政府信息公开申请数量', LABELS)).toBeUndefined();
  });
});

describe('a Word file made from a PDF of a 2021-format report', () => {
  const variants: Record<string, DocxVariant> = {
    'no merges, labels spread (情 形, 总 计)': FROM_PDF,
    'and typos (不子公开, 1、)': { ...FROM_PDF, typos: { 不予公开: '不子公开', '1.': '1、' } },
    'and table 2 over two Word tables, its header not repeated': { ...FROM_PDF, splitTable: { table: 2, atRow: 15, repeatHeader: false } },
  };
  for (const slug of ['gov-2022-pingtan', 'gov-2023-pingtan']) {
    for (const [name, v] of Object.entries(variants)) {
      it(`${slug}, ${name}: every figure binds, and the summary says what was read how`, async () => {
        const r = importSource(await readDocx(new Uint8Array(await realDocx(loadReal(slug), v))), { registry, fileName: slug });
        expect(r.tables.tables.map((t) => [t.bound, t.numbers])).toEqual([[10, 10], [175, 175], [15, 15]]);
        const merged = importSource(await readDocx(new Uint8Array(await realDocx(loadReal(slug)))), { registry, fileName: slug });
        expect(r.stats).toEqual(merged.stats);
        expect(r.notes.some((n) => /^第 2 个表格缺少合并单元格（如由 PDF 转成的 Word）：\d+ 个空白格按上方或左侧单元格的延续读，合并单元格已补上；这样读，表中 \d+ 条合计关系成立/.test(n))).toBe(true);
      }, 60_000);
    }
  }

  it('takes the reading under which the sum rules hold', () => {
    const table = source(unmergedTable(loadReal('gov-2022-pingtan').tables[1]!));
    const read = normaliseTable(table, registry);
    expect(read.joined).toBeGreaterThan(0);
    expect(read.rulesBroken).toBe(0);
    expect(read.rulesHeld).toBeGreaterThan(20);
  });
});
