// DIR.releases/.history: one line per event, oldest first — `<ISO time>\t<action>\t<release>`. It is how
// publish knows what it built and what was live, and in which order: release names are stamps of a build
// time or, for an adopted folder, of the folder's mtime, so their order says nothing about what DIR
// showed when (an adopted folder can be named after any date; a rollback points DIR at an older name).
//
//   built        a release was built and checked, just before it was moved into place (it may never go live)
//   publish      DIR was pointed at a new release
//   rollback     DIR was pointed back at an earlier one
//   taken-over   a nianbao release that stood at DIR as a plain folder was moved in (it was live)
//   adopted      a hand-made folder at DIR was moved in with --adopt (it was live)
//   found-live   DIR pointed at a release the history did not know (re-pointed by hand)
//   deleted      publish deleted it (pruned, or never live): a folder of that name seen later was put back by hand
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HISTORY_FILE = '.history';

export type HistoryAction = 'built' | 'publish' | 'rollback' | 'taken-over' | 'adopted' | 'found-live' | 'deleted';
const LIVE_ACTIONS: ReadonlySet<string> = new Set<HistoryAction>(['publish', 'rollback', 'taken-over', 'adopted', 'found-live']);

export interface HistoryEntry {
  action: HistoryAction;
  release: string;
}

/** Every entry, oldest first, or undefined when there is no history to go by. Lines it cannot read are skipped. */
export function readHistoryEntries(releasesDir: string): HistoryEntry[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(releasesDir, HISTORY_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    const [, action, release] = line.split('\t');
    if (release && (action === 'built' || action === 'deleted' || LIVE_ACTIONS.has(action as string))) entries.push({ action: action as HistoryAction, release });
  }
  return entries;
}

/**
 * The releases DIR has pointed at (since publish last deleted a folder of that name), or undefined when
 * there is no history to go by.
 */
export function readHistory(releasesDir: string): Set<string> | undefined {
  const entries = readHistoryEntries(releasesDir);
  return entries && new Set([...knownReleases(entries)].filter(([, k]) => k.live).map(([r]) => r));
}

/**
 * Add an entry to the history. Returns false, writing nothing, when there is no history file: a history
 * begun half-way (after the file was lost) would claim that nothing went before it — startHistory()
 * alone starts one, in a releases folder that holds no release yet.
 */
export function recordHistory(releasesDir: string, action: HistoryAction, release: string, when = new Date()): boolean {
  const file = join(releasesDir, HISTORY_FILE);
  if (!existsSync(file)) return false;
  appendFileSync(file, `${when.toISOString()}\t${action}\t${release}\n`);
  return true;
}

/**
 * What DIR showed, as a stack: a publish (or anything that went live) is pushed; a rollback to X drops
 * what was above X's last place, so the release rolled away from is not gone back to; what publish
 * deleted leaves it. After publishing
 * A, B, C, rolling back (to B) and publishing D, the stack is A, B, D: the next rollback goes to B.
 */
export function liveStack(entries: HistoryEntry[]): string[] {
  let stack: string[] = [];
  for (const { action, release } of entries) {
    // Deleted by publish: a folder of that name seen later is not the one that was live.
    if (action === 'deleted') stack = stack.filter((r) => r !== release);
    if (!LIVE_ACTIONS.has(action)) continue;
    if (action === 'rollback') {
      const at = stack.lastIndexOf(release);
      if (at >= 0) {
        stack.length = at + 1;
        continue;
      }
    }
    if (stack.at(-1) !== release) stack.push(release);
  }
  return stack;
}

/**
 * What the history says of each release it names, as of its last deletion (a folder put back by hand
 * after publish deleted it starts with a clean slate): built by publish, and whether it was ever live.
 */
function knownReleases(entries: HistoryEntry[]): Map<string, { built: boolean; live: boolean }> {
  const known = new Map<string, { built: boolean; live: boolean }>();
  for (const { action, release } of entries) {
    if (action === 'deleted') {
      known.delete(release);
      continue;
    }
    const k = known.get(release) ?? { built: false, live: false };
    if (action === 'built') k.built = true;
    else k.live = true;
    known.set(release, k);
  }
  return known;
}

/** The releases the history accounts for: every one it names, except those it says publish deleted since. */
export function recordedReleases(entries: HistoryEntry[]): Set<string> {
  return new Set(knownReleases(entries).keys());
}

/** The releases the history says publish built and that never went live. */
export function builtNeverLive(entries: HistoryEntry[]): Set<string> {
  return new Set([...knownReleases(entries)].filter(([, k]) => k.built && !k.live).map(([r]) => r));
}
