// Old Word (.doc) and WPS (.wps) files: no maintained JavaScript library reads them, so where LibreOffice
// is installed we let it convert the file to .docx (headless, in a temporary folder, with a time limit)
// and read that as any Word document. Without it the import is refused with how to get it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError, readDocx, type Source } from './source.ts';
import { readHtml } from './source-html.ts';
import { readMhtml } from './source-mhtml.ts';

export type OldWordKind = 'doc' | 'wps';

/** LibreOffice's command: `soffice` or `libreoffice` on PATH, else where its installers put it. */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  const installed =
    platform === 'win32'
      ? [env.ProgramFiles, env['ProgramFiles(x86)']].filter(Boolean).map((d) => join(d!, 'LibreOffice', 'program', 'soffice.exe'))
      : platform === 'darwin'
        ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
        : [];
  return installed.find((p) => existsSync(p));
}

export function noConverterError(kind: OldWordKind): ImportError {
  return new ImportError(
    `不能读取 .${kind} 文件：这台电脑上没有找到 LibreOffice（导入 .${kind} 要先用它转换为 .docx）`,
    [
      '任选一种办法：',
      '  1. 安装 LibreOffice 后重新导入 —— Linux：sudo apt-get install libreoffice-writer-nogui；Windows / macOS：从 https://zh-cn.libreoffice.org 下载安装；',
      `  2. 在 ${kind === 'wps' ? 'WPS' : 'Word 或 WPS'} 中打开它，“另存为”Word 文档（*.docx），再导入 .docx 文件。`,
    ].join('\n'),
  );
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a .doc/.wps really holds: portals and old systems hand out .docx, web pages and .mht files under a .doc name. */
function realFormat(bytes: Uint8Array): 'docx' | 'html' | 'mhtml' | 'word' | 'unknown' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx'; // a zip: Office Open XML
  if (OLE.every((b, i) => bytes[i] === b)) return 'word'; // an OLE compound file: Word 97-2003, WPS
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048)).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (head.startsWith('{\\rtf')) return 'word'; // RTF saved as .doc, which LibreOffice reads too
  if (/^mime-version:|^from:|^content-type:\s*multipart\//.test(head)) return 'mhtml';
  if (head.startsWith('<')) return 'html';
  return 'unknown';
}

export interface ConvertOptions {
  /** LibreOffice's command; `null` for none (tests), default: looked up with findLibreOffice. */
  converter?: string | null;
  timeoutMs?: number;
}

/** .doc/.wps → Source: read directly when it is really a .docx or a web page, else converted by LibreOffice. */
export async function readOldWord(bytes: Uint8Array, kind: OldWordKind, options: ConvertOptions = {}): Promise<Source> {
  const real = realFormat(bytes);
  if (real === 'docx') return readDocx(bytes);
  if (real === 'html') return readHtml(bytes);
  if (real === 'mhtml') return readMhtml(bytes);
  // LibreOffice opens anything as plain text; a file that is no Word file at all should say so instead.
  if (real === 'unknown') throw new ImportError(`这个 .${kind} 文件不是 Word 或 WPS 文档`, `文件可能已损坏或只是改了扩展名；请在 ${kind === 'wps' ? 'WPS' : 'Word 或 WPS'} 中打开它，“另存为”Word 文档（*.docx）后再导入`);
  const converter = options.converter === undefined ? findLibreOffice() : options.converter;
  if (!converter) throw noConverterError(kind);
  const docx = await convertToDocx(converter, bytes, kind, options.timeoutMs ?? 120_000);
  const source = await readDocx(docx);
  return { ...source, format: `${kind === 'wps' ? 'WPS 文档' : 'Word 97-2003 文档'}（经 LibreOffice 转换）` };
}

async function convertToDocx(converter: string, bytes: Uint8Array, kind: OldWordKind, timeoutMs: number): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-convert-'));
  try {
    const input = join(dir, `source.${kind}`);
    writeFileSync(input, bytes);
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--nologo',
      // Its own profile: otherwise a LibreOffice the user has open takes the job and this call returns
      // before the file exists (and the first run would write a profile into the user's home).
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      input,
    ];
    const result = await new Promise<{ error: (Error & { killed?: boolean; code?: unknown }) | null; stderr: string }>((resolve) => {
      execFile(converter, args, { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, maxBuffer: 1024 * 1024 }, (error, _stdout, stderr) => resolve({ error, stderr: String(stderr) }));
    });
    const output = join(dir, 'source.docx');
    if (result.error?.killed) throw new ImportError(`LibreOffice 转换 .${kind} 文件超过 ${Math.round(timeoutMs / 1000)} 秒，已停止`, `文件可能很大或已损坏；请在 ${kind === 'wps' ? 'WPS' : 'Word 或 WPS'} 中打开它，“另存为”Word 文档（*.docx）后再导入`);
    if (!existsSync(output)) {
      const why = (result.error?.message ?? result.stderr).split('\n').find((l) => l.trim()) ?? '';
      throw new ImportError(`LibreOffice 没能把这个 .${kind} 文件转换为 .docx${why ? `：${why.trim()}` : ''}`, `文件可能已损坏或加了密码；请在 ${kind === 'wps' ? 'WPS' : 'Word 或 WPS'} 中打开它，“另存为”Word 文档（*.docx）后再导入`);
    }
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
