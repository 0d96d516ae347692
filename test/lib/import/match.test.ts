import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../src/lib/content/content.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { findCounts } from '../../../src/lib/import/counts.ts';
import { assignMetrics, scoreLabel, countContext, type CountInText } from '../../../src/lib/import/match.ts';
import { ROOT } from '../../helpers/sites.ts';

const { registry } = loadRegistry(join(ROOT, 'content'));

function match(paragraphs: string[], reg = registry): (string | undefined)[] {
  const all: CountInText[] = [];
  paragraphs.forEach((text, block) => {
    const counts = findCounts(text, reg.metrics.map((m) => m.unit));
    counts.forEach((_, index) => all.push({ block, text, counts, index }));
  });
  return assignMetrics(all, reg).map((r) => r.metric?.id);
}

describe('matching counts to metrics by label', () => {
  it('tells apart several counts in one sentence', () => {
    expect(match(['2022年开发区受理来信来访*件次，查结*件次，正在办理*件次；责令检查*人，批评教育*人，函询*人，开除党籍*人。'])).toEqual([
      'petitions-received', 'petitions-closed', 'petitions-pending', 'ordered-self-examinations', 'criticism-education', 'inquiry-letters', 'party-expulsions',
    ]);
  });

  it('reads the counted noun after the unit: *个方面 then 排查问题*个', () => {
    expect(match(['围绕政治站位不高、群众意识淡薄等*个方面排查问题*个，制定整改措施**条，目前都已整改完毕。'])).toEqual(['problem-areas', 'problems-found', 'rectification-measures']);
  });

  it('solved and still ongoing: 解决…问题***件，剩余**件正在推进中', () => {
    expect(match(['各部门履职尽责，解决群众急、难、愁、盼问题***件，剩余**件正在推进中。'])).toEqual(['public-matters-resolved', 'public-matters-ongoing']);
  });

  it('gives the long, specific label to its count and the short one to the later count', () => {
    expect(match([
      '2022年开展党性教育十分钟学习典型案例、传达相关会议精神**次，召开集体廉政谈话会*次。',
      '深入学习习近平总书记考察安徽重要讲话指示精神以及中央、省、市、县关于违反中央八项规定精神等典型案例**余次。',
    ])).toEqual(['party-education-sessions', 'integrity-talk-meetings', 'case-study-sessions']);
  });

  it('stops the words after a unit at 、: the next item of the list is the next count\'s', () => {
    // 平潭综合实验区 2023 政府信息公开工作年度报告 (test/fixtures/real/gov-2023-pingtan).
    const reg = makeRegistry(['行政诉讼案件', '行政复议案件'].map((label, i) => metricSchema.parse({ id: ['lawsuits', 'reviews'][i], label, unit: '件' })));
    expect(match(['因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。'], reg)).toEqual(['reviews', 'lawsuits']);
  });

  it('requires the unit to fit: 正在办理 counts 件次, not 件', () => {
    expect(match(['正在办理*件。'])).toEqual([undefined]);
  });

  it('leaves a count unmatched when no label is near it', () => {
    expect(match(['走访辖区企业12家，慰问困难群众30余人。'])).toEqual([undefined, undefined]);
  });

  it('uses each metric once: the second mention stays text', () => {
    expect(match(['召开集体廉政谈话会3次。', '全年召开集体廉政谈话会3次。'])).toEqual(['integrity-talk-meetings', undefined]);
  });

  it('scores nearby words higher than distant ones', () => {
    const text = '学习习近平新时代中国特色社会主义思想和党的二十大精神，观看典型案例*次';
    const ctx = countContext(text, findCounts(text), 0);
    const near = scoreLabel('典型案例', ctx).coverage;
    const far = scoreLabel('学习习近平', ctx).coverage;
    expect(near).toBe(1);
    expect(far).toBeLessThan(0.5);
  });

  it('does not let generic words pick a specific metric: 监督检查 alone is neither 小微权力 nor 节点 inspections', () => {
    expect(match(['全年共开展监督检查15次。'])).toEqual([undefined]);
    expect(match(['召开党风廉政会议3次。'])).toEqual(['integrity-work-meetings']);
  });

  it('matches all 21 counts of the sample in order from the labels alone (no descriptions)', () => {
    const bare = makeRegistry(registry.metrics.map((m) => ({ ...m, description: undefined })));
    const seed = readFileSync(join(ROOT, 'test/fixtures/seed/2022.txt'), 'utf8').split('\n');
    expect(match(seed, bare)).toEqual(registry.metrics.map((m) => m.id));
  });

  it('works with any registry, e.g. a one-metric one', () => {
    const reg = makeRegistry([metricSchema.parse({ id: 'trees', label: '义务植树', unit: '棵' })]);
    expect(match(['组织党员干部义务植树300余棵。'], reg)).toEqual(['trees']);
  });
});
