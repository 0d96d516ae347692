// The releases folder: how nianbao knows its own releases, and that clean-up never touches anything else.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  beginTakeover,
  HISTORY_FILE,
  MARKER_FILE,
  pruneReleases,
  readMarker,
  recordHistory,
  recoverTakeover,
  releaseMarkerSchema,
  removeNeverLive,
  removeStrayLinks,
  startHistory,
  writeMarker,
} from '../../../src/lib/publish/release-store.ts';

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
  it('deletes only nianbao’s releases beyond keep; unmarked, adopted and other folders are neither deleted nor counted', () => {
    mkdirSync(join(releases, 'notes'));
    release('20240101-000000-000-manual', false);
    release('20240601-000000-000', false); // from a version that wrote no marker
    const ours = ['20250101-000000-000', '20250102-000000-000', '20250103-000000-000', '20250104-000000-000'].map((n) => release(n));
    expect(pruneReleases(releases, 2, [ours[3], '20240101-000000-000-manual'])).toEqual([ours[1], ours[0]]);
    expect(readdirSync(releases).sort()).toEqual(['20240101-000000-000-manual', '20240601-000000-000', ours[2], ours[3], 'notes']);
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

  it('removeNeverLive removes marked releases DIR never pointed at, keeps the current one and anything unmarked', () => {
    startHistory(releases);
    const live = release('20250101-000000-000');
    recordHistory(releases, 'publish', live);
    const never = release('20250102-000000-000');
    const current = release('20250103-000000-000');
    release('20250104-000000-000-manual', false);
    expect(removeNeverLive(releases, current)).toEqual([never]);
    expect(readdirSync(releases).filter((n) => n !== HISTORY_FILE).sort()).toEqual([live, current, '20250104-000000-000-manual']);
  });

  it('without a history (lost, or from an older version) nothing is judged never-live, and none is started', () => {
    release('20250101-000000-000');
    release('20250102-000000-000');
    startHistory(releases);
    expect(existsSync(join(releases, HISTORY_FILE))).toBe(false);
    expect(removeNeverLive(releases, undefined)).toEqual([]);
    expect(readdirSync(releases)).toHaveLength(2);
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
