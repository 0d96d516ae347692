// `--help` on the commands that used to ignore it: build (which crashed swapping dist/) and check.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftInCheckout, runNode } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

const ASTRO = join(ROOT, 'src/cli/astro.ts');
const CHECK = join(ROOT, 'src/cli/check.ts');

describe('--help', () => {
  it('npm run build -- --help prints the usage in Chinese and builds nothing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-help-')), 'site');
    const r = runNode(ASTRO, ['build', '--help', '--outDir', out], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') }, 60_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('用法：npm run build');
    expect(r.stdout).toContain('NIANBAO_EDITION');
    expect(r.output).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
    expect(leftInCheckout(r.pid)).toEqual([]);
  });

  it('npm run dev -- -h prints the usage and starts nothing', () => {
    const r = runNode(ASTRO, ['dev', '-h'], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') }, 60_000);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('用法：npm run dev');
  });

  it('npm run check -- --help prints the usage; an unknown argument is refused with the way to name a folder', () => {
    const help = runNode(CHECK, ['--help'], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') }, 60_000);
    expect(help.status, help.output).toBe(0);
    expect(help.stdout).toContain('用法：npm run check');
    const bad = runNode(CHECK, ['content2'], { NIANBAO_CONTENT: join(ROOT, 'test/fixtures/minimal') }, 60_000);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('npm run check 不接受参数：content2');
    expect(bad.output).toContain('NIANBAO_CONTENT=目录 npm run check');
  });
});
