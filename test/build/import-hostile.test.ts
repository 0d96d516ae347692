// An attacker's sentences arriving through npm run import, end to end: a .txt and a real .docx (built
// here with the `docx` package) whose text holds a URL followed by a tag and Markdown-looking links
// and images. They must import as literal text, pass npm run check, and build as text: word for word
// on the page, with no element, link or handler made from them. The one tag that is not an attack, a
// written <Redact>, means what the clerk typed it for: the span is hidden in the public edition.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { astroBuild, runNode, type RunResult } from '../helpers/astro-cli.ts';
import { readPage, textOf } from '../helpers/html.ts';
import { ROOT } from '../helpers/sites.ts';
import { executableMarkup } from '../../src/lib/content/html-safety.ts';
import { REDACTED_TEXT } from '../../src/markdown/remark-report.ts';

const SENTENCES = [
  '一是详见 https://example.com/<img src=x onerror=alert(1)> 和 [点我](javascript:alert(1)) 以及 [再点][1]。',
  '二是 ![图](https://evil.example/a.png) 与 <Redact>公开</Redact> 和 `代码` 和 &#106;avascript:alert(1) 和 <script>alert(2)</script> 和 {alert(3)}。',
  '[1]: javascript:alert(4)',
];

const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-import-hostile-'));

describe('hostile text through npm run import, check and build', () => {
  let content: string;
  let out: string;
  let imports: RunResult[];
  let check: RunResult;
  let build: RunResult;

  beforeAll(async () => {
    content = join(tmp(), 'content');
    mkdirSync(join(content, 'reports'), { recursive: true });
    for (const f of ['site.yaml', 'metrics.yaml']) copyFileSync(join(ROOT, 'test/fixtures/hostile', f), join(content, f));
    const inputs = tmp();
    writeFileSync(join(inputs, '报告.txt'), ['2022年度测试报告', '', '一、工作情况', '', ...SENTENCES.flatMap((s) => [s, ''])].join('\n'));
    const doc = new Document({ sections: [{ children: [new Paragraph('2023年度测试报告'), new Paragraph('一、工作情况'), ...SENTENCES.map((s) => new Paragraph({ children: [new TextRun(s)] }))] }] });
    writeFileSync(join(inputs, '报告.docx'), await Packer.toBuffer(doc));
    imports = ['报告.txt', '报告.docx'].map((f) => runNode(join(ROOT, 'src/cli/import.ts'), [join(inputs, f)], { NIANBAO_CONTENT: content }, 60_000));
    check = runNode(join(ROOT, 'src/cli/check.ts'), [], { NIANBAO_CONTENT: content }, 60_000);
    out = join(tmp(), 'dist');
    build = astroBuild(out, { NIANBAO_CONTENT: content });
  });

  it('imports both files, as 2022 (text) and 2023 (Word)', () => {
    for (const r of imports) expect(r.status, r.output).toBe(0);
    expect(imports[1]?.stdout).toContain('Word 文档');
  });

  it('writes every attack escaped, as text: no link, image, component or expression in the MDX', () => {
    for (const year of [2022, 2023]) {
      const mdx = readFileSync(join(content, `reports/${year}.mdx`), 'utf8');
      expect(mdx).toContain('https://example.com/\\<img src=x onerror=alert(1)>');
      expect(mdx).toContain('\\[点我]\\(javascript:alert(1))');
      expect(mdx).toContain('与 <Redact>公开</Redact> 和');
      expect(mdx).not.toMatch(/(?<!\\)\[点我\]|(?<!\\)<(img|script)\b|(?<!\\)\{alert/);
    }
  });

  it('passes npm run check', () => expect(check.status, check.output).toBe(0));

  it('builds, and each page shows the sentences word for word, with nothing made of them', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    for (const year of [2022, 2023]) {
      const html = readPage(out, `${year}/index.html`);
      const text = html.slice(html.indexOf('class="report-text"'), html.indexOf('</article>'));
      for (const s of SENTENCES) expect(textOf(text), `${year}: ${s}`).toContain(s.replace('<Redact>公开</Redact>', REDACTED_TEXT));
      expect(text).not.toMatch(/<(a|img|script|code)\b/i);
      expect(text).not.toMatch(/<[^>]*\son\w+=/i);
      expect(executableMarkup(html)).toEqual([]);
    }
  });
});
