// Run the project's own build the way `npm run build` does, with a given environment.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sites.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
  /** The command's process id: the folders a build makes beside its target are named with it. */
  pid: number;
}

/**
 * The folders one command left in the checkout (dist.building-<pid>, dist.previous-<pid>): only its own,
 * since other test files build in the same checkout at the same time.
 */
export function leftInCheckout(pid: number | undefined): string[] {
  return readdirSync(ROOT).filter((f) => f.startsWith('dist.') && f.endsWith(`-${pid}`));
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
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}\n${r.stderr}`, pid: r.pid };
}

export function astroBuild(outDir: string, env: Record<string, string>): RunResult {
  return runNode(join(ROOT, 'node_modules/astro/bin/astro.mjs'), ['build', '--outDir', outDir], env);
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Resolves once the output matches; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** End the process and everything it started (its own process group), and wait for it. */
  stop(): Promise<void>;
}

/** Start a long-running script (a dev server, a build to race another) in its own process group. */
export function startNode(script: string, args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env: cleanEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    for (const l of listeners) l();
    resolve(code);
  }));
  return {
    child,
    output: () => text,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (m) {
            listeners.delete(check);
            resolve(m);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`进程已退出（${child.exitCode ?? child.signalCode}），输出中没有 ${pattern}：\n${text.slice(-3000)}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      await exited;
    },
  };
}
