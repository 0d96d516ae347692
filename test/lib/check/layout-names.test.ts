// A layout renamed in metrics.yaml (an office's edit): check says so instead of silently dropping that layout's
// figures, sum rules and 口径变化 marks from every year it is in force for.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check.ts';
import { initFiles } from '../../../src/lib/scaffold/init.ts';
import { kindById } from '../../../src/lib/kinds/index.ts';

describe('layout names in metrics.yaml', () => {
  it('a renamed layout is an error naming the kind’s layouts; the registry init writes has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-layout-names-'));
    try {
      mkdirSync(join(dir, 'reports'));
      for (const f of initFiles(kindById('gov-info-disclosure'), dir)) if (!f.path.includes('/')) writeFileSync(join(dir, f.path), f.text);
      const clean = checkContent(dir).problems.filter((p) => p.file === 'metrics.yaml' && p.severity === 'error');
      expect(clean).toEqual([]);
      const yaml = readFileSync(join(dir, 'metrics.yaml'), 'utf8');
      expect(yaml).toMatch(/"2019"|'2019'|\b2019\b/);
      writeFileSync(join(dir, 'metrics.yaml'), yaml.replace(/(?<![-\w])(["']?)2019\1(?=[\],\s}])/g, '"2019版"'));
      const found = checkContent(dir).problems.filter((p) => p.message.includes('2019版'));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'error', file: 'metrics.yaml' });
      expect(found[0]!.message).toContain('2021');
      expect(found[0]!.message).toContain('pre-2019');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
