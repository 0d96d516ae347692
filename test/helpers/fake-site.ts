// A stand-in for the Astro build in publish tests: a small site that passes verification for the
// minimal fixture (one year, 2021), marked with a label so a test can tell which release is served.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function fakeBuild(label: string, opts: { fail?: boolean; brokenLink?: boolean } = {}) {
  return async (outDir: string) => {
    mkdirSync(join(outDir, '2021'), { recursive: true });
    mkdirSync(join(outDir, 'pagefind'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), `<html><body><p>${label}</p><a href="/2021/">2021</a>${opts.brokenLink ? '<a href="/2020/">2020</a>' : ''}</body></html>`);
    writeFileSync(join(outDir, '2021/index.html'), '<html><body><a href="/">首页</a></body></html>');
    writeFileSync(join(outDir, 'pagefind/pagefind.js'), '');
    return opts.fail ? 1 : 0;
  };
}
