// content/site.yaml: who publishes the reports, and what kind of report they are.
import { z } from 'zod';
import { KIND_IDS, kindList } from '../kinds/index.ts';

export const siteSchema = z
  .object({
    title: z.string({ message: 'title（网站标题）必须填写' }).trim().min(1, { message: 'title 不能为空' }),
    organization: z.string({ message: 'organization（单位名称）必须填写' }).trim().min(1, { message: 'organization 不能为空' }),
    description: z.string().trim().optional(),
    publicNotice: z.string().trim().optional(),
    kind: z.enum(KIND_IDS, { message: `kind（报告类型）只能是 ${kindList()}` }).optional(),
    // In a portal (src/lib/portal/): which of portal.yaml's office groups this series belongs to.
    group: z.string({ message: 'group（所属分组）要写成文字，如 部门' }).trim().min(1, { message: 'group 不能为空' }).optional(),
    // A sample site (the demo): every page says so, so nobody takes made-up figures for an office's own.
    sample: z.boolean({ message: 'sample（示例数据）只能写 true 或 false' }).optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;

/** What a sample site says on every page, and prints: its figures and words are made up. */
export const SAMPLE_NOTICE = '示例数据：本站的单位、报告、文字和数字均为虚构，只用来演示 nianbao，不是任何真实单位的报告。';

/** The suffix a sample site's page titles carry, so a tab or a bookmark says it too. */
export const SAMPLE_TITLE_SUFFIX = '（示例）';

/** The document <title>: the page's title, then the site's; a sample site's ends in （示例） unless its title already says so. */
export function documentTitle(pageTitle: string, site: Pick<SiteConfig, 'title' | 'sample'>): string {
  const title = pageTitle === site.title ? site.title : `${pageTitle} · ${site.title}`;
  return site.sample && !/（示例/.test(site.title) ? `${title}${SAMPLE_TITLE_SUFFIX}` : title;
}
