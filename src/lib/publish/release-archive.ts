// `--archive`: a release as one .tar.gz to carry to a machine with no network. node-tar (npm's own tar)
// rather than the system `tar`: the same archive on every server (Windows included, whose tar
// differs), no file owner or user names of the build machine inside, and errors we can put in words.
import { renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { create } from 'tar';

/** The archive's file name, which is also the one folder it unpacks to: `<DIR's name>-<release>`. */
export function archiveStem(target: string, release: string): string {
  return `${basename(target)}-${release}`;
}

/**
 * Write `releaseDir` to `file` as a gzipped tar whose entries all sit in the folder `stem/`.
 * Written under a temporary name first: `file` is either the whole archive or absent.
 */
export async function writeArchive(releaseDir: string, file: string, stem: string, tmpFile: string, mtime: Date): Promise<void> {
  try {
    await create({ file: tmpFile, gzip: true, portable: true, strict: true, cwd: releaseDir, prefix: stem, mtime }, ['.']);
    renameSync(tmpFile, file);
  } finally {
    rmSync(tmpFile, { force: true });
  }
}
