// site.yaml beyond its schema: a missing kind, init's placeholders, a folder with no report yet.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { siteProblems } from '../../../src/lib/check/check.ts';
import { siteSchema } from '../../../src/lib/content/site.ts';

const site = (extra: Record<string, unknown> = {}) => siteSchema.parse({ title: '某区政府信息公开年报', organization: '某区人民政府', ...extra });

describe('site.yaml kind', () => {
  it('accepts the three kinds and names them when it is anything else', () => {
    for (const kind of ['party-governance', 'gov-info-disclosure', 'general']) expect(siteSchema.safeParse({ title: 'a', organization: 'b', kind }).success).toBe(true);
    const r = siteSchema.safeParse({ title: 'a', organization: 'b', kind: 'gov-info' });
    expect(r.error!.issues[0]!.path).toEqual(['kind']);
    expect(r.error!.issues[0]!.message).toContain('gov-info-disclosure（政府信息公开工作年度报告）');
  });

  it('without one, the folder is read as general, and check says so in a notice (not a warning: nothing is wrong)', () => {
    const [p] = siteProblems(site(), 1, '/x');
    expect(p).toMatchObject({ severity: 'notice', file: 'site.yaml', field: 'kind', message: '没有写 kind（报告类型），按 general（工作总结、政府工作报告等其他年度报告）处理' });
    expect(p!.hint).toContain('party-governance');
    expect(siteProblems(site({ kind: 'party-governance' }), 1, '/x')).toEqual([]);
  });
});

describe('a folder fresh from npm run init', () => {
  const fresh = site({ kind: 'gov-info-disclosure', title: '【请填写】某某区人民政府政府信息公开工作年度报告' });

  it('with no report yet: one notice with the next steps, the placeholders first', () => {
    const problems = siteProblems(fresh, 0, '/srv/gov');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'notice', file: 'reports', message: '还没有报告：/srv/gov/reports 是空的' });
    expect(problems[0]!.hint).toMatch(/^下一步：1\. 把 site\.yaml 中 title 的“【请填写】”占位文字换成本单位的内容；2\. 导入一份写好的报告：NIANBAO_CONTENT=\/srv\/gov npm run import/);
  });

  it('the commands need no NIANBAO_CONTENT for ./content', () => {
    expect(siteProblems(site({ kind: 'general' }), 0, resolve('content'))[0]!.hint).toContain('导入一份写好的报告：npm run import');
  });

  it('once there are reports, a placeholder left in site.yaml is a warning: it would be published', () => {
    expect(siteProblems(fresh, 2, '/srv/gov')).toEqual([expect.objectContaining({ severity: 'warning', field: 'title', message: expect.stringContaining('占位文字') })]);
  });
});
