// npm run import on a saved portal page and on old Word files, end to end through the CLI: the page
// gives the same report file as the Word version of the same report; .doc files are refused in Chinese
// when they cannot be read, saying what to install or do.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';
import { loadReal } from '../helpers/real-fixtures.ts';
import { realDocx } from '../helpers/real-docx.ts';

const IMPORT = join(ROOT, 'src/cli/import.ts');
const INIT = join(ROOT, 'src/cli/init.ts');
const CONTENT = join(ROOT, 'test/fixtures/tables');
const PAGE = join(ROOT, 'test/fixtures/html/gov-2023-pingtan/page.html');
const tmp = () => mkdtempSync(join(tmpdir(), 'nianbao-import-html-'));

describe('npm run import on a saved portal page', () => {
  it('writes the same MDX as the Word file of the same report, every table figure bound', async () => {
    const dir = tmp();
    const content = join(dir, 'content');
    expect(runNode(INIT, [content, '--kind', 'gov-info-disclosure'], {}, 60_000).status).toBe(0);
    writeFileSync(join(dir, 'report.docx'), await realDocx(loadReal('gov-2023-pingtan')));
    const page = runNode(IMPORT, [PAGE, '--out', join(dir, 'from-page.mdx')], { NIANBAO_CONTENT: content }, 60_000);
    const word = runNode(IMPORT, [join(dir, 'report.docx'), '--out', join(dir, 'from-word.mdx')], { NIANBAO_CONTENT: content }, 60_000);
    expect(page.status, page.output).toBe(0);
    expect(word.status, word.output).toBe(0);
    expect(page.stdout).toContain('（网页（UTF-8））');
    expect(page.stdout).toContain('表中数字 200 格，200 格已对应指标');
    expect(readFileSync(join(dir, 'from-page.mdx'), 'utf8')).toBe(readFileSync(join(dir, 'from-word.mdx'), 'utf8'));
  });

  it('the help names web pages and .doc/.wps with LibreOffice', () => {
    const r = runNode(IMPORT, ['--help'], {}, 60_000);
    expect(r.output).toContain('.html/.htm');
    expect(r.output).toContain('libreoffice-writer-nogui');
  });
});

describe('npm run import on .doc/.wps', () => {
  it('a .doc that is no Word file is refused, nothing written', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.doc'), 'x');
    const r = runNode(IMPORT, [join(dir, 'old.doc'), '--out', join(dir, 'out.mdx')], { NIANBAO_CONTENT: CONTENT }, 60_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不是 Word 或 WPS 文档');
    expect(r.stderr).toContain('另存为');
    expect(existsSync(join(dir, 'out.mdx'))).toBe(false);
  });

  it('without LibreOffice on PATH a Word 97-2003 file is refused, saying how to install it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.wps'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    // PATH holds only node's own folder: no soffice, no libreoffice.
    const r = runNode(IMPORT, [join(dir, 'old.wps'), '--out', join(dir, 'out.mdx')], { NIANBAO_CONTENT: CONTENT, PATH: dirname(process.execPath) }, 60_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有找到 LibreOffice');
    expect(r.stderr).toContain('sudo apt-get install libreoffice-writer-nogui');
    expect(existsSync(join(dir, 'out.mdx'))).toBe(false);
  });
});
