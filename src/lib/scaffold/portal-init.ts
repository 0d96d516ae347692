// `npm run init -- DIR --portal`: the files of a new portal (portal.yaml and a short Chinese guide), and
// the id a series folder could take when the name typed is not one. Writing them is the CLI's job.
import { Document } from 'yaml';
import { pinyin } from 'pinyin-pro';
import { PLACEHOLDER } from '../kinds/index.ts';
import { RESERVED_SERIES_IDS, SERIES_ID, SERIES_ID_HINT, suggestSeriesId } from '../portal/portal-schema.ts';

/** The office groups a new portal starts with (a county's): the office changes them to its own. */
export const PLACEHOLDER_GROUPS = ['区政府', '部门', '街道乡镇'];

export function portalYaml(): string {
  const doc = new Document({
    title: `${PLACEHOLDER}某某县政府信息公开工作年度报告`,
    organization: `${PLACEHOLDER}某某县人民政府办公室`,
    description: `${PLACEHOLDER}某某县各单位历年年度报告，可按单位、年度浏览、对比和检索。`,
    groups: PLACEHOLDER_GROUPS,
  });
  doc.commentBefore = [
    ' 门户信息。由 npm run init -- … --portal 生成：把带“【请填写】”的占位文字（连同“【请填写】”）换成本门户的内容。',
    ' groups 是单位分组，门户首页按这里的先后列出各单位；每个系列的 site.yaml 用 group: 写明属于哪一组。',
  ].join('\n');
  const text = doc.toString({ lineWidth: 0 });
  // The groups on one line, as an office reads and edits them: [区政府, 部门, 街道乡镇].
  return text.replace(/^groups:\n((?:\s+- .*\n)+)/m, (_, items: string) => `groups: [${items.trim().split('\n').map((l) => l.replace(/^\s*- /, '')).join(', ')}]\n`);
}

export function portalReadme(portalEnv: string): string {
  const env = `NIANBAO_CONTENT=${/\s/.test(portalEnv) ? `"${portalEnv}"` : portalEnv}`;
  return `# 门户 · 多个单位的年度报告

这个目录由 \`npm run init -- … --portal\` 生成。门户把一个地区各单位的年度报告放在一起：每个单位的每类报告是一个**系列**，
即这个目录下的一个子目录（有自己的 site.yaml、metrics.yaml 和 reports/，和单独的内容目录完全一样）。

- \`portal.yaml\`：门户标题、主办单位和单位分组（\`groups\`，门户首页按这个顺序列出各单位）。把带“${PLACEHOLDER}”的占位文字换成本门户的内容，分组改成本地的实际分组。
- 每个系列一个子目录。目录名也是网址的一部分：${SERIES_ID_HINT}。

## 下一步

以下命令都在 nianbao 项目目录中运行：

1. 修改 \`portal.yaml\`。
2. 添加系列，如县政府办的政府信息公开年报：\`npm run init -- ${portalEnv}/zfb-xxgk --kind gov-info-disclosure\`
   （报告类型：gov-info-disclosure 政府信息公开工作年度报告、party-governance 全面从严治党主体责任报告、general 其他年度报告）。
   新系列的 site.yaml 中 \`group\` 先写成第一个分组，按实际改。已有的内容目录可以整个移进来，在其 site.yaml 中加一行 \`group: …\` 即可。
3. 往系列中添加报告：\`NIANBAO_CONTENT=${portalEnv}/zfb-xxgk npm run import -- 2023年报告.docx\`（或 \`npm run new -- 2023\`）。
4. 检查整个门户：\`${env} npm run check\`，按系列列出每个问题。

门户的网站页面（各单位首页、报告覆盖情况、跨单位数字、问题汇总）还在开发中；现在可以用 \`NIANBAO_CONTENT=${portalEnv}/系列目录 npm start\` 单独预览一个系列。
`;
}

/**
 * A valid series id for a folder name that is not one: its ASCII form (`ZFB_xxgk` → `zfb-xxgk`), or the
 * first letters of the pinyin of each part (`政府办-信息公开` → `zfb-xxgk`).
 */
export function seriesIdFor(name: string): string | undefined {
  const ascii = suggestSeriesId(name);
  if (ascii) return ascii;
  const parts = name
    .normalize('NFKC')
    .split(/[\s_\-·.、]+/)
    .map((part) =>
      [...part]
        .map((ch) => (/\p{Script=Han}/u.test(ch) ? pinyin(ch, { pattern: 'first', toneType: 'none' }) : ch.toLowerCase()))
        .join('')
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter(Boolean);
  const id = parts.join('-').replace(/^[0-9-]+/, '');
  return SERIES_ID.test(id) && !RESERVED_SERIES_IDS.has(id) ? id : undefined;
}
