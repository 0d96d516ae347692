// Every numbered item of real published reports, found with its form, title, depth and kind, as their
// hand-checked answer keys list them (test/fixtures/real/). The text goes the way an office's does:
// imported from the published text, then read back from the MDX as check and the build read it.
import { describe, expect, it } from 'vitest';
import { importSource } from '../../../src/lib/import/index.ts';
import { readText } from '../../../src/lib/import/source.ts';
import { makeRegistry } from '../../../src/lib/content/metrics.ts';
import { parseBody } from '../../../src/lib/content/report-body.ts';
import { renderTree } from '../../../src/lib/structure/report-text.ts';
import { buildStructure, items, structureBlocks } from '../../../src/lib/structure/structure.ts';
import { loadAllReal, type AnswerItem, type AnswerSubpoint, type RealReport } from '../../helpers/real-fixtures.ts';

const reports = loadAllReal();

/** The answer key's items in report order: `form kind depth title`; the 一是 inside sub-points nest in the item. */
function expected(list: AnswerItem[], depth = 1): string[] {
  return list.flatMap((i) => [`${i.form} ${i.kind} ${depth} ${i.title}`, ...subpointItems(i.subpoints ?? [], i.kind, depth + 1), ...expected(i.children ?? [], depth + 1)]);
}
function subpointItems(points: AnswerSubpoint[], kind: string, depth: number): string[] {
  return points.flatMap((p) => [...(p.inline ?? []).map((t) => `inline ${kind} ${depth} ${t}`), ...subpointItems(p.subpoints ?? [], kind, depth)]);
}

function structureOf(r: RealReport) {
  const imported = importSource(readText(new TextEncoder().encode(r.text)), { registry: makeRegistry([]), year: r.answers.year, fileName: r.slug });
  const body = parseBody(imported.body);
  if (!body.ok) throw new Error(body.message);
  return buildStructure(structureBlocks(renderTree(body.tree, imported.stats))).structure;
}

describe.each(reports.map((r) => [r.slug, r] as const))('real report %s', (_slug, r) => {
  const structure = structureOf(r);

  it('has the sections of the key, each with its kind', () => {
    expect(structure.sections.map((s) => [s.title, s.kind])).toEqual(r.answers.sections.map((s) => [s.heading, s.kind === 'problems+measures' ? 'problems-then-measures' : s.kind]));
  });

  it('finds every numbered item with its form, kind, depth and title, in order', () => {
    for (const [k, section] of structure.sections.entries()) {
      const key = r.answers.sections[k];
      const found = items({ intro: [], sections: [section] }).map((i) => `${i.item.form} ${i.item.kind} ${i.item.depth} ${i.item.title}`);
      expect(found, section.title).toEqual(expected(key?.items ?? []));
    }
  });

  it('nests each item under the item it is written in, and gives every item its own anchor', () => {
    const all = items(structure);
    const ids = all.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const it of all.filter((i) => i.item.depth === 2)) {
      const parent = all.find((p) => p.id === it.item.parent);
      expect(parent?.item.depth, it.id).toBe(1);
      expect(parent?.item.form, it.id).toMatch(/^paren-/);
    }
  });
});

describe('the corpus as a whole', () => {
  it('holds every form and both halves of a problems-then-measures section', () => {
    const all = reports.flatMap((r) => items(structureOf(r)));
    const forms = new Set(all.map((i) => i.item.form));
    expect([...forms].sort()).toEqual(['inline', 'paren-heading', 'paren-runin']);
    expect(all.filter((i) => i.section.kind === 'problems-then-measures').map((i) => i.item.kind)).toEqual(expect.arrayContaining(['problems', 'measures']));
  });
});
