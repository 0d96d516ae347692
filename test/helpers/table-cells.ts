// Every cell of a table, as text with its place and merge (src/lib/tables/text.ts), read from each
// place a table lives: the real fixture (tables.json, as its Word file writes it), an imported MDX,
// and a built page. Fidelity tests compare them cell for cell.
import type { PhrasingContent } from 'mdast';
import { gridFromSpans } from '../../src/lib/tables/grid.ts';
import { cellsText, type CellText } from '../../src/lib/tables/text.ts';
import { renderBody } from '../../src/lib/structure/report-text.ts';
import { parseStat, type StatValue } from '../../src/lib/content/stat.ts';
import { decodeEntities } from '../../src/lib/search/records.ts';
import type { RealCell, RealTable } from './real-fixtures.ts';
import { cellText, type DocxVariant } from './real-docx.ts';

const text = (s: string): PhrasingContent[] => (s ? [{ type: 'text', value: s }] : []);

function laidOut(rows: RealCell[][]): CellText[] {
  const { grid } = gridFromSpans(rows.map((r) => r.map((c) => ({ content: text(c.text.trim()), rowSpan: c.rowspan, colSpan: c.colspan }))));
  return grid.rows.flat().map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.content.map((n) => (n as { value: string }).value).join('') }));
}

/** A fixture table's cells as the Word file of this variant writes them (stray spaces, blanks …). */
export function sourceTableText(table: RealTable, v: DocxVariant = {}): string {
  return cellsText(laidOut(table.rows.map((r) => r.map((c) => ({ ...c, text: cellText(c.text, v) })))));
}

/** The tables of a report MDX file (frontmatter and body), as readers will see them. */
export function mdxTableTexts(mdx: string): string[] {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(mdx);
  if (!m) throw new Error('no frontmatter');
  const stats: Record<string, StatValue> = {};
  for (const line of m[1]!.split('\n')) {
    const s = /^ {2}([a-z0-9-]+): (.*)$/.exec(line);
    if (s) {
      const raw = s[2]!.startsWith('"') ? s[2]!.slice(1, -1) : s[2] === 'null' ? null : Number(s[2]);
      const parsed = parseStat(raw);
      if (parsed.ok) stats[s[1]!] = parsed.value;
    }
  }
  return renderBody(m[2]!, stats).filter((b) => b.type === 'table').map((b) => b.text);
}

/** The report tables of a built page (`table.report-table`), laid out from their rowspan/colspan. */
export function htmlTableTexts(html: string): string[] {
  const tables = [...html.matchAll(/<table class="report-table[^"]*"[^>]*>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
  return tables.map((t) => {
    const body = t.replace(/<caption[\s\S]*?<\/caption>/, '');
    const rows = [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<(t[hd])\b([^>]*)>([\s\S]*?)<\/\1>/g)].map((c) => {
        const attrs = c[2]!;
        const span = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(attrs)?.[1] ?? 1);
        return { text: decodeEntities(c[3]!.replace(/<[^>]+>/g, '')), rowspan: span('rowspan'), colspan: span('colspan') };
      }),
    );
    return cellsText(laidOut(rows));
  });
}
