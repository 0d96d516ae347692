// content/site.yaml: who publishes the reports.
import { z } from 'zod';

export const siteSchema = z
  .object({
    title: z.string({ message: 'title（网站标题）必须填写' }).trim().min(1, { message: 'title 不能为空' }),
    organization: z.string({ message: 'organization（单位名称）必须填写' }).trim().min(1, { message: 'organization 不能为空' }),
    description: z.string().trim().optional(),
    publicNotice: z.string().trim().optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;
