// Reads a content folder (site.yaml, metrics.yaml, reports/*.mdx) and reports every problem found in it.
// Shared by `npm run check`, the build's pre-flight and the CLIs, so all three agree on what is valid.
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument, visit as visitYaml, type Document, type Tags } from 'yaml';
import { MAX_STAT_DIGITS } from './stat.ts';
import { controlCharNames, hasControlChar } from './control-chars.ts';
import { ENTRY_KINDS_HINT, makeRegistry, readRegistryEntries, type Registry } from './metrics.ts';
import type { Problem } from './problems.ts';
import { reportFrontmatterSchema, type ReportFrontmatter } from './report-schema.ts';
import { siteSchema, type SiteConfig } from './site.ts';
import { fileErrorProblem, listFolder, MAX_REPORT_BYTES, MAX_YAML_BYTES, nodeReader, readContentText, type ContentReader } from './content-files.ts';
import { fieldName, issuesToProblems, safeParseZh, yamlLine } from './zod-problems.ts';

export const REPORTS_DIR = 'reports';
export const REPORT_FILE = /^(\d{4})\.mdx$/;

export { resolveContentDir } from './content-dir.ts';

export interface YamlFile {
  doc?: Document;
  lines?: LineCounter;
  data?: unknown;
  problems: Problem[];
}

/**
 * YAML 1.2 reads 0x1F as 31, 0o17 as 15 and 1e21 as 1e+21, and a 30-digit integer as a rounded double:
 * a clerk's typo would pass as another number. Only plain decimals are numbers here; the other forms, and
 * decimals too long to hold exactly, stay strings, for the schemas to refuse with the text as written.
 */
function decimalNumbersOnly(tags: Tags): Tags {
  return tags
    .filter((t) => !(typeof t === 'object' && 'format' in t && (t.format === 'HEX' || t.format === 'OCT' || t.format === 'EXP')))
    .map((t) => {
      if (typeof t !== 'object' || !('resolve' in t) || !/:(int|float)$/.test(t.tag) || t.format) return t;
      const resolve = t.resolve as (value: string, ...rest: unknown[]) => unknown;
      return { ...t, resolve: (value: string, ...rest: unknown[]) => (value.replace(/^[-+]?0*|\./g, '').length > MAX_STAT_DIGITS ? value : resolve(value, ...rest)) } as typeof t;
    });
}

/** Parse YAML text, turning syntax errors into problems with their line, explained in Chinese. */
export function parseYaml(text: string, file: string, lineOffset = 0): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, customTags: decimalNumbersOnly });
  const sourceLines = text.split('\n');
  const seen = new Set<number>();
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const line = lines.linePos(err.pos[0]).line;
    if (seen.has(line)) continue; // one syntax slip often yields several errors on the same line
    seen.add(line);
    problems.push({ severity: 'error', file, line: line + lineOffset, ...explainYamlError(err.code, err.message, sourceLines[line - 1] ?? '') });
  }
  // Unquoted `**` is YAML alias syntax: a masked value missing its quotes, said once per value. Any other
  // alias (`*a` after `&a`, or a word that starts with *) is not a masked value, and naming each of them a
  // "star value" misled; they get one problem per file that says what YAML made of them.
  const others: { name: string; line?: number }[] = [];
  visitYaml(doc, {
    Scalar(_, node) {
      if (typeof node.value !== 'string' || !hasControlChar(node.value)) return;
      const at = node.range ? lines.linePos(node.range[0]).line : undefined;
      problems.push({ severity: 'error', file, line: at === undefined ? undefined : at + lineOffset, message: `这个值含有看不见的控制字符 ${controlCharNames(node.value)}（由引号中的 \\ 转义写成）`, hint: '删去这个转义（如 \\0、\\e、\\x1b、\\u0000）：控制字符会原样进入网页' });
    },
    Alias(_, node) {
      const at = node.range ? lines.linePos(node.range[0]).line : undefined;
      const line = at === undefined ? undefined : at + lineOffset;
      if (/^[*+余多]*$/u.test(node.source ?? '')) {
        if (at !== undefined && seen.has(at)) return; // the parser already said something about this line
        problems.push({ severity: 'error', file, line, message: `YAML 格式错误：星号值 ${node.source ? `*${node.source}` : '*'} 没有加引号`, hint: '遮蔽的数字要加英文双引号，如 "*"、"**"、"**+"' });
      } else others.push({ name: node.source ?? '', line });
    },
  });
  if (others.length) {
    const names = [...new Set(others.map((o) => `*${o.name}`))];
    const lineList = [...new Set(others.map((o) => o.line).filter((l) => l !== undefined))];
    problems.push({
      severity: 'error',
      file,
      line: others[0]!.line,
      message: `YAML 格式错误：${names.slice(0, 3).join('、')}${names.length > 3 ? ' 等' : ''} 是 YAML 的别名（引用 & 定义的锚点），共 ${others.length} 处（第 ${lineList.slice(0, 5).join('、')}${lineList.length > 5 ? ' 等' : ''} 行）；nianbao 的文件不使用锚点和别名`,
      hint: '每个值直接写出来，不用 &名称 和 *名称；如果是以星号开头的文字或遮蔽值，加英文双引号，如 "**"',
    });
  }
  if (problems.length) return { problems };
  const data = doc.toJS();
  // `year：2022` with a full-width colon is valid YAML — one string — so catch it here.
  if (typeof data === 'string' && /[：]/.test(data)) {
    return { problems: [{ severity: 'error', file, line: 1 + lineOffset, message: 'YAML 格式错误：字段名后用了中文冒号“：”', hint: '把“：”改成英文冒号加空格“: ”，如 year: 2022' }] };
  }
  return { doc, lines, data, problems };
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: '缩进用了 Tab 键',
  BAD_INDENT: '缩进不一致',
  DUPLICATE_KEY: '同一个字段写了两次',
  MISSING_CHAR: '缺少引号或括号的另一半',
  BAD_DQ_ESCAPE: '双引号中的反斜杠 \\ 用法不对',
  MULTILINE_IMPLICIT_KEY: '这一行不是“字段: 值”的形式',
  BLOCK_AS_IMPLICIT_KEY: '这一行不是“字段: 值”的形式',
  UNEXPECTED_TOKEN: '出现了无法识别的符号',
  BAD_SCALAR_START: '值不能以这个符号开头',
  MULTIPLE_DOCS: '出现了多余的 --- 分隔线',
};

function explainYamlError(code: string, english: string, sourceLine: string): { message: string; hint: string } {
  const what = YAML_MESSAGES[code] ?? '无法解析';
  const message = `YAML 格式错误：${what}（${english.split('\n')[0]}）`;
  if (/^\s*[\w-]+\s*：/.test(sourceLine)) return { message: 'YAML 格式错误：字段名后用了中文冒号“：”', hint: '把“：”改成英文冒号加空格“: ”，如 year: 2022' };
  if (code === 'TAB_AS_INDENT' || sourceLine.startsWith('\t')) return { message, hint: '缩进只能用空格（stats 下的每一行用两个空格），不能用 Tab' };
  if (code === 'DUPLICATE_KEY') return { message, hint: '删除重复的一行，只保留一个' };
  if (/^\s*[\w-]+:\S/.test(sourceLine)) return { message, hint: '英文冒号后面要有一个空格，如 year: 2022' };
  if (/:\s*\*/.test(sourceLine)) return { message, hint: '星号开头的值要加英文双引号，如 "**" 或 "**+"' };
  if (code === 'MISSING_CHAR' || /["“”]/.test(sourceLine)) return { message, hint: '检查引号是否成对，且是英文引号 "…"' };
  return { message, hint: '检查这一行的冒号、引号和缩进：每行写成“字段: 值”，缩进用空格' };
}

/** A YAML file of a content folder (`name` relative to `dir`), read and parsed; every problem explained. */
export function readYamlFile(dir: string, name: string, reader: ContentReader = nodeReader): YamlFile {
  const read = readContentText(join(dir, name), name, { maxBytes: MAX_YAML_BYTES, reader });
  if (!read.ok) return { problems: [read.missing ? { severity: 'error', file: name, message: `缺少 ${name}`, hint: `在内容目录 ${dir} 中创建 ${name}` } : read.problem] };
  return parseYaml(read.text, name);
}

export function loadSiteConfig(dir: string, reader: ContentReader = nodeReader): { site?: SiteConfig; problems: Problem[] } {
  const y = readYamlFile(dir, 'site.yaml', reader);
  if (y.problems.length) return { problems: y.problems };
  const r = safeParseZh(siteSchema, y.data ?? {});
  if (!r.success) return { problems: issuesToProblems(r.error.issues, 'site.yaml', { doc: y.doc, lines: y.lines }) };
  return { site: r.data, problems: [] };
}

export function loadRegistry(dir: string, reader: ContentReader = nodeReader): { registry: Registry; problems: Problem[] } {
  const y = readYamlFile(dir, 'metrics.yaml', reader);
  if (y.problems.length) return { registry: makeRegistry([]), problems: y.problems };
  const file = 'metrics.yaml';
  // A registry with every entry commented out (a fresh `general` folder) is an empty list, not an error.
  const data = y.data ?? [];
  if (!Array.isArray(data)) {
    return { registry: makeRegistry([]), problems: [{ severity: 'error', file, message: 'metrics.yaml 必须是一个列表', hint: ENTRY_KINDS_HINT }] };
  }
  const { registry, issues } = readRegistryEntries(data, safeParseZh);
  const problems = issues.map((issue): Problem => {
    const [i, ...rest] = issue.path as [number, ...PropertyKey[]];
    const shaped = issue.zod
      ? issuesToProblems([{ ...issue.zod, path: rest }], file, { doc: y.doc, lines: y.lines, fieldPrefix: [i] })[0]!
      : { severity: 'error' as const, file, field: fieldName([i, ...rest]), line: yamlLine(y.doc, y.lines, issue.path), message: issue.message, hint: issue.hint };
    return { ...shaped, field: shaped.field?.replace(`[${i}]`, entryName(data[i], i)) };
  });
  const lines = new Map<string, number>();
  data.forEach((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const line = yamlLine(y.doc, y.lines, [i]);
    if (typeof id === 'string' && line !== undefined && !lines.has(id)) lines.set(id, line);
  });
  registry.lines = lines;
  return { registry, problems };
}

/** How an author finds a registry entry: by its id, or by its position (counted from 1) when the id is unusable. */
function entryName(entry: unknown, i: number): string {
  const e = entry as { id?: unknown; rule?: unknown } | null;
  const name = typeof e?.id === 'string' ? e.id.trim() : typeof e?.rule === 'string' ? `规则“${e.rule.trim()}”` : '';
  return name ? `第${i + 1}项（${name}）` : `第${i + 1}项`;
}

function lineOf(y: YamlFile, path: PropertyKey[]): number | undefined {
  const node = y.doc?.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
  return node?.range && y.lines ? y.lines.linePos(node.range[0]).line : undefined;
}

export interface ReportSource {
  /** Relative to the content folder: `reports/2022.mdx`. */
  file: string;
  path: string;
  year: number;
  /** The frontmatter as written (parsed YAML). */
  raw: Record<string, unknown>;
  data: ReportFrontmatter;
  body: string;
  /** Add to a body line number to get the file line number. */
  bodyLineOffset: number;
}

/** Split `---` frontmatter from the body; `bodyLineOffset` maps body lines to file lines. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string; bodyLineOffset: number } | undefined {
  const m = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!m) return undefined;
  const head = m[0];
  return { frontmatter: m[1], body: text.slice(head.length), bodyLineOffset: head.split('\n').length - 1 };
}

/** The report file names in reports/ (none when it does not exist), or why the folder cannot be read. */
export function reportFiles(dir: string, reader: ContentReader = nodeReader): { names: string[]; problem?: Problem; missing?: boolean } {
  const { names, problem, missing } = listFolder(join(dir, REPORTS_DIR), REPORTS_DIR, reader);
  return { names: names.filter((f) => !f.startsWith('.') && /\.(mdx|md)$/i.test(f)).sort(), problem, missing };
}

const EMPTY_REPORT_HINT = '参照上一年的报告填写，或运行 npm run new -- <年份> 生成模板；不需要这个文件的，删除它';

/** What can still be checked in a report whose frontmatter is invalid: its body. */
export type ReportBody = Pick<ReportSource, 'file' | 'raw' | 'body' | 'bodyLineOffset'>;

export function loadReportFile(dir: string, name: string, registry: Registry, reader: ContentReader = nodeReader): { report?: ReportSource; body?: ReportBody; problems: Problem[] } {
  const file = `${REPORTS_DIR}/${name}`;
  const path = join(dir, REPORTS_DIR, name);
  const problems: Problem[] = [];
  const fileYear = REPORT_FILE.exec(name)?.[1];
  if (!fileYear) {
    const hint = /\.md$/i.test(name) ? `改名为 ${name.replace(/\.md$/i, '.mdx')}（报告文件用 .mdx 扩展名）` : '报告文件名必须是四位年份加 .mdx，如 2023.mdx';
    return { problems: [{ severity: 'error', file, message: `文件名 ${name} 不是“年份.mdx”`, hint }] };
  }
  const read = readContentText(path, file, { maxBytes: MAX_REPORT_BYTES, reader, emptyHint: EMPTY_REPORT_HINT });
  if (!read.ok) return { problems: [read.problem] };
  const split = splitFrontmatter(read.text);
  if (!split) return { problems: [{ severity: 'error', file, line: 1, message: '文件开头缺少 frontmatter（以 --- 开始和结束的 year/title/stats 段落）', hint: '参照上一年的报告文件，或运行 npm run new -- <年份> 生成模板' }] };
  const y = parseYaml(split.frontmatter, file, 1);
  if (y.problems.length) return { problems: y.problems };
  const raw = (y.data ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { problems: [{ severity: 'error', file, line: 2, message: 'frontmatter 必须是“字段: 值”的形式', hint: '参照 DESIGN.md 中报告文件的示例' }] };
  const r = safeParseZh(reportFrontmatterSchema(registry), raw);
  if (!r.success) {
    problems.push(...issuesToProblems(r.error.issues, file, { doc: y.doc, lines: y.lines, lineOffset: 1, describe: () => '报告 frontmatter 只能有 year、title、published、layout、sections、stats 这几个字段' }));
    return { problems, body: { file, raw, body: split.body, bodyLineOffset: split.bodyLineOffset } };
  }
  if (r.data.year !== Number(fileYear)) {
    problems.push({ severity: 'error', file, field: 'year', line: lineOfDoc(y, ['year']), message: `year 是 ${r.data.year}，但文件名是 ${name}`, hint: `两者必须一致：把 year 改为 ${fileYear}，或把文件改名为 ${r.data.year}.mdx` });
  }
  return {
    report: { file, path, year: Number(fileYear), raw, data: r.data, body: split.body, bodyLineOffset: split.bodyLineOffset },
    problems,
  };
}

function lineOfDoc(y: YamlFile, path: PropertyKey[]): number | undefined {
  const l = lineOf(y, path);
  return l === undefined ? undefined : l + 1;
}

export interface LoadedContent {
  dir: string;
  site?: SiteConfig;
  registry: Registry;
  reports: ReportSource[];
  /** Reports whose frontmatter is invalid; their bodies are still checked. */
  invalid: ReportBody[];
  problems: Problem[];
}

/** Why `dir` cannot be a content folder (file '.'), if it cannot. */
function contentFolderProblem(dir: string, reader: ContentReader): Problem | undefined {
  try {
    if (reader.stat(dir).isDirectory()) return undefined;
    return { severity: 'error', file: '.', message: `内容目录 ${dir} 不是文件夹`, hint: '用 NIANBAO_CONTENT=路径 指定内容文件夹（其中有 site.yaml、metrics.yaml 和 reports/）' };
  } catch (e) {
    const p = fileErrorProblem(e, dir, dir, reader, 'folder');
    if (p.missing) return { severity: 'error', file: '.', message: `内容目录 ${dir} 不存在`, hint: '在项目根目录创建 content/，或用 NIANBAO_CONTENT=路径 指定内容目录' };
    return { ...p, file: '.' };
  }
}

/** Everything in a content folder; reports sorted by year. Never throws for bad content. */
export function loadContent(dir: string, reader: ContentReader = nodeReader): LoadedContent {
  const folderProblem = contentFolderProblem(dir, reader);
  if (folderProblem) return { dir, registry: makeRegistry([]), reports: [], invalid: [], problems: [folderProblem] };
  const site = loadSiteConfig(dir, reader);
  const reg = loadRegistry(dir, reader);
  const problems = [...site.problems, ...reg.problems];
  const reports: ReportSource[] = [];
  const invalid: ReportBody[] = [];
  const { names, problem: folder, missing } = reportFiles(dir, reader);
  if (folder) problems.push(folder);
  else if (missing) problems.push({ severity: 'error', file: REPORTS_DIR, message: `缺少 ${REPORTS_DIR}/ 目录`, hint: `在 ${dir} 中创建 ${REPORTS_DIR}/ 目录，再用 npm run import -- 报告.docx 或 npm run new -- 年份 添加报告` });
  for (const name of names) {
    const r = loadReportFile(dir, name, reg.registry, reader);
    problems.push(...r.problems);
    if (r.report) reports.push(r.report);
    if (r.body) invalid.push(r.body);
  }
  reports.sort((a, b) => a.year - b.year);
  return { dir, site: site.site, registry: reg.registry, reports, invalid, problems };
}

