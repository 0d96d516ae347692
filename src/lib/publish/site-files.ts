// Which folder a build may replace. A web root that once held a nianbao build may have gained other
// people's files since (an OA system's index.php, uploads/合同.pdf): the generator tag on index.html says
// nothing about them. So every build lists the files it wrote, and a later build takes the folder over
// only when everything in it is on that list, unchanged.
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MARKER_FILE as RELEASE_MARKER } from './release-store.ts';
import { z } from 'zod';
import { describeFsError } from '../content/fs-errors.ts';

export const SITE_FILES = '.nianbao-site.json';

const siteFilesSchema = z.object({
  nianbao: z.literal('site'),
  format: z.literal(1),
  dirs: z.array(z.string()),
  /** Relative path → [size, mtime in whole milliseconds]: a file edited by hand since the build is not ours to delete. */
  files: z.record(z.string(), z.tuple([z.number(), z.number()])),
});
type SiteFiles = z.infer<typeof siteFilesSchema>;

interface Entry {
  path: string;
  stats: Stats;
  /** A name that is not UTF-8 (nianbao never writes one): shown escaped, never nianbao's. */
  undecodable?: boolean;
}

/**
 * Every entry below `dir`, depth first, paths relative with `/`; symbolic links are listed, never followed.
 * Names are read as bytes: a file name that is not UTF-8 must be seen, not crash the walk.
 */
function walk(dir: string, at: Buffer = Buffer.alloc(0), shown = '', out: Entry[] = []): Entry[] {
  const base = Buffer.from(dir);
  const here = at.length ? Buffer.concat([base, Buffer.from('/'), at]) : base;
  const names = (readdirSync(here, { encoding: 'buffer' }) as Buffer[]).sort(Buffer.compare);
  for (const name of names) {
    const text = name.toString('utf8');
    const undecodable = !Buffer.from(text, 'utf8').equals(name);
    const label = undecodable ? [...name].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16)}`)).join('') : text;
    const relBytes = at.length ? Buffer.concat([at, Buffer.from('/'), name]) : name;
    const path = shown ? `${shown}/${label}` : label;
    const stats = lstatSync(Buffer.concat([base, Buffer.from('/'), relBytes]));
    out.push({ path, stats, ...(undecodable && { undecodable }) });
    if (stats.isDirectory() && !undecodable) walk(dir, relBytes, path, out);
  }
  return out;
}

const stamp = (s: Stats): [number, number] => [s.size, Math.trunc(s.mtimeMs)];

/** Write the list of what a finished build holds into it. Call once the build is complete, before it is moved into place. */
export function writeSiteFiles(dir: string): void {
  const list: SiteFiles = { nianbao: 'site', format: 1, dirs: [], files: {} };
  for (const { path, stats } of walk(dir)) {
    if (path === SITE_FILES) continue;
    if (stats.isDirectory()) list.dirs.push(path);
    else if (stats.isFile()) list.files[path] = stamp(stats);
  }
  writeFileSync(join(dir, SITE_FILES), JSON.stringify(list));
}

export type SiteFolder =
  | { kind: 'missing' }
  | { kind: 'empty' }
  /** A build's output, with nothing added or changed since. */
  | { kind: 'ours' }
  /** A symbolic link (publish's link to a release, or anyone's): a build never replaces one. */
  | { kind: 'link' }
  | { kind: 'file' }
  /**
   * Something else: `foreign` and `changed` name a few of what is not a build's; `listed` when the folder has a
   * build's list of files, `legacy` when it is a nianbao site without one (built before builds wrote it).
   */
  | { kind: 'other'; foreign: string[]; changed: string[]; more: number; listed: boolean; legacy: boolean };

const SHOWN = 5;

function hasGeneratorTag(dir: string): boolean {
  try {
    const st = lstatSync(join(dir, 'index.html'));
    return st.isFile() && /<meta name="generator" content="nianbao"/.test(readFileSync(join(dir, 'index.html'), 'utf8'));
  } catch {
    return false;
  }
}

/** What stands at `dir`, for a build that wants to replace it. A folder that cannot be read through is not replaced. */
export function inspectSiteFolder(dir: string): SiteFolder {
  try {
    return inspect(dir);
  } catch (e) {
    return { kind: 'other', foreign: [`（无法逐一读取其中的文件：${describeFsError(e)}）`], changed: [], more: 0, listed: true, legacy: false };
  }
}

function inspect(dir: string): SiteFolder {
  let top: Stats;
  try {
    top = lstatSync(dir);
  } catch {
    return { kind: 'missing' };
  }
  if (top.isSymbolicLink()) return { kind: 'link' };
  if (!top.isDirectory()) return { kind: 'file' };
  const entries = walk(dir);
  if (entries.length === 0) return { kind: 'empty' };
  let list: SiteFiles | undefined;
  try {
    const parsed = siteFilesSchema.safeParse(JSON.parse(readFileSync(join(dir, SITE_FILES), 'utf8')));
    if (parsed.success) list = parsed.data;
  } catch {
    list = undefined;
  }
  if (!list) {
    const top = entries.filter((e) => !e.path.includes('/')).map((e) => (e.stats.isDirectory() ? `${e.path}/` : e.path));
    return { kind: 'other', foreign: top.slice(0, SHOWN), changed: [], more: Math.max(0, top.length - SHOWN), listed: false, legacy: hasGeneratorTag(dir) };
  }
  const dirs = new Set(list.dirs);
  const foreign: string[] = [];
  const changed: string[] = [];
  let count = 0;
  const under = new Set<string>();
  for (const { path, stats, undecodable } of entries) {
    if (path === SITE_FILES) continue;
    // Inside a folder already found foreign: the folder is named once, its contents are not listed.
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (parent && under.has(parent)) {
      if (stats.isDirectory()) under.add(path);
      continue;
    }
    const known = list.files[path];
    if (stats.isDirectory() && dirs.has(path) && !undecodable) continue;
    if (stats.isFile() && known && !undecodable) {
      const [size, mtime] = stamp(stats);
      // A copy to another disk keeps modification times, to the millisecond at least.
      if (size === known[0] && Math.abs(mtime - known[1]) <= 1) continue;
      count++;
      if (changed.length < SHOWN) changed.push(path);
      continue;
    }
    if (stats.isDirectory()) under.add(path);
    count++;
    if (foreign.length + changed.length < SHOWN) foreign.push(stats.isDirectory() ? `${path}/` : path);
  }
  if (count === 0) return { kind: 'ours' };
  return { kind: 'other', foreign, changed, more: count - foreign.length - changed.length, listed: true, legacy: false };
}

/** A Chinese sentence saying why `dir` is not replaced, and what to do. */
export function refusalOf(folder: SiteFolder, dir: string): { message: string; hint: string } | undefined {
  const elsewhere = '用 --outDir 指定一个新的或空的文件夹（或上次 npm run build 生成、之后没有放进别的文件的网站文件夹）';
  switch (folder.kind) {
    case 'missing':
    case 'empty':
    case 'ours':
      return undefined;
    case 'link':
      return {
        message: `${dir} 是一个链接（npm run publish 的发布目录就是这样的链接）：构建不会把链接换成文件夹，什么也没有改动。`,
        hint: `要更新发布的网站，用 npm run publish -- --to ${dir}；只想生成网站文件，${elsewhere}`,
      };
    case 'file':
      return { message: `${dir} 是一个文件，不是文件夹：没有开始构建。`, hint: elsewhere };
    case 'other': {
      if (folder.legacy) {
        return {
          message: `${dir} 是旧版 nianbao 生成的网站，但没有它生成的文件清单（${SITE_FILES}），无法确认里面只有 nianbao 的文件：构建会替换整个文件夹，所以没有替换它，什么也没有改动。`,
          hint: `确认里面没有别人放进去的文件后，自己删除或移走它（如 mv ${dir} ${dir}.old），再构建；以后的构建会写下文件清单，不会再问`,
        };
      }
      const more = folder.more ? `，另有 ${folder.more} 项` : '';
      if (!folder.listed) {
        return { message: `${dir} 不是空文件夹，也不是 nianbao 生成的网站（里面有 ${folder.foreign.join('、')}${more}）：构建会替换整个文件夹，所以没有替换它，什么也没有改动。`, hint: elsewhere };
      }
      const parts: string[] = [];
      if (folder.foreign.length) parts.push(`不是 nianbao 生成的：${folder.foreign.join('、')}`);
      if (folder.changed.length) parts.push(`构建之后被修改过：${folder.changed.join('、')}`);
      return {
        message: `${dir} 里有不属于上次构建的东西（${parts.join('；')}${more}）：构建会替换整个文件夹，所以没有替换它，什么也没有改动。`,
        hint: `把这些文件移到网站文件夹之外，或${elsewhere}`,
      };
    }
  }
}

/** The built site (a build's folder or a published release) that holds `path`, if any: nianbao's output is not a place to write into. */
export function builtSiteAround(path: string): string | undefined {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SITE_FILES)) || existsSync(join(dir, RELEASE_MARKER))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
