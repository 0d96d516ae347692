// What every nianbao command shares: Chinese argument errors and one way to stop with a message.
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isPortalFolder } from '../lib/content/content-dir.ts';
import { argsError } from '../lib/cli-args.ts';
import { BaseError, normaliseBase } from '../lib/paths.ts';

/** Stop with exit code 1: what went wrong, then (indented) what to do. */
export function fail(message: string, hint?: string): never {
  console.error(`✗ ${message}${hint ? `\n  → ${hint.split('\n').join('\n    ')}` : ''}`);
  process.exit(1);
}

/**
 * parseArgs, with a mistyped option explained in Chinese next to the usage text, and `--help` / `-h` (when
 * the command declares a `help` option) answered here: `help` printed, exit 0.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T, usage: string, help = usage): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (e) {
    fail(argsError(e), usage);
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    console.log(help);
    process.exit(0);
  }
  return parsed;
}

/** NIANBAO_BASE as the site's sub-path, or stop with why it is not a plain path (in Chinese, no stack). */
export function deployBase(): string {
  try {
    return normaliseBase(process.env.NIANBAO_BASE);
  } catch (e) {
    if (e instanceof BaseError) fail(e.message, e.hint);
    throw e;
  }
}

/** The series folders of a portal (subfolders with a site.yaml), for a message: no YAML is read. */
function seriesNames(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.') && !e.isFile() && existsSync(join(dir, e.name, 'site.yaml')))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

const shownDir = (dir: string) => {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir;
};

/** Stop when `dir` is a portal and `command` acts on one series (new, import, export): name the series to use. */
export function refusePortalSeries(dir: string, command: string, example: string): void {
  if (!isPortalFolder(dir)) return;
  const shown = shownDir(dir);
  const names = seriesNames(dir);
  fail(
    `${shown} 是门户（有 portal.yaml），npm run ${command} 要指定其中的一个系列`,
    `用 NIANBAO_CONTENT 指定系列目录，如 NIANBAO_CONTENT=${join(shown, names[0] ?? '<系列目录名>')} npm run ${command} -- ${example}${names.length ? `\n门户中的系列：${names.join('、')}` : `\n门户中还没有系列：npm run init -- ${join(shown, '<系列目录名>')} --kind <报告类型> 添加一个`}`,
  );
}
