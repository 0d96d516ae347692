// The build's content check, on a thread of its own at the lowest priority: Astro, started at the same time,
// gets the cores first (its start-up is the build's critical path) and the check takes what is left: on two
// cores, checking beside Astro at equal priority held Astro's start back by about as long as the check ran.
// On Linux a thread's priority is its own, so the command's main thread still relays Astro's output
// promptly; elsewhere the whole command runs at low priority, which only slows its relaying.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkVerdict } from './check-verdict.ts';

try {
  setPriority(0, 19);
} catch {
  // Not allowed here: the check just runs at normal priority.
}
const { dir, command } = workerData as { dir: string; command: string };
parentPort?.postMessage(await checkVerdict(dir, command));
