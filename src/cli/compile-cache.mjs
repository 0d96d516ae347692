// Preloaded (node --import) into the npm scripts' commands and the Astro they start, before any TypeScript
// is read: Node keeps the type-stripped sources and V8's compiled code on disk (its own cache folder, the
// one Astro itself uses), so a command does not strip and compile the same files again on every run —
// about 0.1 s for each process and each thread that loads TypeScript, more for the content check.
// Plain JavaScript because it must run before the TypeScript loader is first needed.
import module from 'node:module';

module.enableCompileCache?.();
