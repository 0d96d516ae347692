// The gov-info-disclosure registry over its three layouts (gov-info-format*.ts): every figure of every layout's
// tables is a metric, each with the layouts it is in; a figure that continues from one layout to the next is one
// metric, found in the older table by `places` and marked with `breaks` where its definition changed; and each
// layout's own 勾稽关系 are sum rules tagged with that layout. docs/formats/gov-info-layouts.md is the same in words.
import type { MetricInput, RuleInput } from '../content/metrics.ts';
import type { Layout } from './layouts.ts';
import {
  APPLICANTS,
  ORGANISATIONS,
  PROACTIVE_BLOCKS,
  REQUEST_ROWS,
  requestCell,
  RESULTS,
  REVIEW_BLOCKS,
  REVIEW_OUTCOMES,
  reviewCell,
  TABLE_PROACTIVE,
  TABLE_REQUESTS,
  TABLE_REVIEW,
} from './gov-info-format.ts';
import { LAYOUT_2019, LAYOUT_2021, LAYOUT_PRE_2019, OTHERWISE_2019, PROACTIVE_BLOCKS_2019, PROACTIVE_SIGNED_2019 } from './gov-info-format-2019.ts';
import { STAT_COLUMNS, STAT_ROWS, STAT_SUMS, TABLE_STATISTICS } from './gov-info-format-pre2019.ts';

export const GOV_INFO_LAYOUTS: Layout[] = [
  { id: LAYOUT_PRE_2019, name: '政府信息公开情况统计表（2019年以前）', to: 2018 },
  { id: LAYOUT_2019, name: '国办公开办函〔2019〕60号格式', from: 2019, to: 2020 },
  { id: LAYOUT_2021, name: '国办公开办函〔2021〕30号格式', from: 2021 },
];

/** The figures offices and assessors look at first. */
const KEY = new Set([
  'normative-documents-issued',
  'normative-documents-in-force',
  'requests-new-total',
  'requests-granted-total',
  'requests-results-total-total',
  'review-total',
  'litigation-direct-total',
  'litigation-after-review-total',
]);

const BOTH = [LAYOUT_2019, LAYOUT_2021];

/**
 * "一、本年新收政府信息公开申请数量 · 自然人": the row's own labels and the column's, without the headers
 * that only group them (三、本年度办理结果, 法人或其他组织, 第二十条第（一）项).
 */
function label(row: string[], column: string[]): string {
  const r = row.filter((s) => s !== RESULTS && !s.startsWith('第二十条'));
  const c = column[0] === ORGANISATIONS ? column.slice(1) : column;
  return [...r, ...c].map((s) => s.replace('（单位：万元）', '')).join(' · ');
}

function metric(id: string, group: string, row: string[] | undefined, column: string[], unit: string, extra: Partial<MetricInput> = {}): MetricInput {
  return { id, label: label(row ?? [], column), unit, group, ...(row && { row }), column, public: true, ...(KEY.has(id) && { key: true }), ...extra };
}

// ---------- figures that continue across layouts ----------

const BREAK_2019 = '2019年起按国办公开办函〔2019〕60号格式统计（件）；此前为各地政府信息公开情况统计表的“条”，口径不同，不宜直接比较';

/** 2019 table 1 figures that are the 2021 one of the same row (by column id), and whether the definition changed. */
const CONTINUED_2019: Record<string, { note?: string }> = {
  issued: { note: '2021年起为“本年制发件数”（规范性文件改为行政规范性文件）；2019、2020年为“本年新制作数量”，口径不同' },
  decisions: {},
};

/** 统计表 rows whose year figure is a 2019-and-later metric (gov-info-format-pre2019.ts uses the same ids). */
const CONTINUED_PRE_2019 = new Set(['requests-new-total', 'requests-results-total-total', 'requests-granted-total', 'requests-partly-granted-total', 'review-total']);

function statPlaces(id: string): NonNullable<MetricInput['places']> {
  const row = STAT_ROWS.find((r) => r.id === id);
  return row ? row.labels.map((l) => ({ layout: LAYOUT_PRE_2019, row: [l], column: ['年度'] })) : [];
}

/** The layouts, 2019 places and breaks of a 2019-or-2021 metric, from what continues. */
function across(id: string, layouts: string[], extra: Partial<MetricInput> = {}): Partial<MetricInput> {
  const pre = CONTINUED_PRE_2019.has(id);
  return {
    layouts: pre ? [LAYOUT_PRE_2019, ...layouts] : layouts,
    ...(pre && { places: statPlaces(id), breaks: [{ layout: LAYOUT_2019, note: BREAK_2019 }] }),
    ...extra,
  };
}

export function govInfoRegistry(): { metrics: MetricInput[]; rules: RuleInput[] } {
  const metrics: MetricInput[] = [];

  // 二、主动公开政府信息情况: the 2021 blocks, each figure found in the 2019 table where it continues; then the 2019-only figures.
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        const old = PROACTIVE_BLOCKS_2019.find((b) => b.item === block.item);
        const oldRow = old?.rows.find((r) => r.id === row.id);
        const oldCol = old?.columns.find((c) => c.id === col.id);
        const continued = oldRow && oldCol ? CONTINUED_2019[col.id] : undefined;
        const extra: Partial<MetricInput> = continued
          ? { layouts: BOTH, places: [{ layout: LAYOUT_2019, row: [block.item, ...oldRow!.path], column: oldCol!.path }], ...(continued.note && { breaks: [{ layout: LAYOUT_2021, note: continued.note }] }) }
          : { layouts: [LAYOUT_2021] };
        metrics.push(metric(`${row.id}-${col.id}`, TABLE_PROACTIVE, [block.item, ...row.path], col.path, block.unit, extra));
      }
    }
  }
  const ids = new Set(metrics.map((m) => m.id));
  for (const block of PROACTIVE_BLOCKS_2019) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        const id = `${row.id}-${col.id}`;
        if (ids.has(id)) continue;
        // 本年增/减 is a difference: 平潭 2020 writes −18 for 行政处罚.
        const signed = PROACTIVE_SIGNED_2019.has(col.id);
        metrics.push(metric(id, TABLE_PROACTIVE, [block.item, ...row.path], col.path, block.units?.[col.id] ?? block.unit, { layouts: [LAYOUT_2019], ...(signed && { signed: true }) }));
      }
    }
  }

  // 三、收到和处理政府信息公开申请情况: the same rows and columns in 2019 and 2021, but for （六）其他处理.
  const only2021 = (rowId: string) => rowId.startsWith('requests-otherwise-');
  for (const row of REQUEST_ROWS) {
    for (const col of APPLICANTS) {
      const id = requestCell(row.id, col.id);
      metrics.push(metric(id, TABLE_REQUESTS, row.path, col.path, '件', across(id, only2021(row.id) ? [LAYOUT_2021] : BOTH)));
    }
    if (row.id === 'requests-otherwise-other') {
      for (const col of APPLICANTS) metrics.push(metric(requestCell(OTHERWISE_2019.id, col.id), TABLE_REQUESTS, OTHERWISE_2019.path, col.path, '件', { layouts: [LAYOUT_2019] }));
    }
  }

  // 四、政府信息公开行政复议、行政诉讼情况: unchanged from 2019 to 2021.
  for (const block of REVIEW_BLOCKS) {
    for (const outcome of REVIEW_OUTCOMES) {
      const id = reviewCell(block.id, outcome.id);
      metrics.push(metric(id, TABLE_REVIEW, undefined, [...block.path, ...outcome.path], '件', across(id, BOTH, outcome.id === 'corrected' ? { better: 'down' } : {})));
    }
  }

  // 政府信息公开情况统计表 (before 2019): its own figures; the rows that continue are the metrics above.
  const known = new Set(metrics.map((m) => m.id));
  for (const row of STAT_ROWS) {
    for (const col of STAT_COLUMNS) {
      const id = col.id === 'year' ? row.id : row.cumulative;
      if (known.has(id)) continue;
      const places = row.labels.slice(1).map((l) => ({ layout: LAYOUT_PRE_2019, row: [l], column: [...col.path] }));
      metrics.push({
        id,
        label: [row.labels[0]!.replace(/^其中：/u, ''), ...(col.id === 'cumulative' ? col.path : [])].join(' · '),
        unit: row.unit,
        group: TABLE_STATISTICS,
        row: [row.labels[0]!],
        column: [...col.path],
        public: true,
        layouts: [LAYOUT_PRE_2019],
        ...(places.length && { places }),
      });
    }
  }

  return { metrics, rules: rules() };
}

function rules(): RuleInput[] {
  const out: RuleInput[] = [];
  const results = REQUEST_ROWS.filter((r) => r.path[0] === RESULTS && r.id !== 'requests-results-total');
  const results2019 = [...results.filter((r) => !r.id.startsWith('requests-otherwise-')), OTHERWISE_2019];
  for (const col of APPLICANTS) {
    const name = col.path.at(-1);
    out.push({
      rule: `${name}列 第一项加第二项之和等于第三项加第四项之和`,
      left: [requestCell('requests-new', col.id), requestCell('requests-carried-over', col.id)],
      right: [requestCell('requests-results-total', col.id), requestCell('requests-carried-forward', col.id)],
      layouts: BOTH,
    });
    out.push({
      rule: `${name}列 （七）总计等于（一）至（六）各项之和`,
      left: [requestCell('requests-results-total', col.id)],
      right: results.map((r) => requestCell(r.id, col.id)),
      layouts: [LAYOUT_2021],
    });
    out.push({
      rule: `${name}列 （七）总计等于（一）至（六）各项之和（2019年格式）`,
      left: [requestCell('requests-results-total', col.id)],
      right: results2019.map((r) => requestCell(r.id, col.id)),
      layouts: [LAYOUT_2019],
    });
  }
  const applicants = APPLICANTS.filter((c) => c.id !== 'total');
  for (const row of [...REQUEST_ROWS, OTHERWISE_2019]) {
    out.push({
      rule: `${row.path.at(-1)}${row === OTHERWISE_2019 ? '（2019年格式）' : ''} 总计等于各类申请人之和`,
      left: [requestCell(row.id, 'total')],
      right: applicants.map((c) => requestCell(row.id, c.id)),
      layouts: row === OTHERWISE_2019 ? [LAYOUT_2019] : row.id.startsWith('requests-otherwise-') ? [LAYOUT_2021] : BOTH,
    });
  }
  for (const block of REVIEW_BLOCKS) {
    out.push({
      rule: `${block.path.join(' ')} 总计等于结果维持、结果纠正、其他结果、尚未审结之和`,
      left: [reviewCell(block.id, 'total')],
      right: REVIEW_OUTCOMES.filter((o) => o.id !== 'total').map((o) => reviewCell(block.id, o.id)),
      layouts: BOTH,
    });
  }
  for (const sum of STAT_SUMS) {
    for (const col of STAT_COLUMNS) {
      const id = (rowId: string) => {
        const row = STAT_ROWS.find((r) => r.id === rowId)!;
        return col.id === 'year' ? row.id : row.cumulative;
      };
      out.push({ rule: `统计表 ${sum.name}（${col.path[0]}）`, left: [id(sum.whole)], right: sum.parts.map(id), layouts: [LAYOUT_PRE_2019] });
    }
  }
  return out;
}
