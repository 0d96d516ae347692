// The national format's tables as a registry: every figure, the format's labels, its 勾稽关系.
import { describe, expect, it } from 'vitest';
import { registrySchema, METRIC_ID } from '../../../src/lib/content/metrics.ts';
import { govInfoDisclosure, TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { brokenRules } from '../../../src/lib/content/sum-rules.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';
import { layoutRegistry } from '../../../src/lib/kinds/layouts.ts';
import { inferSectionKind } from '../../../src/lib/structure/section-kinds.ts';

const parsed = registrySchema.safeParse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]);
// The 2021 format's part of the registry (which also holds the 2019 and pre-2019 layouts: gov-info-layouts.test.ts).
const registry = layoutRegistry(parsed.data!, '2021');

// The format's row labels, as 国办公开办函〔2021〕30号 prints them.
const REQUEST_ROW_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];

describe('the gov-info-disclosure registry', () => {
  it('is a valid metrics.yaml: every id known, no rule refers to itself', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('holds every figure of the three tables: 10 + 25 rows × 7 applicant columns + 3 × 5 = 200, all public', () => {
    const by = (g: string) => registry.metrics.filter((m) => m.group === g);
    expect(by(TABLE_PROACTIVE)).toHaveLength(10);
    expect(by(TABLE_REQUESTS)).toHaveLength(175);
    expect(by(TABLE_REVIEW)).toHaveLength(15);
    expect(registry.metrics).toHaveLength(200);
    expect(registry.groups).toEqual([TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW]);
    expect(registry.metrics.every((m) => m.public)).toBe(true);
    expect(registry.metrics.every((m) => METRIC_ID.test(m.id))).toBe(true);
  });

  it('knows each figure’s row and column by the format’s own labels', () => {
    const rows = [...new Set(registry.metrics.filter((m) => m.group === TABLE_REQUESTS).map((m) => m.row!.at(-1)))];
    expect(rows).toEqual(REQUEST_ROW_LABELS);
    const cols = [...new Set(registry.metrics.filter((m) => m.group === TABLE_REQUESTS).map((m) => m.column!.join('/')))];
    expect(cols).toEqual(['自然人', '法人或其他组织/商业企业', '法人或其他组织/科研机构', '法人或其他组织/社会公益组织', '法人或其他组织/法律服务机构', '法人或其他组织/其他', '总计']);
    const withheld = registry.byId.get('requests-withheld-state-secret-business')!;
    expect(withheld.row).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    expect(withheld.label).toBe('（三）不予公开 · 1.属于国家秘密 · 商业企业');
    expect(registry.byId.get('normative-documents-in-force')).toMatchObject({ label: '行政规范性文件 · 现行有效件数', row: ['第二十条第（一）项', '行政规范性文件'], column: ['现行有效件数'], unit: '件', key: true });
    expect(registry.byId.get('fees-amount')).toMatchObject({ label: '行政事业性收费 · 本年收费金额', column: ['本年收费金额（单位：万元）'], unit: '万元' });
    expect(registry.byId.get('litigation-after-review-total')).toMatchObject({ label: '行政诉讼 · 复议后起诉 · 总计', column: ['行政诉讼', '复议后起诉', '总计'] });
    for (const id of ['licensing-decisions', 'penalty-decisions', 'enforcement-decisions']) expect(registry.byId.get(id)!.column).toEqual(['本年处理决定数量']);
  });

  it('marks a handful of key figures', () => {
    const keys = registry.metrics.filter((m) => m.key).map((m) => m.id);
    expect(keys).toEqual(expect.arrayContaining(['normative-documents-in-force', 'requests-new-total', 'review-total', 'litigation-direct-total', 'litigation-after-review-total']));
    expect(keys.length).toBeLessThanOrEqual(8);
  });

  it('has the format’s 勾稽关系: 7 columns × (一+二 = 三+四, （七）总计) + 25 总计 columns + 3 复议/诉讼 总计', () => {
    expect(registry.rules).toHaveLength(7 * 2 + 25 + 3);
    const balance = registry.rules.find((r) => r.name === '自然人列 第一项加第二项之和等于第三项加第四项之和')!;
    expect(balance).toMatchObject({ left: ['requests-new-natural-person', 'requests-carried-over-natural-person'], right: ['requests-results-total-natural-person', 'requests-carried-forward-natural-person'] });
    const total = registry.rules.find((r) => r.left[0] === 'requests-results-total-total' && r.right.length > 6)!;
    expect(total.right).toHaveLength(21);
    expect(registry.rules.find((r) => r.left[0] === 'review-total')!.right).toEqual(['review-upheld', 'review-corrected', 'review-other', 'review-pending']);
  });

  /** A year whose tables add up: each applicant column with its own numbers, 总计 their sum. */
  function consistentYear(): Record<string, StatValue> {
    const stats: Record<string, StatValue> = {};
    const set = (id: string, v: number) => (stats[id] = { kind: 'exact', value: v });
    const applicants = ['natural-person', 'business', 'research', 'public-interest', 'legal-services', 'other-org'];
    const results = registry.metrics.filter((m) => m.group === TABLE_REQUESTS && m.row![0] === '三、本年度办理结果' && m.row!.at(-1) !== '（七）总计' && m.column![0] === '自然人').map((m) => m.id.replace(/-natural-person$/, ''));
    applicants.forEach((a, i) => {
      let done = 0;
      results.forEach((r, j) => {
        const v = (i + j) % 3;
        set(`${r}-${a}`, v);
        done += v;
      });
      set(`requests-results-total-${a}`, done);
      set(`requests-carried-forward-${a}`, i);
      set(`requests-carried-over-${a}`, 1);
      set(`requests-new-${a}`, done + i - 1);
    });
    for (const r of [...results, 'requests-results-total', 'requests-carried-forward', 'requests-carried-over', 'requests-new']) {
      set(`${r}-total`, applicants.reduce((s, a) => s + (stats[`${r}-${a}`] as { value: number }).value, 0));
    }
    for (const m of registry.metrics.filter((x) => x.group === TABLE_PROACTIVE)) set(m.id, 1);
    for (const b of ['review', 'litigation-direct', 'litigation-after-review']) {
      ['upheld', 'corrected', 'other', 'pending'].forEach((o, i) => set(`${b}-${o}`, i));
      set(`${b}-total`, 6);
    }
    return stats;
  }

  it('a year that adds up breaks no rule; one wrong 总计 breaks exactly the rules it is in', () => {
    const stats = consistentYear();
    expect(brokenRules(registry.rules, stats)).toEqual([]);
    const v = (stats['requests-new-total'] as { value: number }).value;
    stats['requests-new-total'] = { kind: 'exact', value: v + 1 };
    expect(brokenRules(registry.rules, stats).map((b) => b.rule.name)).toEqual(['总计列 第一项加第二项之和等于第三项加第四项之和', '一、本年新收政府信息公开申请数量 总计等于各类申请人之和']);
  });

  it('section words read the format’s headings', () => {
    const kindOf = (heading: string) => inferSectionKind(heading, govInfoDisclosure.sectionWords);
    expect(govInfoDisclosure.report.headings.map(kindOf)).toEqual(['work', 'work', 'work', 'work', 'problems-then-measures', 'other']);
  });

  describe('its checks', () => {
    const [completeTables, carriedOver] = govInfoDisclosure.checks;
    const report = (year: number, stats: Record<string, StatValue>) => ({ file: `reports/${year}.mdx`, year, data: { stats } });
    const n = (value: number): StatValue => ({ kind: 'exact', value });

    it('a table with figures left out gets one warning, naming how many and which', () => {
      const stats = consistentYear();
      delete stats['review-upheld'];
      stats['review-pending'] = { kind: 'missing' };
      const problems = completeTables!(report(2023, stats), registry);
      expect(problems).toEqual([
        expect.objectContaining({ severity: 'warning', field: 'stats.review-upheld', message: '2023年 政府信息公开行政复议、行政诉讼情况：15 个数字中有 2 个没有填写（review-upheld、review-pending）' }),
      ]);
      expect(completeTables!(report(2023, consistentYear()), registry)).toEqual([]);
    });

    it('what a year carries forward is what the next year carries over, column by column', () => {
      const before = report(2022, { 'requests-carried-forward-natural-person': n(3), 'requests-carried-forward-total': n(3) });
      const now = report(2023, { 'requests-carried-over-natural-person': n(2), 'requests-carried-over-total': n(3) });
      expect(carriedOver!(now, registry, before).map((p) => p.message)).toEqual([
        '2023年 收到和处理政府信息公开申请情况：自然人列 二、上年结转 为 2，但2022年报告的 四、结转下年度继续办理 为 3，相差 1',
      ]);
      expect(carriedOver!(now, registry)).toEqual([]);
    });
  });
});
