// Any other yearly report (工作总结, 政府工作报告 …): no figures known in advance, the widest section words.
import { PLACEHOLDER, type Kind } from './kind.ts';
import { DEFAULT_SECTION_WORDS } from '../structure/section-kinds.ts';

export const general: Kind = {
  id: 'general',
  name: '工作总结、政府工作报告等其他年度报告',
  metrics: [],
  rules: [],
  registryIntro: [
    '指标登记表：报告中需要历年对比的数字，每个登记一项。现在还是空的，照下面的示例添加；',
    '也可以在导入报告时用 npm run import -- 报告.docx --add-metrics 自动登记报告中的数字。',
  ],
  // The default words read this kind's headings (test/lib/kinds); a kind adds words only where they differ.
  sectionWords: DEFAULT_SECTION_WORDS,
  layouts: [],
  checks: [],
  site: {
    title: `${PLACEHOLDER}某某单位年度工作报告`,
    organization: `${PLACEHOLDER}某某单位`,
    description: `${PLACEHOLDER}某某单位历年年度工作报告汇编，可按年度浏览、对比和检索。`,
  },
  report: {
    title: '{year}年工作总结',
    headings: ['一、主要工作情况', '二、存在的问题和不足', '三、下一步工作打算'],
  },
};
