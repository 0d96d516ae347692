// A portal written as an attacker and a careless clerk would (test/build/portal-hostile.test.ts,
// test/e2e/portal-hostile.test.ts): every name the portal's own pages show — portal.yaml's title, organization,
// description and groups, each series' organization and title — holds markup that would run script if it were
// ever written as HTML (`</script>` for a JSON data attribute, a quoted handler, entities, an RTL override); one
// office's name is 300 characters; one office hides every figure. Built from three series of examples/county,
// two years each, so check passes and the build is small.
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_PORTAL, ROOT } from './sites.ts';

/** Sets window.__pwned (or opens a dialog) wherever it runs. */
export const PAYLOAD = `</script><script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2;alert(2)">&amp;&lt;b&gt;\u202Eevil\u202C'javascript:window.__pwned=3`;
export const LONG_NAME = '青禾县某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某局'.repeat(6).slice(0, 300);

export const HOSTILE_GROUPS = [`县政府${PAYLOAD}`, '部门</script>', '乡镇街道'];
export const HOSTILE_SERIES = {
  /** Payload in every name; every figure public. */
  'a-xxgk': { from: 'cgz-xxgk', organization: `某局${PAYLOAD}`, title: `报告${PAYLOAD}`, group: HOSTILE_GROUPS[0]!, hideAll: false },
  /** A 300-character office name; every figure hidden. */
  'b-xxgk': { from: 'lxjd-xxgk', organization: LONG_NAME, title: `${LONG_NAME}政府信息公开工作年度报告`, group: HOSTILE_GROUPS[1]!, hideAll: true },
  'c-ztzr': { from: 'jyj-ztzr', organization: `党组${PAYLOAD}`, title: `主体责任${PAYLOAD}`, group: HOSTILE_GROUPS[2]!, hideAll: false },
} as const;

const quoted = (s: string) => JSON.stringify(s);

/**
 * b-xxgk's figures that no sum rule ties to another (as in test/helpers/county-mixed.ts), set to numbers no other
 * file holds: a leak of any of them is found by a plain search of every output file.
 */
const SENTINEL_FIGURES = { 2023: { 'licensing-decisions': 731904, 'penalty-decisions': 731905 }, 2024: { 'licensing-decisions': 731906, 'penalty-decisions': 731907 } } as const;
export const SENTINELS = Object.values(SENTINEL_FIGURES).flatMap((y) => Object.values(y).map(String));

export function prepareHostilePortal(dir = HOSTILE_PORTAL): void {
  rmSync(dir, { recursive: true, force: true });
  const source = join(ROOT, 'examples/county');
  for (const [id, s] of Object.entries(HOSTILE_SERIES)) {
    cpSync(join(source, s.from), join(dir, id), { recursive: true });
    for (const f of readdirSync(join(dir, id, 'reports'))) if (!/^202[34]\.mdx$/.test(f)) rmSync(join(dir, id, 'reports', f));
    const site = join(dir, id, 'site.yaml');
    writeFileSync(
      site,
      readFileSync(site, 'utf8')
        .replace(/^organization:.*$/m, `organization: ${quoted(s.organization)}`)
        .replace(/^title:.*$/m, `title: ${quoted(s.title)}`)
        .replace(/^group:.*$/m, `group: ${quoted(s.group)}`),
    );
    if (s.hideAll) {
      const metrics = join(dir, id, 'metrics.yaml');
      writeFileSync(metrics, readFileSync(metrics, 'utf8').replace(/public: true/g, 'public: false'));
      for (const [year, figures] of Object.entries(SENTINEL_FIGURES)) {
        const report = join(dir, id, 'reports', `${year}.mdx`);
        let text = readFileSync(report, 'utf8');
        for (const [metric, value] of Object.entries(figures)) text = text.replace(new RegExp(`^(  ${metric}): .*$`, 'm'), `$1: ${value}`);
        writeFileSync(report, text);
      }
    }
  }
  writeFileSync(
    join(dir, 'portal.yaml'),
    [`title: ${quoted(`门户${PAYLOAD}`)}`, `organization: ${quoted(`主办${PAYLOAD}`)}`, `description: ${quoted(`说明${PAYLOAD}`)}`, `groups: [${HOSTILE_GROUPS.map(quoted).join(', ')}]`, ''].join('\n'),
  );
}
