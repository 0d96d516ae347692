// The checkout lock with real processes: a second one waits and is told who holds it; the holder's
// end (release, exit, SIGKILL) lets the waiter in; nothing stale is ever left to take over.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode, type Started } from '../../helpers/astro-cli.ts';
import { ROOT } from '../../helpers/sites.ts';
import { acquireCheckoutLock, describeHolder, lockAddress, type Holder } from '../../../src/lib/publish/checkout-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-lock-'));
const CHILD = join(dir, 'hold.mjs');
writeFileSync(
  CHILD,
  `import { acquireCheckoutLock } from ${JSON.stringify(join(ROOT, 'src/lib/publish/checkout-lock.ts'))};
const [raw, command] = process.argv.slice(2);
// An abstract socket name starts with a NUL byte, which cannot travel in argv: "@" stands for it.
const address = raw.startsWith('@') ? '\0' + raw.slice(1) : raw;
const me = { pid: process.pid, command, contentDir: '/srv/content', edition: 'internal', since: new Date().toISOString() };
const release = await acquireCheckoutLock({ address, me, onWait: (h) => console.log('WAIT ' + JSON.stringify(h)) });
console.log('HELD');
// Hold until told to let go (or killed); the open handle keeps the process alive meanwhile.
const keep = setInterval(() => {}, 1 << 30);
process.on('SIGUSR2', async () => { await release(); console.log('RELEASED'); clearInterval(keep); });
`,
);
const started: Started[] = [];
const hold = (address: string, command: string) => {
  const s = startNode(CHILD, [address.replace(/^\0/, '@'), command]);
  started.push(s);
  return s;
};
afterAll(async () => {
  for (const s of started) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const me = (command = 'npm run dev'): Holder => ({ pid: process.pid, command, contentDir: '/work/content', edition: 'public', since: new Date().toISOString() });
const abstract = () => `\0nianbao-test-${randomBytes(6).toString('hex')}`;

describe('checkout lock', () => {
  it('one name per checkout, whatever path leads to it', () => {
    expect(lockAddress(ROOT, 'linux')).toMatch(/^\0nianbao-astro-[0-9a-f]{16}$/);
    expect(lockAddress(`${ROOT}/./test/..`, 'linux')).toBe(lockAddress(ROOT, 'linux'));
    expect(lockAddress(join(ROOT, 'test'), 'linux')).not.toBe(lockAddress(ROOT, 'linux'));
    expect(lockAddress(ROOT, 'win32')).toMatch(/^\\\\\.\\pipe\\nianbao-astro-[0-9a-f]{16}$/);
    expect(lockAddress(ROOT, 'darwin')).toMatch(/nianbao-astro-[0-9a-f]{16}\.sock$/);
  });

  it('a second process waits, told who holds it, and goes on when the holder releases', async () => {
    const address = abstract();
    const release = await acquireCheckoutLock({ address, me: me() });
    const other = hold(address, 'npm run build');
    const [, seen] = await other.waitFor(/WAIT (.*)\n/);
    expect(JSON.parse(seen!)).toMatchObject({ pid: process.pid, command: 'npm run dev', contentDir: '/work/content' });
    expect(other.output()).not.toContain('HELD');
    await release();
    await other.waitFor(/HELD/);
    // Now this process is the one told to wait, until the child lets go.
    const told: Holder[] = [];
    let mine: Promise<() => Promise<void>> | undefined;
    await new Promise<void>((resolve) => {
      mine = acquireCheckoutLock({ address, me: me(), onWait: (h) => (told.push(h), resolve()) });
    });
    expect(told.map((h) => [h.pid, h.command])).toEqual([[other.child.pid, 'npm run build']]);
    process.kill(other.child.pid!, 'SIGUSR2');
    await (await mine!)();
    // The child lets go before it says so: its line may arrive just after the lock does.
    await other.waitFor(/RELEASED/);
  });

  it('a holder killed with SIGKILL leaves nothing behind: the next one gets the lock at once', async () => {
    const address = abstract();
    const holder = hold(address, 'npm run publish');
    await holder.waitFor(/HELD/);
    process.kill(holder.child.pid!, 'SIGKILL');
    await holder.exited;
    const told: Holder[] = [];
    const release = await acquireCheckoutLock({ address, me: me(), onWait: (h) => told.push(h) });
    expect(told).toEqual([]);
    await release();
  });

  it('with a socket file (systems without abstract names), a dead holder\'s file is taken over', async () => {
    const address = join(dir, 'lock.sock');
    const holder = hold(address, 'npm run build');
    await holder.waitFor(/HELD/);
    process.kill(holder.child.pid!, 'SIGKILL');
    await holder.exited;
    expect(existsSync(address)).toBe(true);
    const told: Holder[] = [];
    const release = await acquireCheckoutLock({ address, me: me(), onWait: (h) => told.push(h) });
    expect(told).toEqual([]);
    // Held for real: another process is told to wait.
    const other = hold(address, 'npm run build');
    const [, seen] = await other.waitFor(/WAIT (.*)\n/);
    expect(JSON.parse(seen!).pid).toBe(process.pid);
    await release();
    await other.waitFor(/HELD/);
  });

  it('the same process asking again (Astro restarting its dev server) is not made to wait for itself', async () => {
    const address = abstract();
    const release = await acquireCheckoutLock({ address, me: me() });
    const again = await acquireCheckoutLock({ address, me: me(), onWait: () => expect.fail('waited for itself') });
    await again();
    await release();
  });

  it('describes the holder in Chinese: process, command, content folder, edition', () => {
    expect(describeHolder({ pid: 4242, command: 'npm run dev', contentDir: '/srv/content', edition: 'internal', since: '2026-01-05T08:09:10Z' })).toMatch(
      /^进程 4242（npm run dev，内容目录 \/srv\/content，内部版，自 \d{2}:\d{2}:\d{2} 起）$/,
    );
  });
});
