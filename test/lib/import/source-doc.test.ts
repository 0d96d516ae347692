import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLibreOffice, readOldWord } from '../../../src/lib/import/source-doc.ts';
import { ImportError, readDocx, readSource } from '../../../src/lib/import/source.ts';
import { loadReal } from '../../helpers/real-fixtures.ts';
import { realDocx } from '../../helpers/real-docx.ts';

/** The start of an OLE compound file, as every Word 97-2003 and WPS file begins. */
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('not refused');
}

describe('.doc/.wps without LibreOffice', () => {
  it('is refused in Chinese, naming the converter and how to install it or what to do instead', async () => {
    for (const kind of ['doc', 'wps'] as const) {
      const e = await refusal(() => readOldWord(OLE, kind, { converter: null }));
      expect(e).toBeInstanceOf(ImportError);
      expect(e.message).toBe(`不能读取 .${kind} 文件：这台电脑上没有找到 LibreOffice（导入 .${kind} 要先用它转换为 .docx）`);
      expect(e.hint).toContain('sudo apt-get install libreoffice-writer-nogui');
      expect(e.hint).toContain('Windows');
      expect(e.hint).toContain('“另存为”Word 文档（*.docx）');
    }
  });

  it('readSource looks for soffice/libreoffice on PATH and refuses when neither is there', async () => {
    const path = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'nianbao-nopath-'));
    try {
      process.env.PATH = empty;
      expect(findLibreOffice()).toBeUndefined();
      const e = await refusal(() => readSource('2015年报告.doc', OLE));
      expect(e.message).toMatch(/没有找到 LibreOffice/);
      // a stand-in soffice on PATH is found
      writeFileSync(join(empty, 'soffice'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
      expect(findLibreOffice()).toBe(join(empty, 'soffice'));
    } finally {
      process.env.PATH = path;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a converter that produces nothing is reported, not hidden', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-fake-soffice-'));
    try {
      const fake = join(dir, 'soffice');
      writeFileSync(fake, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 0\n', { mode: 0o755 });
      const e = await refusal(() => readOldWord(OLE, 'doc', { converter: fake }));
      expect(e.message).toBe('LibreOffice 没能把这个 .doc 文件转换为 .docx：Error: source file could not be loaded');
      const slow = join(dir, 'slow');
      writeFileSync(slow, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
      const t = await refusal(() => readOldWord(OLE, 'doc', { converter: slow, timeoutMs: 500 }));
      expect(t.message).toMatch(/超过 1 秒，已停止/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a .doc that is really a .docx or a saved web page is read without any converter', async () => {
    const r = loadReal('gov-2023-pingtan');
    const docx = new Uint8Array(await realDocx(r));
    expect((await readOldWord(docx, 'doc', { converter: null })).blocks).toEqual((await readDocx(docx)).blocks);
    const page = new TextEncoder().encode('<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>一、总体情况</p><p>全年主动公开政府信息1234条。</p></div></body></html>');
    expect((await readOldWord(page, 'doc', { converter: null })).blocks.map((b) => b.text)).toEqual(['一、总体情况', '全年主动公开政府信息1234条。']);
  });
});

const soffice = findLibreOffice();

describe('.doc through LibreOffice', () => {
  // Needs LibreOffice on this machine (apt-get install libreoffice-writer-nogui); the refusal tests above always run.
  it.skipIf(!soffice)(`converts a Word 97-2003 file and reads it as the Word document it came from${soffice ? '' : ' — SKIPPED: LibreOffice (soffice) is not installed here'}`, { timeout: 240_000 }, async () => {
    const r = loadReal('gov-2023-pingtan');
    const docx = await realDocx(r);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-make-doc-'));
    try {
      // Make the .doc with LibreOffice itself from the fixture's Word file.
      writeFileSync(join(dir, 'report.docx'), docx);
      execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'doc:MS Word 97', '--outdir', dir, join(dir, 'report.docx')], { timeout: 180_000, stdio: 'ignore' });
      const doc = new Uint8Array(readFileSync(join(dir, 'report.doc')));
      const s = await readSource('report.doc', doc);
      expect(s.format).toBe('Word 97-2003 文档（经 LibreOffice 转换）');
      const original = await readDocx(new Uint8Array(docx));
      const text = (blocks: typeof s.blocks) => blocks.filter((b) => !b.table && b.text.trim()).map((b) => b.text);
      expect(text(s.blocks)).toEqual(text(original.blocks));
      expect(s.blocks.filter((b) => b.grid).map((b) => b.grid!.rows)).toEqual(original.blocks.filter((b) => b.grid).map((b) => b.grid!.rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
