// 政府信息公开工作年度报告, in the national format of 国办公开办函〔2021〕30号 and its two predecessors (the 2019
// first-year format and the 统计表 of earlier years): every figure of each layout's tables is a metric (row × column),
// and each layout's own 勾稽关系 are sum rules over them (gov-info-registry.ts).
import type { Registry } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import { PLACEHOLDER, type Kind, type KindReport } from './kind.ts';
import { APPLICANTS, requestCell, TABLE_REQUESTS } from './gov-info-format.ts';
import { GOV_INFO_LAYOUTS, govInfoRegistry } from './gov-info-registry.ts';
import { GOV_INFO_TABLES, GOV_INFO_TABLES_2019, GOV_INFO_TABLES_PRE_2019 } from './gov-info-tables.ts';
import { LAYOUT_2019, LAYOUT_PRE_2019 } from './gov-info-format-2019.ts';
import { textTableProblems } from './gov-info-text.ts';
import { layoutYearProblems } from './layouts.ts';
import { DEFAULT_SECTION_WORDS } from '../structure/section-kinds.ts';

export { TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW } from './gov-info-format.ts';
export { TABLE_STATISTICS } from './gov-info-format-pre2019.ts';

const { metrics, rules } = govInfoRegistry();

/**
 * The format asks for every cell; a figure left out of a table is worth a word, once per table. `registry` is
 * the report's layout's (check.ts), so a 2015 report is asked only for its 统计表, a 2020 one for the 2019 tables.
 */
function completeTables(report: KindReport, registry: Registry): Problem[] {
  const problems: Problem[] = [];
  for (const table of registry.groups) {
    const cells = registry.metrics.filter((m) => m.group === table && (m.row || m.column));
    if (cells.length === 0) continue;
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
      rule: 'table-missing',
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
      rule: 'carried-over',
    });
  }
  return problems;
}

export const govInfoDisclosure: Kind = {
  id: 'gov-info-disclosure',
  name: '政府信息公开工作年度报告',
  metrics,
  rules,
  layouts: GOV_INFO_LAYOUTS,
  registryIntro: [
    '政府信息公开工作年度报告的指标登记表，按《中华人民共和国政府信息公开工作年度报告格式》',
    '（国办公开办函〔2021〕30号）的三张表逐格登记：每一格一个指标，row 是它所在的行，column 是它所在的列，',
    '名称与格式原文一致。格式要求年度报告全文公开，所以每个指标都是 public: true。',
    '同一登记表也收了此前两种格式的数字：2019、2020年度报告的格式（国办公开办函〔2019〕60号）和',
    '2019年以前的“政府信息公开情况统计表”。layouts 是一个数字所在的格式（2021、2019、pre-2019）；',
    '前后格式中是同一个数的，用同一个指标，places 写它在旧表中的行列，breaks 写口径从哪个格式起变了',
    '（趋势页在那里标“口径变化”，不直接比较）。对照说明见 docs/formats/gov-info-layouts.md。',
    '表后的 rule 是各格式自带的勾稽关系（layouts 写适用的格式），npm run check 按每年报告的格式核对，不相等的列为警告。',
  ],
  // The default words read this kind's headings (test/lib/kinds); a kind adds words only where they differ.
  sectionWords: DEFAULT_SECTION_WORDS,
  checks: [completeTables, carriedOver, textTableProblems, (report) => layoutYearProblems(GOV_INFO_LAYOUTS, report)],
  site: {
    title: `${PLACEHOLDER}某某区人民政府政府信息公开工作年度报告`,
    organization: `${PLACEHOLDER}某某区人民政府`,
    description: `${PLACEHOLDER}某某区人民政府历年政府信息公开工作年度报告，可按年度浏览、对比和检索。`,
  },
  report: {
    title: '{organization}{year}年政府信息公开工作年度报告',
    headings: ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
    tables: GOV_INFO_TABLES,
    layouts: {
      [LAYOUT_2019]: { tables: GOV_INFO_TABLES_2019 },
      // The headings of the 统计表 years' reports (条例 of 2008, 第三十二条), as 平潭 2015–2018 write them.
      [LAYOUT_PRE_2019]: {
        headings: ['一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开的收费及减免情况', '五、因政府信息公开申请行政复议、提起行政诉讼的情况', '六、存在的主要问题及改进措施', '七、其他需要报告的事项'],
        tables: GOV_INFO_TABLES_PRE_2019,
      },
    },
  },
};
