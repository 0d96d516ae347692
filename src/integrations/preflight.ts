// Before Astro reads any content: check the whole folder and stop with every problem listed,
// so a broken report never produces a half-built site. In dev, re-check on every save.
import type { AstroIntegration } from 'astro';
import { CHECKED_ENV, isPortalFolder } from '../lib/content/content-dir.ts';

// Loaded when a check runs: a build started by the npm scripts has been checked already, and every
// Astro start-up would otherwise pay for loading the whole checker with the config.
const checker = async () => {
  const [{ checkContent }, { formatProblems, hasErrors }] = await Promise.all([import('../lib/check/check.ts'), import('../lib/content/problems.ts')]);
  return { checkContent, formatProblems, hasErrors };
};

export function preflight(contentDir: string): AstroIntegration {
  return {
    name: 'nianbao:preflight',
    hooks: {
      'astro:config:setup': async ({ logger }) => {
        if (process.env[CHECKED_ENV] === contentDir) return;
        const { checkContent, formatProblems, hasErrors } = await checker();
        if (isPortalFolder(contentDir)) {
          // A bare `astro build` on a portal: every series checked, as npm run build does (src/lib/portal/check-portal.ts).
          const { checkPortal, formatPortalCheck } = await import('../lib/portal/check-portal.ts');
          const portal = checkPortal(contentDir);
          if (hasErrors(portal.problems)) {
            const err = new Error(`内容检查未通过，未生成网站。\n\n${formatPortalCheck(portal)}\n\n修改后运行 npm run check 复查。`);
            err.name = 'ContentError';
            (err as { stack?: string }).stack = err.message;
            throw err;
          }
          logger.info(`内容检查通过：${portal.series.length} 个系列${portal.problems.length ? `（${portal.problems.length} 条警告/提示，运行 npm run check 查看）` : ''}`);
          return;
        }
        const result = checkContent(contentDir);
        if (hasErrors(result.problems)) {
          const err = new Error(`内容检查未通过，未生成网站。\n\n${formatProblems(result.problems, contentDir)}\n\n修改后运行 npm run check 复查。`);
          err.name = 'ContentError';
          (err as { stack?: string }).stack = err.message;
          throw err;
        }
        const notes = result.problems.length ? `（${result.problems.length} 条警告/提示，运行 npm run check 查看）` : '';
        logger.info(`内容检查通过：${result.reports.length} 份报告，${result.registry.metrics.length} 个指标${notes}`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        const { checkContent, formatProblems, hasErrors } = await checker();
        const portal = isPortalFolder(contentDir) ? await import('../lib/portal/check-portal.ts') : undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const recheck = (file: string) => {
          if (!file.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const checked = portal ? portal.checkPortal(contentDir) : undefined;
            const result = checked ?? checkContent(contentDir);
            const list = `\n${checked && portal ? portal.formatPortalCheck(checked) : formatProblems(result.problems, contentDir)}`;
            // Called on the logger itself: its methods use `this`, and a detached call threw and ended the dev server.
            if (result.problems.length === 0) logger.info('内容检查通过');
            else if (hasErrors(result.problems)) logger.error(list);
            else logger.warn(list);
          }, 200);
        };
        server.watcher.add(contentDir);
        server.watcher.on('change', recheck);
        server.watcher.on('add', recheck);
        server.watcher.on('unlink', recheck);
      },
    },
  };
}
