import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8OrGb18030 } from '../../../src/lib/content/text-file.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// GB18030 bytes, produced by Python's codec (TextEncoder only writes UTF-8).
const gb = (s: string) => new Uint8Array(execFileSync('python3', ['-c', `import sys; sys.stdout.buffer.write(${JSON.stringify(s)}.encode('gb18030'))`]));

describe('decoding authors’ files', () => {
  it('strips a UTF-8 BOM and normalises CRLF and CR', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\r\nyear: 2022\r\n---\r正文')]));
    expect(d).toEqual({ ok: true, text: '---\nyear: 2022\n---\n正文' });
  });
  it('names GBK/GB18030 when a file is not UTF-8', () => {
    expect(decodeText(gb('二〇二二年报告：召开会议3次'))).toEqual({ ok: false, encoding: 'GBK/GB18030' });
  });
  it('names UTF-16 from its byte order mark', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x8c, 0x4e]))).toEqual({ ok: false, encoding: 'UTF-16' });
  });
  it('imports GB18030 text as it reads', () => {
    expect(decodeUtf8OrGb18030(gb('一、履行主体责任情况\r\n一是认真落实。'))).toEqual({ text: '一、履行主体责任情况\n一是认真落实。', encoding: 'GB18030' });
    expect(decodeUtf8OrGb18030(utf8('一是'))).toEqual({ text: '一是', encoding: 'UTF-8' });
  });
});
