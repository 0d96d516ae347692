// npm run import, end to end: the CLI run as `npm run import` runs it, on the sample report as text
// (UTF-8 and GB18030) and as Word documents built here with the `docx` package.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { formatStat, parseStat } from '../../src/lib/content/stat.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');
// The sample report as the office wrote it (a copy of shared/seeds/000_37b62e7f3efae86f.txt).
const SEED = join(ROOT, 'test/fixtures/seed/2022.txt');
const COMMITTED = join(ROOT, 'content/reports/2022.mdx');
const seedText = readFileSync(SEED, 'utf8');
const seedLines = seedText.split('\n').map((l) => l.trim()).filter(Boolean);

const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-import-'));
// The sample has no title line. Offices save a report under its name, and the import then takes the
// title from the file name: the sample under that name imports to the committed report byte for byte.
const SEED_TITLE = '2022年度落实全面从严治党主体责任情况报告';
function namedSeed(text: string | Uint8Array = seedText): string {
  const file = join(tmp(), `${SEED_TITLE}.txt`);
  writeFileSync(file, text);
  return file;
}
const run = (args: string[], env: Record<string, string> = {}) => runNode(IMPORT, args, { NIANBAO_CONTENT: join(ROOT, 'content'), ...env }, 60_000);

/** A content folder with the committed site and registry, and no reports yet. */
function contentFolder(): string {
  const dir = tmp();
  mkdirSync(join(dir, 'reports'));
  copyFileSync(join(ROOT, 'content/site.yaml'), join(dir, 'site.yaml'));
  copyFileSync(join(ROOT, 'content/metrics.yaml'), join(dir, 'metrics.yaml'));
  return dir;
}

function split(mdx: string): { data: { year: number; title: string; stats: Record<string, unknown> }; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  return { data: parseYaml(m[1]!), body: mdx.slice(m[0].length) };
}

/** What a reader sees, paragraph by paragraph: parsed with remark-mdx, each <Stat> replaced by its value. */
function rendered(mdx: string): string[] {
  const { data, body } = split(mdx);
  const tree = unified().use(remarkParse).use(remarkMdx).parse(body);
  visit(tree, (node, index, parent) => {
    if (node.type === 'mdxJsxTextElement' && (node as { name?: string }).name === 'Stat' && parent && index !== undefined) {
      const id = (node as { attributes: { name: string; value: string }[] }).attributes.find((a) => a.name === 'id')!.value;
      const p = parseStat(data.stats[id]);
      parent.children[index] = { type: 'text', value: p.ok ? formatStat(p.value) : '?' } as never;
      return SKIP;
    }
  });
  return tree.children.map((c) => toString(c));
}

/** GB18030 bytes for text, from the decoder's own table (Node has no GB18030 encoder). */
function encodeGb18030(text: string): Uint8Array {
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...pair);
    }
  }
  const bytes = new Uint8Array(out);
  expect(dec.decode(bytes)).toBe(text);
  return bytes;
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('importing the sample report (text)', () => {
  let dir: string;
  let out: string;
  let result: ReturnType<typeof run>;
  beforeAll(() => {
    dir = tmp();
    out = join(dir, '2022.mdx');
    result = run([namedSeed(), '--out', out]);
  });

  it('succeeds and writes the file', () => {
    expect(result.status, result.output).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('reproduces the committed 2022 report byte for byte', () => {
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('has the same 21 stats as the committed report', () => {
    const mine = split(readFileSync(out, 'utf8')).data;
    const committed = split(readFileSync(COMMITTED, 'utf8')).data;
    expect(Object.keys(mine.stats)).toHaveLength(21);
    expect(mine.stats).toEqual(committed.stats);
    expect(mine.year).toBe(2022);
    expect(mine.title).toBe(committed.title);
  });

  it('reads word for word like the committed report and like the sample', () => {
    const mine = rendered(readFileSync(out, 'utf8'));
    expect(mine).toEqual(rendered(readFileSync(COMMITTED, 'utf8')));
    expect(mine).toEqual(seedLines);
  });

  it('prints a summary in Chinese: year, title, structure, every stat with its words', () => {
    const s = result.stdout;
    expect(s).toContain('年份：2022（取自正文中第一处年份）');
    expect(s).toContain('标题：2022年度落实全面从严治党主体责任情况报告（原文没有标题，暂用文件名作标题，请改为正式标题）');
    expect(s).toContain('结构：导语 1 段，3 个部分（## 标题），共 21 条事项（“一是、二是……”“（一）（二）……”）');
    expect(s).toContain('二、存在的主要问题及原因——存在问题 4 条，原因分析 5 条，其他段落 1 段');
    expect(s).toContain('统计数字：文中 21 处，21 处已对应指标');
    expect(s).toContain('petitions-closed（查结）← “查结【*】件次”');
    expect(s).toContain('problem-areas（排查问题涉及方面）← “…政治站位不高、群众意识淡薄等【*】个方面排查问题”');
    expect(s).toContain('problems-found（排查问题）← “方面排查问题【*】个”');
    expect(s).toContain('public-matters-ongoing（正在推进的群众问题）← “剩余【**】件正在推进中”');
    expect(s).not.toContain('未对应指标的数字');
    expect(s).toMatch(/下一步：[\s\S]*npm run check/);
  });
});

describe('into the content folder', () => {
  it('writes reports/<year>.mdx, which passes npm run check', () => {
    const content = contentFolder();
    const r = run([namedSeed()], { NIANBAO_CONTENT: content });
    expect(r.status, r.output).toBe(0);
    const written = join(content, 'reports/2022.mdx');
    expect(readFileSync(written, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
    expect(r.stdout).toMatch(/写入 .*reports\/2022\.mdx/);
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: content });
    expect(check.status, check.output).toBe(0);
  });

  it('never overwrites without --force, and says how', () => {
    const content = contentFolder();
    const target = join(content, 'reports/2022.mdx');
    writeFileSync(target, 'mine');
    const seed = namedSeed();
    const r = run([seed], { NIANBAO_CONTENT: content });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已经存在，没有做任何改动');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('mine');
    expect(leftovers(join(content, 'reports'))).toEqual([]);

    const forced = run([seed, '--force'], { NIANBAO_CONTENT: content });
    expect(forced.status, forced.output).toBe(0);
    expect(forced.stdout).toContain('已覆盖原文件');
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('finds a relative path where the user typed it (INIT_CWD, as npm run sets it)', () => {
    const dir = tmp();
    writeFileSync(join(dir, '报告.txt'), seedText);
    const r = run(['报告.txt', '--out', 'out/2022.mdx'], { INIT_CWD: dir });
    expect(r.status, r.output).toBe(0);
    expect(existsSync(join(dir, 'out/2022.mdx'))).toBe(true);
    expect(r.stdout).toContain('写入 out/2022.mdx');
  });
});

describe('GB18030 text (Notepad "ANSI" on Chinese Windows)', () => {
  it('is detected and imported to the same report', () => {
    const dir = tmp();
    const bytes = encodeGb18030(seedText.replace(/\n/g, '\r\n'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = run([namedSeed(bytes), '--out', join(dir, '2022.mdx')]);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('（GB18030 文本）');
    expect(readFileSync(join(dir, '2022.mdx'), 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});

describe('counts without a metric, and text MDX would misread', () => {
  it('keeps them as written, lists them with their sentence, and escapes * { < properly', () => {
    const dir = tmp();
    const text = [
      '2023年度工作总结',
      '2023年，工委认真履职{全年}。现将有关情况汇报如下：',
      '一、主要工作',
      '一是加强学习。召开集体廉政谈话会3次，走访辖区企业12家，慰问困难群众30余人。',
      '二是强化监督。**市委巡察组于*月**日进驻，发现问题<5条>。',
    ].join('\n');
    writeFileSync(join(dir, 'r.txt'), text);
    const r = run([join(dir, 'r.txt'), '--out', join(dir, '2023.mdx')]);
    expect(r.status, r.output).toBe(0);
    const mdx = readFileSync(join(dir, '2023.mdx'), 'utf8');
    expect(split(mdx).data).toMatchObject({ year: 2023, title: '2023年度工作总结', stats: { 'integrity-talk-meetings': 3 } });
    expect(Object.keys(split(mdx).data.stats)).toEqual(['integrity-talk-meetings']);
    expect(mdx).toContain('召开集体廉政谈话会<Stat id="integrity-talk-meetings" />次，走访辖区企业12家，慰问困难群众30余人。');
    expect(mdx).toContain('\\*\\*市委巡察组于\\*月\\*\\*日');
    expect(rendered(mdx)).toEqual(text.split('\n').slice(1));
    expect(r.stdout).toContain('未对应指标的数字：3 处');
    expect(r.stdout).toContain('“12家”，所在句子：召开集体廉政谈话会3次，走访辖区企业12家，慰问困难群众30余人。');
    expect(r.stdout).toContain('“5条”，所在句子：**市委巡察组于*月**日进驻，发现问题<5条>。');
    expect(r.stdout).toContain('“30余人”');
    expect(r.stdout).toContain('metrics.yaml');
    expect(r.stdout).toContain('文中没有出现的指标（20 个');
  });
});

describe('failures leave nothing behind', () => {
  it('a damaged .docx: exit 1, a Chinese reason, no file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.docx'), 'this is not a zip');
    const r = run([join(dir, 'bad.docx'), '--out', join(dir, '2022.mdx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法读取 Word 文档');
    expect(r.stderr).toContain('另存为');
    expect(readdirSync(dir)).toEqual(['bad.docx']);
  });

  it('an output that cannot be written: exit 1, no partial or temporary file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'blocker'), '');
    const r = run([SEED, '--out', join(dir, 'blocker', '2022.mdx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法写入');
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('.doc, a missing file, a bad --year, a year that does not match --out', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.doc'), 'x');
    const doc = run([join(dir, 'old.doc')]);
    expect(doc.status).toBe(1);
    expect(doc.stderr).toContain('另存为');
    expect(run([join(dir, 'nope.txt')]).stderr).toContain('找不到文件');
    const year = run([SEED, '--year', '23']);
    expect(year.status).toBe(1);
    expect(year.stderr).toContain('不是四位数字的年份');
    const mismatch = run([SEED, '--out', join(dir, '2021.mdx')]);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr).toContain('与报告年份 2022 不一致');
    expect(readdirSync(dir)).toEqual(['old.doc']);
  });

  it('no year anywhere: asks for --year; --year then wins', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'r.txt'), '一、主要工作\n一是加强学习。召开集体廉政谈话会3次。\n');
    const r = run([join(dir, 'r.txt'), '--out', join(dir, 'x.mdx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--year');
    const ok = run([join(dir, 'r.txt'), '--year', '2024', '--out', join(dir, 'x.mdx')]);
    expect(ok.status, ok.output).toBe(0);
    // No title in the text: the content folder's latest report gives its title, moved to this year.
    expect(split(readFileSync(join(dir, 'x.mdx'), 'utf8')).data).toMatchObject({ year: 2024, title: '2024年度落实全面从严治党主体责任情况报告' });
    expect(ok.stdout).toContain('标题：2024年度落实全面从严治党主体责任情况报告（原文没有标题，沿用上一年报告的标题并改为本年，请核对）');
    // With no report to follow either, the file name stands in — never a title made up from a kind of report.
    const bare = run([join(dir, 'r.txt'), '--year', '2024', '--out', join(dir, 'y.mdx')], { NIANBAO_CONTENT: contentFolder() });
    expect(bare.status, bare.output).toBe(0);
    expect(split(readFileSync(join(dir, 'y.mdx'), 'utf8')).data).toMatchObject({ year: 2024, title: 'r' });
    expect(bare.stdout).toContain('标题：r（原文没有标题，暂用文件名作标题，请改为正式标题）');
  });
});

describe('Word documents', () => {
  async function docx(children: (Paragraph | Table)[], numbering = false): Promise<Buffer> {
    const doc = new Document({
      ...(numbering && { numbering: { config: [{ reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START }] }] } }),
      sections: [{ children }],
    });
    return Packer.toBuffer(doc);
  }
  async function importDocx(buf: Buffer, extra: string[] = [], name = `${SEED_TITLE}.docx`) {
    const dir = tmp();
    writeFileSync(join(dir, name), buf);
    const out = join(dir, 'out.mdx');
    const r = run([join(dir, name), '--out', out, ...extra]);
    return { r, mdx: existsSync(out) ? readFileSync(out, 'utf8') : '', dir };
  }

  it('the sample as plain Word paragraphs (indented, blank lines between) gives the committed report', async () => {
    const paras = seedText.split('\n').flatMap((line) => [new Paragraph({ children: [new TextRun(line ? `　　${line}` : '')] }), new Paragraph('')]);
    const { r, mdx } = await importDocx(await docx(paras));
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('（Word 文档）');
    expect(mdx).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('heading styles, a title, Word numbering and bold item titles', async () => {
    const { r, mdx } = await importDocx(
      await docx(
        [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun('关于2023年度落实全面从严治党')] }),
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun('主体责任情况的报告')] }),
          new Paragraph('2023年，工委认真履职。现将有关情况汇报如下：'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('履行主体责任情况')] }),
          new Paragraph({ children: [new TextRun({ text: '一是加强学习。', bold: true }), new TextRun('召开集体廉政谈话会12次。')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('监督检查')] }),
          new Paragraph('二是强化监督。开展“小微权力”监督检查5次。'),
          new Paragraph({ numbering: { reference: 'cn', level: 0 }, children: [new TextRun('存在的问题')] }),
          new Paragraph('一是学习不够深入。'),
          new Paragraph('2024年1月16日'),
        ],
        true,
      ),
    );
    expect(r.status, r.output).toBe(0);
    expect(mdx).toBe(
      [
        '---',
        'year: 2023',
        'title: 关于2023年度落实全面从严治党主体责任情况的报告',
        'published: 2024-01-16',
        'stats:',
        '  integrity-talk-meetings: 12',
        '  micro-power-inspections: 5',
        '---',
        '',
        '2023年，工委认真履职。现将有关情况汇报如下：',
        '',
        '## 履行主体责任情况',
        '',
        '一是加强学习。召开集体廉政谈话会<Stat id="integrity-talk-meetings" />次。',
        '',
        '### 监督检查',
        '',
        '二是强化监督。开展“小微权力”监督检查<Stat id="micro-power-inspections" />次。',
        '',
        '## 一、存在的问题',
        '',
        '一是学习不够深入。',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('标题：关于2023年度落实全面从严治党主体责任情况的报告\n');
    expect(r.stdout).toContain('印发日期：2024-01-16');
    expect(r.stdout).toContain('Word 自动编号的标题已补写编号：一、存在的问题');
  });

  it('（一） sub-headings, a table, blank lines and a line break; the result passes npm run check', async () => {
    const { r, mdx } = await importDocx(
      await docx([
        new Paragraph('2023年，工委认真履职。'),
        new Paragraph(''),
        new Paragraph({ children: [new TextRun({ text: '一、履行主体责任情况', bold: true })] }),
        new Paragraph({ children: [new TextRun({ text: '（一）加强学习教育', bold: true })] }),
        new Paragraph(''),
        new Paragraph('一是抓学习。召开集体廉政谈话会*次。'),
        new Paragraph({ children: [new TextRun('二是抓宣讲。'), new TextRun({ text: '班子成员到联系社区宣讲**余次。', break: 1 })] }),
        new Paragraph({ children: [new TextRun({ text: '（二）强化监督执纪', bold: true })] }),
        new Table({
          rows: [
            new TableRow({ children: [new TableCell({ children: [new Paragraph('事项')] }), new TableCell({ children: [new Paragraph('数量')] })] }),
            new TableRow({ children: [new TableCell({ children: [new Paragraph('函询')] }), new TableCell({ children: [new Paragraph('2人')] })] }),
          ],
        }),
        new Paragraph('一是严肃问责。开除党籍1人。'),
        new Paragraph('二、存在的问题'),
        new Paragraph('一是学习不够深入。'),
      ]),
    );
    expect(r.status, r.output).toBe(0);
    const { data, body } = split(mdx);
    expect(data.stats).toEqual({ 'integrity-talk-meetings': '*', 'community-lectures': '**+', 'inquiry-letters': 2, 'party-expulsions': 1 });
    expect(body).toBe(
      [
        '',
        '2023年，工委认真履职。',
        '',
        '## 一、履行主体责任情况',
        '',
        '### （一）加强学习教育',
        '',
        '一是抓学习。召开集体廉政谈话会<Stat id="integrity-talk-meetings" />次。',
        '',
        '二是抓宣讲。',
        '',
        '班子成员到联系社区宣讲<Stat id="community-lectures" />次。',
        '',
        '### （二）强化监督执纪',
        '',
        '| 事项 | 数量 |',
        '| - | - |',
        '| 函询 | <Stat id="inquiry-letters" />人 |',
        '',
        '一是严肃问责。开除党籍<Stat id="party-expulsions" />人。',
        '',
        '## 二、存在的问题',
        '',
        '一是学习不够深入。',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('2 个小标题（### ）');
    expect(r.stdout).toContain('表格：1 个，合并单元格已保留（写成 ^ 和 >）；表中数字 1 格，1 格已对应指标，0 格未对应，空白格 0 个');
    expect(r.stdout).toContain('inquiry-letters（函询）← 表1 第2行第2列（函询 × 数量）【2】');
    // Into a content folder: npm run check has no errors.
    const content = contentFolder();
    writeFileSync(join(content, 'reports/2023.mdx'), mdx);
    const check = runNode(CHECK, [], { NIANBAO_CONTENT: content });
    expect(check.status, check.output).toBe(0);
  });
});
