// Offices built in memory for the cross-office models: a registry of the kind's own metrics, reports by year.
import { registrySchema } from '../../../src/lib/content/metrics.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';
import type { Office, OfficeReport } from '../../../src/lib/across-offices/offices.ts';
import { kindById, type KindId } from '../../../src/lib/kinds/index.ts';

const registries = new Map<KindId, Office['registry']>();
export function kindRegistry(kind: KindId): Office['registry'] {
  let r = registries.get(kind);
  if (!r) registries.set(kind, (r = registrySchema.parse([...kindById(kind).metrics, ...kindById(kind).rules])));
  return r;
}

export const n = (value: number): StatValue => ({ kind: 'exact', value });
export const atLeast = (value: number): StatValue => ({ kind: 'atLeast', value });
export const masked = (digits = 2): StatValue => ({ kind: 'masked', digits, atLeast: false });
export const MISSING: StatValue = { kind: 'missing' };

export function office(id: string, fields: Partial<Omit<Office, 'reports'>> & { reports?: (Partial<OfficeReport> & { year: number })[] } = {}): Office {
  const kind = fields.kind ?? 'gov-info-disclosure';
  return {
    id,
    organization: fields.organization ?? `某某县${id}`,
    group: fields.group,
    title: fields.title,
    kind,
    registry: fields.registry ?? kindRegistry(kind),
    reports: (fields.reports ?? []).map((r) => ({ stats: {}, ...r })),
  };
}
