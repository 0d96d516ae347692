// Two builds (or a dev server and a build) in one checkout share Astro's `.astro/`: they must never mix
// content folders. At the same time they are serialised, each told who it waits for; one after the
// other, a run on another folder must not reuse what `.astro/` kept for the previous one.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode, type Started } from '../helpers/astro-cli.ts';
import { allFiles } from '../helpers/html.ts';
import { ROOT } from '../helpers/sites.ts';
import { acquireCheckoutLock, lockAddress } from '../../src/lib/publish/checkout-lock.ts';

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-onebuild-'));
const started: Started[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** A copy of the minimal fixture whose organisation and one sentence are its own. */
function contentFolder(name: string, organization: string, sentence: string): string {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'test/fixtures/minimal'), dir, { recursive: true });
  const site = join(dir, 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace('organization: 东湖街道党工委', `organization: ${organization}`));
  const report = join(dir, 'reports/2021.mdx');
  writeFileSync(report, readFileSync(report, 'utf8').replace('研究部署党风廉政建设工作。', `研究部署党风廉政建设工作。${sentence}`));
  return dir;
}

/** How the builds below name themselves: as started directly, or by the npm script running this test. */
const EVENT = process.env.npm_lifecycle_event;
const BUILD_COMMAND = EVENT && EVENT !== 'npx' ? `npm run ${EVENT}` : 'astro build';

const siteText = (dir: string) => allFiles(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

describe('two builds in one checkout at the same time', () => {
  it('are serialised, each told which process it waits for, and each site holds only its own content', { timeout: 480_000 }, async () => {
    const a = contentFolder('a', '甲街道党工委', '甲目录独有的句子。');
    const b = contentFolder('b', '乙街道党工委', '乙目录独有的句子。');
    // This test process plays a running `npm run dev` so that both builds start while the lock is held.
    const release = await acquireCheckoutLock({
      address: lockAddress(ROOT),
      me: { pid: process.pid, command: 'npm run dev', contentDir: '/测试/内容', edition: 'public', since: new Date().toISOString() },
    });
    let buildA: Started;
    let buildB: Started;
    try {
      buildA = startNode(ASTRO, ['build', '--outDir', join(tmp, 'out-a')], { NIANBAO_CONTENT: a });
      buildB = startNode(ASTRO, ['build', '--outDir', join(tmp, 'out-b')], { NIANBAO_CONTENT: b });
      started.push(buildA, buildB);
      const waiting = new RegExp(`另一个构建或预览正在运行：进程 ${process.pid}（npm run dev，内容目录 /测试/内容，对外公开版，自 [\\d:]+ 起）`);
      await buildA.waitFor(waiting);
      await buildB.waitFor(waiting);
    } finally {
      await release();
    }
    expect(await buildA.exited, buildA.output().slice(-3000)).toBe(0);
    expect(await buildB.exited, buildB.output().slice(-3000)).toBe(0);
    // Whichever got the lock first, the other waited for it by name.
    const waitedForA = buildB.output().includes(`进程 ${buildA.child.pid}（${BUILD_COMMAND}，内容目录 ${a}，`);
    const waitedForB = buildA.output().includes(`进程 ${buildB.child.pid}（${BUILD_COMMAND}，内容目录 ${b}，`);
    expect([waitedForA, waitedForB].filter(Boolean), `${buildA.output()}\n-----\n${buildB.output()}`).toHaveLength(1);

    const textA = siteText(join(tmp, 'out-a'));
    const textB = siteText(join(tmp, 'out-b'));
    expect(textA).toContain('甲目录独有的句子。');
    expect(textA).toContain('甲街道党工委');
    expect(textA).not.toMatch(/乙目录独有的句子|乙街道党工委/);
    expect(textB).toContain('乙目录独有的句子。');
    expect(textB).not.toMatch(/甲目录独有的句子|甲街道党工委/);
    // The search index is built from the pages, so it holds only its own folder's text too.
    expect(readdirSync(join(tmp, 'out-b', 'pagefind')).length).toBeGreaterThan(0);
  });
});

describe('a dev server on one folder after a dev server on another', () => {
  it('shows its own folder\'s report, not the previous folder\'s file of the same name', { timeout: 240_000 }, async () => {
    // Same report text in both folders, so Astro would see "nothing changed" and keep the old entry.
    const first = contentFolder('dev-1', '东湖街道党工委', '');
    const second = contentFolder('dev-2', '东湖街道党工委', '');
    const dev1 = startNode(join(ROOT, 'src/cli/astro.ts'), ['dev', '--port', '0'], { NIANBAO_CONTENT: first });
    started.push(dev1);
    const [, url1] = await dev1.waitFor(/Local\s+(http:\/\/\S+?)\/?\s/);
    expect((await fetch(`${url1}/2021/`)).status).toBe(200);
    await dev1.stop();
    // The first folder changes after its server stopped; the second server must not show that.
    const report1 = join(first, 'reports/2021.mdx');
    writeFileSync(report1, readFileSync(report1, 'utf8').replace('研究部署党风廉政建设工作。', '研究部署党风廉政建设工作。第一个目录后来加的句子。'));

    const dev2 = startNode(join(ROOT, 'src/cli/astro.ts'), ['dev', '--port', '0'], { NIANBAO_CONTENT: second });
    started.push(dev2);
    const [, url2] = await dev2.waitFor(/Local\s+(http:\/\/\S+?)\/?\s/);
    const page = await fetch(`${url2}/2021/`);
    const html = await page.text();
    expect(page.status, html.slice(0, 2000)).toBe(200);
    expect(html).toContain('研究部署党风廉政建设工作。');
    expect(html).not.toContain('第一个目录后来加的句子');
    await dev2.stop();
  });
});
