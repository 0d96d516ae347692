// portal.yaml: a county's (or a bureau's) many offices in one site — its title, who runs it, and the office
// groups in the order the home page lists them. Series ids (the subfolder names) are checked here too.
import { z } from 'zod';

export const portalSchema = z
  .object({
    title: z.string({ message: 'title（门户网站标题）必须填写' }).trim().min(1, { message: 'title 不能为空' }),
    organization: z.string({ message: 'organization（主办单位，如 某某县人民政府办公室）必须填写' }).trim().min(1, { message: 'organization 不能为空' }),
    description: z.string().trim().optional(),
    groups: z
      .array(z.string({ message: '每个分组要写成文字，如 部门' }).trim().min(1, { message: '分组名不能为空' }), {
        message: 'groups（单位分组）必须是一个列表，如 [区政府, 部门, 街道乡镇]',
      })
      .min(1, { message: 'groups 至少要有一个分组，如 [区政府, 部门, 街道乡镇]' })
      .superRefine((groups, ctx) => {
        const seen = new Set<string>();
        groups.forEach((g, i) => {
          if (seen.has(g)) ctx.addIssue({ code: 'custom', path: [i], message: `分组“${g}”写了两次`, params: { hint: '每个分组只写一次；删去重复的一项' } });
          seen.add(g);
        });
      }),
  })
  .strict();

export type PortalConfig = z.output<typeof portalSchema>;

/**
 * A series id is its folder name and its URL (`/<series>/`): kebab-case ASCII, starting with a letter
 * (so it never reads as a year), e.g. `zfb-xxgk` for 政府办 · 信息公开.
 */
export const SERIES_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Names the portal's own pages take at its root (DESIGN.md, Portal): a series cannot have them. */
export const RESERVED_SERIES_IDS: ReadonlySet<string> = new Set(['coverage', 'figures', 'review', 'compare', 'search', 'data', 'pagefind', 'assets', 'downloads']);

export const SERIES_ID_HINT = '系列目录名（也是网址 /<目录名>/）只能用小写英文字母、数字和连字符，以字母开头，如 zfb-xxgk（政府办·信息公开）、czj-xxgk';

/** What is wrong with `name` as a series id, if anything. */
export function seriesIdError(name: string): string | undefined {
  if (RESERVED_SERIES_IDS.has(name)) return `“${name}”是门户自己页面的网址，不能用作系列目录名`;
  if (!SERIES_ID.test(name)) return `“${name}”不能用作系列目录名`;
  return undefined;
}

/** A valid id close to `name` when one can be made from its ASCII letters (`ZFB_xxgk` → `zfb-xxgk`). */
export function suggestSeriesId(name: string): string | undefined {
  const id = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
  return id && SERIES_ID.test(id) && !RESERVED_SERIES_IDS.has(id) && id !== name ? id : undefined;
}
