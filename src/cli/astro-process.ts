// How the npm scripts start Astro: from the project folder (Astro places its intermediate files by
// comparing the output folder with its working folder), with telemetry off (intranets are offline and
// no request may leave), and tied to the command that started it (exit-with-parent.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveContentDir } from '../lib/content/content.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ASTRO_BIN = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const EXIT_WITH_PARENT = pathToFileURL(fileURLToPath(new URL('./exit-with-parent.ts', import.meta.url))).href;

export function spawnAstro(argv: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', EXIT_WITH_PARENT, ASTRO_BIN, ...argv], {
    cwd: ROOT,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    // The content folder as this command resolved it (from where it was run), not from the project folder.
    env: { ...env, NIANBAO_CONTENT: resolveContentDir(env), ASTRO_TELEMETRY_DISABLED: '1' },
  });
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
