// A report as an official document (公文): the text one edition shows, block by block, with every figure
// as that edition shows it and every <Redact> as that edition treats it. The Word writer (docx.ts) and
// the HTML that Chromium prints to PDF (html.ts) are both views of this one model, so the two files,
// and the public page, never disagree about what is masked.
import type { PhrasingContent, RootContent, Table } from 'mdast';
import type { Edition } from '../content/edition.ts';
import { visibleStat } from '../content/edition.ts';
import type { Registry } from '../content/metrics.ts';
import { jsxAttribute, parseBody } from '../content/report-body.ts';
import { formatStat, MISSING, type StatValue } from '../content/stat.ts';
import { readTable, type CellRole, type HeaderScope } from '../tables/grid.ts';

/** What the public edition shows in place of a <Redact> (as the public page does: remark-report.ts). */
export const REDACTED_TEXT = '■■■';

/** What the internal edition's files say on every page. */
export const INTERNAL_NOTICE = '内部版 不得公开';

/** A piece of text: a figure carries its metric, text the public edition hides is marked (internal edition only). */
export interface Run {
  text: string;
  /** A figure from `<Stat id>`: its metric id. */
  metric?: string;
  /** Inside a <Redact> (only ever set in the internal edition: the public edition has ■■■ instead). */
  redacted?: boolean;
}

export interface DocCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  runs: Run[];
  role: CellRole;
  header?: HeaderScope;
}

export type DocBlock =
  | { type: 'heading'; depth: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'table'; columns: number; headerRows: number; rows: DocCell[][] };

export interface OfficialDocument {
  title: string;
  /** The office (site.yaml organization): the file's author, and the 落款 where the report ends with a date. */
  organization: string;
  year: number;
  edition: Edition;
  /** `published` as the 成文日期 is written: 2024年1月19日. */
  date?: string;
  blocks: DocBlock[];
  /** A sample site's notice (every page of a sample says so). */
  sampleNotice?: string;
}

export interface DocumentInput {
  title: string;
  year: number;
  published?: string;
  body: string;
  /** The report's stats as written (exact values); masked here for the public edition. */
  stats: Record<string, StatValue>;
  registry: Registry;
  edition: Edition;
  organization: string;
  sampleNotice?: string;
}

type AnyNode = { type: string; value?: string; name?: string | null; children?: AnyNode[]; depth?: number; ordered?: boolean | null; start?: number | null; attributes?: { type: string; name?: string; value?: unknown }[] };

/** `2024-01-19` → `2024年1月19日`, as 公文 write the 成文日期 (Arabic numerals, no leading zeros: GB/T 9704—2012 7.3.5.1). */
export function documentDate(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}

/** Merge neighbouring runs of the same kind, so a writer gets as few runs as the text needs. */
function joined(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out.at(-1);
    if (last && !last.metric && !r.metric && !!last.redacted === !!r.redacted) last.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Build the document of one report in one edition. Throws (in Chinese) when the body is not valid MDX: `npm run check` says where. */
export function officialDocument(input: DocumentInput): OfficialDocument {
  const { registry, edition } = input;
  const shown = (id: string): string => {
    const value = Object.hasOwn(input.stats, id) ? (input.stats[id] as StatValue) : MISSING;
    return formatStat(visibleStat(registry.byId.get(id), value, edition));
  };
  const inline = (nodes: AnyNode[], redacted = false): Run[] => {
    const runs: Run[] = [];
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'inlineCode') runs.push({ text: n.value ?? '', ...(redacted && { redacted }) });
      else if (n.type === 'break') runs.push({ text: '\n', ...(redacted && { redacted }) });
      else if ((n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') && n.name === 'Stat') {
        const id = jsxAttribute(n as never, 'id') ?? '';
        runs.push({ text: shown(id), metric: id, ...(redacted && { redacted }) });
      } else if ((n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') && n.name === 'Redact') {
        if (edition === 'public') runs.push({ text: REDACTED_TEXT });
        else runs.push(...inline(n.children ?? [], true));
      } else runs.push(...inline(n.children ?? [], redacted));
    }
    return runs;
  };

  const blocks: DocBlock[] = [];
  const flow = (node: AnyNode, redacted = false): void => {
    switch (node.type) {
      case 'heading':
        blocks.push({ type: 'heading', depth: node.depth ?? 2, runs: joined(inline(node.children ?? [], redacted)) });
        return;
      case 'paragraph':
        blocks.push({ type: 'paragraph', runs: joined(inline(node.children ?? [], redacted)) });
        return;
      case 'table':
        blocks.push(tableBlock(node as unknown as Table, (content) => joined(inline(content as AnyNode[], redacted))));
        return;
      case 'list': {
        // A list the author typed (1. … 2. …): each item a paragraph with its number, as it reads on the page.
        let n = node.start ?? 1;
        for (const item of node.children ?? []) {
          const marker = node.ordered ? `${n++}.` : '·';
          const kids = item.children ?? [];
          kids.forEach((kid, i) => {
            const at = blocks.length;
            flow(kid, redacted);
            const b = blocks[at];
            if (i === 0 && b && b.type !== 'table') b.runs = joined([{ text: `${marker}` }, ...b.runs]);
          });
        }
        return;
      }
      case 'mdxJsxFlowElement':
        if (node.name === 'Redact') {
          if (edition === 'public') blocks.push({ type: 'paragraph', runs: [{ text: REDACTED_TEXT }] });
          else for (const kid of node.children ?? []) flow(kid, true);
          return;
        }
        if (node.name === 'Stat') {
          blocks.push({ type: 'paragraph', runs: joined(inline([node], redacted)) });
          return;
        }
        for (const kid of node.children ?? []) flow(kid, redacted);
        return;
      case 'blockquote':
        for (const kid of node.children ?? []) flow(kid, redacted);
        return;
      case 'code':
        for (const line of (node.value ?? '').split('\n')) blocks.push({ type: 'paragraph', runs: joined([{ text: line, ...(redacted && { redacted }) }]) });
        return;
      case 'thematicBreak':
      case 'html':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'definition':
        return;
      default:
        if (node.children) blocks.push({ type: 'paragraph', runs: joined(inline(node.children, redacted)) });
    }
  };

  const parsed = parseBody(input.body);
  if (!parsed.ok) throw new Error(`${input.year} 年报告的正文有语法错误${parsed.line ? `（正文第 ${parsed.line} 行）` : ''}：${parsed.message}。请先运行 npm run check 修正`);
  for (const node of parsed.tree.children as RootContent[]) flow(node as unknown as AnyNode);

  return {
    title: input.title,
    organization: input.organization,
    year: input.year,
    edition,
    ...(documentDate(input.published) && { date: documentDate(input.published) }),
    blocks: blocks.filter((b) => b.type === 'table' || runsText(b.runs).trim() !== ''),
    ...(input.sampleNotice && { sampleNotice: input.sampleNotice }),
  };
}

function tableBlock(table: Table, runs: (content: PhrasingContent[]) => Run[]): DocBlock {
  const { grid, issues } = readTable(table);
  if (!grid) throw new Error(`表格有错误（${issues.map((i) => i.kind).join('、')}），请先运行 npm run check 修正`);
  return {
    type: 'table',
    columns: grid.columns,
    headerRows: grid.headerRows,
    rows: grid.rows.map((row) => row.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, runs: runs(c.content), role: c.role, ...(c.header && { header: c.header }) }))),
  };
}
