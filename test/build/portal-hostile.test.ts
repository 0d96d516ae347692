// The portal of hostile names (test/helpers/hostile-portal.ts), built: every name the portal's pages show holds
// markup, `</script>` and entities, and must come out as the same text, never as markup — in the HTML, in the
// JSON data attribute the compare page reads, in the series' data files and the search index. An office whose
// figures are all hidden shows none of them anywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_GROUPS, HOSTILE_SERIES, LONG_NAME, PAYLOAD, SENTINELS } from '../helpers/hostile-portal.ts';
import { allFiles, readDecoded, readPage, textOf } from '../helpers/html.ts';
import { siteDir } from '../helpers/sites.ts';
import { executableMarkup } from '../../src/lib/content/html-safety.ts';
import { verifySite } from '../../src/lib/publish/verify-site.ts';

const dir = siteDir('portalHostile');
const PORTAL_PAGES = ['index.html', 'coverage/index.html', 'figures/index.html', 'figures/licensing-decisions/index.html', 'figures/rates/disclosure-rate/index.html', 'review/index.html', 'compare/index.html', 'search/index.html', '404.html'];

describe('a portal whose every name is markup, built', () => {
  it('no page holds markup that can run script (a tag, a handler, a javascript: URL) outside the site’s own scripts', () => {
    const pages = allFiles(dir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    for (const f of pages) {
      const html = readFileSync(join(dir, f), 'utf8');
      expect(executableMarkup(html), f).toEqual([]);
      // Inside a quoted attribute value `<img …>` is only text; anywhere else it would be an element.
      const markup = html.replace(/="[^"]*"/g, '=""');
      expect(/<img\b/i.test(markup), f).toBe(false);
      expect(markup.includes('<script>window.__pwned'), f).toBe(false);
    }
  });

  it('each portal page shows the names exactly as written (no markup, no double escaping)', () => {
    for (const f of PORTAL_PAGES) {
      const text = textOf(readPage(dir, f));
      expect(text, f).toContain(`门户${PAYLOAD}`);
    }
    const home = textOf(readPage(dir, 'index.html'));
    for (const s of Object.values(HOSTILE_SERIES)) expect(home).toContain(s.organization);
    for (const g of HOSTILE_GROUPS) expect(home).toContain(g);
  });

  it('the compare page’s JSON data attribute reads back as the very names, `</script>` included', () => {
    const html = readPage(dir, 'compare/index.html');
    const attr = /data-reports="([^"]*)"/.exec(html)?.[1];
    expect(attr).toBeDefined();
    // Entities decoded as the browser decodes an attribute value (textOf would also drop what looks like a tag).
    const value = attr!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const reports = JSON.parse(value) as { id: string; office: string; group: string }[];
    expect(Object.fromEntries(reports.map((r) => [r.id, [r.office, r.group]]))).toEqual(Object.fromEntries(Object.entries(HOSTILE_SERIES).map(([id, s]) => [id, [s.organization, s.group]])));
  });

  it('the office that hides every figure shows none of them in any file', () => {
    const leaks: string[] = [];
    for (const f of allFiles(dir)) {
      const content = readDecoded(join(dir, f));
      for (const v of SENTINELS) if (content.includes(v)) leaks.push(`${f}: ${v}`);
    }
    expect(leaks).toEqual([]);
    // The figures are there, hidden: the office's row on /figures/ says so.
    expect(textOf(readPage(dir, 'figures/licensing-decisions/index.html'))).toContain('已遮蔽');
  });

  it('the 300-character office name is kept whole, and the release verifies', () => {
    expect(textOf(readPage(dir, 'index.html'))).toContain(LONG_NAME);
    const reportPages = Object.keys(HOSTILE_SERIES).flatMap((id) => [`${id}/2023`, `${id}/2024`]);
    const result = verifySite(dir, { base: '/', years: [], reportPages, edition: 'public' });
    expect(result.checks.filter((c) => !c.ok).map((c) => `${c.label}: ${c.summary}\n  ${c.problems.slice(0, 5).join('\n  ')}`)).toEqual([]);
  });
});
