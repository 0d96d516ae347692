// The official document as PDF: documentHtml printed by headless Chromium (playwright-core), which keeps
// the text layer (text can be searched and copied), embeds the fonts it used (subsets of Noto CJK where
// the 公文 faces are not installed) and draws the table rules. Chromium is found, not downloaded: where it
// is missing the caller is told what to install, and the Word export never needs it.
import { existsSync } from 'node:fs';
import { ExportError } from './names.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export const INSTALL_CHROMIUM = '安装 Chromium 和中文字体：Debian/Ubuntu 用 sudo apt-get install -y chromium fonts-noto-cjk；Windows/macOS 安装 Chrome 或 Edge；已安装在别处的，用 NIANBAO_CHROMIUM=程序路径 指定。Word 文件（.docx）不需要浏览器，照常导出';

/** The browser to print with: NIANBAO_CHROMIUM, else the first one installed in a usual place. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const given = env.NIANBAO_CHROMIUM?.trim();
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export function chromiumMissing(env: Record<string, string | undefined> = process.env): ExportError {
  const given = env.NIANBAO_CHROMIUM?.trim();
  return new ExportError(given ? `NIANBAO_CHROMIUM 指定的浏览器不存在：${given}` : '导出 PDF 需要 Chromium（或 Chrome、Edge），本机没有找到', INSTALL_CHROMIUM);
}

export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** One browser for many documents (the build prints every report with one). */
export async function openPrinter(executablePath = findChromium()): Promise<PdfPrinter> {
  if (!executablePath) throw chromiumMissing();
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true, timeout: 60_000 });
  } catch (e) {
    throw new ExportError(`无法启动浏览器 ${executablePath}：${(e as Error).message.split('\n')[0]}`, INSTALL_CHROMIUM);
  }
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
  // Nothing leaves the machine: the page is a string, and any request it might make is refused.
  await context.route('**/*', (route) => route.abort());
  return {
    async print(html: string) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready).catch(() => undefined);
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** One document as PDF. */
export async function printPdf(html: string, executablePath?: string): Promise<Uint8Array> {
  const printer = await openPrinter(executablePath ?? findChromium());
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
