import { describe, expect, it } from 'vitest';
import { documentTitle, SAMPLE_TITLE_SUFFIX, siteSchema } from '../../../src/lib/content/site.ts';

const base = { title: '某某单位年度报告', organization: '某某单位' };

describe('site.yaml sample', () => {
  it('is optional, and true or false', () => {
    expect(siteSchema.safeParse(base).success).toBe(true);
    expect(siteSchema.safeParse({ ...base, sample: true }).data?.sample).toBe(true);
    expect(siteSchema.safeParse({ ...base, sample: false }).data?.sample).toBe(false);
  });

  it('refuses anything else with a Chinese message naming the field', () => {
    const r = siteSchema.safeParse({ ...base, sample: 'yes' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['sample']);
    expect(r.error!.issues[0]!.message).toBe('sample（示例数据）只能写 true 或 false');
  });
});

describe('documentTitle', () => {
  it('names the page, then the site', () => {
    expect(documentTitle('2022年报告', base)).toBe('2022年报告 · 某某单位年度报告');
    expect(documentTitle(base.title, base)).toBe('某某单位年度报告');
  });

  it('ends in （示例） on every page of a sample site', () => {
    const site = { ...base, sample: true };
    expect(documentTitle('2022年报告', site)).toBe(`2022年报告 · 某某单位年度报告${SAMPLE_TITLE_SUFFIX}`);
    expect(documentTitle(base.title, site)).toBe('某某单位年度报告（示例）');
  });

  it('does not say it twice when the site title already does', () => {
    const site = { title: '某某局政府信息公开工作年度报告（示例数据）', organization: '某某局', sample: true };
    expect(documentTitle('2023年', site)).toBe('2023年 · 某某局政府信息公开工作年度报告（示例数据）');
  });
});
