// Compiled reports kept between builds. Astro compiles every report's MDX again on every build (it keeps
// parsed content between builds, not compiled modules), so adding one year, or building the same content
// again (npm start, publish), paid for all of them: a second at 80 years, three at 320. Each compiled
// module is kept under Astro's cache folder for this edition and content (astro.config.mjs names one per
// combination), keyed by the report's exact text and path, the code that compiles it (src/markdown,
// src/lib, astro.config.mjs, the lockfile and the versions of Astro and MDX) and everything the pipeline is given (edition, metric registry,
// section words); anything else and it is compiled afresh. All entries live in one file, read once and
// written once at the end of a build that changed it, holding only the entries that build used: a file per
// report cost a second of every cold build at 320 years (an open and a rename each, ~2 ms apiece here).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readJson, writeJson } from '../lib/content/cache-file.ts';
import { codeFingerprint } from '../lib/check/check-cache.ts';

/** The plugin @astrojs/mdx registers with Vite to compile .mdx files. */
const MDX_PLUGIN = '@mdx-js/rolldown';
const PACKAGES = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri'];

export interface MdxCacheOptions {
  /** The project folder (node_modules/ is read for the versions of the compiling packages). */
  root: string;
  /** The code that shapes a compiled report: src/markdown, src/lib. */
  codeDirs: string[];
  /** Everything else the pipeline is given, as text: edition, registry, section words. */
  inputs: string;
}

type TransformResult = { code: string; map?: unknown; meta?: unknown };
type Handler = (this: unknown, code: string, id: string) => Promise<TransformResult | undefined | null>;

/** The installed dependencies: the lockfile (every package, hast-util-sanitize's fixes included) and the compilers' own versions. */
function packageVersions(root: string): string {
  let lock = 'no lockfile';
  try {
    lock = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
  } catch {}
  return `${lock}\0` + PACKAGES.map((name) => {
    try {
      return `${name}@${(JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  }).join(',');
}

export function mdxCompileCache(options: MdxCacheOptions): AstroIntegration {
  let file = '';
  let salt = '';
  let saved: Record<string, TransformResult> = {};
  const used: Record<string, TransformResult> = {};
  let hits = 0;
  let misses = 0;
  return {
    name: 'nianbao:mdx-cache',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        file = join(fileURLToPath(config.cacheDir), 'compiled-reports.json');
        salt = createHash('sha256').update(codeFingerprint(options.codeDirs)).update(`\0${packageVersions(options.root)}\0`).update(options.inputs).digest('hex');
        const kept = readJson<{ salt: string; entries: Record<string, TransformResult> }>(file);
        saved = kept.salt === salt && kept.entries ? kept.entries : {};
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'nianbao:mdx-cache',
                configResolved(resolved: { plugins: readonly { name: string; transform?: unknown }[] }) {
                  const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN);
                  const transform = mdx?.transform as { handler?: Handler } | undefined;
                  if (!transform?.handler) return; // another @astrojs/mdx: compile as it does
                  const compile = transform.handler;
                  transform.handler = async function (code, id) {
                    const key = createHash('sha256').update(`${id}\0`).update(code).digest('hex');
                    const kept = saved[key];
                    if (typeof kept?.code === 'string') {
                      hits++;
                      used[key] = kept;
                      return kept;
                    }
                    misses++;
                    const result = await compile.call(this, code, id);
                    if (result) used[key] = result;
                    return result;
                  };
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ logger }) => {
        if (!file) return;
        if (misses || Object.keys(saved).some((key) => !(key in used))) writeJson(file, { salt, entries: used });
        if (hits) logger.info(`${hits} 份报告沿用上次编译的结果（内容和程序都没有改动），${misses} 份重新编译`);
      },
    },
  };
}
