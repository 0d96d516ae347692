// Timing one build: wall time, CPU time and peak memory (through /usr/bin/time when the machine has it),
// and the build's phases, split at the moments their closing log lines arrive (Astro's own log only has
// whole seconds). Shared by the nianbao build and the bare baseline so both are cut the same way.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';

const TIME_BIN = '/usr/bin/time';

export const hasTime = (() => {
  try {
    return spawnSync(TIME_BIN, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
})();

/** A phase ends when a log line matching `end` has arrived (matched against the whole log so far). */
export interface PhaseEnd {
  name: string;
  end: RegExp;
}

export interface Timed {
  code: number;
  ms: number;
  cpuS?: number;
  rssMb?: number;
  log: string;
  /** Wall time of each phase seen, in the order given; the remainder after the last is `tail`. */
  phases: Map<string, number>;
}

/** Run a command to completion, timing it and its phases; `tail` names the time after the last phase seen. */
export function timed(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; phases: PhaseEnd[]; tail: string }): Promise<Timed> {
  const timeFile = `${opts.logFile}.time`;
  rmSync(timeFile, { force: true });
  const [bin, argv] = hasTime ? [TIME_BIN, ['-o', timeFile, '-f', '%M %U %S', cmd, ...args]] : [cmd, args];
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(bin, argv, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = createWriteStream(opts.logFile);
    const reached = new Map<string, number>();
    let text = '';
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (b: Buffer) => {
        file.write(b);
        text += b.toString('utf8');
        for (const p of opts.phases) if (!reached.has(p.name) && p.end.test(text)) reached.set(p.name, performance.now() - started);
      });
    }
    child.on('close', (code) => {
      const ms = performance.now() - started;
      file.end();
      const phases = new Map<string, number>();
      let last = 0;
      for (const p of opts.phases) {
        const at = reached.get(p.name);
        if (at === undefined) continue;
        phases.set(p.name, at - last);
        last = at;
      }
      phases.set(opts.tail, ms - last);
      const time = readTime(timeFile);
      done({ code: code ?? 1, ms, log: text, phases, ...(time && { cpuS: time.cpuS, rssMb: time.rssKb / 1024 }) });
    });
  });
}

/** What /usr/bin/time -f '%M %U %S' wrote: peak RSS (KB) and CPU seconds. */
function readTime(file: string): { rssKb: number; cpuS: number } | undefined {
  if (!existsSync(file)) return undefined;
  const m = /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(file, 'utf8'));
  return m ? { rssKb: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]) } : undefined;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
