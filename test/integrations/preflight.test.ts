// `npm run dev` as an author uses it: the preview is styled and its scripts run under the dev policy,
// and it re-checks the content on every save, printing the problems in Chinese; a save that produces a
// warning or an error must never end the server (it used to, on the first one).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startNode, type Started } from '../helpers/astro-cli.ts';
import { guardedPage } from '../helpers/browse.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT } from '../helpers/sites.ts';
import { DEV_CONTENT_SECURITY_POLICY } from '../../src/lib/csp.ts';

let dev: Started;
let url: string;
let browser: Browser | undefined;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-dev-'));
const report = join(dir, 'reports/2021.mdx');
let original: string;

beforeAll(async () => {
  cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
  original = readFileSync(report, 'utf8');
  dev = startNode(join(ROOT, 'src/cli/astro.ts'), ['dev', '--port', '0'], { NIANBAO_CONTENT: dir });
  [, url] = (await dev.waitFor(/Local\s+(http:\/\/\S+?)\/?\s/)) as [string, string];
  await dev.waitFor(/watching for file changes/);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', () => {
  it('shows a styled preview whose scripts run, with no policy violation', { timeout: 120_000 }, async () => {
    browser = await launchChromium();
    const origin = new URL(url).origin;
    const g = await guardedPage(browser, { url: `${origin}/`, origin, close: async () => {} }, { width: 390, height: 844 });
    await g.visit('2021/');
    expect(await g.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(DEV_CONTENT_SECURITY_POLICY);
    // The stylesheets applied (Vite puts them in <style> elements): the header has its colour.
    expect(await g.page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(157, 28, 28)');
    // The contents script ran: closed on a phone.
    expect(await g.page.locator('details[data-collapse-narrow]').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await g.violations()).toEqual([]);
    await g.page.close();
  });

  it('prints the warning, then the error, in Chinese, and keeps serving', { timeout: 240_000 }, async () => {
    const first = await fetch(url);
    expect(first.status, `${await first.text()}\n${dev.output()}`).toBe(200);

    writeFileSync(report, `${original}\n# 一级标题\n`);
    await dev.waitFor(/\[警告\] 第 \d+ 行：正文中用了一级标题（# ）[\s\S]*共 0 个错误，1 个警告/);

    writeFileSync(report, original.replace('  meetings: 7\n', '  meetings: 7\n  no-such-metric: 3\n'));
    await dev.waitFor(/\[错误\] 第 6 行，字段 stats\.no-such-metric：未知指标 no-such-metric[\s\S]*共 1 个错误/);

    expect(dev.child.exitCode).toBeNull();
    expect(dev.output()).not.toMatch(/TypeError|Cannot read properties/);
    // Still serving once the report is fixed again.
    writeFileSync(report, original);
    await dev.waitFor(/内容检查通过\n/);
    expect((await fetch(url)).status).toBe(200);
  });
});
