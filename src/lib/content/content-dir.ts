// Which content folder a command works on, and the word the npm scripts' runner leaves for the build's
// pre-flight check once it has checked that folder itself. Kept apart from content.ts (YAML, zod, the
// schemas) so the runner can start Astro before it has loaded any of that.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function resolveContentDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return resolve(cwd, env.NIANBAO_CONTENT?.trim() || 'content');
}

/** Set by the npm scripts' runner (src/cli/astro.ts) to the content folder it has checked (or is checking, beside the build). */
export const CHECKED_ENV = 'NIANBAO_CONTENT_CHECKED';

/** The file that makes a folder a portal: several series side by side (src/lib/portal/). */
export const PORTAL_FILE = 'portal.yaml';

/** Whether `dir` is a portal (it holds portal.yaml) rather than one series. Cheap: no YAML is read. */
export function isPortalFolder(dir: string): boolean {
  return existsSync(join(dir, PORTAL_FILE));
}
