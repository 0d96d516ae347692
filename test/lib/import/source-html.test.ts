import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realTablesHtml } from '../../helpers/real-tables-html.ts';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeHtml, htmlToBlocks, isChromeLine, readHtml } from '../../../src/lib/import/source-html.ts';
import { readMhtml } from '../../../src/lib/import/source-mhtml.ts';
import { readDocx, readSource, sourceKind, type Source, type SourceCell } from '../../../src/lib/import/source.ts';
import { importSource } from '../../../src/lib/import/index.ts';
import { makeRegistry } from '../../../src/lib/content/metrics.ts';
import { loadReal, loadRealTables, type RealTable } from '../../helpers/real-fixtures.ts';
import { realDocx } from '../../helpers/real-docx.ts';

const HTML_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'html');
const page = (slug: string, file: string) => readFileSync(join(HTML_DIR, slug, file));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The source as report.txt writes it: one line per paragraph, `[[table:N]]` where table N stands. */
const lines = (s: Source) => s.blocks.map((b) => (b.table ? `[[table:${b.table}]]` : b.text));
const grids = (s: Source) => s.blocks.filter((b) => b.grid).map((b) => b.grid!.rows);
const asCells = (t: RealTable): SourceCell[][] => t.rows.map((r) => r.map((c) => ({ text: c.text, rowSpan: c.rowspan ?? 1, colSpan: c.colspan ?? 1 })));

// A GBK encoder for tests, built from the platform's own GBK decoder (Node has none for encoding):
// the real pages are UTF-8, and GBK copies of them are made here rather than stored.
let gbkTable: Map<string, number[]> | undefined;
function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        try {
          const ch = dec.decode(Uint8Array.of(a, b));
          if (!gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
        } catch {
          // not a GBK pair
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

describe('real saved portal pages read word for word as the published report', () => {
  it('平潭 2023 (TRS page, UTF-8): the title from the page head, every paragraph, and the three tables with their spans', () => {
    const r = loadReal('gov-2023-pingtan');
    const s = readHtml(page('gov-2023-pingtan', 'page.html'));
    expect(s.format).toBe('网页（UTF-8）');
    expect(lines(s)).toEqual(r.lines);
    expect(grids(s)).toEqual(r.tables.map(asCells));
    expect(s.tables).toBe(3);
    // none of the page's furniture comes along
    const all = s.blocks.map((b) => b.text).join('\n');
    for (const chrome of ['当前位置', '来源：', '时间：2024', '分享到', '微博', '扫一扫', '关闭', '网站标识码', '版权所有', 'SiteInfo', '登录', '走进平潭', '闽政通']) expect(all).not.toContain(chrome);
  });

  it('the same page from a CMS nianbao does not know (no known container): found by density, tables not taken for the article', () => {
    const r = loadReal('gov-2023-pingtan');
    const html = page('gov-2023-pingtan', 'page.html')
      .toString('utf8')
      .replace(/class=TRS_Editor/g, 'class=wz')
      .replace(/article_content article_content_01/g, 'box_x1 box_x2');
    expect(html).not.toMatch(/TRS_Editor|article_content\b/);
    const s = readHtml(new TextEncoder().encode(html));
    expect(lines(s)).toEqual(r.lines);
    expect(grids(s)).toEqual(r.tables.map(asCells));
    expect(s.tables).toBe(3);
    // A page that is mostly tables (a short introduction, then the national format's tables) in a container
    // nianbao does not know: the tables stay tables inside the article, not the article themselves.
    const tablesPage = realTablesHtml('gov-2020-pingtan', '平潭综合实验区2020年政府信息公开工作年度报告').replace('class="article_content"', 'class="box_x1"');
    const t = readHtml(new TextEncoder().encode(tablesPage));
    expect(t.tables).toBe(loadRealTables('gov-2020-pingtan').length);
    expect(t.blocks.filter((b) => !b.grid).map((b) => b.text)).toContain('本报告根据《中华人民共和国政府信息公开条例》编制。');
  });

  it('上海 2019 (the article markup of the published page): the same, except two commas this copy writes half-width', () => {
    const r = loadReal('gov-2019-shanghai-bgt');
    const s = readHtml(page('gov-2019-shanghai-bgt', 'content.html'));
    // report.txt was taken from the page's text, which has full-width commas in “设计，提高” and “功能，优先”
    // where this copy of its markup has “,”: the one known difference between the two copies.
    const expected = r.lines.map((l) => l.replace('系统做好栏目展示设计，提高', '系统做好栏目展示设计,提高').replace('搜索引擎功能，优先', '搜索引擎功能,优先'));
    expect(lines(s)).toEqual(expected);
    expect(grids(s)).toEqual(r.tables.map(asCells));
    expect(s.blocks[0]).toMatchObject({ text: '2019年上海市人民政府办公厅政府信息公开工作年度报告', centered: true, bold: true });
    expect(s.blocks[1]).toMatchObject({ text: '发布日期：2020-01-31', centered: true });
  });

  it('the same page in GBK — declared by <meta charset=gb2312>, by http-equiv, or not at all — reads the same', () => {
    const html = page('gov-2023-pingtan', 'page.html').toString('utf8');
    const utf = readHtml(utf8(html));
    const declared = encodeGbk(html.replace('<meta charset="utf-8"', '<meta charset="gb2312"'));
    const equiv = encodeGbk(html.replace('<meta charset="utf-8"', '<meta http-equiv="Content-Type" content="text/html; charset=GBK"'));
    const undeclared = encodeGbk(html.replace('<meta charset="utf-8" ', '<meta '));
    for (const bytes of [declared, equiv, undeclared]) {
      const s = readHtml(bytes);
      expect(s.format).toBe('网页（GB18030）');
      expect(s.blocks).toEqual(utf.blocks);
    }
    expect(declaredCharset(declared)).toBe('gb2312');
    expect(declaredCharset(equiv)).toBe('GBK');
    expect(declaredCharset(undeclared)).toBeUndefined();
  });

  it('imports to the same report file as the Word version of the same report', async () => {
    const r = loadReal('gov-2023-pingtan');
    const opts = { registry: makeRegistry([]), year: 2023, fileName: r.slug };
    const fromHtml = importSource(readHtml(page('gov-2023-pingtan', 'page.html')), opts);
    const fromWord = importSource(await readDocx(new Uint8Array(await realDocx(r))), opts);
    expect(fromHtml.mdx).toBe(fromWord.mdx);
  });

  it('a single-file save (.mhtml, quoted-printable) reads as the .html page does', () => {
    const html = page('gov-2023-pingtan', 'page.html');
    const qp = [...html]
      .map((b) => (b === 0x0a ? '\r\n' : b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b)))
      .join('')
      .replace(/[^\r\n]{70}(?=[^\r\n])/g, (m) => (/=[0-9A-F]?$/.test(m) ? m : `${m}=\r\n`));
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc----"',
      '',
      '',
      '------MultipartBoundary--abc----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm',
      '',
      qp,
      '------MultipartBoundary--abc----',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      '',
      'iVBORw0KGgo=',
      '------MultipartBoundary--abc------',
      '',
    ].join('\r\n');
    const s = readMhtml(utf8(mhtml));
    expect(s.blocks).toEqual(readHtml(html).blocks);
    expect(s.format).toBe('网页单个文件（UTF-8）');
  });
});

describe('finding the article on pages of other CMS templates', () => {
  const nav = '<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/xxgk/">信息公开</a></div><div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>';
  const foot = '<div class="footer"><p>主办单位：某某县人民政府办公室　网站标识码：1234567890</p><p>版权所有 © 某某县人民政府</p></div>';
  const body = '<p>一、总体情况</p><p>2023年，某某县坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作，取得了明显成效。</p><p>二、主动公开政府信息情况</p><p>全年主动公开政府信息1234条，其中规范性文件12件。</p>';
  const want = ['某某县2023年政府信息公开工作年度报告', '一、总体情况', '2023年，某某县坚持以习近平新时代中国特色社会主义思想为指导，全面推进政务公开工作，取得了明显成效。', '二、主动公开政府信息情况', '全年主动公开政府信息1234条，其中规范性文件12件。'];
  const head = '<head><meta charset="utf-8"><title>某某县2023年政府信息公开工作年度报告_年度报告_某某县人民政府</title></head>';
  const read = (html: string) => lines(readHtml(utf8(html)));

  it.each([
    ['大汉 #zoom', `<div id="zoom">${body}</div>`],
    ['gov.cn #UCAP-CONTENT', `<div id="UCAP-CONTENT">${body}</div>`],
    ['TRS .TRS_Editor', `<div class="view TRS_UEDITOR trs_paper_default trs_web">${body}</div>`],
    ['.article-content', `<article class="article-content">${body}</article>`],
    ['ZJEG_RSS comment markers', `<div class="main"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">${body}<!--ZJEG_RSS.content.end--></div>`],
    ['no known container (content density)', `<div class="wrap"><div class="l">${'<a href="#">相关链接一二三四五</a>'.repeat(8)}</div><div class="r">${body}</div></div>`],
  ])('%s', (_name, main) => {
    const html = `<!DOCTYPE html><html>${head}<body>${nav}<div class="info">来源：某某县政府办 发布时间：2024-01-20 浏览次数：123</div><div class="share">分享到：微信 微博</div>${main}<div class="tools">【打印本页】【关闭窗口】</div>${foot}<script>document.write('<p>脚本写的字</p>')</script></body></html>`;
    expect(read(html)).toEqual(want);
  });

  it('a title the article itself starts with (centred) is not repeated from the page head', () => {
    const html = `<html>${head}<body>${nav}<div id="zoom"><p align="center"><b>某某县2023年</b></p><p align="center"><b>政府信息公开工作年度报告</b></p>${body}</div></body></html>`;
    expect(read(html).slice(0, 3)).toEqual(['某某县2023年', '政府信息公开工作年度报告', '一、总体情况']);
  });

  it('furniture lines: source, time and counter lines and print/close bars go; a lone publication date stays', () => {
    for (const t of ['来源：某某县政府办', '信息来源：县统计局', '发布时间：2024-01-20 10:00 来源：本站', '浏览次数：1234', '【打印本页】 【关闭窗口】', '[打印] [关闭]', '字号：大 中 小', '分享到：', '【字体：大 中 小】']) expect(isChromeLine(t), t).toBe(true);
    for (const t of ['发布日期：2020-01-31', '一、总体情况', '2023年来源于群众的申请共12件。', '关闭了3个政务新媒体账号。']) expect(isChromeLine(t), t).toBe(false);
  });
});

describe('HTML to blocks (also for the HTML parts of Word files): what reads how', () => {
  const blocks = (html: string) => htmlToBlocks(html).blocks;

  it('paragraphs, <div> text and <br> lines; whitespace as a browser lays it out, a source line break between Chinese characters dropped', () => {
    expect(blocks('<p>第一段，\n  接着写。</p><div>第二段 one  two</div><p>一行<br>二行<br/><br>三行</p>text at the end').map((b) => b.text)).toEqual(['第一段，接着写。', '第二段 one two', '一行', '二行', '三行', 'text at the end']);
    expect(blocks('<p>&nbsp;&nbsp;　　缩进的段落&nbsp;</p>')[0]!.text).toBe('缩进的段落');
  });

  it('headings, centring (align, text-align, <center>, class) and bold (every character)', () => {
    const b = blocks('<h2>二级标题</h2><p align="center">居中</p><p style="TEXT-ALIGN: center">样式居中</p><center>老式居中</center><div class="text-center"><p>类名居中</p></div><div style="text-align:center"><p style="text-align:left">左对齐</p></div><table align="center"><tr><td>布局表格里的字</td></tr></table><p><strong>全部加粗</strong></p><p><b>部分</b>加粗</p><p style="font-weight:700">数值加粗</p>');
    expect(b.map(({ text, headingLevel, centered, bold }) => ({ text, headingLevel, centered, bold }))).toEqual([
      { text: '二级标题', headingLevel: 2, centered: undefined, bold: true },
      { text: '居中', headingLevel: undefined, centered: true, bold: undefined },
      { text: '样式居中', headingLevel: undefined, centered: true, bold: undefined },
      { text: '老式居中', headingLevel: undefined, centered: true, bold: undefined },
      { text: '类名居中', headingLevel: undefined, centered: true, bold: undefined },
      { text: '左对齐', headingLevel: undefined, centered: undefined, bold: undefined },
      { text: '布局表格里的字', headingLevel: undefined, centered: undefined, bold: undefined },
      { text: '全部加粗', headingLevel: undefined, centered: undefined, bold: true },
      { text: '部分加粗', headingLevel: undefined, centered: undefined, bold: undefined },
      { text: '数值加粗', headingLevel: undefined, centered: undefined, bold: true },
    ]);
  });

  it('tables: spans as written, covered cells left out, <thead> rows as repeated header rows, tfoot last, nested tables read into their cell, lines of a cell joined', () => {
    const { blocks: b, tables } = htmlToBlocks('<p>前</p><table><tfoot><tr><td>合计</td><td>3</td></tr></tfoot><thead><tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr><tr><th>甲</th><th>乙</th></tr></thead><tbody><tr><td>商业<br>企业</td><td><p>1</p></td><td><table><tr><td>2</td><td>件</td></tr></table></td></tr></tbody></table><p>后</p>', { firstTable: 4 });
    expect(tables).toBe(1);
    expect(b.map((x) => x.table ?? x.text)).toEqual(['前', 4, '后']);
    expect(b[1]!.grid).toEqual({
      rows: [
        [{ text: '项目', rowSpan: 2, colSpan: 1 }, { text: '数量', rowSpan: 1, colSpan: 2 }],
        [{ text: '甲', rowSpan: 1, colSpan: 1 }, { text: '乙', rowSpan: 1, colSpan: 1 }],
        [{ text: '商业企业', rowSpan: 1, colSpan: 1 }, { text: '1', rowSpan: 1, colSpan: 1 }, { text: '2件', rowSpan: 1, colSpan: 1 }],
        [{ text: '合计', rowSpan: 1, colSpan: 1 }, { text: '3', rowSpan: 1, colSpan: 1 }],
      ],
      repeatedHeaderRows: 2,
    });
    expect(b[1]!.text).toBe('项目　数量\n甲　乙\n商业企业　1　2件\n合计　3');
  });

  it('spans are cut to the table: rowspan past the last row, rowspan=0, colspan over 1000, nonsense', () => {
    const grid = htmlToBlocks('<table><tr><td rowspan="99999">a</td><td colspan="100000">b</td><td rowspan="0">c</td><td colspan="-3" rowspan="x">d</td></tr><tr><td>e</td><td>f</td></tr></table>').blocks[0]!.grid!;
    expect(grid.rows[0]!.map((c) => [c.rowSpan, c.colSpan])).toEqual([[2, 1], [1, 1000], [2, 1], [1, 1]]);
  });
});

describe('a hostile page', () => {
  const text = (html: string) => htmlToBlocks(html).blocks.map((b) => b.text).join('\n');

  it('scripts, styles, event handlers, javascript: links, comments, CDATA, templates, iframes and hidden text never reach the text', () => {
    const html = `<p>正文<script>alert(1)</script><style>p{color:red}</style></p>
      <a href="javascript:alert(2)">链接文字</a><img src=x onerror="alert(3)"><svg onload="alert(4)"><text>svg字</text></svg>
      <!-- <p>注释里的段落</p> --><![CDATA[<script>alert(6)</script>]]><template><p>模板</p></template>
      <iframe srcdoc="<p>框架</p>"></iframe><noscript><p>无脚本</p></noscript><p hidden>隐藏</p><p style="display:none">不显示</p>
      <textarea>输入框</textarea><select><option>选项</option></select><button>按钮</button><p onclick="alert(5)">可点击的段落</p>`;
    const t = text(html);
    // In HTML a CDATA section is a bogus comment up to the first “>”: what follows is text, as a browser shows it.
    expect(t).toBe('正文\n链接文字 alert(6)]]>\n可点击的段落');
    expect(t).not.toMatch(/alert\([1-5]\)|<|注释|CDATA|模板|框架|隐藏|不显示|svg/);
  });

  it('markup written as text stays text (escaped entities come out as characters for the MDX writer to escape)', () => {
    expect(text('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; {x} *y*</p>')).toBe('<script>alert(1)</script> & {x} *y*');
  });

  it('100,000 nested <div>s, <b>s and <td> tables do not overflow the stack', () => {
    const n = 100_000;
    expect(text(`${'<div>'.repeat(n)}深处的字${'</div>'.repeat(n)}`)).toBe('深处的字');
    expect(text(`<p>${'<b>'.repeat(n)}粗</p>`)).toBe('粗');
    const nested = `${'<table><tr><td>格<td>'.repeat(2000)}底${'</td></tr></table>'.repeat(2000)}`;
    const b = htmlToBlocks(nested).blocks;
    expect(b.map((x) => x.text).join('')).toContain('底');
    const deep = readHtml(utf8(`<html><body>${'<div class="zoom">'.repeat(n)}深处的正文段落，足够长的一段文字在这里。${'</div>'.repeat(n)}</body></html>`));
    expect(deep.blocks.map((x) => x.text)).toEqual(['深处的正文段落，足够长的一段文字在这里。']);
  });

  it('a 20 MB page reads in reasonable time; an absurdly large file is refused', () => {
    const para = '<p>一是持续推进政务公开标准化规范化建设，全年主动公开政府信息1234条。</p>';
    const html = `<html><body><div id="zoom">${para.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(para)))}</div></body></html>`;
    const t = Date.now();
    const s = readHtml(utf8(html));
    expect(s.blocks.length).toBeGreaterThan(100_000);
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(() => readHtml(new Uint8Array(65 * 1024 * 1024))).toThrow(/网页文件太大/);
  });

  it('a page with no text is refused in Chinese', () => {
    expect(() => readHtml(utf8('<html><body><script>render()</script></body></html>'))).toThrow(/网页中没有找到正文/);
  });
});

describe('encodings', () => {
  it('a BOM wins over a declaration; UTF-16 pages are read by their BOM', () => {
    const body = '<meta charset="gbk"><p>中文内容</p>';
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(body)]))).toEqual({ text: body, encoding: 'UTF-8' });
    const le = Buffer.from(`\ufeff${body}`, 'utf16le');
    expect(decodeHtml(new Uint8Array(le)).text).toBe(body);
  });

  it('a page re-saved as UTF-8 that still declares gb2312 is read as UTF-8; a page declaring UTF-8 in GBK bytes as GB18030', () => {
    expect(decodeHtml(utf8('<meta charset="gb2312"><p>政府信息公开</p>')).encoding).toBe('UTF-8');
    expect(decodeHtml(encodeGbk('<meta charset="utf-8"><p>政府信息公开</p>'))).toMatchObject({ encoding: 'GB18030', text: '<meta charset="utf-8"><p>政府信息公开</p>' });
    expect(decodeHtml(utf8('<meta charset="no-such-charset"><p>中文</p>')).encoding).toBe('UTF-8');
  });
});

describe('dispatch', () => {
  it('sourceKind knows pages and old Word files; readSource reads a page', async () => {
    expect(['a.html', 'b.HTM', 'c.mht', 'd.mhtml', 'e.doc', 'f.WPS', 'g.docx', 'h.txt'].map(sourceKind)).toEqual(['html', 'html', 'mhtml', 'mhtml', 'doc', 'wps', 'docx', 'txt']);
    const s = await readSource('报告.htm', page('gov-2023-pingtan', 'page.html'));
    expect(s.tables).toBe(3);
  });
});
