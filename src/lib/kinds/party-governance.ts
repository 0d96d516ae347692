// 落实全面从严治党主体责任情况报告: figures in the prose (学习、监督、信访、执纪…), most of them internal.
// The registry is a starting set of the figures such reports usually give; an office adds its own.
import type { MetricInput, RuleInput } from '../content/metrics.ts';
import { PLACEHOLDER, type Kind } from './kind.ts';
import { DEFAULT_SECTION_WORDS } from '../structure/section-kinds.ts';

const metrics: MetricInput[] = [
  { id: 'study-sessions', label: '理论学习中心组集中学习', unit: '次', group: '教育学习', better: 'up', key: true, description: '党委（党组）理论学习中心组全年集中学习的次数。' },
  { id: 'warning-education', label: '警示教育活动', unit: '场次', group: '教育学习', better: 'up', description: '组织党员干部观看警示教育片、参观廉政教育基地等警示教育活动的场次。' },
  { id: 'integrity-talks', label: '集体廉政谈话', unit: '次', group: '教育学习', better: 'up', description: '组织召开集体廉政谈话会、对党员干部集中开展廉政提醒的次数。' },
  { id: 'integrity-meetings', label: '专题研究党风廉政建设', unit: '次', group: '会议部署', better: 'up', description: '党委（党组）会议专题研究党风廉政建设和反腐败工作的次数。' },
  { id: 'inspections', label: '监督检查', unit: '次', group: '监督检查', better: 'up', key: true, description: '围绕落实中央八项规定精神等开展监督检查的次数。' },
  { id: 'problems-found', label: '发现问题', unit: '个', group: '监督检查', better: 'neutral', description: '监督检查中发现的问题个数；增减既可能反映问题更多，也可能反映监督更严，不作好坏判断。' },
  { id: 'petitions-received', label: '受理信访举报', unit: '件次', group: '信访办理', better: 'neutral', key: true, description: '全年受理群众信访举报的件次，等于已办结与正在办理之和。', sumOf: ['petitions-closed', 'petitions-pending'] },
  { id: 'petitions-closed', label: '办结', unit: '件次', group: '信访办理', better: 'up', description: '当年受理的信访举报中已经办结的件次。' },
  { id: 'petitions-pending', label: '正在办理', unit: '件次', group: '信访办理', better: 'down', description: '当年受理的信访举报中截至报告时正在办理的件次。' },
  { id: 'four-forms', label: '运用“四种形态”批评教育帮助和处理', unit: '人次', group: '执纪问责', better: 'neutral', description: '运用监督执纪“四种形态”批评教育帮助和处理的人次。' },
  { id: 'cases-filed', label: '立案', unit: '件', group: '执纪问责', better: 'neutral', key: true, description: '纪检监察机构全年立案审查调查的件数。' },
  { id: 'disciplinary-actions', label: '党纪政务处分', unit: '人', group: '执纪问责', better: 'neutral', key: true, description: '受到党纪处分、政务处分的人数。' },
];

const rules: RuleInput[] = [];

export const partyGovernance: Kind = {
  id: 'party-governance',
  name: '落实全面从严治党主体责任情况报告',
  metrics,
  rules,
  registryIntro: [
    '落实全面从严治党主体责任情况报告的指标登记表。下面是这类报告常见的数字，请按本单位报告的实际增删：',
    '报告中出现、需要历年对比的数字各登记一项；不需要的整项删除。',
  ],
  // The default words read this kind's headings (test/lib/kinds); a kind adds words only where they differ.
  sectionWords: DEFAULT_SECTION_WORDS,
  layouts: [],
  checks: [],
  site: {
    title: `${PLACEHOLDER}某某单位全面从严治党主体责任年度报告`,
    organization: `${PLACEHOLDER}某某单位党委`,
    description: `${PLACEHOLDER}某某单位党委历年落实全面从严治党主体责任情况报告汇编，可按年度浏览、对比和检索。`,
  },
  report: {
    title: '{year}年度落实全面从严治党主体责任情况报告',
    headings: ['一、履行主体责任情况', '二、存在的主要问题及原因', '三、下一步工作思路和主要措施'],
  },
};
