// The preload every Astro run gets: it ends with the command that started it, even one killed by SIGKILL,
// and it never keeps a finished run alive.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sites.ts';

const PRELOAD = join(ROOT, 'src/cli/exit-with-parent.ts');

/** A parent that starts `code` in a child the way astro-process.ts does, and prints the child's pid. */
const parentScript = (code: string) => `
  const { spawn } = require('node:child_process');
  const c = spawn(process.execPath, ['--import', ${JSON.stringify(`file://${PRELOAD}`)}, '-e', ${JSON.stringify(code)}], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  console.log(c.pid);
  c.on('exit', (code) => console.log('child exit', code));
`;

const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('exit-with-parent', () => {
  it('a child that finishes exits normally: listening for its parent does not keep it running', () => {
    const r = spawnSync(process.execPath, ['-e', parentScript('console.log("built")')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toContain('built');
    expect(r.stdout).toContain('child exit 0');
  });

  it('a child whose parent is killed with SIGKILL stops, saying why', async () => {
    const parent = spawn(process.execPath, ['-e', parentScript('setInterval(() => {}, 1000)')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    parent.stderr.on('data', (d) => (stderr += d));
    // The child writes to the same stderr: it closes once both are gone.
    const closed = new Promise((resolve) => parent.stderr.once('close', resolve));
    const childPid = await new Promise<number>((resolve) => parent.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
    expect(alive(childPid)).toBe(true);
    parent.kill('SIGKILL');
    for (const end = Date.now() + 60_000; alive(childPid); await sleep(50)) {
      if (Date.now() > end) throw new Error('the child is still running');
    }
    await closed;
    expect(stderr).toContain('启动 Astro 的命令已经结束，Astro 随之停止');
  });
});
