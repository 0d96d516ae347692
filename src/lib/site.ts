// content/site.yaml: who publishes the reports, and what kind of report they are.
import { z } from 'zod';
import { KIND_IDS, kindList } from './kinds/index.ts';

export const siteSchema = z
  .object({
    title: z.string({ message: 'title（网站标题）必须填写' }).trim().min(1, { message: 'title 不能为空' }),
    organization: z.string({ message: 'organization（单位名称）必须填写' }).trim().min(1, { message: 'organization 不能为空' }),
    description: z.string().trim().optional(),
    publicNotice: z.string().trim().optional(),
    kind: z.enum(KIND_IDS, { message: `kind（报告类型）只能是 ${kindList()}` }).optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;
