// npm run init -- DIR --kind K: start a content folder for kind K — site.yaml, the kind's metrics.yaml,
// an empty reports/ and a short Chinese guide. Refuses a DIR that is not empty; never overwrites anything.
// npm run init -- DIR --portal starts a portal (portal.yaml and a guide); DIR/<series> --kind K inside a
// portal adds a series: its folder name must be a series id, and its site.yaml gets the portal's first group.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fail, parseCommandArgs } from './command.ts';
import { shownPath, userPath } from '../lib/cli-paths.ts';
import { REPORTS_DIR } from '../lib/content/content.ts';
import { initFiles, type PortalHint } from '../lib/scaffold/init.ts';
import { portalReadme, portalYaml, seriesIdFor } from '../lib/scaffold/portal-init.ts';
import { isKindId, KINDS, kindList, type Kind } from '../lib/kinds/index.ts';
import { isPortalFolder, PORTAL_FILE } from '../lib/content/content-dir.ts';
import { loadPortalConfig } from '../lib/portal/portal.ts';
import { seriesIdError, SERIES_ID_HINT } from '../lib/portal/portal-schema.ts';

const USAGE = [
  '用法：npm run init -- 目录 --kind 报告类型',
  '      npm run init -- 目录 --portal            新建门户（多个单位、多个系列的报告放在一起）',
  '      npm run init -- 门户目录/系列 --kind 报告类型   在门户中添加一个系列',
  '  例如：npm run init -- content-gov --kind gov-info-disclosure',
  `  报告类型：\n${Object.values(KINDS).map((k) => `    ${k.id.padEnd(20)}${k.name}`).join('\n')}`,
].join('\n');

const args = parseCommandArgs({ allowPositionals: true, options: { kind: { type: 'string' }, portal: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, USAGE, `${USAGE}\n\n在新目录中写好 site.yaml（占位文字待改）、该类型的指标登记表 metrics.yaml、空的 reports/ 和一份中文说明 README.md。目录必须不存在或为空。`);
const [dirArg, ...extra] = args.positionals;
if (!dirArg) fail('没有指定要创建的内容目录', USAGE);
if (extra.length) fail(`多了参数：${extra.join(' ')}`, USAGE);
const kindArg = args.values.kind;
const asPortal = args.values.portal === true;
if (asPortal && kindArg !== undefined) fail('--portal 和 --kind 不能同用', `先用 npm run init -- ${dirArg} --portal 新建门户，再用 npm run init -- ${dirArg}/<系列目录名> --kind ${kindArg} 在其中添加系列`);
let kind: Kind | undefined;
if (!asPortal) {
  if (kindArg === undefined) fail('没有指定报告类型 --kind', `可选：${kindList('；')}\n例如：npm run init -- ${dirArg} --kind gov-info-disclosure\n要新建门户（多个单位的报告放在一起）：npm run init -- ${dirArg} --portal`);
  if (!isKindId(kindArg)) fail(`不认识的报告类型“${kindArg}”`, `可选：${kindList('；')}`);
  kind = KINDS[kindArg];
}

const dir = userPath(dirArg);
const shown = shownPath(dir);
if (existsSync(dir)) {
  if (!statSync(dir).isDirectory()) fail(`${shown} 已存在，而且是一个文件，没有做任何改动`, '换一个目录名');
  const inside = readdirSync(dir);
  if (inside.length) fail(`${shown} 不是空目录（里面有 ${inside.slice(0, 3).join('、')}${inside.length > 3 ? ' 等' : ''}），没有做任何改动`, '换一个新的目录名，或先把这个目录中的文件移走；init 从不覆盖已有的文件');
}

// NIANBAO_CONTENT is read from the project folder (where npm runs the scripts): say it that way.
const asTyped = (p: string) => {
  const fromProject = relative(process.cwd(), p);
  return fromProject && !fromProject.startsWith('..') && !isAbsolute(fromProject) ? fromProject : p;
};
const contentEnv = asTyped(dir);

// Inside a portal: the folder name is the series id (a URL), and the series joins the portal's first group.
let portal: PortalHint | undefined;
const portalDir = dirname(dir);
if (isPortalFolder(portalDir)) {
  const name = basename(dir);
  if (asPortal) fail(`${shownPath(portalDir)} 已经是门户，门户中不能再建门户，没有做任何改动`, `在门户中添加系列：npm run init -- ${join(shownPath(portalDir), '<系列目录名>')} --kind gov-info-disclosure`);
  const idError = seriesIdError(name);
  if (idError) {
    const suggestion = seriesIdFor(name);
    fail(`${idError}：${shownPath(portalDir)} 是门户，其中的目录名就是系列在网址中的名字，没有做任何改动`, `${suggestion ? `换成如 npm run init -- ${join(shownPath(portalDir), suggestion)} --kind ${kindArg}。` : ''}${SERIES_ID_HINT}`);
  }
  const loaded = loadPortalConfig(portalDir);
  if (!loaded.config) {
    const first = loaded.problems[0];
    fail(`门户的 ${PORTAL_FILE} 有错误，没有添加系列${first ? `：${first.line ? `第 ${first.line} 行，` : ''}${first.message}` : ''}`, `${first?.hint ? `${first.hint}；` : ''}改好后运行 NIANBAO_CONTENT=${asTyped(portalDir)} npm run check 复查，再添加系列`);
  }
  portal = { env: asTyped(portalDir), ...loaded.config };
}
const files = asPortal
  ? [
      { path: PORTAL_FILE, text: portalYaml() },
      { path: 'README.md', text: portalReadme(contentEnv) },
    ]
  : initFiles(kind as Kind, contentEnv, portal);

/** Write the files into `into`, which exists and is ours; 'wx' never replaces a file. */
function writeAll(into: string): void {
  if (!asPortal) mkdirSync(join(into, REPORTS_DIR));
  for (const f of files) writeFileSync(join(into, f.path), f.text, { flag: 'wx' });
}

function failWriting(e: unknown, parent: string): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOTEMPTY' || code === 'EEXIST') fail(`${shown} 在写入时出现了文件，没有做任何改动`, '换一个新的目录名');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') fail(`没有权限在 ${shownPath(parent)} 中写入`, '换一个有写权限的位置');
  fail(`无法创建 ${shown}：${(e as Error).message}`, '检查路径是否正确、磁盘是否已满');
}

const parent = dirname(dir);
if (existsSync(dir)) {
  // An empty folder the user made (perhaps a mount point): fill it, and take back what was written on failure.
  try {
    writeAll(dir);
  } catch (e) {
    for (const f of [...files.map((x) => x.path), ...(asPortal ? [] : [REPORTS_DIR])]) rmSync(join(dir, f), { recursive: f === REPORTS_DIR, force: true });
    failWriting(e, dir);
  }
} else {
  // A new folder: written beside it under a hidden name, then moved into place in one rename, so an
  // interrupted init leaves either nothing or the whole folder.
  const staging = join(parent, `.${basename(dir)}.init-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(staging);
    writeAll(staging);
    // rename() fails on a non-empty target: a folder created and filled meanwhile is never touched.
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    failWriting(e, parent);
  }
}

const quoted = (p: string) => `NIANBAO_CONTENT=${/\s/.test(p) ? `"${p}"` : p}`;
const env = quoted(contentEnv);
if (asPortal) {
  console.log(
    [
      `✓ 已创建门户 ${shown}`,
      `  ${PORTAL_FILE}   门户标题、主办单位和单位分组（占位文字待改；分组先写成 区政府、部门、街道乡镇）`,
      '  README.md     说明和下一步',
      '',
      '下一步：',
      `  1. 修改 ${join(shown, PORTAL_FILE)}：标题、主办单位，分组改成本地的实际分组`,
      `  2. npm run init -- ${join(contentEnv, 'zfb-xxgk')} --kind gov-info-disclosure   添加一个系列（一个单位的一类报告；目录名用小写英文字母、数字和连字符）`,
      `  3. ${env} npm run check   检查整个门户`,
    ].join('\n'),
  );
  process.exit(0);
}
const k = kind as Kind;
const whole = portal ? quoted(portal.env) : env;
console.log(
  [
    `✓ 已创建 ${shown}（${k.name}）${portal ? `，门户“${portal.title}”中的系列 ${basename(dir)}，分组 ${portal.groups[0]}` : ''}`,
    `  site.yaml     网站标题和单位名称（占位文字待改）${portal ? `；group: ${portal.groups[0]}（可选 ${portal.groups.join('、')}）` : ''}`,
    `  metrics.yaml  指标登记表：${k.metrics.length ? `${k.metrics.length} 个指标${k.rules.length ? `、${k.rules.length} 条勾稽关系` : ''}` : '空，附示例'}`,
    '  reports/      空，每年一份报告放在这里',
    '  README.md     说明和下一步',
    '',
    '下一步：',
    `  1. 把 ${join(shown, 'site.yaml')} 中带“【请填写】”的文字换成本单位的内容${portal ? '，核对 group' : ''}`,
    `  2. ${env} npm run import -- 报告.docx   导入写好的报告（或 npm run new -- 年份 新建一份）`,
    `  3. ${whole} npm run check                检查内容`,
    portal ? `  4. ${env} npm start                    单独预览这个系列（门户的网站页面还在开发中）` : `  4. ${env} npm start                    预览网站`,
  ].join('\n'),
);
