// `npm run check` across years: what only shows when a report is read next to the earlier ones
// (a figure that went missing, a figure that jumped), and structure slips inside one report
// (two items with the same title, numbering that skips or repeats, a heading with nothing under it).
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Metric, Registry } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import type { ReportSource } from '../content/content.ts';
import { splitFrontmatter } from '../content/content.ts';
import { readTextFile } from '../content/text-file.ts';
import { buildSeries } from '../series/series.ts';
import { formatStat, statNumber, type StatValue } from '../content/stat.ts';
import { parseBody, type BodyParse } from '../content/report-body.ts';
import { renderTree } from '../structure/report-text.ts';
import { markerText, stripOrdinal } from '../structure/numbering.ts';
import { buildStructure, items, numberedRuns, structureBlocks, type Item, type SectionWords } from '../structure/structure.ts';

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

/**
 * A change a reader would stop at, as a slipped or doubled digit makes: large as a ratio (more than
 * `factor`) and in absolute terms (at least BIG_CHANGE_MIN), or an order of magnitude. 0 → 3 件, 2 → 9 件 or
 * 5 → 0 件 are ordinary years of small counts, not typos; 12 → 40 and 400 → 12 are worth a look.
 */
export const BIG_CHANGE_MIN = 10;
const ORDER_OF_MAGNITUDE = 10;

/** How a value moved from `prev` to `cur`, in words, when that is worth confirming; undefined otherwise. */
export function bigChange(prev: StatValue, cur: StatValue, factor = BIG_CHANGE_FACTOR): string | undefined {
  const p = statNumber(prev);
  const c = statNumber(cur);
  if (p === undefined || c === undefined || p === c) return undefined;
  // A signed figure (本年增/减) below zero has no ratio to speak of: 增至…倍 would be nonsense.
  if (p < 0 || c < 0) return undefined;
  const diff = Math.abs(c - p);
  const ratio = Math.min(p, c) === 0 ? Infinity : Math.max(p, c) / Math.min(p, c);
  const surprising = (ratio > factor && diff >= BIG_CHANGE_MIN) || (ratio >= ORDER_OF_MAGNITUDE && Number.isFinite(ratio) && diff >= BIG_CHANGE_MIN / 2);
  if (!surprising) return undefined;
  const about = prev.kind === 'atLeast' || cur.kind === 'atLeast' ? '约' : '';
  if (p === 0) return '此前为 0';
  if (c === 0) return '降为 0';
  if (c > p) return `增至${about}${times(c / p)}倍`;
  return `减至${about}${times(p / c) === '1' ? '' : `1/${times(p / c)}`}`;
}

interface YearReport {
  report: ReportSource;
  line: (id: string) => number | undefined;
}

/**
 * Across years: a metric the previous report gave a figure for but this one does not (warning), and a
 * figure that changed as a slipped digit would (bigChange) since the last year that reported it (notice).
 */
export function crossYearProblems(reports: ReportSource[], registry: Registry, layouts: { of: (report: ReportSource) => string | undefined; order: readonly string[]; has: (metric: Metric, layout: string) => boolean } = { of: () => undefined, order: [], has: () => true }): Problem[] {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  if (sorted.length < 2) return [];
  const problems: Problem[] = [];
  const years: YearReport[] = sorted.map((report) => ({ report, line: statsLineFinder(report) }));
  // Figures the year before had and this year lacks, by report and group: a table left out is one warning, not 150.
  const gone = new Map<string, Problem[]>();
  const series = buildSeries(registry.metrics, sorted.map((r) => ({ year: r.year, stats: r.data.stats, layout: layouts.of(r) })), { layoutOrder: layouts.order });
  for (const row of series.rows) {
    const m: Metric = row.metric;
    row.cells.forEach((cell, i) => {
      if (i === 0) return;
      const { report, line } = years[i] as YearReport;
      const prevCell = row.cells[i - 1];
      // Missing now, though the report before this one had it — unless this year's layout has no such figure.
      const layout = layouts.of(report);
      if (cell.value.kind === 'missing' && prevCell && prevCell.value.kind !== 'missing' && (layout === undefined || layouts.has(m, layout))) {
        const explicitNull = Object.hasOwn((report.raw.stats as Record<string, unknown> | null) ?? {}, m.id);
        const key = `${report.file}\u0000${m.group ?? ''}`;
        if (!gone.has(key)) gone.set(key, []);
        gone.get(key)!.push({
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
  for (const [key, list] of gone) {
    if (list.length <= GONE_ONE_BY_ONE) {
      problems.push(...list);
      continue;
    }
    const group = key.slice(key.indexOf('\u0000') + 1);
    const first = list[0] as Problem;
    const names = list.map((p) => p.message.slice(0, p.message.indexOf('：')));
    problems.push({
      severity: 'warning',
      file: first.file,
      line: first.line,
      message: `${group ? `${group}：` : ''}上一年有、本年没有的数字 ${list.length} 个（${names.slice(0, 4).join('；')}${list.length > 4 ? ' 等' : ''}）`,
      hint: '本年有这些数字的，在 stats 中填上（表格漏了或没有对应上，重新导入时看导入结果中的“表中未对应指标的数字”）；本年确实没有的，可以不管这条警告',
    });
  }
  return problems;
}

/** Up to this many figures of one group gone from one report are listed one by one; more are one warning. */
const GONE_ONE_BY_ONE = 3;

/** Titles compare without their numbering (一是, （一）…), punctuation, spaces and full-/half-width differences. */
export function titleKey(title: string): string {
  return stripOrdinal(title.normalize('NFKC')).replace(/[\p{P}\p{S}\s]/gu, '');
}

const numberOf = (it: Item) => markerText(it.item.form.startsWith('paren') ? 'paren' : 'shi', it.item.ordinal);

/**
 * Slips in how a report numbers its items, every form: two items with the same title (first sentence) in one
 * section, numbering that skips or repeats (一是 then 三是), and a ## heading with nothing under it.
 */
export function structureProblems(report: Pick<ReportSource, 'file' | 'body' | 'bodyLineOffset' | 'data'>, body: BodyParse = parseBody(report.body), words?: SectionWords): Problem[] {
  if (!body.ok) return [];
  const blocks = structureBlocks(renderTree(body.tree, report.data.stats));
  const { structure } = buildStructure(blocks, { sections: report.data.sections, words });
  // Whether each ## section holds anything at all: a section that is one table (二、主动公开政府信息情况) is not empty.
  const filled: boolean[] = [];
  for (const b of blocks) {
    if (b.type === 'heading' && (b.depth ?? 2) === 2) filled.push(false);
    else if (filled.length) filled[filled.length - 1] = true;
  }
  const at = (line?: number) => (line === undefined ? undefined : line + report.bodyLineOffset);
  const problems: Problem[] = [];
  const warn = (line: number | undefined, message: string, hint: string) => problems.push({ severity: 'warning', file: report.file, line: at(line), message, hint });
  for (const [s, section] of structure.sections.entries()) {
    if (section.paragraphs.length === 0 && !filled[s]) warn(section.line, `“${section.title}”下面还没有内容`, '在这个标题下写正文；不需要这一部分的，删除这个标题');
    const list = items({ intro: [], sections: [section] });
    const seen = new Map<string, Item>();
    for (const it of list) {
      const key = titleKey(it.item.title);
      if (!key) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, it);
        continue;
      }
      warn(
        it.line,
        `“${section.title}”中有两条事项标题相同：“${numberOf(it)}”与${first.line !== undefined && first.line !== it.line ? `第 ${at(first.line)} 行的` : '前面的'}“${numberOf(first)}”都是“${stripOrdinal(it.item.title)}”`,
        '同一部分中两条事项的第一句相同，可能是复制后忘了修改；请改写其中一条，或把两条合并',
      );
    }
  }
  for (const run of numberedRuns(structure)) {
    const where = `“${run[0]?.section.title}”中`;
    let prev: number | undefined;
    run.forEach((it, k) => {
      const o = it.item.ordinal;
      const next = run[k + 1]?.item.ordinal;
      const said = numberOf(it);
      const style = it.item.form.startsWith('paren') ? 'paren' : 'shi';
      const expected = (prev ?? 0) + 1;
      if (o === 1 || o === expected) prev = o;
      else if (next === o || next === expected + 1) {
        // One wrong number between right ones: 一是、三是、三是 → the first 三是 should be 二是.
        const after = prev === undefined ? '第一条事项' : `“${markerText(style, prev)}”之后的一条`;
        warn(it.line, `${where}${after}编号是“${said}”，按顺序应为“${markerText(style, expected)}”`, `把这一条的“${said}”改为“${markerText(style, expected)}”`);
        prev = expected;
      } else if (prev === undefined) {
        warn(it.line, `${where}事项从“${said}”开始编号，前面没有“${markerText(style, 1)}”`, `检查是否漏了前面的事项，或把编号改为从“${markerText(style, 1)}”开始`);
        prev = o;
      } else if (o > expected) {
        warn(it.line, `${where}“${markerText(style, prev)}”之后是“${said}”，缺少“${markerText(style, expected)}”`, '请检查是否漏写了一条，或改正编号');
        prev = o;
      } else {
        warn(it.line, `${where}“${markerText(style, prev)}”之后又是“${said}”，编号重复或倒序`, `请改正编号，这一条应为“${markerText(style, expected)}”`);
        prev = o;
      }
    });
  }
  return problems;
}
