// Where passed checks are kept and which code they depend on: read by the npm scripts' runner before it
// loads any checking code, and by the portal's pages, which list the warnings of the check that let them build.
import { join } from 'node:path';

/** The cache folder under the project (node_modules/.astro/check) and the code whose change makes a check run again. */
export function checkCacheSetup(root: string): { cacheDir: string; codeDirs: string[] } {
  return { cacheDir: join(root, 'node_modules/.astro/check'), codeDirs: [join(root, 'src/lib'), join(root, 'src/markdown')] };
}
