// The build's pre-flight check, skipped when nothing it reads has changed. Checking parses every report
// (Astro then parses them again to build), so a rebuild of the same content paid for it twice. A check
// that passed is remembered by a fingerprint of everything it depends on: every file of the content folder
// (names and bytes, read through symlinks as the check reads them) and the checking code itself (src/lib,
// src/markdown), so a changed report, registry or nianbao version checks again. A failed check is never
// remembered as a whole: its problems are listed every time. When something changed (a year added), each
// unchanged report's own checks are still taken from the last run (ReportCheckMemo: keyed by the report,
// the year before it, the rest of the content folder and the code); only the new or changed reports are
// parsed, and the cross-year checks run in full.
//
// A portal (src/lib/portal/) is fingerprinted the same way, as one tree: every series' files are under it.
// Its reports are remembered one by one (keyed by their path in the portal, `zfb-xxgk/reports/2024.mdx`),
// valid while nothing outside the series' reports/ folders has changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { readJson, writeJson } from '../content/cache-file.ts';
import type { CheckResult, ReportCheckMemo } from './check.ts';
import { REPORTS_DIR, type ReportSource } from '../content/content.ts';
import type { Problem } from '../content/problems.ts';
import { hasErrors } from '../content/problems.ts';

/** What the build says about a passed check. */
export interface CheckSummary {
  reports: number;
  metrics: number;
  /** Warnings and notices (listed by npm run check). */
  notes: number;
  /** A portal's number of series. */
  series?: number;
}

/** What a check returns, as far as the cache needs it. */
export interface CheckOutcome {
  problems: Problem[];
}

/**
 * Every file under `dir` (names and bytes) into `hash`, as the check reads it: through symlinks. A linked
 * report, a linked reports/ folder or a linked series is read by the check (and built) from where the link
 * points, so its bytes are what the fingerprint must follow; fingerprinting only plain files and folders
 * let an edited linked report reuse the verdict of the old text. A folder is walked once by its real path
 * (`seen`), so a link back to a parent ends instead of looping. A link that leads nowhere, and anything not
 * a file or folder (a FIFO, which would block if read), is named with what it is: its appearing or
 * disappearing changes the fingerprint, and the check itself says what is wrong with it.
 */
function addTree(hash: ReturnType<typeof createHash>, root: string, dir = root, skip: ReadonlySet<string> = new Set(), seen = new Set<string>()): void {
  let entries;
  try {
    const real = realpathSync(dir);
    if (seen.has(real)) {
      hash.update(`\0walked:${relative(root, dir)}\0${real}\0`);
      return;
    }
    seen.add(real);
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    hash.update(`\0missing:${relative(root, dir)}\0`);
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name);
    if (skip.has(p)) continue;
    const name = relative(root, p);
    let kind: 'folder' | 'file' | 'other' = e.isDirectory() ? 'folder' : e.isFile() ? 'file' : 'other';
    // A symlink (or an entry whose type the file system does not report): what it leads to.
    if (kind === 'other') {
      try {
        const st = statSync(p);
        kind = st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
      } catch (err) {
        hash.update(`\0${name}\0broken:${(err as NodeJS.ErrnoException).code ?? ''}\0`);
        continue;
      }
      if (e.isSymbolicLink()) hash.update(`\0link:${name}\0`);
    }
    if (kind === 'folder') addTree(hash, root, p, skip, seen);
    else if (kind === 'file') {
      hash.update(`\0${name}\0`);
      try {
        hash.update(readFileSync(p));
      } catch (err) {
        // The check itself explains a file it cannot read; here it only makes the fingerprint differ.
        hash.update(`\0unreadable:${(err as NodeJS.ErrnoException).code ?? ''}\0`);
      }
    } else hash.update(`\0${name}\0special\0`);
  }
}

/** A fingerprint of every file under `dir` (names and bytes, through symlinks), without any code. */
export function contentFingerprint(dir: string): string {
  const hash = createHash('sha256');
  addTree(hash, dir);
  return hash.digest('hex');
}

/** A fingerprint of the code in these folders (names and bytes of every file): a changed nianbao version changes it. */
export function codeFingerprint(codeDirs: string[]): string {
  const hash = createHash('sha256');
  for (const d of codeDirs) {
    hash.update(`\0code:${d}\0`);
    addTree(hash, d);
  }
  return hash.digest('hex');
}

/** A fingerprint of the content folder (or portal) without the paths in `skip`, and of the code that checks it. */
export function checkFingerprint(contentDir: string, codeDirs: string[], skip?: string | readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(codeFingerprint(codeDirs));
  hash.update(`\0content:${contentDir}\0`);
  addTree(hash, contentDir, contentDir, new Set(typeof skip === 'string' ? [skip] : skip ?? []));
  return hash.digest('hex');
}

const cacheFile = (cacheDir: string, contentDir: string, what: string) => join(cacheDir, `${createHash('sha256').update(contentDir).digest('hex').slice(0, 16)}.${what}.json`);

/** Per-report problems from the last run, valid while `context` (everything but the reports, and the code) is the same. */
class FileMemo implements ReportCheckMemo {
  private saved: Record<string, Problem[]>;
  private used: Record<string, Problem[]> = {};
  private file: string;
  private context: string;
  private root: string;
  constructor(file: string, context: string, root: string) {
    this.file = file;
    this.context = context;
    this.root = root;
    const s = readJson<{ context: string; reports: Record<string, Problem[]> }>(file);
    this.saved = s.context === context && s.reports ? s.reports : {};
  }
  private key(report: ReportSource, previous: ReportSource | undefined): string {
    // The report's path in the folder checked: in a portal, two series' reports/2024.mdx are two reports.
    const part = (r: ReportSource | undefined) => (r ? [relative(this.root, r.path), r.raw, r.body, r.bodyLineOffset] : null);
    return createHash('sha256').update(JSON.stringify([part(report), part(previous)])).digest('hex');
  }
  get(report: ReportSource, previous: ReportSource | undefined): Problem[] | undefined {
    const k = this.key(report, previous);
    const p = this.saved[k];
    if (p) this.used[k] = p;
    return p;
  }
  set(report: ReportSource, previous: ReportSource | undefined, problems: Problem[]): void {
    this.used[this.key(report, previous)] = problems;
  }
  /** Keep what this run used: reports that were removed or changed drop out. */
  save(): void {
    writeJson(this.file, { context: this.context, reports: this.used });
  }
}

/**
 * Where per-report memos do not depend on the rest of the folder: the reports/ of a content folder, and the
 * reports/ of each series when the folder is a portal (any subfolder's reports/: a folder the check does not
 * read changes nothing it remembers).
 */
function reportFolders(contentDir: string): string[] {
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(contentDir, { withFileTypes: true });
  } catch {
    // No folder: nothing to skip; the check says what is wrong.
  }
  return [join(contentDir, REPORTS_DIR), ...entries.filter((e) => !e.isFile() && e.name !== REPORTS_DIR).map((e) => join(contentDir, e.name, REPORTS_DIR))];
}

function defaultSummary(result: CheckOutcome): CheckSummary {
  const r = result as Partial<CheckResult> & CheckOutcome;
  return { reports: r.reports?.length ?? 0, metrics: r.registry?.metrics.length ?? 0, notes: r.problems.length };
}

/**
 * The summary of a passed check of `contentDir` (a content folder or a portal), from the cache when the
 * fingerprint matches, else by running `check` (and remembering it if it passed). `result` is set only
 * when the check really ran. `summarize` says what a passed check found (by default, a CheckResult's).
 */
export function cachedCheck<R extends CheckOutcome = CheckResult>(
  contentDir: string,
  opts: { cacheDir: string; codeDirs: string[]; check: (memo: ReportCheckMemo) => R; summarize?: (result: R) => CheckSummary },
): { summary: CheckSummary; cached: boolean; result?: R; problems: Problem[] } {
  const fingerprint = checkFingerprint(contentDir, opts.codeDirs);
  const file = cacheFile(opts.cacheDir, contentDir, 'passed');
  // The warnings and notices of a passed check are kept with it: a portal's review page lists them.
  const saved = readJson<{ fingerprint: string; summary: CheckSummary; problems?: Problem[] }>(file);
  if (saved.fingerprint === fingerprint && saved.summary && Array.isArray(saved.problems)) return { summary: saved.summary, cached: true, problems: saved.problems };
  const memo = new FileMemo(cacheFile(opts.cacheDir, contentDir, 'reports'), checkFingerprint(contentDir, opts.codeDirs, reportFolders(contentDir)), contentDir);
  const result = opts.check(memo);
  memo.save();
  const summary = (opts.summarize ?? defaultSummary)(result);
  if (!hasErrors(result.problems)) writeJson(file, { fingerprint, summary, problems: result.problems });
  return { summary, cached: false, result, problems: result.problems };
}
