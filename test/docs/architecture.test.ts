// docs/architecture.md names the files where things live; a file moved or renamed must move in the doc too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sites.ts';

const DOC = join(ROOT, 'docs/architecture.md');
const SEARCHED = ['src', 'test', 'docs', 'scripts', 'bench'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)]));
}

describe('docs/architecture.md', () => {
  it('names only files and folders that exist', () => {
    const text = readFileSync(DOC, 'utf8');
    const all = SEARCHED.flatMap((d) => filesUnder(join(ROOT, d))).map((f) => relative(ROOT, f));
    // Every `code span` that is a path (not a pattern such as `src/pages/<name>.astro`): from the project root
    // when it starts with a top folder, else the end of some file's path (`tables/check.ts`, `metrics.ts`).
    const named = [...text.matchAll(/`([^`\s]+)`/g)]
      .map((m) => m[1] as string)
      .filter((s) => !/[<[*]/.test(s) && (/\.(ts|mjs|astro|md|css)$/.test(s) || /^(src|test)\/.+\/$/.test(s)));
    expect(named.length).toBeGreaterThan(40);
    const fromRoot = (p: string) => [...SEARCHED, 'astro.config.mjs', 'README.md'].some((top) => p === top || p.startsWith(`${top}/`));
    const missing = named.filter((p) => (fromRoot(p) ? !existsSync(join(ROOT, p)) : !all.some((f) => f.endsWith(`/${p}`) || f === p)));
    expect(missing).toEqual([]);
  });
});
