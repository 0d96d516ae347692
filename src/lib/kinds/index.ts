// The kinds nianbao knows by name. site.yaml's `kind` picks one; a folder without it is read as `general`
// (and `npm run check` says so), because a guess at a more specific kind would bring the wrong checks.
import type { Kind } from './kind.ts';
import { general } from './general.ts';
import { govInfoDisclosure } from './gov-info-disclosure.ts';
import { partyGovernance } from './party-governance.ts';

export type { Kind, KindCheck, SectionWords } from './kind.ts';
export { PLACEHOLDER } from './kind.ts';

export const KIND_IDS = ['party-governance', 'gov-info-disclosure', 'general'] as const;
export type KindId = (typeof KIND_IDS)[number];

export const KINDS: Record<KindId, Kind> = {
  'party-governance': partyGovernance,
  'gov-info-disclosure': govInfoDisclosure,
  general,
};

/** The kind a folder without `kind:` in site.yaml is read as. */
export const DEFAULT_KIND: KindId = 'general';

export function isKindId(s: unknown): s is KindId {
  return typeof s === 'string' && (KIND_IDS as readonly string[]).includes(s);
}

export function kindById(id: KindId | undefined): Kind {
  return KINDS[id ?? DEFAULT_KIND];
}

/** "party-governance（落实全面从严治党主体责任情况报告）、…": for messages that list the choices. */
export function kindList(sep = '、'): string {
  return KIND_IDS.map((id) => `${id}（${KINDS[id].name}）`).join(sep);
}
