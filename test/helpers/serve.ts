// Serve a built site on loopback, mounted under its base path as a real deployment would be.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface Served {
  /** Origin plus base, ending in "/": http://127.0.0.1:PORT/reports/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export async function serveSite(dir: string, base = '/'): Promise<Served> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.statusCode = 404;
      res.end('not under base');
      return;
    }
    req.url = '/' + url.slice(base.length);
    handler(req, res, () => {
      // As a web server configured with the site's 404 page would (nginx: error_page 404 …/404.html).
      res.statusCode = 404;
      const page = join(dir, '404.html');
      if (!existsSync(page)) {
        res.end('not found');
        return;
      }
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(readFileSync(page));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
