// Paths as the person at the terminal typed and reads them. `npm run` starts scripts in the project
// folder, but remembers where the user was in INIT_CWD: a file named on the command line is found from there.
import { isAbsolute, relative, resolve } from 'node:path';

export function userCwd(env: Record<string, string | undefined> = process.env): string {
  return env.INIT_CWD || process.cwd();
}

export function userPath(p: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(userCwd(env), p);
}

/** Relative to where the user is when that is shorter and inside it; absolute otherwise. */
export function shownPath(p: string, env: Record<string, string | undefined> = process.env): string {
  const rel = relative(userCwd(env), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}
