// One build, dev server or sync at a time in this checkout, and none of them reusing what Astro left in
// `.astro/` for another content folder or edition. Taken inside the Astro process itself, so it covers
// every way of starting one (the npm scripts, publish, the tests, `npx astro …`) and lasts exactly as
// long as the process that writes: an orphaned build still holds it, a killed one has released it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { acquireCheckoutLock, describeHolder, lockAddress } from '../lib/publish/checkout-lock.ts';

export interface OneBuildOptions {
  contentDir: string;
  edition: string;
  /** Changes whenever Astro's parsed content would differ: edition, content folder, metric registry. */
  variant: string;
}

/** Records which content `.astro/` was last filled from. */
const MARKER = 'nianbao-content.json';
/**
 * What Astro keeps in `.astro/` about the content itself: the dev data store and the lists of content
 * modules and assets. Astro reuses an unchanged entry with its old file path, so after a run on another
 * folder these can point at that folder's files; removed, they are rebuilt from this folder.
 */
const CONTENT_STATE = ['data-store.json', 'data-store', 'content-modules.mjs', 'content-assets.mjs'];

export function oneBuildAtATime({ contentDir, edition, variant }: OneBuildOptions): AstroIntegration {
  return {
    name: 'nianbao:one-build',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command === 'preview') return;
        // Vitest loads the config for module resolution only (getViteConfig in vitest.config.ts): it runs
        // no build and writes no content state, and holding the lock would stall the builds it starts.
        if (process.env.VITEST) return;
        const root = fileURLToPath(config.root);
        // Started by an npm script (npm run dev, npm run publish …) or directly (npx astro build).
        const event = process.env.npm_lifecycle_event;
        await acquireCheckoutLock({
          address: lockAddress(root),
          me: { pid: process.pid, command: event && event !== 'npx' ? `npm run ${event}` : `astro ${command}`, contentDir, edition, since: new Date().toISOString() },
          onWait: (holder) =>
            logger.warn(
              `本仓库中另一个构建或预览正在运行：${describeHolder(holder)}。同一仓库同时只能运行一个（它们共用 .astro/ 目录，同时运行会混入另一份内容），等它结束后自动继续。` +
                '不想等：按 Ctrl+C；需要同时进行，请在另一个仓库副本中运行。',
            ),
        });
        forgetOtherContent(join(root, '.astro'), { contentDir, edition, variant });
      },
    },
  };
}

function forgetOtherContent(dotAstro: string, current: OneBuildOptions) {
  const marker = join(dotAstro, MARKER);
  const wanted = JSON.stringify(current);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return;
  for (const name of CONTENT_STATE) rmSync(join(dotAstro, name), { recursive: true, force: true });
  mkdirSync(dotAstro, { recursive: true });
  writeFileSync(marker, wanted);
}
