import { describe, expect, it } from 'vitest';
import { requestTarget } from '../../src/lib/request-path.ts';

describe('requestTarget', () => {
  it('passes ordinary pages, assets and queries through, decoded segments re-encoded', () => {
    expect(requestTarget('/', '/')).toEqual({ kind: 'file', path: '/' });
    expect(requestTarget('/2022/', '/')).toEqual({ kind: 'file', path: '/2022/' });
    expect(requestTarget('/reports/search/?q=%E5%9B%9B%E9%A3%8E&year=2021', '/reports/')).toEqual({ kind: 'file', path: '/search/?q=%E5%9B%9B%E9%A3%8E&year=2021' });
    expect(requestTarget('/_astro/a.B6H0.js', '/')).toEqual({ kind: 'file', path: '/_astro/a.B6H0.js' });
    expect(requestTarget('/%E5%9B%9B/', '/')).toEqual({ kind: 'file', path: '/%E5%9B%9B/' });
    expect(requestTarget('/a//b', '/')).toEqual({ kind: 'file', path: '/a/b' });
  });

  it('sends the bare base and the root to the base', () => {
    expect(requestTarget('/reports', '/reports/')).toEqual({ kind: 'redirect', location: '/reports/' });
    expect(requestTarget('/reports?q=1', '/reports/')).toEqual({ kind: 'redirect', location: '/reports/?q=1' });
    expect(requestTarget('/', '/reports/')).toEqual({ kind: 'redirect', location: '/reports/' });
    expect(requestTarget('/other/2022/', '/reports/')).toEqual({ kind: 'missing' });
    expect(requestTarget('/reportsX/', '/reports/')).toEqual({ kind: 'missing' });
  });

  // Each spelling of "go up one folder" an attacker tries, and the files they are after.
  it.each([
    '/../package.json',
    '/..%2fpackage.json',
    '/..%2Fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/%2E%2E/package.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5cpackage.json',
    '/..\\package.json',
    '/.%2e/package.json',
    '/2022/..%2f..%2fpackage.json',
    '/reports/..%2fseriesPublic%2findex.html',
    '/.env',
    '/.git/config',
    '/%2e/x',
  ])('%s → nothing served (404)', (url) => {
    expect(requestTarget(url, url.startsWith('/reports/') ? '/reports/' : '/')).toEqual({ kind: 'missing' });
  });

  it.each([
    '/%',
    '/%zz',
    '/%e4%b8',
    // overlong UTF-8 for "../" and "/" — not valid UTF-8, so not decoded to anything
    '/%c0%ae%c0%ae%c0%afpackage.json',
    '/%c0%af',
    '/%e0%80%ae%e0%80%ae/package.json',
    '/foo%00bar',
    '/foo%00.html',
    '/%0d%0aSet-Cookie:x',
    'package.json',
    '//evil.example/x',
    'http://evil.example/x',
    '*',
  ])('%s → a bad request (400)', (url) => {
    expect(requestTarget(url, '/')).toEqual({ kind: 'bad' });
  });

  it('double encoding stays literal: %252e%252e%252f names a file called "%2e%2e%2f…", which is not there', () => {
    expect(requestTarget('/%252e%252e%252fpackage.json', '/')).toEqual({ kind: 'file', path: '/%252e%252e%252fpackage.json' });
  });
});
