// The public edition never leaks a masked number or redacted text into any output file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFiles, readDecoded } from '../helpers/html.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';

// From the fixtures' answer keys (test/fixtures/*/README.md and metrics.yaml comments).
const CASES = [
  { site: 'seriesPublic', sentinels: ['4817', '3629', '5903', '7741', '7698'], redacted: ['城南社区张某某违规收受礼金案', '滨河街道李某某虚报冒领补贴问题', '王某某插手工程招投标线索', '张某某', '李某某', '王某某'] },
  { site: 'seriesPublicBase', sentinels: ['4817', '3629', '5903', '7741', '7698'], redacted: ['张某某', '李某某', '王某某'] },
  // Stats and <Redact> in table cells (test/fixtures/tables/README.md).
  { site: 'tablesPublic', sentinels: ['6613', '2749'], redacted: ['赵某某违纪案', '赵某某'] },
  // <Redact> where it works: a sentence, link text, ## and ### headings, a table cell (test/fixtures/hostile/README.md).
  { site: 'hostile', sentinels: [], redacted: ['赵某某违规收受礼金案', '钱某某', '孙某某', '李某某', '周某某'] },
  // Where check refuses it, built with the check skipped: image alt text (also on the compare page), a link
  // title, a link URL, inline code (also the search index), a code block and its info string, <Redact> with
  // an attribute, a lowercase <redact>, an unknown component (test/fixtures/hostile-unchecked/README.md).
  { site: 'hostileUnchecked', sentinels: [], redacted: ['冯某某', '陈某某', '褚某某', '卫某某', '蒋某某', '吴某某', '沈某某', '韩某某', '杨某某', '郑某某', '朱某某', '秦某某'] },
] as const;

const CONTENT: Record<string, string> = { hostile: 'test/fixtures/hostile', hostileUnchecked: 'test/fixtures/hostile-unchecked' };

describe('public edition', () => {
  for (const c of CASES) {
    it(`${c.site}: no file under dist/ holds a hidden number or redacted text`, () => {
      const dir = siteDir(c.site);
      const files = allFiles(dir);
      expect(files.length).toBeGreaterThan(5);
      const source = CONTENT[c.site];
      if (source) {
        // Each name is in the fixture's reports, so its absence from the build means something.
        const reports = allFiles(join(ROOT, source, 'reports')).map((f) => readFileSync(join(ROOT, source, 'reports', f), 'utf8')).join('\n');
        for (const phrase of c.redacted) expect(reports, phrase).toContain(phrase);
      }
      for (const file of files) {
        const text = readDecoded(join(dir, file));
        for (const n of c.sentinels) expect(new RegExp(`(?<!\\d)${n}(?!\\d)`).test(text), `${file} contains ${n}`).toBe(false);
        for (const phrase of c.redacted) expect(text.includes(phrase), `${file} contains ${phrase}`).toBe(false);
      }
    });
  }

  it('the internal build of the tables fixture holds its cells’ hidden values (so the check above can fail)', () => {
    const dir = siteDir('tablesInternal');
    const all = allFiles(dir).map((f) => readDecoded(join(dir, f))).join('\n');
    for (const n of ['6613', '2749']) expect(all).toMatch(new RegExp(`(?<!\\d)${n}(?!\\d)`));
    expect(all).toContain('赵某某违纪案');
  });

  it('the internal build of the same content does hold them (so the check above can fail)', () => {
    const dir = siteDir('seriesInternal');
    const all = allFiles(dir).map((f) => readDecoded(join(dir, f))).join('\n');
    for (const n of ['4817', '3629', '5903', '7741', '7698']) expect(all).toMatch(new RegExp(`(?<!\\d)${n}(?!\\d)`));
    expect(all).toContain('王某某插手工程招投标线索');
    // and the search index is among what was read: its decoded fragments hold the internal text
    const index = allFiles(dir).filter((f) => f.startsWith('pagefind/fragment/')).map((f) => readDecoded(join(dir, f))).join('\n');
    expect(index).toContain('王某某插手工程招投标线索');
  });
});

describe('offline', () => {
  it('no page refers to anything outside the site', () => {
    for (const site of ['default', 'seriesPublic'] as const) {
      const dir = siteDir(site);
      for (const file of allFiles(dir).filter((f) => /\.(html|css|js|mjs)$/.test(f))) {
        const text = readFileSync(join(dir, file), 'utf8');
        const external = [...text.matchAll(/(?:src|href|action)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/g)].map((m) => m[0]);
        expect(external, file).toEqual([]);
        expect(text, file).not.toMatch(/@import\s+url\(\s*["']?https?:/);
      }
    }
  });
});
