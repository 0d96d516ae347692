// npm run demo: the command's arguments, the landing page and the server, over the demo site global setup built
// (test/helpers/sites.ts `demo`: the same content, edition and base the command uses).
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/astro-cli.ts';
import { ROOT, siteDir } from '../helpers/sites.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/lib/csp.ts';
import { DEMO_SITES } from '../../src/lib/demo.ts';
import { buildDemo, DemoError, serveDemo, writeLanding, type ServedDemo } from '../../src/cli/demo-site.ts';

const CLI = join(ROOT, 'src/cli/demo.ts');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-demo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run demo arguments', () => {
  it('prints help in Chinese naming every sample and its path', () => {
    const help = runNode(CLI, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('用法：npm run demo');
    for (const s of DEMO_SITES) expect(help.stdout).toContain(`/${s.id}/`);
  });

  it('refuses a bad port or an unknown option before building anything', () => {
    const port = runNode(CLI, ['--port', 'abc']);
    expect(port.status).toBe(1);
    expect(port.stderr).toContain('--port 必须是 0—65535 之间的整数，收到 abc');
    expect(port.stdout).not.toContain('构建示例');
    const unknown = runNode(CLI, ['--prot', '1']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('用法：npm run demo');
  });

  it('names a sample folder that is missing instead of building half a demo', () => {
    const lines: string[] = [];
    expect(() => buildDemo(join(tmp, 'never'), (l) => lines.push(l), [{ id: 'x', content: 'examples/no-such-sample' }])).toThrow(DemoError);
    expect(() => buildDemo(join(tmp, 'never'), (l) => lines.push(l), [{ id: 'x', content: 'examples/no-such-sample' }])).toThrow('找不到示例内容：examples/no-such-sample');
    expect(lines).toEqual([]);
  });
});

describe('the demo server', () => {
  const out = join(tmp, 'dist-demo');
  const demo = DEMO_SITES.find((s) => s.id === 'demo')!;
  let served: ServedDemo;
  beforeAll(async () => {
    writeLanding(out, [demo]);
    // Copied, not linked: the server follows no link out of the folder (that is tested below).
    cpSync(siteDir('demo'), join(out, 'demo'), { recursive: true });
    served = await serveDemo(out, { port: 0 });
  });
  afterAll(() => served.close());

  it('serves the landing page at / linking the sample under /demo/', async () => {
    expect(served.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const res = await fetch(served.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/demo/"');
    expect(html).toContain('示例经济开发区全面从严治党主体责任年度报告');
    expect(html).toContain('2014—2024年，10 份报告（缺 2019 年）');
    expect(html).toContain('class="sample-notice"');
    const css = await fetch(`${served.url}demo.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('serves the site under its path: pages, assets and the search index', async () => {
    for (const path of ['demo/', 'demo/2022/', 'demo/trends/', 'demo/search/', 'demo/pagefind/pagefind.js', 'demo/data/stats.csv']) {
      const res = await fetch(served.url + path);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${served.url}demo/2024/`)).text()).toContain('class="sample-notice"');
  });

  it('answers a page that is not there with a Chinese 404', async () => {
    const res = await fetch(`${served.url}demo/2019/`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(await res.text()).toContain('找不到这个页面');
  });

  it('sends a page with the policy as a header as well as in its <meta>', async () => {
    const res = await fetch(`${served.url}demo/2022/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  });

  it('moves to the next port when the default one is taken, and says so when a chosen one is', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const next = await serveDemo(out, { port: taken, tryNext: true });
      expect(next.port).toBeGreaterThan(taken);
      await next.close();
      await expect(serveDemo(out, { port: taken })).rejects.toThrow(`端口 ${taken} 已被占用：用 --port 换一个端口`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  describe('the same guards as npm start (src/lib/site-server.ts)', () => {
    const DIGITS = '0123456789';
    const HUGE = '99999999999999999999';
    beforeAll(() => {
      mkdirSync(join(tmp, 'outside'));
      writeFileSync(join(tmp, 'outside/secret.txt'), 'SECRET-OUTSIDE');
      writeFileSync(join(tmp, 'outside/index.html'), 'SECRET-OUTSIDE-INDEX');
      writeFileSync(join(out, 'digits.txt'), DIGITS);
      symlinkSync(join(tmp, 'outside/secret.txt'), join(out, 'secret.txt'));
      symlinkSync('../../outside/secret.txt', join(out, 'demo', 'relative.txt'));
      symlinkSync(join(tmp, 'outside'), join(out, 'docs'), 'dir');
      symlinkSync('/etc/passwd', join(out, 'passwd.txt'));
    });

    it.each(['secret.txt', 'demo/relative.txt', 'docs/', 'docs', 'docs/secret.txt', 'docs/index.html', 'passwd.txt'])(
      '/%s (a link out of the folder, to a file or a folder) → the demo\'s 404, not a byte of it',
      async (path) => {
        const res = await fetch(served.url + path);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
        const body = await res.text();
        expect(body).toContain('找不到这个页面');
        expect(body).not.toMatch(/SECRET-OUTSIDE|root:x:0/);
      },
    );

    it.each([
      [`bytes=-${HUGE}`, 206, DIGITS, 'bytes 0-9/10'],
      ['bytes=-3', 206, '789', 'bytes 7-9/10'],
      ['bytes=999999-', 416, undefined, 'bytes */10'],
      ['bytes=5-2', 200, DIGITS, null],
      ['bytes=0-1,3-4', 200, DIGITS, null],
      ['bytes=abc', 200, DIGITS, null],
    ] as const)('Range: %s → %i, answered rather than dropped', async (range, status, body, contentRange) => {
      const res = await fetch(`${served.url}digits.txt`, { headers: { Range: range } });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-range')).toBe(contentRange);
      const text = await res.text();
      if (body !== undefined) expect(text).toBe(body);
    });

    it('a page is still served after all of that', async () => {
      expect((await fetch(`${served.url}demo/`)).status).toBe(200);
    });
  });
});
