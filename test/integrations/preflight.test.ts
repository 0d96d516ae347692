// `npm run dev` re-checks the content on every save and prints the problems in Chinese; a save that
// produces a warning or an error must never end the server (it used to, on the first one).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode, type Started } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

let dev: Started | undefined;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-dev-'));
afterAll(async () => {
  await dev?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev while the author saves', () => {
  it('prints the warning, then the error, in Chinese, and keeps serving', { timeout: 240_000 }, async () => {
    cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
    const report = join(dir, 'reports/2021.mdx');
    const original = readFileSync(report, 'utf8');
    dev = startNode(join(ROOT, 'src/cli/astro.ts'), ['dev', '--port', '0'], { NIANBAO_CONTENT: dir });
    const [, url] = await dev.waitFor(/Local\s+(http:\/\/\S+?)\/?\s/);
    await dev.waitFor(/watching for file changes/);
    const first = await fetch(url!);
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
    expect((await fetch(url!)).status).toBe(200);
  });
});
