// The download files of a site built with exports on (NIANBAO_EXPORTS, src/lib/export/site-exports.ts): once
// Astro has written the site, each report of the content folder as this edition's Word file (and PDF, printed
// by one Chromium for all of them) into its page's folder. Off by default: the build then does nothing here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContent } from '../lib/content/content.ts';
import { siteSeries } from '../lib/portal/series-ids.ts';
import type { Edition } from '../lib/content/edition.ts';
import { documentHtml, reportDocument, writeDocx } from '../lib/export/index.ts';
import { openPrinter } from '../lib/export/pdf.ts';
import { exportPath, readSiteExports } from '../lib/export/site-exports.ts';

export function reportExports(options: { contentDir: string; edition: Edition }): AstroIntegration {
  return {
    name: 'nianbao:exports',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const setting = readSiteExports();
        if (!setting.word) return;
        const started = Date.now();
        if (setting.pdfMissing) logger.warn(setting.pdfMissing);
        const out = fileURLToPath(dir);
        // Every series of a portal, each into its own pages' folders (/<series>/<year>/).
        const sites = siteSeries(options.contentDir).map((s) => ({ prefix: s.id ? `${s.id}/` : '', content: loadContent(s.dir) }));
        let count = 0;
        let printer: Awaited<ReturnType<typeof openPrinter>> | undefined;
        try {
          printer = setting.pdf ? await openPrinter() : undefined;
        } catch (e) {
          // The pages already link the PDFs: a build without them would publish dead links, so it stops, saying how to go on.
          throw new Error(`浏览器找到了，但没能启动，无法生成下载用的 PDF：${(e as Error).message.split('\n')[0]}。网站没有生成。改用 NIANBAO_EXPORTS=word 只提供 Word 下载，或修好浏览器（apt-get install -y chromium fonts-noto-cjk）后重新构建`);
        }
        try {
          for (const { prefix, content } of sites) {
            for (const report of content.reports) {
              const doc = reportDocument(content, report, options.edition);
              const write = (path: string, bytes: Uint8Array) => {
                const file = join(out, prefix, path);
                mkdirSync(dirname(file), { recursive: true });
                writeFileSync(file, bytes);
              };
              write(exportPath(report.year, 'docx'), await writeDocx(doc));
              if (printer) write(exportPath(report.year, 'pdf'), await printer.print(documentHtml(doc)));
              count++;
            }
          }
        } finally {
          await printer?.close();
        }
        logger.info(`${count} 份报告的下载文件（Word${printer ? '、PDF' : ''}，${options.edition === 'internal' ? '内部版' : '对外公开版'}）已写入，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      },
    },
  };
}
