// One Astro build, dev server or sync at a time per checkout. Astro keeps state every run in the checkout
// shares (`.astro/content-modules.mjs`, the dev data store), so two at once can mix content folders.
//
// The lock is a listening local socket, not a file: only one process can listen on a name, and the
// operating system frees it the moment that process ends, however it ends (SIGKILL included), so a lock
// is never left behind by a dead process and there is nothing stale to take over. On Linux the name is
// in the abstract namespace (no file at all); on Windows it is a named pipe. Elsewhere it is a socket
// file, which a dead holder leaves behind: a name nobody answers on is removed and taken.
//
// Whoever connects is told who holds the lock (process, command, content folder) and stays connected:
// the holder's end closes when it exits, which is the waiter's signal to try again. No polling, no timer.
import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Holder {
  pid: number;
  /** How it was started, as a person would type it: `npm run dev`, `astro build`. */
  command: string;
  contentDir: string;
  edition: string;
  /** ISO time it took the lock. */
  since: string;
}

/** The lock's name for one checkout: the same for every path that leads to it (symlinks resolved). */
export function lockAddress(root: string, platform: NodeJS.Platform = process.platform): string {
  const id = createHash('sha256').update(realpathSync(root)).digest('hex').slice(0, 16);
  if (platform === 'linux') return `\0nianbao-astro-${id}`;
  if (platform === 'win32') return `\\\\.\\pipe\\nianbao-astro-${id}`;
  return join(tmpdir(), `nianbao-astro-${id}.sock`);
}

/** Releases the lock (also released when the process ends). */
export type Release = () => Promise<void>;

export interface AcquireOptions {
  address: string;
  me: Holder;
  /** Called each time the lock is found held by another process, before waiting for it. */
  onWait?: (holder: Holder) => void;
}

/** Take the lock, waiting while another process holds it. Resolves once this process holds it. */
export async function acquireCheckoutLock({ address, me, onWait }: AcquireOptions): Promise<Release> {
  for (;;) {
    const server = await listen(address, me);
    if (server) return () => closeServer(server);
    const answer = await ask(address);
    if (answer.kind === 'nobody') {
      // Only a socket file can outlive its process; abstract names and pipes vanish with it.
      if (!address.startsWith('\0') && !address.startsWith('\\\\')) rmSync(address, { force: true });
      continue;
    }
    if (answer.kind === 'gone') continue;
    if (answer.holder.pid === process.pid) {
      // This process already holds it (Astro re-runs its setup in the same process on a dev restart).
      answer.socket.destroy();
      return async () => {};
    }
    onWait?.(answer.holder);
    const { socket } = answer;
    await new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));
  }
}

const sockets = new WeakMap<Server, Set<Socket>>();

function listen(address: string, me: Holder): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const open = new Set<Socket>();
    const server = createServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {});
      // The waiter keeps this connection; it must not keep a finished build alive.
      socket.unref();
      socket.write(`${JSON.stringify(me)}\n`);
    });
    sockets.set(server, open);
    server.once('error', (e: NodeJS.ErrnoException) => (e.code === 'EADDRINUSE' ? resolve(undefined) : reject(e)));
    server.listen(address, () => {
      server.unref();
      resolve(server);
    });
  });
}

type Answer = { kind: 'held'; holder: Holder; socket: Socket } | { kind: 'nobody' } | { kind: 'gone' };

/** Who holds the lock: connect and read the holder's one line. */
function ask(address: string): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    let text = '';
    let done = false;
    const finish = (a: Answer) => {
      if (done) return;
      done = true;
      if (a.kind !== 'held') socket.destroy();
      resolve(a);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) return;
      try {
        finish({ kind: 'held', holder: JSON.parse(text.slice(0, end)) as Holder, socket });
      } catch {
        finish({ kind: 'gone' });
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? { kind: 'nobody' } : { kind: 'gone' }));
    // The holder ended between our listen and our connect: try again.
    socket.on('close', () => finish({ kind: 'gone' }));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Waiters learn of the release from their connection closing.
    for (const s of sockets.get(server) ?? []) s.destroy();
  });
}

/** "进程 123（npm run dev，内容目录 …，对外公开版，自 20:01 起）" for messages. */
export function describeHolder(h: Holder): string {
  const edition = h.edition === 'internal' ? '内部版' : h.edition === 'public' ? '对外公开版' : h.edition;
  const since = new Date(h.since);
  const time = Number.isNaN(since.getTime()) ? '' : `，自 ${since.toLocaleTimeString('zh-CN', { hour12: false })} 起`;
  return `进程 ${h.pid}（${h.command}，内容目录 ${h.contentDir}，${edition}${time}）`;
}
