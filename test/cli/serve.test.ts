// npm start's server, spoken to in raw HTTP as an attacker would: traversal in every encoding, malformed
// escapes, overlong UTF-8, NUL bytes. Always a plain 400/404 with no stack and no server path, and never
// a byte from outside the site folder (the neighbouring fixture sites and package.json are right there).
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
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
function raw(requestLine: string | Buffer, opts: { port?: number; headers?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect(opts.port ?? port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      // A dropped connection (no answer at all) gives status NaN.
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), headers: text.slice(0, split), body: text.slice(split + 4) });
    });
    const head = Buffer.from(` HTTP/1.1\r\nHost: localhost\r\n${opts.headers ?? ''}Connection: close\r\n\r\n`, 'latin1');
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

// A small site made by hand next to files it must never serve: links out of it, and byte ranges.
describe('npm start\'s server: what a link in the site leads to, and Range headers', () => {
  let tmp: string;
  let site: string;
  let small: Started;
  let smallPort: number;
  const at = (path: string, headers = '') => raw(`GET ${path}`, { port: smallPort, headers });
  const DIGITS = '0123456789';

  beforeAll(async () => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'nianbao-serve-')));
    site = join(tmp, 'dist');
    mkdirSync(join(site, '2022'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>首页</title>');
    writeFileSync(join(site, '404.html'), '<!doctype html><title>页面不存在</title>');
    writeFileSync(join(site, '2022/index.html'), '<!doctype html><title>2022</title>');
    writeFileSync(join(site, 'digits.txt'), DIGITS);
    writeFileSync(join(site, 'empty.txt'), '');
    mkdirSync(join(tmp, 'outside'));
    writeFileSync(join(tmp, 'outside/secret.txt'), 'SECRET-OUTSIDE');
    writeFileSync(join(tmp, 'outside/index.html'), 'SECRET-OUTSIDE-INDEX');
    symlinkSync('/etc/passwd', join(site, 'passwd.txt'));
    symlinkSync(join(tmp, 'outside/secret.txt'), join(site, 'secret.txt'));
    symlinkSync('../outside/secret.txt', join(site, '2022', 'relative.txt'));
    symlinkSync(join(tmp, 'outside'), join(site, 'docs'));
    symlinkSync('/etc', join(site, 'etc'));
    symlinkSync('digits.txt', join(site, 'inside.txt'));
    symlinkSync('2022', join(site, 'latest'));
    // Served through a link to the site, as --dir DIR of a publish would be.
    symlinkSync(site, join(tmp, 'www'));
    small = startNode(join(ROOT, 'src/cli/serve.ts'), ['--dir', join(tmp, 'www'), '--port', '0'], { NIANBAO_BASE: '/' });
    const [, p] = await small.waitFor(/网站已在 http:\/\/localhost:(\d+)\/ 上运行/);
    smallPort = Number(p);
  });
  afterAll(async () => {
    await small?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each(['/passwd.txt', '/secret.txt', '/secret', '/2022/relative.txt', '/docs/', '/docs', '/docs/secret.txt', '/docs/index.html', '/etc/passwd', '/etc/hostname'])(
    '%s (a link out of the site, to a file or a folder) → 404, not a byte of it',
    async (path) => {
      const r = await at(path);
      expect(r.status, path).toBe(404);
      expect(r.body).toContain('页面不存在');
      expect(r.body).not.toMatch(/SECRET-OUTSIDE|root:x:0/);
    },
  );

  it('links that stay inside the site are served; the site itself may be a link', async () => {
    expect((await at('/inside.txt')).body).toBe(DIGITS);
    expect((await at('/latest/')).body).toContain('<title>2022</title>');
    expect((await at('/')).body).toContain('<title>首页</title>');
  });

  it('the 404 page is not read through a link out of the site either', async () => {
    rmSync(join(site, '404.html'));
    symlinkSync(join(tmp, 'outside/secret.txt'), join(site, '404.html'));
    try {
      const r = await at('/no-such-page/');
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('SECRET-OUTSIDE');
    } finally {
      rmSync(join(site, '404.html'));
      writeFileSync(join(site, '404.html'), '<!doctype html><title>页面不存在</title>');
    }
  });

  const HUGE = '99999999999999999999';
  it.each([
    [`bytes=-${HUGE}`, 206, DIGITS, 'bytes 0-9/10'],
    [`bytes=0-${HUGE}`, 206, DIGITS, 'bytes 0-9/10'],
    ['bytes=0-4', 206, '01234', 'bytes 0-4/10'],
    ['bytes=0-0', 206, '0', 'bytes 0-0/10'],
    ['bytes=-3', 206, '789', 'bytes 7-9/10'],
    ['bytes=7-', 206, '789', 'bytes 7-9/10'],
    [`bytes=${HUGE}-`, 416, undefined, 'bytes */10'],
    [`bytes=${HUGE}-${HUGE}`, 416, undefined, 'bytes */10'],
    ['bytes=10-', 416, undefined, 'bytes */10'],
    ['bytes=-0', 416, undefined, 'bytes */10'],
    ['bytes=5-2', 200, DIGITS, undefined],
    ['bytes=0-1,3-4', 200, DIGITS, undefined],
    ['bytes=0-1,5-2', 200, DIGITS, undefined],
    ['bytes=abc', 200, DIGITS, undefined],
    ['bytes=1-2-3', 200, DIGITS, undefined],
    ['items=0-1', 200, DIGITS, undefined],
    [`bytes=${'1'.repeat(5000)}-`, 416, undefined, 'bytes */10'],
  ] as const)('Range: %s → %i, the connection kept', async (range, status, body, contentRange) => {
    const r = await at('/digits.txt', `Range: ${range}\r\n`);
    expect(r.status, r.headers).toBe(status);
    if (body !== undefined) expect(r.body).toBe(body);
    if (contentRange) expect(r.headers).toMatch(new RegExp(`^Content-Range: ${contentRange.replace(/[*]/g, '\\*')}$`, 'mi'));
    else expect(r.headers).not.toMatch(/^Content-Range:/im);
    if (status !== 416) expect(r.headers).toMatch(new RegExp(`^Content-Length: ${body?.length}$`, 'mi'));
    expectNothingRevealed(r, range);
  });

  it('an empty file, HEAD, If-Range of another version, If-None-Match: still plain answers', async () => {
    expect((await at('/empty.txt', 'Range: bytes=0-\r\n')).status).toBe(416);
    expect((await at('/empty.txt')).status).toBe(200);
    const head = await raw('HEAD /digits.txt', { port: smallPort, headers: 'Range: bytes=-3\r\n' });
    expect(head.status).toBe(206);
    expect(head.body).toBe('');
    const whole = await at('/digits.txt', 'Range: bytes=0-1\r\nIf-Range: "another-version"\r\n');
    expect(whole.status).toBe(200);
    expect(whole.body).toBe(DIGITS);
    const etag = /^ETag: (.*)$/im.exec((await at('/digits.txt')).headers)?.[1] as string;
    expect((await at('/digits.txt', `Range: bytes=0-1\r\nIf-Range: ${etag}\r\n`)).body).toBe('01');
    expect((await at('/digits.txt', `If-None-Match: ${etag}\r\n`)).status).toBe(304);
    // Up and quiet after all of it.
    expect((await at('/')).status).toBe(200);
    expect(small.output()).not.toMatch(/\n\s+at |✗/);
  });
});
