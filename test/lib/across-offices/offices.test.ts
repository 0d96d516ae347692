import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byGroup, officesFromPortal } from '../../../src/lib/across-offices/offices.ts';
import { loadPortal } from '../../../src/lib/portal/portal.ts';

const portal = loadPortal(join(import.meta.dirname, '../../fixtures/portal'));

describe('the offices of a portal', () => {
  it('the public edition masks every figure that is not public before any model reads it', () => {
    const pub = officesFromPortal(portal, 'public');
    const internal = officesFromPortal(portal, 'internal');
    const jwb = (list: typeof pub) => list.find((o) => o.id === 'jwb-ztzr')!;
    const hiddenIds = jwb(pub).registry.metrics.filter((m) => !m.public).map((m) => m.id);
    const given = jwb(internal).reports.flatMap((r) => Object.entries(r.stats).filter(([id, v]) => hiddenIds.includes(id) && (v.kind === 'exact' || v.kind === 'atLeast')));
    expect(given.length).toBeGreaterThan(0);
    for (const r of jwb(pub).reports) for (const id of hiddenIds) expect(['masked', 'missing', undefined]).toContain(r.stats[id]?.kind);
  });

  it('each office with its kind, group, reports oldest first and each report’s layout', () => {
    const zfb = officesFromPortal(portal, 'internal').find((o) => o.id === 'zfb-xxgk')!;
    expect(zfb).toMatchObject({ kind: 'gov-info-disclosure', group: '区政府', organization: '某某县人民政府办公室' });
    expect(zfb.reports.map((r) => [r.year, r.layout])).toEqual([[2021, '2021'], [2022, '2021']]);
  });

  it('groups in portal.yaml’s order', () => {
    expect(byGroup(officesFromPortal(portal, 'public'), portal.config!.groups).map((g) => [g.name, g.offices.map((o) => o.id)])).toEqual([['区政府', ['zfb-xxgk']], ['部门', ['jwb-ztzr']], ['街道乡镇', ['jd-dhjd']]]);
  });
});
