// NIANBAO_BASE that is not a plain path: every command that reads it stops before doing anything, with a
// Chinese message and no stack trace (issue 28).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftInCheckout, runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const CONTENT = { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') };
const STACK = /Error|\bat .*\.(ts|js|mjs):\d+|node:internal/;

describe('a NIANBAO_BASE that is not a plain path', () => {
  it.each(['../x', '/reports/?q=1', '#f', '/my reports/', '/a"b/', "/a'b/", '\\reports\\'])('npm run build refuses %j before building', (base) => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-base-')), 'site');
    const r = runNode(join(ROOT, 'src/cli/astro.ts'), ['build', '--outDir', out], { ...CONTENT, NIANBAO_BASE: base }, 60_000);
    expect(r.status, r.output).toBe(1);
    expect(r.stderr).toContain('✗ NIANBAO_BASE 的值');
    expect(r.stderr).toContain('→ 写成以 / 分隔的路径');
    expect(r.output).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
    expect(leftInCheckout(r.pid)).toEqual([]);
  });

  it('npm start and npm run publish refuse it too', () => {
    const site = mkdtempSync(join(tmpdir(), 'nianbao-base-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
    const serve = runNode(join(ROOT, 'src/cli/serve.ts'), ['--dir', site, '--port', '0'], { NIANBAO_BASE: '../x' }, 60_000);
    const to = join(mkdtempSync(join(tmpdir(), 'nianbao-base-')), 'www');
    const publish = runNode(join(ROOT, 'src/cli/publish.ts'), ['--to', to], { ...CONTENT, NIANBAO_BASE: '/a?b' }, 60_000);
    for (const r of [serve, publish]) {
      expect(r.status, r.output).toBe(1);
      expect(r.stderr).toContain('✗ NIANBAO_BASE 的值');
      expect(r.output).not.toMatch(STACK);
    }
    expect(existsSync(to)).toBe(false);
  });
});
