// npm start's server, spoken to in raw HTTP as an attacker would: traversal in every encoding, malformed
// escapes, overlong UTF-8, NUL bytes. Always a plain 400/404 with no stack and no server path, and never
// a byte from outside the site folder (the neighbouring fixture sites and package.json are right there).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startNode, type Started } from '../helpers/astro-cli.ts';
import { guardedPage, searchSettled, SEARCH_WORD } from '../helpers/browse.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../src/lib/csp.ts';

const SITE = siteDir('seriesPublicBase');
let server: Started;
let port: number;

beforeAll(async () => {
  server = startNode(join(ROOT, 'src/cli/serve.ts'), ['--dir', SITE, '--port', '0'], { NIANBAO_BASE: '/reports/' });
  const [, p] = await server.waitFor(/网站已在 http:\/\/localhost:(\d+)\/reports\/ 上运行/);
  port = Number(p);
});
afterAll(async () => server?.stop());

interface Raw {
  status: number;
  headers: string;
  body: string;
}

/** Send bytes exactly as given (no client library normalises the path first) and read the whole answer. */
function raw(requestLine: string | Buffer): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), headers: text.slice(0, split), body: text.slice(split + 4) });
    });
    const head = Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    // write, not end: a half-closed client makes Node drop a response still being streamed.
    socket.write(Buffer.concat([Buffer.isBuffer(requestLine) ? requestLine : Buffer.from(requestLine, 'latin1'), head]));
  });
}

const get = (path: string) => raw(`GET ${path}`);

/** What must never appear in an answer to a bad request. */
function expectNothingRevealed(r: Raw, what: string) {
  expect(r.body, what).not.toMatch(/devDependencies|"name": "nianbao"|root:x:0/);
  expect(r.body, what).not.toMatch(/\n\s+at |Error\b|ERR_/);
  expect(r.body, what).not.toContain(ROOT);
  expect(r.body, what).not.toContain(dirname(SITE));
  expect(r.headers, what).not.toContain(ROOT);
}

describe('npm start\'s server', () => {
  it('serves the site under its base, with the policy as a header (frame-ancestors included)', async () => {
    const page = await get('/reports/2022/');
    expect(page.status).toBe(200);
    expect(page.headers).toMatch(/content-type: text\/html/i);
    expect(page.headers).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}`);
    expect(page.headers).toMatch(/X-Content-Type-Options: nosniff/i);
    expect(page.body).toContain('2022年度落实全面从严治党主体责任情况报告');
    expect((await get('/reports/search/?q=%E7%9B%91%E7%9D%A3')).status).toBe(200);
    expect((await get('/reports/pagefind/pagefind.js')).status).toBe(200);
  });

  it('sends / and the bare base to the base; answers other paths with the site\'s 404 page', async () => {
    for (const path of ['/', '/reports']) {
      const r = await get(path);
      expect(r.status, path).toBe(302);
      expect(r.headers, path).toMatch(/^Location: \/reports\/$/m);
    }
    const missing = await get('/reports/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('页面不存在');
    expect(missing.body).toBe(readFileSync(join(SITE, '404.html'), 'utf8'));
    expect((await get('/elsewhere/')).status).toBe(404);
  });

  // package.json sits in the checkout; ../seriesPublic/ is another built site next to this one.
  const TRAVERSALS = [
    '/reports/../package.json',
    '/reports/..%2fpackage.json',
    '/..%2fpackage.json',
    '/reports/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
    '/reports/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/reports/..%2fseriesPublic%2findex.html',
    '/reports/..%5cseriesPublic%5cindex.html',
    '/reports/..\\seriesPublic\\index.html',
    '/reports/%252e%252e%252fseriesPublic%252findex.html',
    '/reports/%25252e%25252e%25252fpackage.json',
    '/reports/%c0%ae%c0%ae%c0%afseriesPublic/index.html',
    '/reports/%e0%80%ae%e0%80%ae/package.json',
    '/reports/%c0%2e%c0%2e/package.json',
    '/reports/2022/index.html%00.txt',
    '/reports/%00',
    '/reports/%',
    '/reports/%zz/',
    '/reports/.%2e/.%2e/package.json',
    '/reports/%2e%2e%5c%2e%2e%5cpackage.json',
    '/reports/..;/package.json',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '//etc/passwd',
    'http://localhost/reports/../package.json',
    '*',
  ];
  it.each(TRAVERSALS)('%s → a plain 400 or 404, nothing from outside the site', async (path) => {
    const r = await get(path);
    expect([400, 404], `${path}: ${r.status}\n${r.body.slice(0, 300)}`).toContain(r.status);
    expectNothingRevealed(r, path);
  });

  it('raw NUL, CR and non-ASCII bytes in the request line, and other methods: still plain answers', async () => {
    for (const line of [Buffer.from('GET /reports/\0/package.json'), Buffer.from('GET /reports/\r/x'), Buffer.concat([Buffer.from('GET /reports/'), Buffer.from([0xc0, 0xae, 0xc0, 0xae]), Buffer.from('/package.json')])]) {
      const r = await raw(line);
      expect([400, 404], JSON.stringify(line.toString('latin1'))).toContain(r.status);
      expectNothingRevealed(r, JSON.stringify(line.toString('latin1')));
    }
    const post = await raw('POST /reports/2022/');
    expect(post.status).toBe(405);
    expect(post.headers).toMatch(/^Allow: GET, HEAD$/m);
    // The server is still up after all of it.
    expect((await get('/reports/')).status).toBe(200);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it('search works under the header policy too (it also governs Pagefind\'s worker)', async () => {
      const origin = `http://127.0.0.1:${port}`;
      const g = await guardedPage(browser, { url: `${origin}/reports/`, origin, close: async () => {} });
      await g.visit(`search/?q=${encodeURIComponent(SEARCH_WORD)}`);
      expect(await searchSettled(g.page)).toBeGreaterThan(0);
      expect(await g.violations()).toEqual([]);
      expect(g.console).toEqual([]);
      expect(g.outside).toEqual([]);
      await g.page.close();
    });
  });
});
