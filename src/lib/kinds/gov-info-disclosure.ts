// 政府信息公开工作年度报告, in the national format of 国办公开办函〔2021〕30号
// (《中华人民共和国政府信息公开工作年度报告格式》). The format's three tables are data here: their rows
// and columns, with the format's labels verbatim; every figure is a metric (row × column), and the
// format's own 勾稽关系 are sum rules over them.
import type { MetricInput, Registry, RuleInput } from '../metrics.ts';
import type { Problem } from '../problems.ts';
import { PLACEHOLDER, type Kind, type KindReport } from './kind.ts';

export const TABLE_PROACTIVE = '主动公开政府信息情况';
export const TABLE_REQUESTS = '收到和处理政府信息公开申请情况';
export const TABLE_REVIEW = '政府信息公开行政复议、行政诉讼情况';

/** The top-left cell of the requests table, as the format prints it. */
export const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATIONS = '法人或其他组织';

interface Axis {
  id: string;
  path: string[];
}

// ---------- 二、主动公开政府信息情况 (第二十条第（一）（五）（六）（八）项) ----------

/** Each 第二十条 item is a block of the table: its own column headings, then its rows. */
export const PROACTIVE_BLOCKS: { item: string; columns: Axis[]; rows: Axis[]; unit: string }[] = [
  {
    item: '第二十条第（一）项',
    columns: [
      { id: 'issued', path: ['本年制发件数'] },
      { id: 'repealed', path: ['本年废止件数'] },
      { id: 'in-force', path: ['现行有效件数'] },
    ],
    rows: [
      { id: 'regulations', path: ['规章'] },
      { id: 'normative-documents', path: ['行政规范性文件'] },
    ],
    unit: '件',
  },
  { item: '第二十条第（五）项', columns: [{ id: 'decisions', path: ['本年处理决定数量'] }], rows: [{ id: 'licensing', path: ['行政许可'] }], unit: '件' },
  {
    item: '第二十条第（六）项',
    columns: [{ id: 'decisions', path: ['本年处理决定数量'] }],
    rows: [
      { id: 'penalty', path: ['行政处罚'] },
      { id: 'enforcement', path: ['行政强制'] },
    ],
    unit: '件',
  },
  { item: '第二十条第（八）项', columns: [{ id: 'amount', path: ['本年收费金额（单位：万元）'] }], rows: [{ id: 'fees', path: ['行政事业性收费'] }], unit: '万元' },
];
/** The header cell above each block's row labels. */
export const PROACTIVE_ROW_HEADER = '信息内容';

// ---------- 三、收到和处理政府信息公开申请情况 ----------

export const APPLICANTS: Axis[] = [
  { id: 'natural-person', path: ['自然人'] },
  { id: 'business', path: [ORGANISATIONS, '商业企业'] },
  { id: 'research', path: [ORGANISATIONS, '科研机构'] },
  { id: 'public-interest', path: [ORGANISATIONS, '社会公益组织'] },
  { id: 'legal-services', path: [ORGANISATIONS, '法律服务机构'] },
  { id: 'other-org', path: [ORGANISATIONS, '其他'] },
  { id: 'total', path: ['总计'] },
];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHERWISE = '（六）其他处理';

export const REQUEST_ROWS: Axis[] = [
  { id: 'requests-new', path: ['一、本年新收政府信息公开申请数量'] },
  { id: 'requests-carried-over', path: ['二、上年结转政府信息公开申请数量'] },
  { id: 'requests-granted', path: [RESULTS, '（一）予以公开'] },
  { id: 'requests-partly-granted', path: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'] },
  { id: 'requests-withheld-state-secret', path: [RESULTS, WITHHELD, '1.属于国家秘密'] },
  { id: 'requests-withheld-prohibited', path: [RESULTS, WITHHELD, '2.其他法律行政法规禁止公开'] },
  { id: 'requests-withheld-security-stability', path: [RESULTS, WITHHELD, '3.危及“三安全一稳定”'] },
  { id: 'requests-withheld-third-party', path: [RESULTS, WITHHELD, '4.保护第三方合法权益'] },
  { id: 'requests-withheld-internal-affairs', path: [RESULTS, WITHHELD, '5.属于三类内部事务信息'] },
  { id: 'requests-withheld-process-info', path: [RESULTS, WITHHELD, '6.属于四类过程性信息'] },
  { id: 'requests-withheld-enforcement-files', path: [RESULTS, WITHHELD, '7.属于行政执法案卷'] },
  { id: 'requests-withheld-inquiry-matters', path: [RESULTS, WITHHELD, '8.属于行政查询事项'] },
  { id: 'requests-unavailable-not-held', path: [RESULTS, UNAVAILABLE, '1.本机关不掌握相关政府信息'] },
  { id: 'requests-unavailable-needs-creation', path: [RESULTS, UNAVAILABLE, '2.没有现成信息需要另行制作'] },
  { id: 'requests-unavailable-still-unclear', path: [RESULTS, UNAVAILABLE, '3.补正后申请内容仍不明确'] },
  { id: 'requests-not-processed-petition', path: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'] },
  { id: 'requests-not-processed-repeated', path: [RESULTS, NOT_PROCESSED, '2.重复申请'] },
  { id: 'requests-not-processed-publication', path: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'] },
  { id: 'requests-not-processed-excessive', path: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'] },
  { id: 'requests-not-processed-confirmation', path: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'] },
  { id: 'requests-otherwise-no-correction', path: [RESULTS, OTHERWISE, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'] },
  { id: 'requests-otherwise-fee-unpaid', path: [RESULTS, OTHERWISE, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'] },
  { id: 'requests-otherwise-other', path: [RESULTS, OTHERWISE, '3.其他'] },
  { id: 'requests-results-total', path: [RESULTS, '（七）总计'] },
  { id: 'requests-carried-forward', path: ['四、结转下年度继续办理'] },
];

// ---------- 四、政府信息公开行政复议、行政诉讼情况 ----------

export const REVIEW_BLOCKS: Axis[] = [
  { id: 'review', path: ['行政复议'] },
  { id: 'litigation-direct', path: ['行政诉讼', '未经复议直接起诉'] },
  { id: 'litigation-after-review', path: ['行政诉讼', '复议后起诉'] },
];
export const REVIEW_OUTCOMES: Axis[] = [
  { id: 'upheld', path: ['结果维持'] },
  { id: 'corrected', path: ['结果纠正'] },
  { id: 'other', path: ['其他结果'] },
  { id: 'pending', path: ['尚未审结'] },
  { id: 'total', path: ['总计'] },
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

export const requestCell = (row: string, column: string) => `${row}-${column}`;
export const reviewCell = (block: string, outcome: string) => `${block}-${outcome}`;

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
  sectionWords: {
    headings: [
      { kind: 'problems-then-measures', words: ['问题及改进', '问题和改进', '问题与改进', '问题及整改', '问题和整改', '问题及下一步', '问题和下一步'] },
      { kind: 'other', words: ['其他需要报告的事项', '其他需要报告'] },
      { kind: 'measures', words: ['改进', '下一步', '措施', '计划', '打算', '思路'] },
      { kind: 'problems', words: ['问题', '不足', '差距'] },
      { kind: 'work', words: ['情况', '总结', '成效'] },
    ],
    causes: ['原因'],
    measuresFrom: ['下一步', '改进', '今后', '将'],
  },
  checks: [completeTables],
  site: {
    title: `${PLACEHOLDER}某某区人民政府政府信息公开工作年度报告`,
    organization: `${PLACEHOLDER}某某区人民政府`,
    description: `${PLACEHOLDER}某某区人民政府历年政府信息公开工作年度报告，可按年度浏览、对比和检索。`,
  },
  report: {
    title: '{organization}{year}年政府信息公开工作年度报告',
    headings: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  },
};
