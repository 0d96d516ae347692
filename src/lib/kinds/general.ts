// Any other yearly report (工作总结, 政府工作报告 …): no figures known in advance, the widest section words.
import { PLACEHOLDER, type Kind } from './kind.ts';

export const general: Kind = {
  id: 'general',
  name: '工作总结、政府工作报告等其他年度报告',
  metrics: [],
  rules: [],
  registryIntro: [
    '指标登记表：报告中需要历年对比的数字，每个登记一项。现在还是空的，照下面的示例添加；',
    '也可以在导入报告时用 npm run import -- 报告.docx --add-metrics 自动登记报告中的数字。',
  ],
  sectionWords: {
    headings: [
      { kind: 'problems-then-measures', words: ['问题及改进', '问题和改进', '问题与改进', '问题及整改', '问题和整改', '问题及下一步', '问题和下一步'] },
      { kind: 'measures', words: ['措施', '下一步', '思路', '打算', '安排', '计划', '改进', '目标任务'] },
      { kind: 'problems', words: ['问题', '不足', '差距'] },
      { kind: 'work', words: ['情况', '回顾', '总结', '成效', '工作', '做法', '成绩'] },
      { kind: 'other', words: ['其他'] },
    ],
    causes: ['原因'],
    measuresFrom: ['下一步', '改进', '将', '今后'],
  },
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
