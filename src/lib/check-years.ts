// `npm run check` across years: what only shows when a report is read next to the earlier ones
// (a figure that went missing, a figure that jumped), and structure slips inside one report
// (two items with the same title, a heading with nothing under it).
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Metric, Registry } from './metrics.ts';
import type { Problem } from './problems.ts';
import type { ReportSource } from './content.ts';
import { splitFrontmatter } from './content.ts';
import { readTextFile } from './text-file.ts';
import { buildSeries } from './series.ts';
import { formatStat, statNumber, type StatValue } from './stat.ts';
import { parseBody, type BodyParse } from './report-body.ts';
import { renderTree } from './report-text.ts';
import { buildStructure, type Block } from './structure.ts';

/** A change by more than this factor is listed for the author to confirm. */
export const BIG_CHANGE_FACTOR = 3;

/** File lines of `stats.<id>` (or of `stats:` when the id is absent) in a report's frontmatter. */
export function statsLineFinder(report: Pick<ReportSource, 'path'>): (id: string) => number | undefined {
  let parsed: { doc: Document; lines: LineCounter } | null | undefined;
  // Parsed on first use: most reports never need a line.
  const load = () => {
    if (parsed !== undefined) return parsed;
    parsed = null;
    try {
      const decoded = readTextFile(report.path);
      const split = decoded.ok ? splitFrontmatter(decoded.text) : undefined;
      if (split) {
        const lines = new LineCounter();
        parsed = { doc: parseDocument(split.frontmatter, { lineCounter: lines }), lines };
      }
    } catch {
      // The line is a convenience; the problem is reported without it.
    }
    return parsed;
  };
  return (id) => {
    const p = load();
    if (!p) return undefined;
    const lineAt = (node: unknown) => {
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      return range ? p.lines.linePos(range[0]).line + 1 : undefined;
    };
    const keyOf = (pair: { key: unknown }) => String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const stats = p.doc.get('stats', true) as { items?: { key: unknown }[] } | undefined;
    const pair = stats?.items?.find((x) => keyOf(x) === id);
    if (pair) return lineAt(pair.key);
    const top = (p.doc.contents as { items?: { key: unknown }[] } | null)?.items?.find((x) => keyOf(x) === 'stats');
    return lineAt(top?.key);
  };
}

function amount(v: StatValue, unit: string): string {
  return `${formatStat(v)}${v.kind === 'masked' ? '' : unit}`;
}

function times(ratio: number): string {
  return ratio >= 10 ? String(Math.round(ratio)) : String(Math.round(ratio * 10) / 10);
}

/** How a value moved from `prev` to `cur`, in words, when that is worth confirming; undefined otherwise. */
export function bigChange(prev: StatValue, cur: StatValue, factor = BIG_CHANGE_FACTOR): string | undefined {
  const p = statNumber(prev);
  const c = statNumber(cur);
  if (p === undefined || c === undefined || p === c) return undefined;
  // A slipped or doubled digit moves a figure by more than 2: 0 → 1 or 1 → 3 is an ordinary year, not a typo.
  if (Math.abs(c - p) <= 2) return undefined;
  const about = prev.kind === 'atLeast' || cur.kind === 'atLeast' ? '约' : '';
  if (p === 0) return '此前为 0';
  if (c === 0) return '降为 0';
  if (c / p > factor) return `增至${about}${times(c / p)}倍`;
  if (p / c > factor) return `减至${about}${times(p / c) === '1' ? '' : `1/${times(p / c)}`}`;
  return undefined;
}

interface YearReport {
  report: ReportSource;
  line: (id: string) => number | undefined;
}

/**
 * Across years: a metric the previous report gave a figure for but this one does not (warning), and a
 * figure that changed more than threefold, or from or to zero, since the last year that reported it (notice).
 */
export function crossYearProblems(reports: ReportSource[], registry: Registry): Problem[] {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  if (sorted.length < 2) return [];
  const problems: Problem[] = [];
  const years: YearReport[] = sorted.map((report) => ({ report, line: statsLineFinder(report) }));
  const series = buildSeries(registry.metrics, sorted.map((r) => ({ year: r.year, stats: r.data.stats })));
  for (const row of series.rows) {
    const m: Metric = row.metric;
    row.cells.forEach((cell, i) => {
      if (i === 0) return;
      const { report, line } = years[i] as YearReport;
      const prevCell = row.cells[i - 1];
      // Missing now, though the report before this one had it.
      if (cell.value.kind === 'missing' && prevCell && prevCell.value.kind !== 'missing') {
        const explicitNull = Object.hasOwn((report.raw.stats as Record<string, unknown> | null) ?? {}, m.id);
        problems.push({
          severity: 'warning',
          file: report.file,
          field: `stats.${m.id}`,
          line: line(m.id),
          message: `${m.label}：${prevCell.year}年为 ${amount(prevCell.value, m.unit)}，本年${explicitNull ? '为 null（未填数字）' : '没有这一项'}`,
          hint: '本年有这个数字的，在 stats 中把它填上；本年确实没有这项数字的，可以不管这条警告',
        });
      }
      // A big change since the last year that reported it.
      const change = cell.change;
      if (cell.value.kind === 'missing' || change.kind === 'none' || change.fromYear === undefined) return;
      const prev = row.cells.find((c) => c.year === change.fromYear);
      const words = prev ? bigChange(prev.value, cell.value) : undefined;
      if (!prev || !words) return;
      problems.push({
        severity: 'notice',
        file: report.file,
        field: `stats.${m.id}`,
        line: line(m.id),
        message: `${m.label}从${prev.year}年的 ${amount(prev.value, m.unit)} 变为 ${amount(cell.value, m.unit)}（${words}）`,
        hint: '变化较大，请确认没有多写、少写一位或填错指标；数字无误则不必处理',
      });
    });
  }
  return problems;
}

/** Headings and paragraphs as the site's structure sees them (## sections; ### and paragraphs are paragraphs). */
function bodyBlocks(report: Pick<ReportSource, 'body' | 'data'>, parsed: BodyParse): { blocks: (Block & { line?: number; depth?: number })[]; filled: boolean[] } | undefined {
  if (!parsed.ok) return undefined;
  const rendered = renderTree(parsed.tree, report.data.stats);
  const blocks = rendered
    .filter((b) => b.type === 'paragraph' || b.type === 'heading')
    .map((b) => ({ type: b.type === 'heading' && b.depth === 2 ? ('heading' as const) : ('paragraph' as const), text: b.text, line: b.line, depth: b.depth }));
  // Whether each ## section holds anything at all: a section that is one table (二、主动公开政府信息情况) is not empty.
  const filled: boolean[] = [];
  for (const b of rendered) {
    if (b.type === 'heading' && b.depth === 2) filled.push(false);
    else if (filled.length) filled[filled.length - 1] = true;
  }
  return { blocks, filled };
}

/** Titles compare without their 一是/二是 ordinal, punctuation, spaces and full-/half-width differences. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/^\s*[一二三四五六七八九十]{1,3}是[，,、：:\s]*/u, '')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

/** Two items with the same title (first sentence) in one section; a ## heading with nothing under it. */
export function structureProblems(report: Pick<ReportSource, 'file' | 'body' | 'bodyLineOffset' | 'data'>, body: BodyParse = parseBody(report.body)): Problem[] {
  const parsed = bodyBlocks(report, body);
  if (!parsed) return [];
  const { blocks, filled } = parsed;
  const { structure } = buildStructure(blocks, report.data.sections);
  const at = (line?: number) => (line === undefined ? undefined : line + report.bodyLineOffset);
  const problems: Problem[] = [];
  // buildStructure puts every block after a heading into that heading's section, in order: track lines the same way.
  let sectionIndex = -1;
  const headingLines: (number | undefined)[] = [];
  const paragraphLines: (number | undefined)[][] = [[]];
  for (const b of blocks) {
    if (b.type === 'heading') {
      sectionIndex++;
      headingLines.push(at(b.line));
      paragraphLines.push([]);
    } else (paragraphLines[sectionIndex + 1] as (number | undefined)[]).push(at(b.line));
  }
  structure.sections.forEach((section, s) => {
    const lines = paragraphLines[s + 1] ?? [];
    if (section.paragraphs.length === 0 && !filled[s]) {
      problems.push({ severity: 'warning', file: report.file, line: headingLines[s], message: `“${section.title}”下面还没有内容`, hint: '在这个标题下写正文；不需要这一部分的，删除这个标题' });
    }
    const seen = new Map<string, { ordinal: number; line?: number }>();
    section.paragraphs.forEach((p, i) => {
      if (!p.item) return;
      const key = titleKey(p.item.title);
      if (!key) return;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { ordinal: p.item.ordinal, line: lines[i] });
        return;
      }
      problems.push({
        severity: 'warning',
        file: report.file,
        line: lines[i],
        message: `“${section.title}”中有两条事项标题相同：${ordinalText(p.item.ordinal)}与${first.line ? `第 ${first.line} 行的` : '前面的'}${ordinalText(first.ordinal)}都是“${p.item.title.replace(/^\s*[一二三四五六七八九十]{1,3}是/u, '')}”`,
        hint: '同一部分中两条事项的第一句相同，可能是复制后忘了修改；请改写其中一条，或把两条合并',
      });
    });
  });
  return problems;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function ordinalText(n: number): string {
  const s = n <= 10 ? CN[n] : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`;
  return `“${s}是”`;
}
