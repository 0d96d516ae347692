// Reading a portal: portal.yaml, and the series beside it — each subfolder an ordinary content folder
// (site.yaml with organization, kind, group; metrics.yaml; reports/), one office's one kind of report.
// Built on the series loader (src/lib/content/content.ts), which knows nothing of portals. A folder
// without portal.yaml is not a portal: it is one series, read exactly as before.
import { join } from 'node:path';
import { closest } from 'fastest-levenshtein';
import { PORTAL_FILE } from '../content/content-dir.ts';
import { loadContent, loadSiteConfig, readYamlFile, reportFiles, REPORTS_DIR, type LoadedContent } from '../content/content.ts';
import { fileErrorProblem, listFolder, nodeReader, type ContentReader } from '../content/content-files.ts';
import type { Problem } from '../content/problems.ts';
import type { SiteConfig } from '../content/site.ts';
import { issuesToProblems, safeParseZh } from '../content/zod-problems.ts';
import { kindById, PLACEHOLDER } from '../kinds/index.ts';
import { portalSchema, seriesIdError, SERIES_ID_HINT, suggestSeriesId, type PortalConfig } from './portal-schema.ts';

export { isPortalFolder, PORTAL_FILE } from '../content/content-dir.ts';

/** A series found in a portal, before its reports are read. */
export interface PortalSeriesEntry {
  /** The folder name, used in URLs: `zfb-xxgk`. */
  id: string;
  dir: string;
  /** site.yaml when it parses; its own problems are the series check's to report. */
  site?: SiteConfig;
  /** The group as portal.yaml names it; undefined when missing or not one of portal.yaml's groups. */
  group?: string;
  /** Problems of this series as a member of the portal (its group), paths relative to the portal. */
  problems: Problem[];
}

export interface PortalScan {
  dir: string;
  config?: PortalConfig;
  series: PortalSeriesEntry[];
  /** portal.yaml, folder names, subfolders that are not series: paths relative to the portal. */
  problems: Problem[];
}

/** A problem of a series, its path made relative to the portal: `reports/2024.mdx` → `zfb-xxgk/reports/2024.mdx`. */
export function inSeries(id: string, p: Problem): Problem {
  return { ...p, file: p.file === '.' ? id : `${id}/${p.file}` };
}

export function loadPortalConfig(dir: string, reader: ContentReader = nodeReader): { config?: PortalConfig; problems: Problem[] } {
  const y = readYamlFile(dir, PORTAL_FILE, reader);
  if (y.problems.length) return { problems: y.problems };
  const r = safeParseZh(portalSchema, y.data ?? {});
  if (!r.success) return { problems: issuesToProblems(r.error.issues, PORTAL_FILE, { doc: y.doc, lines: y.lines, describe: () => 'portal.yaml 只能有 title、organization、description、groups 这几个字段' }) };
  return { config: r.data, problems: [] };
}

function isFolder(path: string, reader: ContentReader): boolean {
  try {
    return reader.stat(path).isDirectory();
  } catch {
    return false;
  }
}

/** A symlink whose folder is gone (or a loop): its fs error, so the series is named instead of silently missing. */
function brokenLink(path: string, reader: ContentReader): unknown {
  try {
    if (!reader.lstat(path).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  try {
    reader.stat(path);
    return undefined;
  } catch (e) {
    return e;
  }
}

function realpathOr(path: string, reader: ContentReader): string {
  try {
    return reader.realpath?.(path) ?? path;
  } catch {
    return path;
  }
}

function isFile(path: string, reader: ContentReader): boolean {
  try {
    return reader.stat(path).isFile();
  } catch {
    return false;
  }
}

/** The group problem of a series whose site.yaml parsed, if any. */
function groupProblem(id: string, site: SiteConfig, groups: readonly string[]): Problem | undefined {
  const list = groups.join('、');
  if (site.group === undefined) {
    return { severity: 'warning', file: `${id}/site.yaml`, field: 'group', message: `没有写 group（所属分组），门户首页会把这个系列列在“未分组”中`, hint: `在 site.yaml 中加一行 group: ${groups[0] ?? '部门'}；可选的分组是 portal.yaml 中的 ${list}` };
  }
  if (groups.includes(site.group)) return undefined;
  const near = groups.length ? closest(site.group, [...groups]) : undefined;
  return {
    severity: 'error',
    file: `${id}/site.yaml`,
    field: 'group',
    message: `group 是“${site.group}”，但 portal.yaml 的 groups 中没有这个分组`,
    hint: `改成 portal.yaml 中的一个分组：${list}${near ? `（是不是“${near}”？）` : ''}；确实要新分组的，先把它加到 portal.yaml 的 groups 中`,
  };
}

/**
 * Two series that are one folder (one a symlink to the other, or both to a third): the office's reports
 * would be published twice and counted twice in the county's totals. The later id is refused.
 */
function sameFolderProblems(series: PortalSeriesEntry[], reader: ContentReader): Problem[] {
  const first = new Map<string, string>();
  const problems: Problem[] = [];
  for (const s of [...series]) {
    const real = realpathOr(s.dir, reader);
    const other = first.get(real);
    if (other === undefined) {
      first.set(real, s.id);
      continue;
    }
    series.splice(series.indexOf(s), 1);
    problems.push({
      severity: 'error',
      file: s.id,
      message: `${s.id}/ 和 ${other}/ 是同一个文件夹（符号链接指向同一处），同一个单位的报告会在门户中出现两次，全县合计也会算两次；${s.id} 没有检查`,
      hint: `删除符号链接 ${s.id}（或 ${other}），每个系列只留一个目录；要换网址的，直接把目录改名`,
    });
  }
  return problems;
}

/**
 * Two series of one office and one kind of report — most often a series folder copied to start another
 * office's and its site.yaml not yet edited: the portal would list two offices of the same name.
 */
function markSameOffices(series: PortalSeriesEntry[]): void {
  const first = new Map<string, string>();
  for (const s of series) {
    if (!s.site) continue;
    const key = `${s.site.organization}\0${kindById(s.site.kind).id}`;
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, s.id);
      continue;
    }
    s.problems.push({
      severity: 'warning',
      file: `${s.id}/site.yaml`,
      field: 'organization',
      message: `organization 是“${s.site.organization}”，与 ${other} 的单位和报告类型都相同：门户的首页、报送情况和数据汇总会列出两个同名的单位`,
      hint: `${other} 和 ${s.id} 中有一个是复制另一个开始的：把它 site.yaml 中的 organization（和 title）改成本单位的名称；确是同一单位同一类报告的，把两个目录的报告合并到一个系列中`,
    });
  }
}

/**
 * portal.yaml and the list of series, with every problem of the portal's own shape: a folder name that
 * cannot be a series id, a subfolder without site.yaml, a group portal.yaml does not name. Reads only
 * portal.yaml and each series' site.yaml, never a report.
 */
export function scanPortal(dir: string, reader: ContentReader = nodeReader): PortalScan {
  const { config, problems } = loadPortalConfig(dir, reader);
  const series: PortalSeriesEntry[] = [];
  const listed = listFolder(dir, '.', reader);
  if (listed.problem) return { dir, config, series, problems: [...problems, listed.problem] };
  const notSeries: string[] = [];
  for (const name of [...listed.names].sort()) {
    // Hidden folders (.git, an editor's) and the portal's own files are not series.
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    const broken = brokenLink(path, reader);
    if (broken) {
      const p = fileErrorProblem(broken, name, path, reader, 'folder');
      problems.push({ ...p, message: `${p.message}，这个系列没有检查，也不会上网站`, hint: `删除 ${name} 这个链接；这个单位的报告在别处的，把链接改为指向那个系列文件夹（其中有 site.yaml）` });
      continue;
    }
    if (!isFolder(path, reader)) continue;
    if (!isFile(join(path, 'site.yaml'), reader)) {
      notSeries.push(name);
      continue;
    }
    const idError = seriesIdError(name);
    if (idError) {
      const suggestion = suggestSeriesId(name);
      problems.push({ severity: 'error', file: name, message: `${idError}，这个系列没有检查`, hint: `把目录改名${suggestion ? `，如 ${suggestion}` : ''}。${SERIES_ID_HINT}` });
      continue;
    }
    const site = loadSiteConfig(path, reader).site;
    const entry: PortalSeriesEntry = { id: name, dir: path, site, problems: [] };
    if (site && config) {
      const p = groupProblem(name, site, config.groups);
      if (p) entry.problems.push(p);
      else entry.group = site.group;
    }
    series.push(entry);
  }
  problems.push(...sameFolderProblems(series, reader));
  markSameOffices(series);
  for (const name of notSeries) {
    const hasReports = isFolder(join(dir, name, REPORTS_DIR), reader);
    problems.push({
      severity: 'warning',
      file: name,
      message: `${name}/ 中没有 site.yaml，不是一个系列${hasReports ? `，其中 ${REPORTS_DIR}/ 的报告不会检查，也不会上网站` : '，门户不读它'}`,
      hint: `是某个单位的报告的：在其中加上 site.yaml（title、organization、kind、group）和 metrics.yaml，或用 npm run init -- ${dir}/<系列目录名> --kind <报告类型> 新建一个系列，再把 ${REPORTS_DIR}/ 中的报告移进去；不是的，把它移出门户目录`,
    });
  }
  if (config) {
    // As for site.yaml: a fresh portal's placeholders are a notice; once a report would publish them, a warning.
    const withReports = series.some((s) => reportFiles(s.dir, reader).names.length > 0);
    const placeholders = (['title', 'organization', 'description'] as const).filter((f) => config[f]?.includes(PLACEHOLDER));
    for (const f of placeholders) {
      problems.push({ severity: withReports ? 'warning' : 'notice', file: PORTAL_FILE, field: f, message: `${f} 还是 npm run init 写的占位文字：${config[f]}`, hint: `把“${PLACEHOLDER}”和后面的示例换成本门户的内容，否则会原样显示在网站上` });
    }
  }
  if (series.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ severity: 'notice', file: '.', message: '门户中还没有系列', hint: `每个单位的每类报告是一个系列：npm run init -- ${dir}/<系列目录名> --kind gov-info-disclosure（或 party-governance、general）新建一个。${SERIES_ID_HINT}` });
  }
  return { dir, config, series, problems };
}

/** A series with its content read (site, registry, reports). */
export interface PortalSeries extends PortalSeriesEntry {
  content: LoadedContent;
}

export interface LoadedPortal extends PortalScan {
  series: PortalSeries[];
}

/**
 * Everything in a portal: its scan and every series read by the series loader. Never throws for bad
 * content; each series' own problems stay in its `content.problems` (paths relative to the series).
 */
export function loadPortal(dir: string, reader: ContentReader = nodeReader): LoadedPortal {
  const scan = scanPortal(dir, reader);
  return { ...scan, series: scan.series.map((s) => ({ ...s, content: loadContent(s.dir, reader) })) };
}
