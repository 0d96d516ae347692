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

/** The src/lib/ folders a file imports (`../check/check.ts` from src/lib/content/ → `check`; src/markdown → `markdown`). */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => join(file, '..', m[1] as string));
  return [...new Set(targets.map((t) => relative(join(ROOT, 'src'), t).split('/')).map((parts) => (parts[0] === 'lib' ? (parts.length > 2 ? (parts[1] as string) : 'lib') : (parts[0] as string))))];
}

describe('layers (docs/architecture.md, “Loading, checking, the portal”)', () => {
  const lib = (folder: string) => filesUnder(join(ROOT, 'src/lib', folder)).filter((f) => f.endsWith('.ts'));
  const offenders = (folder: string, allowed: string[]) =>
    lib(folder).flatMap((f) => importedFolders(f).filter((d) => d !== folder && !allowed.includes(d)).map((d) => `${relative(ROOT, f)} → ${d}`));

  it('loading (src/lib/content/) imports no checking, portal, tables, structure or series code', () => {
    // kinds: site.yaml's kind ids and the layouts a report names; markdown: the one report parser.
    expect(offenders('content', ['kinds', 'markdown'])).toEqual([]);
  });

  it('checking (src/lib/check/) never imports the portal; the portal is built on both', () => {
    expect(lib('check').flatMap((f) => importedFolders(f).filter((d) => d === 'portal').map(() => relative(ROOT, f)))).toEqual([]);
    expect(offenders('portal', ['content', 'check', 'kinds'])).toEqual([]);
  });

  it('the cross-office views (src/lib/across-offices/) sit on top: no loading, checking, portal or series code imports them', () => {
    const below = ['content', 'check', 'portal', 'series', 'kinds', 'structure', 'tables'];
    expect(below.flatMap((folder) => lib(folder).filter((f) => importedFolders(f).includes('across-offices')).map((f) => relative(ROOT, f)))).toEqual([]);
    expect(lib('across-offices').length).toBeGreaterThan(3);
  });
});
