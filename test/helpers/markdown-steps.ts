// A report body through the build's Markdown steps, as src/markdown/pipeline.ts runs them: parsed in
// the dialect (parseReport), then each step on the tree with the file (its data.astro.frontmatter).
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { parseReport } from '../../src/markdown/syntax.ts';

export function runSteps(file: VFile, steps: ((tree: never, file: never) => unknown)[]): Root {
  const tree = parseReport(String(file.value)) as unknown as Root;
  for (const step of steps) step(tree as never, file as never);
  return tree;
}
