// How an exported Word file says which metric each figure in its text is (src/lib/export/docx.ts), so that
// importing it binds every figure to the same metric however its sentence reads: a hidden bookmark
// (a name starting with “_”, which Word keeps through edits and does not list) at the figure, named after
// the metric: `_nb_petitions_received`, `_nb_petitions_received__2` for the second citation. Ids longer
// than a bookmark name allows (40 characters) get none, and their figures are bound by their words as in
// any other Word file.
import { METRIC_ID } from '../content/metrics.ts';

const PREFIX = '_nb_';
const MAX_NAME = 40;

/** The bookmark name of the `n`th citation (from 1) of a metric, or undefined when it would be too long. */
export function figureMarkName(metricId: string, n: number): string | undefined {
  const name = `${PREFIX}${metricId.replace(/-/g, '_')}${n > 1 ? `__${n}` : ''}`;
  return name.length <= MAX_NAME && METRIC_ID.test(metricId) ? name : undefined;
}

/** The metric id a bookmark name stands for, when it is one of ours. */
export function metricOfMark(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const id = name.slice(PREFIX.length).replace(/__\d+$/, '').replace(/_/g, '-');
  return METRIC_ID.test(id) ? id : undefined;
}
