// Reading the files of a content folder without ever throwing: whatever the file system says (a dangling
// or looping symlink, a folder where a file should be, no permission, a FIFO, a huge file) becomes one
// Chinese problem naming the file and the fix. The reader is injectable so that every error can be tested,
// including those a test running as root cannot provoke (root reads a chmod 000 file).
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { Problem } from './problems.ts';
import { decodeText, ENCODING_HINT, normaliseText } from './text-file.ts';
import { describeFsError, fsErrorCode } from './fs-errors.ts';
import { controlCharProblem } from './control-chars.ts';

export interface ContentReader {
  /** Follows symlinks (throws ENOENT for a dangling one, ELOOP for a loop). */
  stat(path: string): { isFile(): boolean; isDirectory(): boolean; size: number };
  lstat(path: string): { isSymbolicLink(): boolean };
  readFile(path: string): Uint8Array;
  readdir(path: string): string[];
  /** The path with every symlink resolved (two names of one folder give the same answer); optional for readers that have no links. */
  realpath?(path: string): string;
}

export const nodeReader: ContentReader = {
  stat: (p) => statSync(p),
  lstat: (p) => lstatSync(p),
  readFile: (p) => readFileSync(p),
  readdir: (p) => readdirSync(p),
  realpath: (p) => realpathSync(p),
};

/** A yearly report is tens of kilobytes; these limits only stop what is certainly not one. */
export const MAX_REPORT_BYTES = 2 * 1024 * 1024;
export const MAX_YAML_BYTES = 1024 * 1024;

export type TextRead = { ok: true; text: string } | { ok: false; missing?: boolean; problem: Problem };

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

const code = (e: unknown) => fsErrorCode(e) ?? '';

/** What went wrong with `file` (a path relative to the content folder), from an fs error. */
export function fileErrorProblem(e: unknown, file: string, path: string, reader: ContentReader = nodeReader, what: 'file' | 'folder' = 'file'): Problem & { missing?: boolean } {
  const err = (message: string, hint: string) => ({ severity: 'error' as const, file, message, hint });
  switch (code(e)) {
    case 'ENOENT': {
      let link = false;
      try {
        link = reader.lstat(path).isSymbolicLink();
      } catch {
        // not there at all
      }
      if (link) return err(`${file} 是一个符号链接，但它指向的${what === 'folder' ? '文件夹' : '文件'}不存在`, '把链接指向的文件放回原处，或删除这个链接，换成真正的文件');
      return { ...err(`找不到 ${file}`, `检查 ${file} 是否被移动或删除`), missing: true };
    }
    case 'ELOOP':
      return err(`${file} 是循环的符号链接（链接指向自己，或几个链接互相指向），读不到内容`, '删除这个链接，换成真正的文件');
    case 'EACCES':
    case 'EPERM':
      return err(`没有读取 ${file} 的权限`, `让运行 nianbao 的用户可以读取它，如 chmod a+r${what === 'folder' ? 'x' : ''} ${path}，或请管理员调整权限`);
    case 'EISDIR':
      return err(`${file} 是一个文件夹，不是文件`, `把这个文件夹改名或移走，在原处放上 ${file.split('/').pop()} 文件`);
    case 'ENOTDIR':
      return err(`${file} 不是文件夹`, `${file} 应是一个文件夹：把同名的文件改名或移走，再建立文件夹`);
    case 'EMFILE':
    case 'ENFILE':
      return err(`读取 ${file} 时同时打开的文件过多`, '关闭其他程序后重试');
    default:
      return err(`读取 ${file} 失败：${describeFsError(e)}`, '检查磁盘是否完好、文件是否可以用文本编辑器打开；仍不行的，从备份中恢复这个文件');
  }
}

/**
 * A text file of the content folder, decoded (UTF-8, BOM and CRLF handled). `missing` is set when the
 * file simply does not exist, so the caller can say what it needs instead.
 */
export function readContentText(path: string, file: string, opts: { maxBytes: number; reader?: ContentReader; emptyHint?: string }): TextRead {
  const reader = opts.reader ?? nodeReader;
  const tooBig = (size: number): TextRead => ({ ok: false, problem: { severity: 'error', file, message: `${file} 有 ${formatSize(size)}，超过了 ${formatSize(opts.maxBytes)} 的上限，不像是内容文件`, hint: '检查是否误把图片、压缩包或其他文件的内容存进了这个文件；一份年度报告的正文通常只有几十 KB' } });
  let size: number;
  try {
    const st = reader.stat(path);
    if (st.isDirectory()) return { ok: false, problem: fileErrorProblem({ code: 'EISDIR' }, file, path, reader) };
    // A FIFO or a device would block or never end.
    if (!st.isFile()) return { ok: false, problem: { severity: 'error', file, message: `${file} 不是普通文件（是设备、管道或套接字）`, hint: `换成普通的文本文件 ${file.split('/').pop()}` } };
    size = st.size;
  } catch (e) {
    const problem = fileErrorProblem(e, file, path, reader);
    return { ok: false, missing: problem.missing, problem };
  }
  if (size > opts.maxBytes) return tooBig(size);
  let bytes: Uint8Array;
  try {
    bytes = reader.readFile(path);
  } catch (e) {
    return { ok: false, problem: fileErrorProblem(e, file, path, reader) };
  }
  // It may have grown since stat (a file still being copied in).
  if (bytes.length > opts.maxBytes) return tooBig(bytes.length);
  if (opts.emptyHint && bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { ok: false, problem: { severity: 'error', file, line: 1, message: `${file} 是空的`, hint: opts.emptyHint } };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: { severity: 'error', file, message: `文件不是 UTF-8 编码（看起来是 ${decoded.encoding}）`, hint: ENCODING_HINT } };
  // check reads any line ending, but Astro reads a report's frontmatter only with LF or CRLF.
  const loneCr = file.endsWith('.mdx') ? bytes.findIndex((b, i) => b === 0x0d && bytes[i + 1] !== 0x0a) : -1;
  if (loneCr >= 0) {
    const line = normaliseText(new TextDecoder().decode(bytes.subarray(0, loneCr))).split('\n').length;
    return { ok: false, problem: { severity: 'error', file, line, message: '换行符是单独的 CR（旧式苹果电脑的格式），网站构建读不了这种文件', hint: '用记事本或 VS Code 把文件另存为 LF 或 CRLF 换行（VS Code 右下角的“CR”可以改）' } };
  }
  const control = controlCharProblem(decoded.text, file);
  if (control) return { ok: false, problem: control };
  return { ok: true, text: decoded.text };
}

/** The names in a folder, or the problem reading it; a missing folder is an empty list. */
export function listFolder(path: string, file: string, reader: ContentReader = nodeReader): { names: string[]; problem?: Problem; missing?: boolean } {
  try {
    return { names: reader.readdir(path) };
  } catch (e) {
    if (code(e) === 'ENOENT') {
      const problem = fileErrorProblem(e, file, path, reader, 'folder');
      return problem.missing ? { names: [], missing: true } : { names: [], problem };
    }
    return { names: [], problem: fileErrorProblem(e, file, path, reader, 'folder') };
  }
}

/** Why a report file could not be written to `shown`, in Chinese, from an fs error (or what is in the way). */
export function writeFailure(e: unknown, path: string, shown: string, reader: ContentReader = nodeReader): { message: string; hint: string; inTheWay?: 'folder' | 'dangling' } {
  let inTheWay: 'folder' | 'dangling' | undefined;
  try {
    if (reader.lstat(path).isSymbolicLink()) {
      try {
        reader.stat(path);
      } catch {
        inTheWay = 'dangling';
      }
    }
    if (!inTheWay && reader.stat(path).isDirectory()) inTheWay = 'folder';
  } catch {
    // nothing there
  }
  if (inTheWay === 'folder') return { inTheWay, message: `${shown} 是一个文件夹，无法写成报告文件，没有做任何改动`, hint: '把这个文件夹改名或移走后重试' };
  if (inTheWay === 'dangling') return { inTheWay, message: `${shown} 是一个指向不存在文件的符号链接，没有做任何改动`, hint: '删除这个链接后重试' };
  switch (code(e)) {
    case 'EACCES':
    case 'EPERM':
      return { message: `没有写入 ${shown} 的权限，没有做任何改动`, hint: '让运行 nianbao 的用户可以写入这个文件夹，或请管理员调整权限' };
    case 'EROFS':
      return { message: `${shown} 所在的磁盘是只读的，没有做任何改动`, hint: '把内容目录放到可以写入的磁盘上' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { message: `磁盘空间不足，无法写入 ${shown}，没有做任何改动`, hint: '清理磁盘空间后重试' };
    case 'ENOTDIR':
      return { message: `${shown} 的上级路径中有同名的文件，无法建立文件夹，没有做任何改动`, hint: '检查路径，把挡路的文件改名或移走' };
    default:
      return { message: `无法写入 ${shown}：${describeFsError(e)}，没有做任何改动`, hint: '检查目录是否存在、是否有写权限；没有留下不完整的文件' };
  }
}
