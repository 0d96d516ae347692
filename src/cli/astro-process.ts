// How the npm scripts start Astro: from the project folder (Astro places its intermediate files by
// comparing the output folder with its working folder), with telemetry off (intranets are offline and
// no request may leave), and tied to the command that started it (exit-with-parent.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveContentDir } from '../lib/content/content-dir.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const EXIT_WITH_PARENT = pathToFileURL(fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url))).href;
/** Preloaded first, before the TypeScript preload after it is read: see the file. */
export const COMPILE_CACHE = pathToFileURL(fileURLToPath(new URL('./compile-cache.mjs', import.meta.url))).href;

export interface SpawnOptions {
  /**
   * Astro's output kept back (in memory) until releaseOutput(): for a build that starts while the content
   * is still being checked, and is stopped without a word if the check fails.
   */
  held?: boolean;
}

export function spawnAstro(argv: string[], env: NodeJS.ProcessEnv = process.env, options: SpawnOptions = {}): ChildProcess {
  const colour = options.held && process.stdout.isTTY && !env.NO_COLOR && env.FORCE_COLOR === undefined ? { FORCE_COLOR: '1' } : {};
  const child = spawn(process.execPath, ['--import', COMPILE_CACHE, '--import', EXIT_WITH_PARENT, ASTRO_BIN, ...argv], {
    cwd: ROOT,
    stdio: options.held ? ['inherit', 'pipe', 'pipe', 'ipc'] : ['inherit', 'inherit', 'inherit', 'ipc'],
    // The content folder as this command resolved it (from where it was run), not from the project folder.
    env: { ...env, ...colour, NIANBAO_CONTENT: resolveContentDir(env), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (options.held) {
    const kept: [NodeJS.WriteStream, Buffer][] = [];
    held.set(child, kept);
    child.stdout?.on('data', (b: Buffer) => kept.push([process.stdout, b]));
    child.stderr?.on('data', (b: Buffer) => kept.push([process.stderr, b]));
  }
  return child;
}

const held = new WeakMap<ChildProcess, [NodeJS.WriteStream, Buffer][]>();

/** What a held Astro has printed so far, in order, then the rest as it comes. */
export function releaseOutput(child: ChildProcess): void {
  const kept = held.get(child);
  if (!kept) return;
  held.delete(child);
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  for (const [stream, b] of kept) stream.write(b);
  child.stdout?.pipe(process.stdout, { end: false });
  child.stderr?.pipe(process.stderr, { end: false });
}

/** The exit code (128 + n for a signal, as a shell reports it). */
export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((done) => {
    child.on('error', (e) => {
      console.error(`✗ 无法启动 Astro：${e.message}`);
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 + constants.signals[signal] : 1)));
  });
}
