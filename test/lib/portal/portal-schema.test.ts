// portal.yaml's schema and the series id rule, directly.
import { describe, expect, it } from 'vitest';
import { portalSchema, seriesIdError, suggestSeriesId } from '../../../src/lib/portal/portal-schema.ts';
import { siteSchema } from '../../../src/lib/content/site.ts';
import { safeParseZh } from '../../../src/lib/content/zod-problems.ts';
import { seriesIdFor } from '../../../src/lib/scaffold/portal-init.ts';

const good = { title: '某某县政府信息公开年报', organization: '某某县人民政府办公室', groups: ['区政府', '部门', '街道乡镇'] };

describe('portal.yaml schema', () => {
  it('accepts title, organization, groups in order, and an optional description', () => {
    const r = portalSchema.safeParse({ ...good, description: '各单位历年年报' });
    expect(r.success).toBe(true);
    expect(r.data?.groups).toEqual(['区政府', '部门', '街道乡镇']);
  });

  it('trims, and requires title, organization and at least one group — in Chinese', () => {
    expect(portalSchema.safeParse({ ...good, title: '  门户  ' }).data?.title).toBe('门户');
    for (const [data, words] of [
      [{ organization: good.organization, groups: good.groups }, 'title'],
      [{ title: good.title, groups: good.groups }, 'organization'],
      [{ title: good.title, organization: good.organization }, 'groups'],
      [{ ...good, groups: [] }, '至少要有一个分组'],
      [{ ...good, groups: '部门' }, '必须是一个列表'],
      [{ ...good, groups: ['部门', ' '] }, '分组名不能为空'],
    ] as const) {
      const r = safeParseZh(portalSchema, data);
      expect(r.success, JSON.stringify(data)).toBe(false);
      expect(r.error!.issues.map((i) => i.message).join('\n')).toContain(words);
    }
  });

  it('refuses a group written twice, at its position, with the fix', () => {
    const r = portalSchema.safeParse({ ...good, groups: ['部门', '区政府', '部门'] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['groups', 2], message: '分组“部门”写了两次' });
  });

  it('refuses unknown fields (strict)', () => {
    const r = portalSchema.safeParse({ ...good, kind: 'gov-info-disclosure' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('site.yaml group', () => {
  it('is optional text', () => {
    expect(siteSchema.safeParse({ title: 't', organization: 'o', group: ' 部门 ' }).data?.group).toBe('部门');
    expect(siteSchema.safeParse({ title: 't', organization: 'o' }).success).toBe(true);
    expect(siteSchema.safeParse({ title: 't', organization: 'o', group: '' }).success).toBe(false);
    expect(siteSchema.safeParse({ title: 't', organization: 'o', group: 3 }).success).toBe(false);
  });
});

describe('series ids', () => {
  it('are kebab-case ASCII starting with a letter, and not a portal page', () => {
    for (const id of ['zfb-xxgk', 'czj', 'jd-2', 'a1-b2-c3']) expect(seriesIdError(id), id).toBeUndefined();
    for (const id of ['ZFB', 'zfb_xxgk', 'zfb--xxgk', '-zfb', 'zfb-', '2024', '2024-zfb', '政府办', 'zfb xxgk', 'review', 'search', 'figures', 'coverage']) expect(seriesIdError(id), id).toBeDefined();
  });

  it('suggest a fix from the ASCII letters, or from the pinyin initials of each part', () => {
    expect(suggestSeriesId('ZFB_xxgk')).toBe('zfb-xxgk');
    expect(suggestSeriesId('Zfb Xxgk')).toBe('zfb-xxgk');
    expect(suggestSeriesId('政府办')).toBeUndefined();
    expect(seriesIdFor('政府办-信息公开')).toBe('zfb-xxgk');
    expect(seriesIdFor('财政局 信息公开')).toBe('czj-xxgk');
    expect(seriesIdFor('ZFB_xxgk')).toBe('zfb-xxgk');
  });
});
