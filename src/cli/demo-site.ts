// Builds the sample sites of `npm run demo` side by side (each under its own sub-path) with a landing page,
// and serves the folder. Shared by `npm run demo` and `npm run screenshots`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig, REPORT_FILE, reportFiles } from '../lib/content/content.ts';
import { DEMO_SITES, demoBase, LANDING_CSS, landingPage, type DemoSite, type LandingSite } from '../lib/demo.ts';
import { kindById } from '../lib/kinds/index.ts';
import { isPortalFolder } from '../lib/content/content-dir.ts';
import { scanPortal } from '../lib/portal/portal.ts';
import { createSiteServer } from '../lib/site-server.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** In .gitignore: never committed. */
export const DEMO_OUT = join(ROOT, 'dist-demo');
const ASTRO_CLI = join(ROOT, 'src/cli/astro.ts');

export class DemoError extends Error {}

/** What the landing page says about a site, read from its content folder. */
export function landingSite(site: DemoSite, contentDir = join(ROOT, site.content)): LandingSite {
  if (isPortalFolder(contentDir)) {
    // A portal: its portal.yaml, and every series' years.
    const scan = scanPortal(contentDir);
    if (!scan.config) throw new DemoError(`示例 ${site.content}/portal.yaml 有错误：${scan.problems.map((p) => p.message).join('；')}（运行 NIANBAO_CONTENT=${site.content} npm run check 查看）`);
    const years = [...new Set(scan.series.flatMap((s) => reportFiles(s.dir).names.map((name) => Number(REPORT_FILE.exec(name)?.[1]))))];
    return { href: demoBase(site), kindName: `门户：${scan.series.length} 个单位（系列）`, title: scan.config.title, organization: scan.config.organization, description: scan.config.description, years };
  }
  const { site: config, problems } = loadSiteConfig(contentDir);
  if (!config) throw new DemoError(`示例 ${site.content}/site.yaml 有错误：${problems.map((p) => p.message).join('；')}（运行 NIANBAO_CONTENT=${site.content} npm run check 查看）`);
  const years = reportFiles(contentDir).names.map((name) => Number(REPORT_FILE.exec(name)?.[1]));
  return { href: demoBase(site), kindName: kindById(config.kind).name, title: config.title, organization: config.organization, description: config.description, years };
}

/** The landing page and its stylesheet at the top of the demo folder. */
export function writeLanding(out: string, sites: DemoSite[] = DEMO_SITES, described: LandingSite[] = sites.map((s) => landingSite(s))): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), landingPage(described));
  writeFileSync(join(out, 'demo.css'), LANDING_CSS);
}

/** Build every sample site into out/<id>/ (public edition, base /<id>/), one after the other, then the landing page. */
export function buildDemo(out: string = DEMO_OUT, log: (line: string) => void = console.log, sites: DemoSite[] = DEMO_SITES): void {
  const missing = sites.filter((s) => !existsSync(join(ROOT, s.content, 'site.yaml')) && !isPortalFolder(join(ROOT, s.content)));
  if (missing.length) throw new DemoError(`找不到示例内容：${missing.map((s) => s.content).join('、')}（应随项目一起提供；请确认检出完整）`);
  const started = Date.now();
  // Read first: a sample whose site.yaml is broken stops the demo before anything is built.
  const described = sites.map((s) => landingSite(s));
  // npm run build -- --outDir moves the finished site beside the folder, so the parent must exist.
  mkdirSync(out, { recursive: true });
  sites.forEach((site, i) => {
    const base = demoBase(site);
    const dir = join(out, site.id);
    log(`\n[${i + 1}/${sites.length}] 构建示例“${described[i]!.kindName}”：${site.content} → ${relative(ROOT, dir)}/（网址路径 ${base}）`);
    const t = Date.now();
    // Builds run in sequence: two Astro builds in one checkout would share .astro/.
    const r = spawnSync(process.execPath, [ASTRO_CLI, 'build', '--outDir', dir], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NIANBAO_CONTENT: join(ROOT, site.content), NIANBAO_BASE: base, NIANBAO_EDITION: 'public' },
    });
    if (r.status !== 0) throw new DemoError(`示例 ${site.content} 构建失败（见上方输出）`);
    log(`[${i + 1}/${sites.length}] ✓ ${site.content} 用时 ${((Date.now() - t) / 1000).toFixed(0)} 秒`);
  });
  writeLanding(out, sites, described);
  log(`\n✓ 演示网站已生成到 ${relative(ROOT, out) || out}/（${sites.length} 个示例，共用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒）`);
}

export interface ServedDemo {
  /** http://localhost:PORT/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

const NOT_FOUND = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>找不到页面</title><p>找不到这个页面。<a href="/">回到演示首页</a></p></html>';

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Serve the demo folder. When `port` is taken and `tryNext` is set, the next free port (up to ten further) is
 * used instead, so a running `npm start` does not stop the demo.
 */
export async function serveDemo(dir: string, opts: { port?: number; host?: string; tryNext?: boolean } = {}): Promise<ServedDemo> {
  // The same server as npm start (src/lib/site-server.ts): nothing through a symbolic link out of the folder,
  // a Range header judged before a byte is read, the policy as a header on every answer.
  const server = createSiteServer({ root: dir, base: '/', notFoundPage: NOT_FOUND });
  const host = opts.host ?? '127.0.0.1';
  const first = opts.port ?? 4321;
  const last = opts.tryNext && first !== 0 ? first + 10 : first;
  for (let port = first; ; port++) {
    try {
      const bound = await listen(server, port, host);
      const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return { url: `http://${shownHost}:${bound}/`, port: bound, close: () => new Promise((r) => server.close(() => r())) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port >= last) {
        throw new DemoError((e as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `端口 ${port} 已被占用：用 --port 换一个端口` : `无法在 ${host}:${port} 上启动服务：${(e as Error).message}`);
      }
    }
  }
}
