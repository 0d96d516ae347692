// npm run screenshots: build the demo (npm run demo's sites) and photograph its main pages in Chromium, for
// the README. `-- --no-build` reuses dist-demo/ as it is. Pages are taken at their top unless a shot names
// an element to bring into view.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/helpers/chromium.ts';
import { buildDemo, DEMO_OUT, ROOT, serveDemo } from '../src/cli/demo-site.ts';

export const SHOTS_DIR = join(ROOT, 'docs/screenshots');

interface Shot {
  name: string;
  /** Path under the demo server, e.g. demo/2022/. */
  path: string;
  caption: string;
  width?: number;
  height?: number;
  /** Wait for this before the picture (search results are drawn by script). */
  waitFor?: string;
  /** Scroll this element to the top of the window. */
  scrollTo?: string;
}

export const SHOTS: Shot[] = [
  { name: 'landing', path: '', caption: 'npm run demo 的首页：两个示例网站', height: 760 },
  { name: 'home', path: 'demo/', caption: '首页：历年报告和最新一年的主要数字' },
  { name: 'report', path: 'demo/2022/', caption: '一年的报告：目录、主要数字和正文' },
  { name: 'report-notes', path: 'demo/2022/', caption: '报告页：历年重复出现的问题（另见、连续N年）', scrollTo: '#s2' },
  { name: 'report-follow-up', path: 'demo/2022/', caption: '报告页：上一年措施的落实情况', scrollTo: '#follow-up' },
  { name: 'trends', path: 'demo/trends/', caption: '数据趋势：每项数字的历年走势' },
  { name: 'compare', path: 'demo/compare/2021-2022/', caption: '年度对比：两年并排' },
  { name: 'metric', path: 'demo/metrics/micro-power-inspections/', caption: '一个指标：口径、走势和每年引用它的句子' },
  { name: 'measures', path: 'demo/measures/', caption: '问题与措施：历年重复出现的问题和措施' },
  { name: 'search', path: 'demo/search/?q=廉情监督员', caption: '全文检索：结果直达段落', waitFor: '[data-search-results] li' },
  { name: 'report-phone', path: 'demo/2022/', caption: '手机上的报告页（390 像素宽）', width: 390, height: 844 },
  { name: 'gov-info-report', path: 'gov-info/2023/', caption: '政府信息公开工作年度报告：国家格式的统计表', scrollTo: '#s3' },
];

async function take(page: Page, base: string, shot: Shot): Promise<string> {
  await page.setViewportSize({ width: shot.width ?? 1280, height: shot.height ?? 860 });
  await page.goto(base + shot.path, { waitUntil: 'networkidle' });
  if (shot.waitFor) await page.locator(shot.waitFor).first().waitFor({ timeout: 15_000 });
  if (shot.scrollTo) await page.locator(shot.scrollTo).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const file = join(SHOTS_DIR, `${shot.name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
if (!values['no-build']) buildDemo(DEMO_OUT);
mkdirSync(SHOTS_DIR, { recursive: true });
const served = await serveDemo(DEMO_OUT, { port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const shot of SHOTS) {
    const file = await take(page, served.url, shot);
    console.log(`✓ ${relative(ROOT, file)}  ${shot.caption}`);
  }
} finally {
  await browser.close();
  await served.close();
}
