// npm run init -- DIR --kind K: start a content folder for kind K — site.yaml, the kind's metrics.yaml,
// an empty reports/ and a short Chinese guide. Refuses a DIR that is not empty; never overwrites anything.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fail, parseCommandArgs } from './command.ts';
import { shownPath, userPath } from '../lib/cli-paths.ts';
import { REPORTS_DIR } from '../lib/content/content.ts';
import { initFiles } from '../lib/scaffold/init.ts';
import { isKindId, KINDS, kindList } from '../lib/kinds/index.ts';

const USAGE = [
  '用法：npm run init -- 目录 --kind 报告类型',
  '  例如：npm run init -- content-gov --kind gov-info-disclosure',
  `  报告类型：\n${Object.values(KINDS).map((k) => `    ${k.id.padEnd(20)}${k.name}`).join('\n')}`,
].join('\n');

const args = parseCommandArgs({ allowPositionals: true, options: { kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, USAGE, `${USAGE}\n\n在新目录中写好 site.yaml（占位文字待改）、该类型的指标登记表 metrics.yaml、空的 reports/ 和一份中文说明 README.md。目录必须不存在或为空。`);
const [dirArg, ...extra] = args.positionals;
if (!dirArg) fail('没有指定要创建的内容目录', USAGE);
if (extra.length) fail(`多了参数：${extra.join(' ')}`, USAGE);
const kindArg = args.values.kind;
if (kindArg === undefined) fail('没有指定报告类型 --kind', `可选：${kindList('；')}\n例如：npm run init -- ${dirArg} --kind gov-info-disclosure`);
if (!isKindId(kindArg)) fail(`不认识的报告类型“${kindArg}”`, `可选：${kindList('；')}`);
const kind = KINDS[kindArg];

const dir = userPath(dirArg);
const shown = shownPath(dir);
if (existsSync(dir)) {
  if (!statSync(dir).isDirectory()) fail(`${shown} 已存在，而且是一个文件，没有做任何改动`, '换一个目录名');
  const inside = readdirSync(dir);
  if (inside.length) fail(`${shown} 不是空目录（里面有 ${inside.slice(0, 3).join('、')}${inside.length > 3 ? ' 等' : ''}），没有做任何改动`, '换一个新的目录名，或先把这个目录中的文件移走；init 从不覆盖已有的文件');
}

// NIANBAO_CONTENT is read from the project folder (where npm runs the scripts): say it that way.
const fromProject = relative(process.cwd(), dir);
const contentEnv = fromProject && !fromProject.startsWith('..') && !isAbsolute(fromProject) ? fromProject : dir;
const files = initFiles(kind, contentEnv);

/** Write the files into `into`, which exists and is ours; 'wx' never replaces a file. */
function writeAll(into: string): void {
  mkdirSync(join(into, REPORTS_DIR));
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
    for (const f of [...files.map((x) => x.path), REPORTS_DIR]) rmSync(join(dir, f), { recursive: f === REPORTS_DIR, force: true });
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

const env = `NIANBAO_CONTENT=${/\s/.test(contentEnv) ? `"${contentEnv}"` : contentEnv}`;
console.log(
  [
    `✓ 已创建 ${shown}（${kind.name}）`,
    '  site.yaml     网站标题和单位名称（占位文字待改）',
    `  metrics.yaml  指标登记表：${kind.metrics.length ? `${kind.metrics.length} 个指标${kind.rules.length ? `、${kind.rules.length} 条勾稽关系` : ''}` : '空，附示例'}`,
    '  reports/      空，每年一份报告放在这里',
    '  README.md     说明和下一步',
    '',
    '下一步：',
    `  1. 把 ${join(shown, 'site.yaml')} 中带“【请填写】”的文字换成本单位的内容`,
    `  2. ${env} npm run import -- 报告.docx   导入写好的报告（或 npm run new -- 年份 新建一份）`,
    `  3. ${env} npm run check                检查内容`,
    `  4. ${env} npm start                    预览网站`,
  ].join('\n'),
);
