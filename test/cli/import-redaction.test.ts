// A clerk's <Redact> and Word hidden text, from the file to the built public site: imported as <Redact>,
// said in the summary, passed by check, and absent from every file of the public build (search index included).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { runNode } from '../helpers/astro-cli.ts';
import { allFiles, readDecoded } from '../helpers/html.ts';
import { ROOT } from '../helpers/sites.ts';

describe('import → check → public build, with secrets marked in the source', () => {
  it('nothing the clerk marked reaches any output file; the internal build shows it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-redact-'));
    try {
      const content = join(dir, 'content');
      mkdirSync(join(content, 'reports'), { recursive: true });
      copyFileSync(join(ROOT, 'content/site.yaml'), join(content, 'site.yaml'));
      copyFileSync(join(ROOT, 'content/metrics.yaml'), join(content, 'metrics.yaml'));
      const seed = readFileSync(join(ROOT, 'test/fixtures/seed/2022.txt'), 'utf8').split('\n');
      // The sample, with a written <Redact> in one paragraph and Word hidden text in another.
      const paragraphs = ['2022年度落实全面从严治党主体责任情况报告', ...seed.filter((l) => l.trim())];
      const at = paragraphs.findIndex((p) => p.startsWith('一是'));
      const docx = new Document({
        sections: [{
          children: paragraphs.map((text, i) => {
            if (i === at) return new Paragraph({ children: [new TextRun(`${text}其中查处<Redact>滨江街道欧阳某某受贿案</Redact>。`)] });
            if (i === at + 1) return new Paragraph({ children: [new TextRun(text), new TextRun({ text: '线索涉及司马某某。', vanish: true })] });
            return new Paragraph(text);
          }),
        }],
      });
      const file = join(dir, '2022年报告.docx');
      writeFileSync(file, await Packer.toBuffer(docx));
      const imported = runNode(join(ROOT, 'src/cli/import.ts'), [file], { NIANBAO_CONTENT: content }, 60_000);
      expect(imported.status, imported.output).toBe(0);
      expect(imported.stdout).toContain('隐去文字：原文中写的 <Redact> 1 处，Word 隐藏文字 1 处');
      const mdx = readFileSync(join(content, 'reports/2022.mdx'), 'utf8');
      expect(mdx).toContain('<Redact>滨江街道欧阳某某受贿案</Redact>');
      expect(mdx).toContain('<Redact>线索涉及司马某某。</Redact>');
      const check = runNode(join(ROOT, 'src/cli/check.ts'), [], { NIANBAO_CONTENT: content }, 60_000);
      expect(check.status, check.output).toBe(0);

      for (const edition of ['public', 'internal'] as const) {
        const out = join(dir, `site-${edition}`);
        const built = runNode(join(ROOT, 'src/cli/astro.ts'), ['build', '--outDir', out], { NIANBAO_CONTENT: content, NIANBAO_EDITION: edition }, 240_000);
        expect(built.status, built.output.slice(-2000)).toBe(0);
        const all = allFiles(out).map((f) => [f, readDecoded(join(out, f))] as const);
        const holding = all.filter(([, text]) => text.includes('欧阳某某') || text.includes('司马某某')).map(([f]) => f);
        if (edition === 'public') expect(holding).toEqual([]);
        else expect(holding.length).toBeGreaterThan(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
