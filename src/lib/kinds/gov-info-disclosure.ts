// 政府信息公开工作年度报告, in the national format of 国办公开办函〔2021〕30号: every figure of the format's
// tables (gov-info-format.ts) is a metric (row × column), and the format's own 勾稽关系 are sum rules over them.
import type { MetricInput, Registry, RuleInput } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import { PLACEHOLDER, type Kind, type KindReport } from './kind.ts';
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
import { GOV_INFO_TABLES } from './gov-info-tables.ts';
import { textTableProblems } from './gov-info-text.ts';
import { DEFAULT_SECTION_WORDS } from '../structure/section-kinds.ts';

export { TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW } from './gov-info-format.ts';

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
  return {
    id,
    label: label(row ?? [], column),
    unit,
    group,
    ...(row && { row }),
    column,
    public: true,
    ...(KEY.has(id) && { key: true }),
    ...extra,
  };
}

function registryData(): { metrics: MetricInput[]; rules: RuleInput[] } {
  const metrics: MetricInput[] = [];
  for (const block of PROACTIVE_BLOCKS) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        metrics.push(metric(`${row.id}-${col.id}`, TABLE_PROACTIVE, [block.item, ...row.path], col.path, block.unit));
      }
    }
  }
  for (const row of REQUEST_ROWS) {
    for (const col of APPLICANTS) metrics.push(metric(requestCell(row.id, col.id), TABLE_REQUESTS, row.path, col.path, '件'));
  }
  for (const block of REVIEW_BLOCKS) {
    for (const outcome of REVIEW_OUTCOMES) {
      metrics.push(metric(reviewCell(block.id, outcome.id), TABLE_REVIEW, undefined, [...block.path, ...outcome.path], '件', outcome.id === 'corrected' ? { better: 'down' } : {}));
    }
  }

  const rules: RuleInput[] = [];
  const results = REQUEST_ROWS.filter((r) => r.path[0] === RESULTS && r.id !== 'requests-results-total');
  for (const col of APPLICANTS) {
    const name = col.path.at(-1);
    rules.push({
      rule: `${name}列 第一项加第二项之和等于第三项加第四项之和`,
      left: [requestCell('requests-new', col.id), requestCell('requests-carried-over', col.id)],
      right: [requestCell('requests-results-total', col.id), requestCell('requests-carried-forward', col.id)],
    });
    rules.push({
      rule: `${name}列 （七）总计等于（一）至（六）各项之和`,
      left: [requestCell('requests-results-total', col.id)],
      right: results.map((r) => requestCell(r.id, col.id)),
    });
  }
  const applicants = APPLICANTS.filter((c) => c.id !== 'total');
  for (const row of REQUEST_ROWS) {
    rules.push({
      rule: `${row.path.at(-1)} 总计等于各类申请人之和`,
      left: [requestCell(row.id, 'total')],
      right: applicants.map((c) => requestCell(row.id, c.id)),
    });
  }
  for (const block of REVIEW_BLOCKS) {
    rules.push({
      rule: `${block.path.join(' ')} 总计等于结果维持、结果纠正、其他结果、尚未审结之和`,
      left: [reviewCell(block.id, 'total')],
      right: REVIEW_OUTCOMES.filter((o) => o.id !== 'total').map((o) => reviewCell(block.id, o.id)),
    });
  }
  return { metrics, rules };
}

const { metrics, rules } = registryData();

/** The format asks for every cell; a figure left out of a table is worth a word, once per table. */
function completeTables(report: KindReport, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  for (const table of [TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW]) {
    const cells = registry.metrics.filter((m) => m.group === table && (m.row || m.column));
    const missing = cells.filter((m) => {
      const v = Object.hasOwn(report.data.stats, m.id) ? report.data.stats[m.id] : undefined;
      return !v || v.kind === 'missing';
    });
    if (missing.length === 0) continue;
    const some = missing.slice(0, 3).map((m) => m.id).join('、');
    problems.push({
      severity: 'warning',
      file: report.file,
      field: `stats.${missing[0]!.id}`,
      message: `${report.year}年 ${table}：${cells.length} 个数字中有 ${missing.length} 个没有填写（${some}${missing.length > 3 ? ' 等' : ''}）`,
      hint: '国家格式要求表中每一格都填数字，没有发生的填 0；没有填写的数字不参加勾稽关系核对',
    });
  }
  return problems;
}

/**
 * Across two consecutive years: what a year carries forward (四、结转下年度继续办理) is what the next year
 * carries over (二、上年结转政府信息公开申请数量), column by column. One report alone cannot show this slip.
 */
function carriedOver(report: KindReport, registry: Registry, previous?: KindReport): Problem[] {
  if (!previous) return [];
  const exact = (r: KindReport, id: string) => {
    const v = Object.hasOwn(r.data.stats, id) ? r.data.stats[id] : undefined;
    return v?.kind === 'exact' ? v.value : undefined;
  };
  const problems: Problem[] = [];
  for (const col of APPLICANTS) {
    const over = requestCell('requests-carried-over', col.id);
    const forward = requestCell('requests-carried-forward', col.id);
    if (!registry.byId.has(over) || !registry.byId.has(forward)) continue;
    const now = exact(report, over);
    const before = exact(previous, forward);
    if (now === undefined || before === undefined || now === before) continue;
    problems.push({
      severity: 'warning',
      file: report.file,
      field: `stats.${over}`,
      message: `${report.year}年 ${TABLE_REQUESTS}：${col.path.at(-1)}列 二、上年结转 为 ${now}，但${previous.year}年报告的 四、结转下年度继续办理 为 ${before}，相差 ${Math.abs(now - before)}`,
      hint: `上年结转的申请就是上一年报告结转下年度继续办理的申请；请核对本年的 ${over} 和${previous.year}年的 ${forward}`,
    });
  }
  return problems;
}

export const govInfoDisclosure: Kind = {
  id: 'gov-info-disclosure',
  name: '政府信息公开工作年度报告',
  metrics,
  rules,
  registryIntro: [
    '政府信息公开工作年度报告的指标登记表，按《中华人民共和国政府信息公开工作年度报告格式》',
    '（国办公开办函〔2021〕30号）的三张表逐格登记：每一格一个指标，row 是它所在的行，column 是它所在的列，',
    '名称与格式原文一致。格式要求年度报告全文公开，所以每个指标都是 public: true。',
    '表后的 rule 是格式自带的勾稽关系，npm run check 会逐年核对，不相等的列为警告。',
  ],
  // The default words read this kind's headings (test/lib/kinds); a kind adds words only where they differ.
  sectionWords: DEFAULT_SECTION_WORDS,
  checks: [completeTables, carriedOver, textTableProblems],
  site: {
    title: `${PLACEHOLDER}某某区人民政府政府信息公开工作年度报告`,
    organization: `${PLACEHOLDER}某某区人民政府`,
    description: `${PLACEHOLDER}某某区人民政府历年政府信息公开工作年度报告，可按年度浏览、对比和检索。`,
  },
  report: {
    title: '{organization}{year}年政府信息公开工作年度报告',
    headings: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    tables: GOV_INFO_TABLES,
  },
};
