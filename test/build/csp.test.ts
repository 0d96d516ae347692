// What the Content-Security-Policy relies on, read from the built files of every fixture site: the policy
// in each page's <head>, and nothing inline it would have to allow (Chromium runs it in test/e2e/csp.test.ts).
import { describe, expect, it } from 'vitest';
import { allFiles, inlineParts, readPage } from '../helpers/html.ts';
import { siteDir, sitesToBuild } from '../helpers/sites.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

describe('built pages and the Content-Security-Policy', () => {
  it('the check finds inline code and style when there is some', () => {
    expect(inlineParts('<p style="color:red" onclick="x()">a</p><script>1</script><style>p{}</style><a href="javascript:x()">b</a>')).toHaveLength(5);
    // Markup written inside a quoted attribute value is that attribute's text, which a browser never runs.
    expect(inlineParts('<meta name="description" content="某局</script><script>x()</script><img src=x onerror=y()>"><p>a</p>')).toEqual([]);
    expect(inlineParts('<meta content="a"><script>x()</script>')).toHaveLength(1);
    expect(inlineParts('<script type="module" src="/_astro/a.js"></script><p>style="不是属性" onclick=</p>')).toEqual([]);
  });

  for (const name of sitesToBuild()) {
    it(`${name}: every page carries the policy first in <head> and has nothing inline`, () => {
      const dir = siteDir(name);
      const pages = allFiles(dir).filter((f) => f.endsWith('.html'));
      expect(pages).toContain('404.html');
      for (const file of pages) {
        const html = readPage(dir, file);
        const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => m[1]!.replaceAll('&#39;', "'"));
        expect(policies, file).toEqual([CONTENT_SECURITY_POLICY]);
        expect(html.indexOf('<meta http-equiv="Content-Security-Policy"'), file).toBe(html.indexOf('<meta charset="utf-8">') + '<meta charset="utf-8">'.length);
        expect(inlineParts(html), file).toEqual([]);
      }
    });
  }
});
