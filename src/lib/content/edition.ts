// Which edition a build produces. Public is the default so that forgetting the variable never leaks.
import type { Metric } from './metrics.ts';
import { maskStat, type StatValue } from './stat.ts';

export type Edition = 'public' | 'internal';
export const EDITIONS: Edition[] = ['public', 'internal'];

export function readEdition(env: Record<string, string | undefined> = process.env): Edition {
  const raw = (env.NIANBAO_EDITION ?? '').trim().toLowerCase();
  if (raw === '') return 'public';
  if (raw === 'public' || raw === 'internal') return raw;
  throw new Error(`NIANBAO_EDITION=${env.NIANBAO_EDITION} 无效：只能是 public（对外公开版，默认）或 internal（内部版）。`);
}

/** The value a reader of this edition may see. */
export function visibleStat(metric: Pick<Metric, 'public'> | undefined, value: StatValue, edition: Edition): StatValue {
  if (edition === 'internal' || metric?.public) return value;
  return maskStat(value);
}
