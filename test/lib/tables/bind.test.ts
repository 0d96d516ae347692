import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { makeRegistry, metricSchema, type Metric } from '../../../src/lib/content/metrics.ts';
import { bindTable, cellName, cellNumber, placeLabels, sameLabel, type TablePlace } from '../../../src/lib/tables/bind.ts';
import { gridFromSpans, type SpanCell } from '../../../src/lib/tables/grid.ts';

const m = (id: string, label: string, unit = '件', place: TablePlace = {}): Metric => ({ ...metricSchema.parse({ id, label, unit, group: 'g' }), ...place }) as Metric;
const c = (text: string, span: { r?: number; c?: number } = {}): SpanCell => ({ content: (text ? [{ type: 'text', value: text }] : []) as PhrasingContent[], rowSpan: span.r, colSpan: span.c });

/** Rows of cells written `text` or `text@rowspan×colspan`. */
function grid(rows: string[][]) {
  return gridFromSpans(rows.map((row) => row.map((s) => {
    const [text = '', span] = s.split('@');
    const [r, k] = (span ?? '1×1').split('×').map(Number);
    return c(text, { r, c: k });
  }))).grid;
}

const bound = (g: ReturnType<typeof grid>, metrics: Metric[], taken?: Set<string>) =>
  bindTable(g, makeRegistry(metrics), taken).map((b) => {
    const at = `${b.cell.row + 1}.${b.cell.col + 1}`;
    return b.binding.kind === 'bound' ? `${at}=${b.binding.metric.id}` : b.binding.kind === 'blank' ? `${at}:blank` : `${at}:${b.binding.reason}`;
  });

// The national format's 行政复议、行政诉讼 table, as Word lays it out.
const REVIEW = grid([
  ['行政复议@1×2', '行政诉讼@1×4'],
  ['结果维持@2×1', '总 计@2×1', '未经复议直接起诉@1×2', '复议后起诉@1×2'],
  ['结果维持', '总计', '结果维持', '总计'],
  ['0', '2', '1', '1', '0', ''],
]);

describe('binding table figures to metrics', () => {
  it('by the row and column a registry entry declares (the gov-info-disclosure shape)', () => {
    const metrics = [
      m('review-upheld', '行政复议 · 结果维持', '件', { column: ['行政复议', '结果维持'] }),
      m('review-total', '行政复议 · 总计', '件', { column: ['行政复议', '总计'] }),
      m('direct-upheld', '直诉维持', '件', { column: ['行政诉讼', '未经复议直接起诉', '结果维持'] }),
      m('direct-total', '直诉总计', '件', { column: ['行政诉讼', '未经复议直接起诉', '总计'] }),
      m('after-upheld', '复议后维持', '件', { column: ['行政诉讼', '复议后起诉', '结果维持'] }),
      m('after-total', '复议后总计', '件', { column: ['行政诉讼', '复议后起诉', '总计'] }),
    ];
    expect(bound(REVIEW, metrics)).toEqual(['4.1=review-upheld', '4.2=review-total', '4.3=direct-upheld', '4.4=direct-total', '4.5=after-upheld', '4.6:blank']);
  });

  it('by label text when the registry gives no place: “行 · 列”, or the row label alone', () => {
    const g = grid([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '10690'],
      ['函询', '2人'],
    ]);
    expect(bound(g, [m('licensing', '行政许可 · 本年处理决定数量'), m('inquiry', '函询', '人')])).toEqual(['2.2=licensing', '3.2=inquiry']);
  });

  it('spaces inside short labels and a last bracket do not matter (“总 计”, 本年收费金额（单位：万元）)', () => {
    expect(sameLabel('总 计', '总计')).toBe(true);
    expect(sameLabel('本年收费金额（单位：万元）', '本年收费金额')).toBe(true);
    expect(sameLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(true);
    expect(sameLabel('总计', '合计')).toBe(false);
  });

  it('the most specific metric wins; an even tie is ambiguous and binds nothing', () => {
    const g = grid([
      ['项目', '数量'],
      ['行政许可', '5'],
    ]);
    expect(bound(g, [m('general', '行政许可'), m('specific', '行政许可 · 数量')])).toEqual(['2.2=specific']);
    expect(bound(g, [m('a', '行政许可'), m('b', '行政许可')])).toEqual(['2.2:ambiguous']);
  });

  it('a metric binds once; the unit must fit; a blank is listed; a 序号 column holds no counts', () => {
    const g = grid([
      ['序号', '项目', '数量'],
      ['1', '函询', '2人'],
      ['2', '函询', '3人'],
      ['3', '谈话', '4次'],
      ['4', '诫勉', '—'],
    ]);
    expect(bound(g, [m('inquiry', '函询', '人'), m('talks', '谈话', '人')])).toEqual(['2.3=inquiry', '3.3:taken', '4.3:unit', '5.3:blank']);
    expect(bound(g, [m('inquiry', '函询', '人')], new Set(['inquiry']))[0]).toBe('2.3:taken');
  });

  it('under a group row, its own column labels stand in for the table header (the 第二十条 blocks)', () => {
    const g = grid([
      ['第二十条第（一）项@1×3'],
      ['信息内容', '本年制发件数', '本年废止件数'],
      ['规章', '1', '2'],
      ['第二十条第（五）项@1×3'],
      ['信息内容', '本年处理决定数量@1×2'],
      ['行政许可', '10690@1×2'],
    ]);
    const metrics = [
      m('reg-issued', '规章 · 本年制发件数', '件', { row: ['第二十条第（一）项', '规章'], column: ['本年制发件数'] }),
      m('licensing', '行政许可 · 本年处理决定数量', '件', { row: ['第二十条第（五）项', '行政许可'], column: ['本年处理决定数量'] }),
    ];
    const out = bindTable(g, makeRegistry(metrics));
    expect(out.map((b) => (b.binding.kind === 'bound' ? b.binding.metric.id : b.binding.kind))).toEqual(['reg-issued', 'unbound', 'licensing']);
    expect(cellName(out[2]!.labels)).toBe('行政许可 × 第二十条第（五）项 · 本年处理决定数量');
    expect(cellName(out[0]!.labels)).toBe('规章 × 第二十条第（一）项 · 本年制发件数');
  });

  it('a metric’s labels: its place, else its label split at ·', () => {
    expect(placeLabels(m('x', '行政诉讼 · 复议后起诉 · 总计'))).toEqual(['行政诉讼', '复议后起诉', '总计']);
    expect(placeLabels(m('x', '任意', '件', { row: ['三、本年度办理结果', '（七）总计'], column: ['总计'] }))).toEqual(['三、本年度办理结果', '（七）总计', '总计']);
  });
});

describe('a number in a cell', () => {
  it.each([
    ['71', { written: '71', value: { kind: 'exact', value: 71 }, unit: '' }],
    ['9116.36', { written: '9116.36', value: { kind: 'exact', value: 9116.36 }, unit: '' }],
    ['2人', { written: '2', value: { kind: 'exact', value: 2 }, unit: '人' }],
    ['30余次', { written: '30余', value: { kind: 'atLeast', value: 30 }, unit: '次' }],
    ['10,690', { written: '10,690', value: { kind: 'exact', value: 10690 }, unit: '' }],
    ['**', { written: '**', value: { kind: 'masked', digits: 2, atLeast: false }, unit: '' }],
  ])('%s', (text, expected) => {
    expect(cellNumber(text)).toMatchObject(expected);
  });
  it.each(['2022年', '12月', '行政许可', '1.属于国家秘密', '约5件'])('%s is not a count', (text) => {
    expect(cellNumber(text)).toBeUndefined();
  });
});
