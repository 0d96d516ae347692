// Build every fixture site once, in sequence (concurrent Astro builds would share `.astro/`).
import { rmSync } from 'node:fs';
import { astroBuild } from './astro-cli.ts';
import { prepareMixedCounty } from './county-mixed.ts';
import { prepareHostilePortal } from './hostile-portal.ts';
import { SITES, siteDir, siteEnv, sitesToBuild, type SiteVariant } from './sites.ts';

/** Content some sites are built from that global setup writes first. */
const PREPARE: Record<NonNullable<SiteVariant['prepare']>, () => void> = { countyMixed: () => prepareMixedCounty(), hostilePortal: () => prepareHostilePortal() };

export default function setup() {
  const started = Date.now();
  const prepared = new Set<string>();
  for (const name of sitesToBuild()) {
    const p = (SITES[name] as SiteVariant).prepare;
    if (p && !prepared.has(p)) {
      PREPARE[p]();
      prepared.add(p);
    }
  }
  for (const name of sitesToBuild()) {
    const out = siteDir(name);
    rmSync(out, { recursive: true, force: true });
    const t = Date.now();
    const r = astroBuild(out, siteEnv(SITES[name]));
    if (r.status !== 0) throw new Error(`测试站点 ${name} 构建失败：\n${r.output.slice(-4000)}`);
    process.stdout.write(`  built ${name} in ${((Date.now() - t) / 1000).toFixed(1)}s\n`);
  }
  process.stdout.write(`  fixture sites built in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}
