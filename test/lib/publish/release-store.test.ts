// The releases folder: how nianbao knows its own releases, and that clean-up never touches anything else.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginTakeover,
  HISTORY_FILE,
  readHistory,
  MARKER_FILE,
  pruneReleases,
  readMarker,
  recordHistory,
  recoverTakeover,
  releaseMarkerSchema,
  removeNeverLive,
  removeStrayLinks,
  startHistory,
  unrecordedReleases,
  wayBack,
  writeMarker,
} from '../../../src/lib/publish/release-store.ts';
import { liveStack, readHistoryEntries, type HistoryEntry } from '../../../src/lib/publish/release-history.ts';

let tmp: string;
let releases: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'nianbao-store-'));
  releases = join(tmp, 'site.releases');
  mkdirSync(releases);
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function release(name: string, marked = true): string {
  const dir = join(releases, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), name);
  if (marked) writeMarker(dir, { builtAt: new Date('2025-01-16T01:30:00Z'), edition: 'public', base: '/', years: [2021] });
  return name;
}

describe('the release marker', () => {
  it('the schema accepts what publish writes and nothing that merely looks like it', () => {
    const ok = { nianbao: 'release', format: 1, builtAt: '2025-01-16T01:30:00.000Z', edition: 'internal', base: '/reports/', years: [2021, 2022] };
    expect(releaseMarkerSchema.safeParse(ok).success).toBe(true);
    expect(releaseMarkerSchema.safeParse({ ...ok, nianbao: 'site' }).success).toBe(false);
    expect(releaseMarkerSchema.safeParse({ ...ok, edition: 'draft' }).success).toBe(false);
    expect(releaseMarkerSchema.safeParse({ ...ok, builtAt: '昨天' }).success).toBe(false);
    expect(releaseMarkerSchema.safeParse({ nianbao: 'release' }).success).toBe(false);
  });

  it('readMarker: a folder is nianbao’s only with a valid marker file of its own', () => {
    expect(readMarker(join(releases, release('20250101-000000-000')))).toMatchObject({ nianbao: 'release', years: [2021] });
    const plain = join(releases, release('20250102-000000-000', false));
    expect(readMarker(plain)).toBeUndefined();
    writeFileSync(join(plain, MARKER_FILE), '{not json');
    expect(readMarker(plain)).toBeUndefined();
    rmSync(join(plain, MARKER_FILE));
    symlinkSync(join(releases, '20250101-000000-000', MARKER_FILE), join(plain, MARKER_FILE));
    expect(readMarker(plain)).toBeUndefined();
  });
});

describe('pruneReleases', () => {
  it('with a history: keeps the way back first (what rollback would reach), never deletes an unrecorded release', () => {
    startHistory(releases);
    const [a, b, c, d] = ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000', '20250104-000000-000'].map((n) => release(n));
    const restored = release('20241201-000000-000');
    for (const { action, release: r } of entries(['publish', a], ['publish', b], ['publish', c], ['rollback', b], ['publish', d])) recordHistory(releases, action, r);
    // Live history A, B, D (C was rolled away from): with keep 3, C goes, not A.
    expect(pruneReleases(releases, 3, [d, b])).toEqual([c]);
    expect(pruneReleases(releases, 2, [d, b])).toEqual([a]);
    expect(readdirSync(releases).filter((n) => n !== HISTORY_FILE).sort()).toEqual([restored, b, d]);

    // A, deleted by pruning, put back by hand under its own name: not ours any more, kept and not counted.
    release(a);
    expect(unrecordedReleases(releases)).toEqual([restored, a]);
    expect(pruneReleases(releases, 2, [d])).toEqual([]);
    expect(pruneReleases(releases, 2, [d, b])).toEqual([]);
    expect(readdirSync(releases).filter((n) => n !== HISTORY_FILE).sort()).toEqual([restored, a, b, d]);
    expect(readFileSync(join(releases, HISTORY_FILE), 'utf8')).toMatch(new RegExp(`\\tdeleted\\t${c}\\n.*\\tdeleted\\t${a}\\n`));
  });


  it('deletes only nianbao’s releases beyond keep; unmarked, adopted and other folders are neither deleted nor counted', () => {
    mkdirSync(join(releases, 'notes'));
    release('20240101-000000-000-manual', false);
    release('20240601-000000-000', false); // from a version that wrote no marker
    const ours = ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000', '20250104-000000-000'].map((n) => release(n));
    expect(pruneReleases(releases, 2, [ours[3], '20240101-000000-000-manual'])).toEqual([ours[1], ours[0]]);
    expect(readdirSync(releases).sort()).toEqual(['20240101-000000-000-manual', '20240601-000000-000', ours[2], ours[3], 'notes']);
  });
});

const entries = (...pairs: [HistoryEntry['action'], string][]): HistoryEntry[] => pairs.map(([action, release]) => ({ action, release }));

describe('the history of what was live', () => {
  it('liveStack: a publish is pushed, a rollback drops what was above its release', () => {
    expect(liveStack(entries(['built', 'A'], ['publish', 'A'], ['built', 'B'], ['publish', 'B'], ['built', 'C'], ['publish', 'C']))).toEqual(['A', 'B', 'C']);
    // The sequence: A, B, C, rollback (to B), D — the next rollback goes to B, not to C.
    expect(liveStack(entries(['publish', 'A'], ['publish', 'B'], ['publish', 'C'], ['rollback', 'B'], ['publish', 'D']))).toEqual(['A', 'B', 'D']);
    // Rolling back twice, then publishing: A, E.
    expect(liveStack(entries(['publish', 'A'], ['publish', 'B'], ['publish', 'C'], ['rollback', 'B'], ['rollback', 'A'], ['publish', 'E']))).toEqual(['A', 'E']);
    // Folders moved in were live before the publish that moved them.
    expect(liveStack(entries(['adopted', 'M-manual'], ['publish', 'A'], ['taken-over', 'T'], ['publish', 'B']))).toEqual(['M-manual', 'A', 'T', 'B']);
    // A rollback to something the stack does not hold (chosen by name when the history lacked the current one) is pushed.
    expect(liveStack(entries(['publish', 'A'], ['found-live', 'X'], ['rollback', 'W']))).toEqual(['A', 'X', 'W']);
    // Deleted (pruned): out of the stack, so a folder put back under its name is not the way back.
    expect(liveStack(entries(['publish', 'A'], ['publish', 'B'], ['deleted', 'A'], ['publish', 'C']))).toEqual(['B', 'C']);
    expect(liveStack([])).toEqual([]);
  });

  it('readHistoryEntries skips lines it cannot read; readHistory names only what was live', () => {
    writeFileSync(join(releases, HISTORY_FILE), 't\tbuilt\tA\nt\tpublish\tA\ngarbage\nt\tmoved\tB\nt\tbuilt\tC\n\n');
    expect(readHistoryEntries(releases)).toEqual(entries(['built', 'A'], ['publish', 'A'], ['built', 'C']));
    expect([...(readHistory(releases) ?? [])]).toEqual(['A']);
  });

  it('wayBack follows the history, skipping releases no longer on disk; without a history it goes by name', () => {
    startHistory(releases);
    const [a, b, c, d] = ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000', '20250104-000000-000'].map((n) => release(n));
    // An adopted folder named after a later mtime than every release: by name it would come last.
    const manual = release('20300101-000000-000-manual', false);
    for (const { action, release: r } of entries(['adopted', manual], ['publish', a], ['publish', b], ['publish', c], ['rollback', b], ['publish', d])) recordHistory(releases, action, r);
    expect(wayBack(releases, d)).toEqual({ releases: [b, a, manual], byHistory: true });
    expect(wayBack(releases, a)).toEqual({ releases: [manual], byHistory: true });
    expect(wayBack(releases, manual)).toEqual({ releases: [], byHistory: true });
    rmSync(join(releases, b), { recursive: true });
    expect(wayBack(releases, d).releases).toEqual([a, manual]);

    rmSync(join(releases, HISTORY_FILE));
    expect(wayBack(releases, d)).toEqual({ releases: [c, a], byHistory: false });
    expect(wayBack(releases, manual)).toEqual({ releases: [d, c, a], byHistory: false });
  });
});

describe('clean-up after a kill', () => {
  it('removeStrayLinks removes only symbolic links named like publish’s temporary ones', () => {
    const www = join(tmp, 'www');
    mkdirSync(www);
    symlinkSync('x', join(www, '.site.publish-12-3'));
    writeFileSync(join(www, '.site.publish-12-4'), 'a file');
    symlinkSync('x', join(www, '.site.publish-notes'));
    symlinkSync('x', join(www, '.other.publish-12-3'));
    expect(removeStrayLinks(join(www, 'site'))).toEqual(['.site.publish-12-3']);
    expect(readdirSync(www).sort()).toEqual(['.other.publish-12-3', '.site.publish-12-4', '.site.publish-notes']);
  });

  it('removeNeverLive removes only releases the history says were built and never live; the current, unmarked and unrecorded stay', () => {
    startHistory(releases);
    const live = release('20250101-000000-000');
    recordHistory(releases, 'built', live);
    recordHistory(releases, 'publish', live);
    const never = release('20250102-000000-000');
    recordHistory(releases, 'built', never);
    const current = release('20250103-000000-000');
    recordHistory(releases, 'built', current);
    // Restored by hand (from a backup, another machine): marked, but nothing says publish built it here.
    const restored = release('20241201-000000-000');
    release('20250104-000000-000-manual', false);
    expect(removeNeverLive(releases, current)).toEqual([never]);
    expect(readdirSync(releases).filter((n) => n !== HISTORY_FILE).sort()).toEqual([restored, live, current, '20250104-000000-000-manual']);
    expect(unrecordedReleases(releases)).toEqual([restored]);
  });

  it('removeNeverLive: a release that went live once is never never-live, whatever came after (rolled away from, taken over, found live)', () => {
    startHistory(releases);
    const names = ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000', '20250104-000000-000'].map((n) => release(n));
    recordHistory(releases, 'built', names[0]);
    recordHistory(releases, 'publish', names[0]);
    recordHistory(releases, 'built', names[1]);
    recordHistory(releases, 'rollback', names[1]);
    recordHistory(releases, 'taken-over', names[2]);
    recordHistory(releases, 'built', names[3]);
    recordHistory(releases, 'found-live', names[3]);
    recordHistory(releases, 'rollback', names[0]);
    expect(removeNeverLive(releases, names[0])).toEqual([]);
    expect(readdirSync(releases).filter((n) => n !== HISTORY_FILE)).toHaveLength(4);
  });

  it('without a history (lost, or from an older version) nothing is judged never-live or unrecorded, and none is started', () => {
    release('20250101-000000-000');
    release('20250102-000000-000');
    startHistory(releases);
    expect(existsSync(join(releases, HISTORY_FILE))).toBe(false);
    expect(removeNeverLive(releases, undefined)).toEqual([]);
    expect(unrecordedReleases(releases)).toEqual([]);
    // Nor by recording: a history begun half-way would hide everything before it.
    expect(recordHistory(releases, 'publish', '20250102-000000-000')).toBe(false);
    expect(existsSync(join(releases, HISTORY_FILE))).toBe(false);
    expect(readdirSync(releases)).toHaveLength(2);
  });

  it('startHistory starts none while any release folder is there, adopted ones included', () => {
    release('20240101-000000-000-manual', false);
    startHistory(releases);
    expect(existsSync(join(releases, HISTORY_FILE))).toBe(false);
  });

  it('recoverTakeover moves the folder back only when DIR is missing, and never outside the releases folder', () => {
    const target = join(tmp, 'site');
    const moved = release('20240101-000000-000-manual', false);
    beginTakeover(releases, moved);
    expect(recoverTakeover(releases, target)).toBe(moved);
    expect(existsSync(join(target, 'index.html'))).toBe(true);
    expect(readdirSync(releases)).toEqual([]);

    // DIR exists (the switch finished, or never began): the journal just goes.
    beginTakeover(releases, '20240101-000000-000-manual');
    expect(recoverTakeover(releases, target)).toBeUndefined();
    // A journal naming something else than a release folder is not acted on.
    rmSync(target, { recursive: true });
    mkdirSync(join(tmp, 'elsewhere'));
    writeFileSync(join(releases, '.takeover.json'), JSON.stringify({ moved: '../elsewhere' }));
    expect(recoverTakeover(releases, target)).toBeUndefined();
    expect(existsSync(join(tmp, 'elsewhere'))).toBe(true);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(releases)).toEqual([]);
  });
});
