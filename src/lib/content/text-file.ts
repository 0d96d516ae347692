// Authors save files from Word and Notepad: accept a UTF-8 BOM and CRLF, and name the encoding when it is not UTF-8.
import { readFileSync } from 'node:fs';

export type Decoded = { ok: true; text: string } | { ok: false; encoding: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8 (BOM stripped, CRLF/CR normalised to LF). */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: normaliseText(utf8.decode(bytes)) };
  } catch {
    return { ok: false, encoding: guessLegacyEncoding(bytes) };
  }
}

export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Chinese Windows saves "ANSI" text as GBK/GB18030; UTF-16 comes from "Unicode" in Notepad. */
export function guessLegacyEncoding(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return 'GBK/GB18030';
  } catch {
    return '未知编码';
  }
}

/** Decode text in UTF-8, or else GB18030 (a superset of GBK), for importing. */
export function decodeUtf8OrGb18030(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GB18030' | 'UTF-16' } {
  const d = decodeText(bytes);
  if (d.ok) return { text: d.text, encoding: 'UTF-8' };
  if (d.encoding === 'UTF-16') {
    const le = bytes[0] === 0xff;
    return { text: normaliseText(new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes)), encoding: 'UTF-16' };
  }
  return { text: normaliseText(new TextDecoder('gb18030').decode(bytes)), encoding: 'GB18030' };
}

export function readTextFile(path: string): Decoded {
  return decodeText(readFileSync(path));
}

export const ENCODING_HINT = '请用 UTF-8 编码另存此文件（记事本：“另存为”→ 编码选“UTF-8”；VS Code：右下角编码 →“通过编码保存”→ UTF-8）。';
