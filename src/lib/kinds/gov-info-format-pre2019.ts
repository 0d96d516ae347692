// The pre-2019 layout: the one 政府信息公开情况统计表 that reports carried before 国办公开办函〔2019〕60号 — one row
// per 指标, a 计量单位 column, then the year's figure (2015年度) and the figure since the 条例 took effect (历年累计).
// There was no single national table then; these are the common rows, verbatim from the Fujian template of
// 平潭综合实验区's 2015–2018 reports (test/fixtures/real/gov-2015-pingtan), with the other wordings of the same
// row seen in other offices' tables. docs/formats/gov-info-layouts.md gives the sources.

export const TABLE_STATISTICS = '政府信息公开情况统计表';

/** The two figure columns: the year's own (its header carries the year, “2015年度”) and 历年累计. */
export const STAT_COLUMNS = [
  { id: 'year', path: ['年度'] },
  { id: 'cumulative', path: ['历年累计'] },
] as const;

export interface StatRow {
  /** The metric id of the year's figure; the 历年累计 figure is `<cumulative>` (its own metric). */
  id: string;
  cumulative: string;
  /** The row label as 平潭 prints it, then the other wordings of the same row. */
  labels: string[];
  unit: string;
}

export const STAT_ROWS: StatRow[] = [
  { id: 'proactive-published', cumulative: 'proactive-published-cumulative', labels: ['主动公开文件数', '主动公开信息数', '主动公开政府信息数'], unit: '条' },
  { id: 'proactive-published-website', cumulative: 'proactive-published-website-cumulative', labels: ['其中：1、政府网站公开数'], unit: '条' },
  { id: 'proactive-published-gazette', cumulative: 'proactive-published-gazette-cumulative', labels: ['2、政府公报公开数'], unit: '条' },
  { id: 'requests-new-total', cumulative: 'requests-received-cumulative', labels: ['受理依申请公开信息总数', '受理政府信息依申请公开总数', '收到申请数', '申请总数'], unit: '条' },
  { id: 'requests-in-person', cumulative: 'requests-in-person-cumulative', labels: ['其中：1、当面申请数'], unit: '条' },
  { id: 'requests-online', cumulative: 'requests-online-cumulative', labels: ['2、网上申请数'], unit: '条' },
  { id: 'requests-letter-fax', cumulative: 'requests-letter-fax-cumulative', labels: ['3、信函、传真申请数'], unit: '条' },
  { id: 'requests-results-total-total', cumulative: 'requests-answered-cumulative', labels: ['对申请的答复总数', '申请答复数'], unit: '条' },
  { id: 'requests-granted-total', cumulative: 'requests-granted-cumulative', labels: ['其中：1、同意公开答复数'], unit: '条' },
  { id: 'requests-partly-granted-total', cumulative: 'requests-partly-granted-cumulative', labels: ['2、同意部分公开答复数'], unit: '条' },
  { id: 'requests-refused', cumulative: 'requests-refused-cumulative', labels: ['3、不予公开答复数', '3、不同意公开答复数'], unit: '条' },
  { id: 'requests-answered-other', cumulative: 'requests-answered-other-cumulative', labels: ['4、其他类型答复数'], unit: '条' },
  { id: 'fees-waived', cumulative: 'fees-waived-cumulative', labels: ['政府信息公开收费减免金额'], unit: '元' },
  { id: 'complaints', cumulative: 'complaints-cumulative', labels: ['接受行政诉讼、举报数'], unit: '件' },
  { id: 'review-total', cumulative: 'review-cumulative', labels: ['行政复议数', '行政复议数量'], unit: '件' },
  { id: 'litigation-total', cumulative: 'litigation-cumulative', labels: ['行政诉讼数', '行政诉讼数量'], unit: '件' },
];

/** The 其中 rows that add up to their row, per column (the table's own 勾稽 rules). */
export const STAT_SUMS: { whole: string; parts: string[]; name: string }[] = [
  { whole: 'requests-new-total', parts: ['requests-in-person', 'requests-online', 'requests-letter-fax'], name: '受理依申请公开信息总数等于当面、网上、信函传真申请数之和' },
  { whole: 'requests-results-total-total', parts: ['requests-granted-total', 'requests-partly-granted-total', 'requests-refused', 'requests-answered-other'], name: '对申请的答复总数等于同意公开、同意部分公开、不予公开、其他类型答复数之和' },
];
