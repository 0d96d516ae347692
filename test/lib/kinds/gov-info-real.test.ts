// The gov-info-disclosure registry against real published tables (test/fixtures/real, read cell by cell
// from the offices' HTML): every cell of the 2021 format finds its metric by the labels of its row and
// column, every metric is found, and the format's 勾稽关系 hold on the real figures.
import { describe, expect, it } from 'vitest';
import { registrySchema, type Metric } from '../../../src/lib/content/metrics.ts';
import { govInfoDisclosure, TABLE_PROACTIVE, TABLE_REQUESTS, TABLE_REVIEW } from '../../../src/lib/kinds/gov-info-disclosure.ts';
import { layoutRegistry } from '../../../src/lib/kinds/layouts.ts';
import { brokenRules } from '../../../src/lib/content/sum-rules.ts';
import type { StatValue } from '../../../src/lib/content/stat.ts';
import { loadReal, tableGrid, type RealCell, type RealTable } from '../../helpers/real-fixtures.ts';

// The 2021 format's part of the registry: these tests read real tables cell by cell against it.
const registry = layoutRegistry(registrySchema.parse([...govInfoDisclosure.metrics, ...govInfoDisclosure.rules]), '2021');
const key = (group: string, row: string[] | undefined, column: string[]) => `${group}|${(row ?? []).join('/')}|${column.join('/')}`;
const byCell = new Map(registry.metrics.map((m) => [key(m.group, m.row, m.column!), m]));

interface Cell {
  group: string;
  row?: string[];
  column: string[];
  text: string;
}

/** Each figure cell of a table with the labels of the header cells over it and beside it, as printed. */
function cells(table: RealTable): Cell[] {
  const grid = tableGrid(table);
  const labels = (list: RealCell[]) => [...new Set(list)].map((c) => c.text.trim());
  const first = table.rows[0]![0]!.text;
  const out: Cell[] = [];
  if (first.startsWith('第二十条')) {
    let item = '';
    let header: RealCell[] = [];
    grid.forEach((row) => {
      if (row[0]!.text.startsWith('第二十条')) item = row[0]!.text;
      else if (row[0]!.text === '信息内容') header = row;
      else [...new Set(row.slice(1))].forEach((c) => out.push({ group: TABLE_PROACTIVE, row: [item, row[0]!.text], column: [header[row.indexOf(c)]!.text], text: c.text }));
    });
  } else if (first.startsWith('（本列数据')) {
    const head = grid.slice(0, 3);
    grid.slice(3).forEach((row) => {
      for (let c = 3; c < row.length; c++) {
        out.push({ group: TABLE_REQUESTS, row: labels(row.slice(0, 3)), column: labels(head.map((h) => h[c]!)).filter((t) => t !== '申请人情况'), text: row[c]!.text });
      }
    });
  } else {
    const head = grid.slice(0, 3);
    grid.slice(3).forEach((row) => row.forEach((cell, c) => out.push({ group: TABLE_REVIEW, column: labels(head.map((h) => h[c]!)), text: cell.text })));
  }
  return out;
}

function bind(slug: string) {
  const found: { metric: Metric; text: string }[] = [];
  const unmatched: Cell[] = [];
  for (const table of loadReal(slug).tables) {
    for (const c of cells(table)) {
      const m = byCell.get(key(c.group, c.row, c.column));
      if (m) found.push({ metric: m, text: c.text });
      else unmatched.push(c);
    }
  }
  const stats: Record<string, StatValue> = {};
  for (const f of found) if (/^\d+(\.\d+)?$/.test(f.text)) stats[f.metric.id] = { kind: 'exact', value: Number(f.text) };
  return { found, unmatched, stats };
}

describe.each(['gov-2022-pingtan', 'gov-2023-pingtan'])('%s (2021 format)', (slug) => {
  const { found, unmatched, stats } = bind(slug);

  it('binds every cell of its three tables to the registry, and every metric once', () => {
    expect(unmatched).toEqual([]);
    expect(found.map((f) => f.metric.id).sort()).toEqual(registry.metrics.map((m) => m.id).sort());
  });

  it('satisfies every 勾稽关系 of the format', () => {
    expect(Object.keys(stats)).toHaveLength(200);
    expect(brokenRules(registry.rules, stats)).toEqual([]);
  });
});

describe('gov-2019-pingtan (the 2019 first-year layout)', () => {
  const { found, unmatched } = bind('gov-2019-pingtan');

  it('binds its requests table but for the single （六）其他处理 row, and its review table; its 主动公开 table is another layout', () => {
    const ids = new Set(found.map((f) => f.metric.id));
    for (const m of registry.metrics.filter((x) => x.group === TABLE_REVIEW)) expect(ids.has(m.id), m.id).toBe(true);
    const requests = registry.metrics.filter((x) => x.group === TABLE_REQUESTS);
    const missing = requests.filter((m) => !ids.has(m.id));
    expect(new Set(missing.map((m) => m.row!.at(-2)))).toEqual(new Set(['（六）其他处理']));
    expect(missing).toHaveLength(3 * 7);
    expect(unmatched.filter((c) => c.group === TABLE_REQUESTS).map((c) => c.row!.join('/'))).toEqual(Array(7).fill('三、本年度办理结果/（六）其他处理'));
    // Its 主动公开 table has other columns (本年新制作数量 …): none of them is a 2021 figure.
    expect(found.some((f) => f.metric.group === TABLE_PROACTIVE)).toBe(false);
    expect(unmatched.filter((c) => c.group === TABLE_PROACTIVE).length).toBeGreaterThan(0);
  });
});
