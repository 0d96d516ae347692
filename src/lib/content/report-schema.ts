// The frontmatter of one report, validated against the metric registry.
import { z } from 'zod';
import { closestId, type Registry } from './metrics.ts';
import { parseStat, type StatValue } from './stat.ts';
import { hasRedactTag } from './content-safety.ts';
import { registryLayoutIds } from '../kinds/layouts.ts';

export const SECTION_KINDS = ['work', 'problems', 'measures', 'problems-then-measures', 'other'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** The closest registry id, when it is close enough to be a typo. */
export function suggestMetricId(id: string, registry: Registry): string | undefined {
  return closestId(id, registry.byId.keys());
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const PUBLISHED_HINT = '写成 YYYY-MM-DD 格式的日期，如 published: 2023-01-16（只写日期，不写时间）；不知道发布日期的，删去这一行';

/**
 * published as a date string, or why it is not one: a day that exists (2023-13-45 would be shown as
 * 2023年13月45日, and js-yaml would roll it over to 2024-02-14), and a date without a time (js-yaml turns a
 * time into a UTC Date whose day can differ from the one written).
 */
export function publishedDate(raw: unknown): string | { message: string } {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { message: 'published 不是有效日期' };
    if (raw.getUTCHours() || raw.getUTCMinutes() || raw.getUTCSeconds() || raw.getUTCMilliseconds()) return { message: 'published 只写日期，不写时间' };
    return raw.toISOString().slice(0, 10);
  }
  if (typeof raw !== 'string') return { message: `published 必须是日期，现在是${typeof raw === 'number' ? '数字' : '其他类型的值'}` };
  const s = raw.trim();
  const m = isoDate.exec(s);
  if (!m) {
    if (/^\d{4}-\d{1,2}-\d{1,2}[T\s]\d/.test(s)) return { message: `published 只写日期，不写时间：${s}` };
    return { message: `published 的日期“${s}”不是 YYYY-MM-DD 格式` };
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { message: `published 的日期 ${s} 不存在：月份只能是 01 到 12` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { message: `published 的日期 ${s} 不存在：${y}年${mo}月只有 ${days} 天` };
  return s;
}

const schemas = new WeakMap<Registry, ReturnType<typeof buildSchema>>();

/** One schema per registry: check validates hundreds of reports against the same one (building it was a third of zod's time). */
export function reportFrontmatterSchema(registry: Registry) {
  let schema = schemas.get(registry);
  if (!schema) schemas.set(registry, (schema = buildSchema(registry)));
  return schema;
}

/**
 * `layout:` names the format a report was written in when it is not its year's (an office that kept the 2019
 * tables in 2021). Only the layouts metrics.yaml knows; `2019` reads as a number in YAML, so numbers are its text.
 */
function layoutField(registry: Registry) {
  const known = [...registryLayoutIds(registry)];
  return z
    .union([z.string(), z.number().int()], { message: 'layout 写报告所用的格式版本，如 2019' })
    .transform((v) => String(v).trim())
    .refine((v) => known.includes(v), {
      message: known.length ? `layout 只能是 ${known.join('、')} 之一（metrics.yaml 中登记的格式）` : 'metrics.yaml 没有登记格式版本（layouts），报告不能写 layout',
      params: { hint: known.length ? '不写 layout 时按报告年份所在的格式读；只有报告没有用当年格式时才写' : '删除 layout 这一行' },
    })
    .optional();
}

function buildSchema(registry: Registry) {
  return z
    .object({
      year: z
        .number({ message: 'year 必须是四位数年份，如 2022（不加引号）' })
        .int({ message: 'year 必须是整数年份' })
        .min(1949, { message: 'year 不能早于 1949' })
        .max(2999, { message: 'year 不是有效年份' }),
      title: z
        .string({ message: 'title（报告标题）必须填写' })
        .trim()
        .min(1, { message: 'title（报告标题）不能为空' })
        // The title is shown as written in the tab, the home page, the contents and search results.
        .refine((t) => !hasRedactTag(t), { message: 'title（报告标题）中不能使用 <Redact>：标题会原样出现在浏览器标签、首页、对比页和搜索结果中，无法只隐去一部分', params: { hint: '把标题改成可以公开的写法；需要隐去的内容写在正文的 <Redact>…</Redact> 中' } }),
      // YAML 1.2 reads 2023-01-16 as a string, js-yaml as a Date: accept both, keep a plain date string.
      published: z
        .unknown()
        .transform((raw, ctx) => {
          const r = publishedDate(raw);
          if (typeof r === 'string') return r;
          ctx.addIssue({ code: 'custom', message: r.message, params: { hint: PUBLISHED_HINT } });
          return z.NEVER;
        })
        .optional(),
      layout: layoutField(registry),
      sections: z
        .record(z.string(), z.enum(SECTION_KINDS, { message: `章节类型只能是 ${SECTION_KINDS.join('、')}` }))
        .optional(),
      stats: z
        .record(z.string(), z.unknown(), { message: 'stats 必须是“指标 id: 数值”的列表' })
        .nullish()
        .transform((raw, ctx) => {
          const out: Record<string, StatValue> = {};
          for (const [id, value] of Object.entries(raw ?? {})) {
            if (!registry.byId.has(id)) {
              const near = suggestMetricId(id, registry);
              ctx.addIssue({
                code: 'custom',
                path: [id],
                message: `未知指标 ${id}：metrics.yaml 中没有这个 id`,
                params: { hint: near ? `是否应为 ${near}？` : '请检查拼写，或先在 metrics.yaml 中登记此指标' },
              });
              continue;
            }
            const parsed = parseStat(value, { signed: registry.byId.get(id)!.signed });
            if (!parsed.ok) {
              ctx.addIssue({ code: 'custom', path: [id], message: parsed.message, params: { hint: parsed.hint } });
              continue;
            }
            out[id] = parsed.value;
          }
          return out;
        }),
    })
    .strict();
}

export type ReportFrontmatter = z.output<ReturnType<typeof reportFrontmatterSchema>>;
