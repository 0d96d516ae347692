// The releases folder next to DIR and what publish keeps in it. nianbao knows its own releases by the
// marker file it writes into each one; clean-up and pruning never touch anything else.
//
//   DIR.releases/
//     20250116-093000-123/              a release: .nianbao-release.json inside says nianbao built it
//     20240301-080000-000-manual/       a hand-made folder taken over with --adopt: kept for ever, never counted
//     site-20250116-093000-123.tar.gz   written by --archive; publish never deletes it
//     .building-20250116-093000-123/    a release being built (removed on failure, or by the next publish)
//     .building-empty-…/                an empty folder that stood at DIR, while the link takes its place
//     .history                          what publish built and what DIR showed, oldest first (release-history.ts)
//     .takeover.json                    only while a folder at DIR is being moved in (undone after a kill)
//     .lock                             held while a publish or a rollback runs
import { existsSync, lstatSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write.ts';
import type { Edition } from '../content/edition.ts';
import { builtNeverLive, HISTORY_FILE, liveStack, readHistory, readHistoryEntries, recordedReleases, recordHistory } from './release-history.ts';

export { HISTORY_FILE, readHistory, recordHistory, type HistoryAction } from './release-history.ts';

export const MARKER_FILE = '.nianbao-release.json';
/** Folder names a release can have in DIR.releases (`-manual`: taken over with --adopt). */
export const RELEASE_NAME = /^\d{8}-\d{6}-\d{3}(?:-\d+)?(?:-manual)?$/;
export const BUILDING_PREFIX = '.building-';
const TAKEOVER_FILE = '.takeover.json';
/** Where an empty folder at DIR waits while the link takes its place (removed with rmdir, so only while empty). */
export const EMPTIED_PREFIX = `${BUILDING_PREFIX}empty-`;

export function releasesDirOf(target: string): string {
  return `${target}.releases`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `20250116-093000-123` (local time): sorts in time order. */
export function releaseStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}-${pad(d.getMilliseconds(), 3)}`;
}

function lexists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A release name not yet taken in `dir`: the stamp, or the stamp with -2, -3 … */
export function freeName(dir: string, stamp: string, suffix = ''): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${stamp}${suffix}` : `${stamp}-${i}${suffix}`;
    if (!lexists(join(dir, name)) && !lexists(join(dir, `${BUILDING_PREFIX}${name}`))) return name;
  }
}

/** What publish writes into every release it builds: nothing a reader could not see on the site itself. */
export const releaseMarkerSchema = z.object({
  nianbao: z.literal('release'),
  format: z.number().int().positive(),
  builtAt: z.iso.datetime(),
  edition: z.enum(['public', 'internal']),
  base: z.string(),
  years: z.array(z.number().int()),
});
export type ReleaseMarker = z.infer<typeof releaseMarkerSchema>;

/** The marker of a release folder, or undefined when the folder is not one nianbao built. */
export function readMarker(releaseDir: string): ReleaseMarker | undefined {
  const file = join(releaseDir, MARKER_FILE);
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size > 64 * 1024) return undefined;
    const parsed = releaseMarkerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeMarker(releaseDir: string, info: { builtAt: Date; edition: Edition; base: string; years: number[] }): void {
  const marker: ReleaseMarker = { nianbao: 'release', format: 1, builtAt: info.builtAt.toISOString(), edition: info.edition, base: info.base, years: info.years };
  writeFileSync(join(releaseDir, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}

/** Every release folder in DIR.releases (nianbao's, adopted and from older versions), oldest first. */
export function listReleases(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && RELEASE_NAME.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** The releases nianbao built (they carry the marker): the only ones it ever deletes. */
export function nianbaoReleases(releasesDir: string): string[] {
  return listReleases(releasesDir).filter((r) => readMarker(join(releasesDir, r)) !== undefined);
}

/**
 * Start the history in a releases folder that holds no release yet. Where releases exist but the
 * history was lost, none is created (recordHistory() writes nothing then): a history begun half-way
 * would make the releases before it look never-live, and rollback would stop at its first entry.
 * Without one, rollback goes by name order and nothing is judged never-live.
 */
export function startHistory(releasesDir: string): void {
  if (!existsSync(join(releasesDir, HISTORY_FILE)) && listReleases(releasesDir).length === 0) writeFileSync(join(releasesDir, HISTORY_FILE), '');
}

/** Remove a releases folder that holds nothing but an empty history (a first publish that failed). */
export function removeIfUnused(releasesDir: string): void {
  if (!existsSync(releasesDir)) return;
  const onlyEmptyHistory = readdirSync(releasesDir).every((e) => e === HISTORY_FILE) && (readHistory(releasesDir)?.size ?? 0) === 0;
  if (onlyEmptyHistory) rmSync(releasesDir, { recursive: true, force: true });
}

/**
 * The way back from `current`, nearest first: the releases DIR showed before it, in the order the
 * history says (skipping those no longer on disk), or — without a history — the releases named
 * before it. `byHistory` says which.
 */
export function wayBack(releasesDir: string, current: string): { releases: string[]; byHistory: boolean } {
  const present = listReleases(releasesDir);
  const entries = readHistoryEntries(releasesDir);
  const stack = entries ? liveStack(entries) : [];
  const at = stack.lastIndexOf(current);
  // No history, or one that never saw DIR at `current` (recording failed): names are all there is to go by.
  if (at < 0) return { releases: present.filter((r) => r < current).reverse(), byHistory: false };
  const onDisk = new Set(present);
  const releases = [...new Set(stack.slice(0, at).reverse())].filter((r) => r !== current && onDisk.has(r));
  return { releases, byHistory: true };
}

/**
 * nianbao's releases with a marker that the history does not account for: restored by hand (also under
 * the name of one publish deleted), copied in from elsewhere, or left from before the history. Nothing
 * proves nianbao made them here or what they were, so they are never deleted nor counted, and rollback
 * does not go to them. Empty when there is no history (then nothing is told apart).
 */
export function unrecordedReleases(releasesDir: string): string[] {
  const entries = readHistoryEntries(releasesDir);
  if (!entries) return [];
  const recorded = recordedReleases(entries);
  return nianbaoReleases(releasesDir).filter((r) => !recorded.has(r));
}

/** Delete releases and say so in the history, so that a folder of that name put back later is known not to be ours. */
function deleteReleases(releasesDir: string, names: string[]): void {
  for (const name of names) {
    rmSync(join(releasesDir, name), { recursive: true, force: true });
    try {
      recordHistory(releasesDir, 'deleted', name);
    } catch {
      // Deleted all the same; only a copy put back under this very name would then be taken for ours.
    }
  }
}

/**
 * Delete nianbao's own releases beyond the newest `keep`, never a protected one (the current and the
 * previous release). "Newest" is the way back from the current release first (what rollback would go
 * to), then by name. Adopted, unmarked and unrecorded folders are neither deleted nor counted. Returns
 * the names deleted.
 */
export function pruneReleases(releasesDir: string, keep: number, protect: string[]): string[] {
  const unrecorded = new Set(unrecordedReleases(releasesDir));
  const ours = nianbaoReleases(releasesDir).filter((r) => !unrecorded.has(r));
  const entries = readHistoryEntries(releasesDir);
  const order = [...new Set([...(entries ? liveStack(entries).reverse() : []), ...[...ours].reverse()])].filter((r) => ours.includes(r));
  const protectedSet = new Set(protect.filter(Boolean));
  const room = Math.max(0, keep - ours.filter((r) => protectedSet.has(r)).length);
  const doomed = order.filter((r) => !protectedSet.has(r)).slice(room);
  deleteReleases(releasesDir, doomed);
  return doomed;
}

// —— What a publish killed half-way leaves behind. Call these only while holding the lock. ——

/** Builds (and archives) that never finished. */
export function removeStaleBuilds(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  const removed: string[] = [];
  for (const n of readdirSync(releasesDir).filter((n) => n.startsWith(BUILDING_PREFIX))) {
    if (n.startsWith(EMPTIED_PREFIX)) {
      // Was DIR: goes only while it is still empty.
      try {
        rmdirSync(join(releasesDir, n));
        removed.push(n);
      } catch {
        // Not empty any more: someone's files, kept.
      }
      continue;
    }
    rmSync(join(releasesDir, n), { recursive: true, force: true });
    removed.push(n);
  }
  return removed;
}

/** The temporary name a new link to DIR gets before it is renamed over DIR. */
export function tempLinkName(target: string, n: number): string {
  return `.${basename(target)}.publish-${process.pid}-${n}`;
}

/** Temporary links next to DIR that were never renamed over it. Only symbolic links of that exact name form. */
export function removeStrayLinks(target: string): string[] {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.publish-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const stray = names.filter((n) => n.startsWith(prefix) && /^\d+-\d+$/.test(n.slice(prefix.length)) && lstatSync(join(dir, n)).isSymbolicLink());
  for (const n of stray) rmSync(join(dir, n), { force: true });
  return stray;
}

/**
 * nianbao's releases that the history says were built and never live (built and checked, then killed
 * before the switch). Only those: a release the history does not name may be someone's, restored by hand.
 */
export function removeNeverLive(releasesDir: string, current: string | undefined): string[] {
  const entries = readHistoryEntries(releasesDir);
  if (!entries) return [];
  const never = builtNeverLive(entries);
  const doomed = nianbaoReleases(releasesDir).filter((r) => r !== current && never.has(r));
  deleteReleases(releasesDir, doomed);
  return doomed;
}

// —— Taking over a folder at DIR: two renames with no DIR in between, so the first is journalled. ——

export function beginTakeover(releasesDir: string, moved: string): void {
  writeFileAtomic(join(releasesDir, TAKEOVER_FILE), `${JSON.stringify({ moved })}\n`, { overwrite: true });
}

export function endTakeover(releasesDir: string): void {
  rmSync(join(releasesDir, TAKEOVER_FILE), { force: true });
}

/**
 * After a publish killed between moving DIR's folder away and putting the link in its place: move
 * the folder back. Returns the release name it was moved back from, if it was.
 */
export function recoverTakeover(releasesDir: string, target: string): string | undefined {
  const file = join(releasesDir, TAKEOVER_FILE);
  if (!existsSync(file)) return undefined;
  let moved: unknown;
  try {
    moved = (JSON.parse(readFileSync(file, 'utf8')) as { moved?: unknown }).moved;
  } catch {
    moved = undefined;
  }
  let restored: string | undefined;
  const ours = typeof moved === 'string' && (RELEASE_NAME.test(moved) || (moved.startsWith(EMPTIED_PREFIX) && RELEASE_NAME.test(moved.slice(EMPTIED_PREFIX.length))));
  if (ours && !lexists(target) && lexists(join(releasesDir, moved as string))) {
    renameSync(join(releasesDir, moved as string), target);
    restored = moved as string;
  }
  endTakeover(releasesDir);
  return restored;
}
