// `npm run init -- DIR --kind K`: the files of a new content folder, as text. Writing them is the CLI's job.
import { Document, isMap, isSeq, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { metricSchema, type Metric, type MetricInput, type RuleInput } from '../content/metrics.ts';
import { PLACEHOLDER, type Kind } from '../kinds/index.ts';

export const REGISTRY_GUIDE = [
  '',
  '各字段说明：',
  '  id          指标编号，小写英文字母、数字和连字符（如 petitions-received），一经使用不再更改；',
  '              用于网址和报告正文中的 <Stat id="…" />。',
  '  label       指标名称，显示在数据表和图表中。',
  '  unit        计量单位，如 次、件、人、万元。',
  '  group       分组；数据页按分组显示，分组顺序以在本表中首次出现的先后为准。',
  '  row/column  （可选）数字在报告表格中的位置：所在行、所在列的标题，从外到内，如 [法人或其他组织, 商业企业]。',
  '  better      数字变化的含义：up（越多越好）、down（越少越好）、neutral（中性，增减不能简单判断好坏）。',
  '              只影响变化的着色，不会隐藏任何数字。',
  '  public      对外公开版是否显示真实数字；false（默认）时公开版以 * 号隐去。',
  '  key         （可选）true 表示关键数字：显示在首页和每年报告页的开头。',
  '  description （可选）指标的口径说明，一句话。',
  '  sumOf       （可选）合计关系：本指标应等于所列各指标之和。',
  '  layouts     （可选）数字所在的格式版本，如 [2019, 2021]；不写即各版本都有。报告按其年份的格式核对',
  '              （报告 frontmatter 可用 layout: 指定），只核对、只要求该格式里有的数字。',
  '  places      （可选）数字在另一格式的表中写法不同的位置：每项 layout、row、column。',
  '  breaks      （可选）口径变化：每项 layout（从哪个格式起）和 note（怎样变了）；趋势页在那里标“口径变化”。',
  '',
  '合计规则（可选）：一项以“- rule: 规则名称”开头，left 各项之和应等于 right 各项之和，如',
  '  - rule: 第一项加第二项之和等于第三项加第四项之和',
  '    left: [指标id, 指标id]',
  '    right: [指标id, 指标id]',
  'npm run check 逐年核对 sumOf 和 rule，不相等的列为警告；只核对各项都是确切数字的年份，',
  '某项写成 "30+"、星号或 null（未填）的年份不核对——没有发生的请填 0，不要空着。',
  '',
  '各年度数字写在 reports/<年份>.mdx 的 stats 中：12（确数）、"30+"（30余）、',
  '"**"（已隐去，星号个数即位数）、"**+"（已隐去，**余），null 或不写表示当年未报告。',
  '数字不能为负，只有写了 signed: true 的指标（如“本年增/减”）可以写负数，如 -18。',
];

/** A list written on one line when it is short enough to read there. */
function flowShort(node: unknown, max = 8): void {
  if (isSeq(node) && node.items.length <= max) node.flow = true;
}

function metricEntry(m: MetricInput): Record<string, unknown> {
  const full: Metric = metricSchema.parse(m);
  return {
    id: full.id,
    label: full.label,
    unit: full.unit,
    group: full.group,
    ...(full.row && { row: full.row }),
    ...(full.column && { column: full.column }),
    better: full.better,
    public: full.public,
    ...(full.key && { key: true }),
    ...(full.signed && { signed: true }),
    ...(full.description && { description: full.description }),
    ...(full.sumOf && { sumOf: full.sumOf }),
    ...(full.layouts && { layouts: full.layouts }),
    ...(full.places && { places: full.places }),
    ...(full.breaks && { breaks: full.breaks }),
  };
}

/**
 * The kind's registry as metrics.yaml: the field guide on top, then each group under a heading comment,
 * each table row under its labels, and each group's sum rules after its figures.
 */
export function registryYaml(kind: Pick<Kind, 'metrics' | 'rules' | 'registryIntro'>): string {
  const groupOf = new Map(kind.metrics.map((m) => [m.id, m.group ?? '其他']));
  const rulesByGroup = new Map<string, RuleInput[]>();
  const looseRules: RuleInput[] = [];
  for (const r of kind.rules) {
    const groups = new Set([...r.left, ...r.right].map((id) => groupOf.get(id)));
    const [only] = groups;
    if (groups.size === 1 && only) rulesByGroup.set(only, [...(rulesByGroup.get(only) ?? []), r]);
    else looseRules.push(r);
  }

  type Entry = { data: Record<string, unknown>; comment?: string };
  const entries: Entry[] = [];
  let group: string | undefined;
  let row: string | undefined;
  const closeGroup = () => {
    const rules = group ? rulesByGroup.get(group) ?? [] : [];
    rules.forEach((r, i) => entries.push({ data: { ...r }, ...(i === 0 && { comment: ` 勾稽关系：${group}（npm run check 逐年核对）` }) }));
  };
  for (const m of kind.metrics) {
    const g = m.group ?? '其他';
    const comments: string[] = [];
    if (g !== group) {
      closeGroup();
      group = g;
      row = undefined;
      comments.push(` ==== ${g} ====`);
    }
    const rowPath = Array.isArray(m.row) ? m.row.join(' ') : m.row;
    if (rowPath && rowPath !== row) {
      row = rowPath;
      comments.push(` ${rowPath}`);
    }
    entries.push({ data: metricEntry(m), ...(comments.length && { comment: comments.join('\n\n') }) });
  }
  closeGroup();
  looseRules.forEach((r, i) => entries.push({ data: { ...r }, ...(i === 0 && { comment: ' 合计规则' }) }));

  const header = [...kind.registryIntro, ...REGISTRY_GUIDE].map((l) => (l ? ` ${l}` : '')).join('\n');
  if (entries.length === 0) {
    const example = ['- id: special-meetings', '  label: 召开专题会议', '  unit: 次', '  group: 会议部署', '  better: up', '  public: false', '  description: 专题研究部署工作的会议次数。'];
    return `${header.split('\n').map((l) => `#${l}`).join('\n')}\n\n# 示例（去掉行首的“# ”即可启用）：\n${example.map((l) => `# ${l}`).join('\n')}\n`;
  }
  // Entries share arrays (the same layouts list, the same break): written out in full, never as YAML aliases.
  const doc = new Document(entries.map((e) => e.data), { aliasDuplicateObjects: false });
  doc.commentBefore = header;
  const seq = doc.contents as YAMLSeq<YAMLMap>;
  seq.items.forEach((item, i) => {
    const e = entries[i]!;
    (item as Node).spaceBefore = i > 0;
    if (e.comment) (item as Node).commentBefore = e.comment;
    if (isMap(item)) for (const pair of item.items) flowShort(pair.value);
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** The portal a new series is added to: its groups (the first is written), title and organization (a hint). */
export interface PortalHint {
  /** The portal folder as the commands are typed (for NIANBAO_CONTENT). */
  env: string;
  title: string;
  organization: string;
  groups: readonly string[];
}

/** A portal's words as a hint: without the placeholder mark of a portal.yaml not yet filled in. */
const unfilled = (text: string) => text.replaceAll(PLACEHOLDER, '');

/** site.yaml with the kind and the kind's placeholders; in a portal, its first group and the portal's organization as a hint. */
export function siteYaml(kind: Pick<Kind, 'id' | 'name' | 'site'>, portal?: PortalHint): string {
  const doc = new Document({
    kind: kind.id,
    title: kind.site.title,
    organization: portal ? `${PLACEHOLDER}本单位全称（门户主办单位是 ${unfilled(portal.organization)}）` : kind.site.organization,
    description: kind.site.description,
    ...(portal && { group: portal.groups[0] }),
  });
  doc.commentBefore = [
    ' 站点信息。由 npm run init 生成：把带“【请填写】”的占位文字（连同“【请填写】”）换成本单位的内容。',
    ` kind 是报告类型：${kind.id}（${kind.name}），决定指标、章节识别和检查，一般不要改。`,
    ' 对外公开版要在每页顶部显示提示的，加一行 publicNotice: 本版本为对外公开版，部分数字和内容已按规定隐去。',
    ...(portal ? [` 本系列属于门户“${unfilled(portal.title)}”（${unfilled(portal.organization)}）。group 是本单位在门户首页的分组，可选：${portal.groups.join('、')}。`] : []),
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** The README of a new folder: what is in it and the next steps, with the commands as they are typed. */
export function folderReadme(kind: Pick<Kind, 'id' | 'name' | 'metrics' | 'rules'>, contentEnv: string, portal?: PortalHint): string {
  const quote = (p: string) => `NIANBAO_CONTENT=${/\s/.test(p) ? `"${p}"` : p}`;
  const env = quote(contentEnv);
  // In a portal, new and import act on the series; check and start on the whole portal.
  const whole = portal ? quote(portal.env) : env;
  const registry = kind.metrics.length
    ? `已登记 ${kind.metrics.length} 个指标${kind.rules.length ? `和 ${kind.rules.length} 条合计规则（勾稽关系）` : ''}`
    : '现在是空的：报告中需要历年对比的数字，照文件中的示例登记';
  const site = portal
    ? `- \`site.yaml\`：网站标题、单位名称、简介和 \`group\`（在门户首页的分组：${portal.groups.join('、')}）。把带“${PLACEHOLDER}”的占位文字换成本单位的内容。`
    : `- \`site.yaml\`：网站标题、单位名称和简介。把带“${PLACEHOLDER}”的占位文字换成本单位的内容。`;
  const preview = portal
    ? `4. 检查整个门户：\`${whole} npm run check\`（门户的网站页面还在开发中；单独预览这个系列：\`${env} npm start\`）`
    : `4. 预览网站：\`${env} npm start\`，然后在浏览器中打开 http://localhost:4321`;
  return `# ${kind.name} · 网站内容目录

这个目录由 \`npm run init -- … --kind ${kind.id}\` 生成，存放一个单位历年${kind.name}的网站内容${portal ? `，是门户“${portal.title}”中的一个系列` : ''}。

${site}
- \`metrics.yaml\`：指标登记表，${registry}。文件开头有各字段的说明。
- \`reports/\`：每年一份报告，文件名就是年份，如 \`reports/2023.mdx\`。现在还是空的。

## 下一步

以下命令都在 nianbao 项目目录中运行，\`${env}\` 让它们使用这个目录：

1. 修改 \`site.yaml\` 中的占位文字。
2. 添加报告：
   - 已有写好的报告（Word 或文本）：\`${env} npm run import -- 2023年报告.docx\`
   - 从头写一份：\`${env} npm run new -- 2023\`
3. 检查内容：\`${whole} npm run check\`，按 → 后的提示修改。
${preview}
`;
}

export function initFiles(kind: Kind, contentEnv: string, portal?: PortalHint): { path: string; text: string }[] {
  return [
    { path: 'site.yaml', text: siteYaml(kind, portal) },
    { path: 'metrics.yaml', text: registryYaml(kind) },
    { path: 'README.md', text: folderReadme(kind, contentEnv, portal) },
  ];
}
