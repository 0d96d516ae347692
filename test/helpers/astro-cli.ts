// Run the project's own build the way `npm run build` does, with a given environment.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './sites.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

/** The environment a user's shell would have: vitest's own variables (BASE_URL=/, MODE, …) would leak into Astro's import.meta.env. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|VITE_|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$|NIANBAO_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

export function runNode(script: string, args: string[], env: Record<string, string> = {}, timeout = 240_000): RunResult {
  const r = spawnSync(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}` };
}

export function astroBuild(outDir: string, env: Record<string, string>): RunResult {
  return runNode(join(ROOT, 'node_modules/astro/bin/astro.mjs'), ['build', '--outDir', outDir], env);
}
