// A broken content folder stops the build with every problem listed, and writes nothing.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-cli.ts';
import { ROOT } from '../helpers/sites.ts';

describe('building broken content', () => {
  it('fails, naming each broken file, and leaves no output', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-broken-')), 'dist');
    const r = astroBuild(out, { NIANBAO_CONTENT: resolve(ROOT, 'test/fixtures/broken'), NIANBAO_EDITION: 'public' });
    expect(r.status).not.toBe(0);
    for (const file of ['metrics.yaml', 'reports/2020.mdx', 'reports/2021.mdx', 'reports/2022.mdx', 'reports/2023.mdx', 'reports/2024.mdx', 'reports/notayear.mdx']) {
      expect(r.output).toContain(file);
    }
    expect(r.output).toContain('是否应为 petitions-received');
    expect(r.output).toContain('不是 UTF-8 编码');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown edition instead of guessing', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nianbao-edition-')), 'dist');
    const r = astroBuild(out, { NIANBAO_CONTENT: resolve(ROOT, 'test/fixtures/minimal'), NIANBAO_EDITION: 'intranet' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('NIANBAO_EDITION=intranet 无效');
    expect(existsSync(out)).toBe(false);
  });
});
