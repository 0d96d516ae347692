// What every nianbao command shares: Chinese argument errors and one way to stop with a message.
import { parseArgs, type ParseArgsConfig } from 'node:util';
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
