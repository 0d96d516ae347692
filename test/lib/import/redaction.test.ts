// What the clerk marked secret in the file being imported reaches the report as <Redact>, never as
// published text: a <Redact> typed in a .txt or .docx, and Word's hidden text; embedded documents
// (w:altChunk) are read where they stand instead of dropped; a zip bomb is refused before it is inflated.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { importSource, ImportError } from '../../../src/lib/import/index.ts';
import { readDocx, readText } from '../../../src/lib/import/source.ts';
import { markWrittenRedactions, spansOf } from '../../../src/lib/import/redaction.ts';
import { makeRegistry, metricSchema } from '../../../src/lib/content/metrics.ts';
import { renderBody } from '../../../src/lib/structure/report-text.ts';
import { MAX_XML_PART } from '../../../src/lib/import/docx-package.ts';

const REGISTRY = makeRegistry([
  metricSchema.parse({ id: 'cases-filed', label: '立案审查', unit: '件', group: '执纪问责' }),
  metricSchema.parse({ id: 'talks', label: '廉政谈话', unit: '人次', group: '日常监督', public: true }),
]);

const txt = (text: string) => readText(new TextEncoder().encode(text));
const run = (source: Parameters<typeof importSource>[0]) => importSource(source, { registry: REGISTRY, fileName: '报告' });

/** The body as the public edition would show it: every <Redact> span gone. */
function publicText(body: string): string {
  return body.replace(/<Redact>[\s\S]*?<\/Redact>/g, '■');
}

describe('a <Redact> written in the source file', () => {
  it('becomes a real <Redact> in the MDX (not escaped text), in a paragraph, a heading and a table cell', async () => {
    const r = run(txt('2022年度工作报告\n一、工作情况\n查处<Redact>王某某受贿案</Redact>等案件，开展廉政谈话12人次。\n## 二、<Redact>张某某</Redact>问题'));
    expect(r.body).toContain('<Redact>王某某受贿案</Redact>');
    expect(r.body).not.toContain('\\<Redact');
    expect(publicText(r.body)).not.toContain('王某某');
    expect(r.redactions).toMatchObject({ written: 2, hidden: 0 });
    // The figure outside the span is still bound.
    expect(r.stats.talks).toBeDefined();
  });

  it.each([
    ['<redact>王某某受贿案</redact>'],
    ['<REDACT >王某某受贿案</ REDACT>'],
    ['＜Redact＞王某某受贿案＜/Redact＞'],
    ['<Redact reason="案件">王某某受贿案</Redact>'],
    ['<Redact><Redact>王某某</Redact>受贿案</Redact>'],
  ])('spelled %s: still redacts, and nothing of it is published', (written) => {
    const r = run(txt(`2022年度工作报告\n一、工作情况\n查处${written}等案件。`));
    expect(publicText(r.body)).not.toMatch(/王某某|受贿案|redact/i);
    expect(r.redactions.written).toBe(1);
  });

  it('a number inside the span stays inside it: never a stat, which every page would show', () => {
    const r = run(txt('2022年度工作报告\n一、工作情况\n<Redact>立案审查5件</Redact>，开展廉政谈话12人次。'));
    expect(r.stats['cases-filed']).toBeUndefined();
    expect(r.body).toContain('<Redact>立案审查5件</Redact>');
    expect(publicText(r.body)).not.toContain('5件');
  });

  it('a span over two paragraphs redacts both parts; the text reads back word for word inside', () => {
    const r = run(txt('2022年度工作报告\n一、工作情况\n甲<Redact>乙\n丙</Redact>丁'));
    expect(r.body).toContain('甲<Redact>乙</Redact>');
    expect(r.body).toContain('<Redact>丙</Redact>丁');
    const shown = renderBody(r.body, r.stats).map((b) => b.text);
    expect(shown).toContain('甲乙');
    expect(shown).toContain('丙丁');
  });

  it('a whole paragraph redacted, and a paragraph that starts with the span, stay paragraphs', () => {
    const r = run(txt('2022年度工作报告\n一、工作情况\n<Redact>王某某违纪案已移送司法机关。</Redact>\n<Redact>李某某</Redact>被诫勉谈话。'));
    expect(publicText(r.body)).not.toMatch(/王某某|李某某/);
    expect(r.rendered.filter((b) => b.type === 'paragraph').map((b) => b.text)).toEqual(['王某某违纪案已移送司法机关。', '李某某被诫勉谈话。']);
    // Without closing punctuation, the paragraph stays one too.
    const bare = run(txt('2022年度工作报告\n一、工作情况\n<Redact>王某某</Redact>\n下一段。'));
    expect(bare.rendered.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(publicText(bare.body)).not.toContain('王某某');
  });

  it('unclosed or stray tags stop the import, every one named, before anything is written', () => {
    let error: unknown;
    try {
      run(txt('2022年度工作报告\n一、工作情况\n多了一个结尾</Redact>。\n查处<Redact>王某某受贿案等案件。'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toContain('第 3 段“多了一个结尾</Redact>。”有 </Redact>，但前面没有对应的 <Redact>');
    expect((error as Error).message).toMatch(/第 4 段“查处<Redact>王某某受贿案…”的 <Redact> 到文末也没有对应的 <\/Redact>/);
  });

  it('a redaction in the title is refused: a title is shown everywhere, whole', () => {
    expect(() => run(txt('<Redact>某某区</Redact>2022年度工作报告\n一、工作情况\n正文。'))).toThrow(/标题.*隐去/);
  });

  it('a self-closing <Redact/> holds nothing and is dropped; text that only looks like it is kept', () => {
    const r = run(txt('2022年度工作报告\n一、工作情况\n甲<Redact/>乙，redaction 与 <Redactor> 照常显示。'));
    expect(r.redactions.written).toBe(0);
    expect(r.rendered.some((b) => b.text === '甲乙，redaction 与 <Redactor> 照常显示。')).toBe(true);
  });

  it('marker characters in the file itself cannot open a span', () => {
    const { source } = markWrittenRedactions(txt('甲\uFDD0乙\uFDD1丙'));
    expect(spansOf(source.blocks[0]!.text)).toEqual([{ redacted: false, text: '甲乙丙' }]);
  });
});

async function wordFile(children: (Paragraph | Table)[], styles?: ConstructorParameters<typeof Document>[0]['styles']): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ ...(styles && { styles }), sections: [{ children }] })));
}

describe('Word hidden text (w:vanish)', () => {
  it('is imported as <Redact>, never as visible text, and the summary says so', async () => {
    const bytes = await wordFile([
      new Paragraph({ children: [new TextRun('2022年度工作报告')] }),
      new Paragraph({ children: [new TextRun('一、工作情况')] }),
      new Paragraph({ children: [new TextRun('查处'), new TextRun({ text: '王某某受贿案', vanish: true }), new TextRun('等案件，开展廉政谈话12人次。')] }),
      new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: '李某某', vanish: true })] })] })] })] }),
    ]);
    const source = await readDocx(bytes);
    expect(source.notes?.join('')).toContain('2 处“隐藏”格式的文字');
    const r = run(source);
    expect(r.body).toContain('查处<Redact>王某某受贿案</Redact>等案件');
    expect(publicText(r.body)).not.toMatch(/王某某|李某某/);
    expect(r.redactions.hidden).toBeGreaterThanOrEqual(2);
    expect(r.notes.join('\n')).toContain('隐藏');
  });

  it('hidden through a character style or a paragraph style (and its basedOn), not when the run says vanish off', async () => {
    const bytes = await wordFile(
      [
        new Paragraph({ children: [new TextRun('2022年度工作报告')] }),
        new Paragraph({ children: [new TextRun('一、工作情况')] }),
        new Paragraph({ children: [new TextRun('甲'), new TextRun({ text: '秘密一', style: 'Secret' }), new TextRun('乙')] }),
        new Paragraph({ style: 'SecretPara', children: [new TextRun('秘密二整段。')] }),
        new Paragraph({ style: 'SecretPara', children: [new TextRun({ text: '公开的字。', vanish: false })] }),
      ],
      {
        characterStyles: [
          { id: 'Base', name: 'Base', run: { vanish: true } },
          { id: 'Secret', name: 'Secret', basedOn: 'Base' },
        ],
        paragraphStyles: [{ id: 'SecretPara', name: 'SecretPara', run: { vanish: true } }],
      },
    );
    const r = run(await readDocx(bytes));
    expect(publicText(r.body)).not.toMatch(/秘密一|秘密二/);
    expect(r.body).toContain('公开的字。');
    expect(r.body).not.toContain('<Redact>公开的字');
  });
});

/** A Word file with an embedded part (what OA systems write): the part, its relationship, its content type, and <w:altChunk>. */
async function withAltChunk(part: { name: string; type: string; data: string }): Promise<Uint8Array> {
  const base = await wordFile([new Paragraph('2022年度工作报告'), new Paragraph('一、工作情况'), new Paragraph('ALTCHUNK-HERE'), new Paragraph('三、下一步打算'), new Paragraph('继续努力。')]);
  const zip = await JSZip.loadAsync(base);
  zip.file(`word/${part.name}`, part.data);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${part.name}"/></Relationships>`));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/word/${part.name}" ContentType="${part.type}"/></Types>`));
  const doc = await zip.file('word/document.xml')!.async('string');
  const replaced = doc.replace(/<w:p\b(?:(?!<w:p\b)[\s\S])*?ALTCHUNK-HERE[\s\S]*?<\/w:p>/, '<w:altChunk r:id="rIdChunk1"/>');
  expect(replaced).not.toBe(doc);
  zip.file('word/document.xml', replaced);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('embedded documents (w:altChunk)', () => {
  it('embedded HTML is read where it stands: paragraphs and a table with merged cells', async () => {
    const html = '<html><body><p>二、主要数据</p><p>开展廉政谈话12人次。</p><table><tr><td rowspan="2">项目</td><td>数量</td></tr><tr><td>5</td></tr></table></body></html>';
    const source = await readDocx(await withAltChunk({ name: 'afchunk.htm', type: 'text/html', data: html }));
    const texts = source.blocks.map((b) => b.text);
    expect(texts.indexOf('开展廉政谈话12人次。')).toBeGreaterThan(texts.indexOf('一、工作情况'));
    expect(texts.indexOf('开展廉政谈话12人次。')).toBeLessThan(texts.indexOf('三、下一步打算'));
    expect(source.tables).toBe(1);
    expect(source.notes?.join('')).toContain('altChunk');
    const r = run(source);
    expect(r.stats.talks).toBeDefined();
  });

  it('an embedded kind nianbao cannot read stops the import with the way out, instead of losing the text', async () => {
    const bytes = await withAltChunk({ name: 'afchunk.rtf', type: 'application/rtf', data: '{\\rtf1 秘密}' });
    await expect(readDocx(bytes)).rejects.toThrow(/altChunk.*没有导入/);
  });
});

describe('what a .docx may inflate to', () => {
  it('a small file that declares a huge document.xml is refused before anything is inflated', async () => {
    const base = await wordFile([new Paragraph('2022年度工作报告')]);
    const zip = await JSZip.loadAsync(base);
    // 32 MB of spaces compresses to about 32 KB.
    zip.file('word/document.xml', ' '.repeat(MAX_XML_PART + 16 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readDocx(bomb)).rejects.toThrow(/解压后过大.*word\/document\.xml/);
  });

  it('a part within the size limit that inflates more than a hundredfold (padding) is refused, quickly', async () => {
    const base = await wordFile([new Paragraph('2022年度工作报告')]);
    const zip = await JSZip.loadAsync(base);
    const doc = await zip.file('word/document.xml')!.async('string');
    // A hidden run of 8 MB of spaces: the shape that took gigabytes to parse.
    zip.file('word/document.xml', doc.replace('2022年度工作报告', `2022年度工作报告</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">${' '.repeat(8 * 1024 * 1024)}`));
    const padded = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const started = Date.now();
    await expect(readDocx(padded)).rejects.toThrow(/压缩比超过 100 倍/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('an entry whose data runs past the size it declares is stopped, not inflated', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', 'x'.repeat(1000));
    const honest = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Rewrite the declared sizes (local header and central directory) to 10 bytes: the data still inflates to 1000.
    const bytes = Buffer.from(honest);
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = bytes.readUInt32LE(i);
      if (sig === 0x04034b50) bytes.writeUInt32LE(10, i + 22);
      if (sig === 0x02014b50) bytes.writeUInt32LE(10, i + 24);
    }
    expect(deflateRawSync(Buffer.from('x'.repeat(1000))).length).toBeLessThan(1000);
    await expect(readDocx(new Uint8Array(bytes))).rejects.toThrow(ImportError);
  });
});

describe('hidden text, resolved as Word resolves it', () => {
  /** A .docx from raw body XML and styles XML: what Word writes, beyond what the docx package can make. */
  async function rawDocx(body: string, styles: string): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await wordFile([new Paragraph('x')]));
    const doc = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', doc.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body>${body}</w:body>`));
    zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${styles}</w:styles>`);
    return zip.generateAsync({ type: 'uint8array' });
  }
  const p = (text: string, pPr = '', rPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${text}</w:t></w:r></w:p>`;
  const head = p('2022年度工作报告') + p('一、工作情况');

  it('a table style that hides its text', async () => {
    const body = `${head}<w:tbl><w:tblPr><w:tblStyle w:val="T1"/></w:tblPr><w:tr><w:tc>${p('甲')}</w:tc><w:tc>${p('表格样式秘密')}</w:tc></w:tr></w:tbl>${p('正文。')}`;
    const styles = '<w:style w:type="table" w:styleId="T1"><w:rPr><w:vanish/></w:rPr></w:style>';
    const r = run(await readDocx(await rawDocx(body, styles)));
    expect(publicText(r.body)).not.toContain('表格样式秘密');
  });

  it('the document defaults, through styles that say nothing, and the default paragraph style', async () => {
    const shown = (text: string) => p(text, '', '<w:vanish w:val="false"/>');
    const body = `${shown('2022年度工作报告')}${shown('一、工作情况')}${p('默认隐藏的字。', '<w:pStyle w:val="Normal"/>')}${shown('看得见的字。')}`;
    const styles = '<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>';
    const r = run(await readDocx(await rawDocx(body, styles)));
    expect(publicText(r.body)).not.toContain('默认隐藏的字');
    expect(publicText(r.body)).toContain('看得见的字');
    const byDefaultStyle = '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:vanish/></w:rPr></w:style>';
    const r2 = run(await readDocx(await rawDocx(`${p('2022年度工作报告', '<w:pStyle w:val="Title"/>')}${p('一、工作情况', '<w:pStyle w:val="Title"/>')}${p('没有样式的段落。')}`, `${byDefaultStyle}<w:style w:type="paragraph" w:styleId="Title"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>`)));
    expect(publicText(r2.body)).not.toContain('没有样式的段落');
  });

  it.each([['《Redact》王某某《/Redact》'], ['〈Redact〉王某某〈/Redact〉'], ['【Redact】王某某【／Redact】']])('tags typed with a Chinese input method: %s', (written) => {
    const r = run(txt(`2022年度工作报告\n一、工作情况\n查处${written}案。`));
    expect(publicText(r.body)).not.toContain('王某某');
  });
});

describe('--add-metrics never names a metric with redacted words', () => {
  it('a count next to a redacted span stays unmatched; nothing of the span reaches a label or an id', () => {
    const source = txt('2024年度工作报告\n一、履行主体责任情况\n查处<Redact>王某某受贿</Redact>案件涉案金额35万元，<Redact>李某</Redact>违纪问题线索12件。\n## 二、<Redact>赵某</Redact>专项\n开展专项检查7次。');
    const r = importSource(source, { registry: REGISTRY, fileName: '报告', addMetrics: { public: true } });
    const added = r.added?.added ?? [];
    for (const a of added) expect(`${a.metric.id} ${a.metric.label} ${a.metric.group}`).not.toMatch(/王|李|赵|wang|li-|zhao|[\uFDD0-\uFDD3]/);
    expect(r.added?.skipped.some((s) => s.reason.includes('隐去'))).toBe(true);
  });
});
