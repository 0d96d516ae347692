// Cache entries on disk (the check's result, compiled reports). An entry that is missing or cannot be read
// reads as `{}`, and one that cannot be written is skipped: either way the work is only done again. Entries
// are written to a temporary name and renamed, so a reader never sees half of one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function readJson<T>(file: string): Partial<T> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<T>;
  } catch {
    return {};
  }
}

export function writeJson(file: string, value: unknown): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`; // two builds writing at once never share one
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {}
}
