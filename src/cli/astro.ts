// Runs the Astro CLI for the npm scripts: telemetry off (intranets are offline, and no request may leave),
// and the content folder and edition announced so nobody publishes the wrong one by accident.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../lib/content.ts';
import { readEdition } from '../lib/edition.ts';
import { normaliseBase } from '../lib/paths.ts';

const args = process.argv.slice(2);
let edition;
try {
  edition = readEdition();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
const editionLabel = edition === 'public' ? '对外公开版（public）' : '内部版（internal，含未公开数字）';
if (args[0] !== 'preview') {
  console.log(`nianbao：内容目录 ${resolveContentDir()}，${editionLabel}，路径前缀 ${normaliseBase(process.env.NIANBAO_BASE)}`);
}
const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
const r = spawnSync(process.execPath, [astroBin, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(r.status ?? 1);
