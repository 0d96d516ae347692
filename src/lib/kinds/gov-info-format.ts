// The national format of 国办公开办函〔2021〕30号 (《中华人民共和国政府信息公开工作年度报告格式》) as data:
// the three tables' rows and columns, with the format's labels verbatim. The registry (gov-info-disclosure.ts)
// and the report tables (gov-info-tables.ts) are both derived from this.

export const TABLE_PROACTIVE = '主动公开政府信息情况';
export const TABLE_REQUESTS = '收到和处理政府信息公开申请情况';
export const TABLE_REVIEW = '政府信息公开行政复议、行政诉讼情况';

/** The top-left cell of the requests table, as the format prints it. */
export const REQUESTS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATIONS = '法人或其他组织';

export interface Axis {
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

export const RESULTS = '三、本年度办理结果';
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

export const requestCell = (row: string, column: string) => `${row}-${column}`;
export const reviewCell = (block: string, outcome: string) => `${block}-${outcome}`;
