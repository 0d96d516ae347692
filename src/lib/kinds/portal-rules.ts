// What a kind says about its reports across offices (the portal's /coverage/ and /figures/ pages): by when a
// year's report is due, which figures add up over offices, and the rates derived from its figures. Data only;
// src/lib/across-offices/ computes with it. Only gov-info-disclosure has a legal date and rates; every kind's
// figures are counts (件, 次, 人 …) and amounts, which add up, unless the unit says a rate.
import type { Metric } from '../content/metrics.ts';
import type { KindId } from './index.ts';

/** When a year's report is due, and the law that says so. */
export interface Deadline {
  /** YYYY-MM-DD: published on or before it is on time. */
  date: string;
  /** The provision, as a page cites it. */
  basis: string;
}

/** What a deadline rule is told of the office. */
export interface DeadlineOffice {
  organization?: string;
  /** The office is the 本级人民政府 itself (not one of its departments or its 办公室): its own rule. */
  ownGovernment?: boolean;
}

export type DeadlineRule = (year: number, office: DeadlineOffice) => Deadline;

/** One term of a rate: a figure of the kind's registry and the short name the formula gives it. */
export interface RateInput {
  id: string;
  name: string;
}

/** A rate derived from a report's figures: sum(numerator) ÷ sum(denominator), shown as a percentage. */
export interface RateDefinition {
  /** Kebab-case, stable: used in URLs and ids. */
  id: string;
  label: string;
  numerator: RateInput[];
  denominator: RateInput[];
  /** The formula in words, as the page shows it: 实质公开率 =（予以公开 + 部分公开）÷ 办理结果总计 × 100%. */
  formula: string;
  /** up: higher is better; down: lower is better. */
  better: Metric['better'];
  description?: string;
}

export interface PortalRules {
  deadline?: DeadlineRule;
  /** Whether a figure adds up over offices (a total on /figures/). */
  summable: (metric: Pick<Metric, 'unit' | 'label'>) => boolean;
  rates: RateDefinition[];
}

/** A rate or a ratio does not add up over offices; counts and amounts do. */
export function countLike(metric: Pick<Metric, 'unit' | 'label'>): boolean {
  return !/^(%|‰|％|百分比|比例)$/.test(metric.unit.trim()) && !/(率|比例|占比|比重)$/.test(metric.label.trim());
}

function formula(label: string, numerator: RateInput[], denominator: RateInput[]): string {
  const side = (xs: RateInput[]) => (xs.length > 1 ? `（${xs.map((x) => x.name).join(' + ')}）` : xs[0]!.name);
  return `${label} = ${side(numerator)} ÷ ${side(denominator)} × 100%`;
}

function rate(def: Omit<RateDefinition, 'formula'>): RateDefinition {
  return { ...def, formula: formula(def.label, def.numerator, def.denominator) };
}

/**
 * 《中华人民共和国政府信息公开条例》（2019年修订）第五十条: 政府部门 publish their report (and hand it to the 本级政府's
 * 政府信息公开工作主管部门) by 1月31日; the 主管部门 publishes the 本级政府's own report by 3月31日 — both of the
 * year after the report's year. Before the 2019 revision (条例 of 2008, 第三十一条) the date was 3月31日 for every
 * 行政机关.
 */
export const GOV_INFO_DEADLINE: DeadlineRule = (year, office) => {
  const next = year + 1;
  if (year < 2019) return { date: `${next}-03-31`, basis: '《政府信息公开条例》（2008年）第三十一条：每年3月31日前公布上一年度报告' };
  if (office.ownGovernment) return { date: `${next}-03-31`, basis: '《政府信息公开条例》第五十条：本级人民政府的年度报告于每年3月31日前向社会公布' };
  return { date: `${next}-01-31`, basis: '《政府信息公开条例》第五十条：政府部门的年度报告于每年1月31日前向社会公布' };
};

/**
 * Whether a series is the 本级人民政府's own report, read from site.yaml (which has no field for it): its organization
 * ends in 人民政府 (某某县人民政府; not a 乡/镇人民政府, which 第五十条 gives 1月31日 like any administrative body; not 某某县人民政府办公室, a 局 or a 街道办事处), or its title is the
 * government's report (某某县人民政府政府信息公开工作年度报告, 某某县人民政府2024年政府信息公开工作年度报告): the 办公室
 * is the 主管部门 that publishes the government's report, and many portals file that report under it. The coverage
 * model takes a function to say otherwise for a series whose names mislead.
 */
export function isOwnGovernment(office: { organization?: string; title?: string }): boolean {
  // 第五十条 gives 3月31日 to 县级以上 governments only: a 乡/镇人民政府 is an administrative body with 1月31日.
  const township = (name: string) => /[乡镇]人民政府/.test(name);
  const org = office.organization?.trim();
  if (org !== undefined && /人民政府$/.test(org)) return !township(org);
  const title = office.title?.replace(/\s+/g, '');
  return title !== undefined && /人民政府(?:\d{4}年度?)?政府信息公开工作年度报告/.test(title) && !township(title);
}

const TOTAL = '总计列';

/**
 * The rates assessors read off the national format's tables (2019 and 2021 layouts; 实质公开率 also for the 统计表 of
 * earlier years, whose 同意公开/同意部分公开/答复总数 rows are the same metrics). Every term is the 总计 column.
 */
export const GOV_INFO_RATES: RateDefinition[] = [
  rate({
    id: 'disclosure-rate',
    label: '实质公开率',
    numerator: [
      { id: 'requests-granted-total', name: '予以公开' },
      { id: 'requests-partly-granted-total', name: '部分公开' },
    ],
    denominator: [{ id: 'requests-results-total-total', name: '办理结果总计' }],
    better: 'neutral',
    description: `依申请公开中予以公开和部分公开的申请占全部办理结果的比例（${TOTAL}）`,
  }),
  rate({
    id: 'review-correction-rate',
    label: '复议纠错率',
    numerator: [{ id: 'review-corrected', name: '行政复议结果纠正' }],
    denominator: [{ id: 'review-total', name: '行政复议总计' }],
    better: 'down',
    description: '因政府信息公开被申请行政复议的案件中，结果被纠正的比例',
  }),
  rate({
    id: 'litigation-correction-rate',
    label: '诉讼纠错率',
    numerator: [
      { id: 'litigation-direct-corrected', name: '未经复议直接起诉结果纠正' },
      { id: 'litigation-after-review-corrected', name: '复议后起诉结果纠正' },
    ],
    denominator: [
      { id: 'litigation-direct-total', name: '未经复议直接起诉总计' },
      { id: 'litigation-after-review-total', name: '复议后起诉总计' },
    ],
    better: 'down',
    description: '因政府信息公开被提起行政诉讼的案件中，结果被纠正的比例',
  }),
];

const RULES: Record<KindId, PortalRules> = {
  'gov-info-disclosure': { deadline: GOV_INFO_DEADLINE, summable: countLike, rates: GOV_INFO_RATES },
  'party-governance': { summable: countLike, rates: [] },
  general: { summable: countLike, rates: [] },
};

export function portalRules(kind: KindId): PortalRules {
  return RULES[kind];
}
