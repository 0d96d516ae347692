// The build's pre-flight check, skipped when nothing it reads has changed. Checking parses every report
// (Astro then parses them again to build), so a rebuild of the same content paid for it twice. A check
// that passed is remembered by a fingerprint of everything it depends on: every file of the content folder
// (names and bytes) and the checking code itself (src/lib, src/markdown), so a changed report, registry
// or nianbao version checks again. A failed check is never remembered: its problems are listed every time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheckResult } from './check.ts';
import { hasErrors } from './problems.ts';

/** What the build says about a passed check. */
export interface CheckSummary {
  reports: number;
  metrics: number;
  /** Warnings and notices (listed by npm run check). */
  notes: number;
}

function addTree(hash: ReturnType<typeof createHash>, root: string, dir = root): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    hash.update(`\0missing:${relative(root, dir)}\0`);
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) addTree(hash, root, p);
    else if (e.isFile()) {
      hash.update(`\0${relative(root, p)}\0`);
      try {
        hash.update(readFileSync(p));
      } catch (err) {
        // The check itself explains a file it cannot read; here it only makes the fingerprint differ.
        hash.update(`\0unreadable:${(err as NodeJS.ErrnoException).code ?? ''}\0`);
      }
    }
  }
}

/** A fingerprint of the content folder and of the code that checks it. */
export function checkFingerprint(contentDir: string, codeDirs: string[]): string {
  const hash = createHash('sha256');
  for (const d of codeDirs) {
    hash.update(`\0code:${d}\0`);
    addTree(hash, d);
  }
  hash.update(`\0content:${contentDir}\0`);
  addTree(hash, contentDir);
  return hash.digest('hex');
}

const cacheFile = (cacheDir: string, contentDir: string) => join(cacheDir, `${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.json`);

/**
 * The summary of a passed check of `contentDir`, from the cache when the fingerprint matches, else by
 * running `check` (and remembering it if it passed). `result` is set only when the check really ran.
 */
export function cachedCheck(contentDir: string, opts: { cacheDir: string; codeDirs: string[]; check: () => CheckResult }): { summary: CheckSummary; cached: boolean; result?: CheckResult } {
  const fingerprint = checkFingerprint(contentDir, opts.codeDirs);
  const file = cacheFile(opts.cacheDir, contentDir);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint?: string; summary?: CheckSummary };
    if (saved.fingerprint === fingerprint && saved.summary) return { summary: saved.summary, cached: true };
  } catch {
    // no cache yet, or an unreadable one: check
  }
  const result = opts.check();
  const summary = { reports: result.reports.length, metrics: result.registry.metrics.length, notes: result.problems.length };
  if (!hasErrors(result.problems)) {
    try {
      mkdirSync(opts.cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify({ fingerprint, summary }));
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written only means checking again next time
    }
  }
  return { summary, cached: false, result };
}
