// Layouts: the versions of a kind's format, each in force for a span of years (DESIGN.md "Kinds").
// A report is read, checked and shown against the layout of its year, or the one its frontmatter names.
// The registry holds every layout's figures; `layoutRegistry` is the part of it one layout asks for.
import type { Metric, MetricInput, Registry } from '../content/metrics.ts';
import type { Problem } from '../content/problems.ts';
import { makeRegistry } from '../content/metrics.ts';

export interface Layout {
  /** As written in metrics.yaml (`layouts:`) and in a report's frontmatter (`layout:`). */
  id: string;
  /** How messages and pages name it, e.g. 国办公开办函〔2019〕60号格式. */
  name: string;
  /** The first and last report year it is in force for (inclusive); open-ended when absent. */
  from?: number;
  to?: number;
}

/** The layout in force for a report year: the one whose span holds it. Layouts are listed oldest first. */
export function layoutForYear(layouts: readonly Layout[], year: number): Layout | undefined {
  return layouts.find((l) => (l.from === undefined || year >= l.from) && (l.to === undefined || year <= l.to));
}

/** A report's layout: its frontmatter's `layout:`, else its year's; undefined for a kind without layouts. */
export function reportLayoutId(layouts: readonly Layout[], report: { year: number; data: { layout?: string; stats?: unknown } }): string | undefined {
  if (layouts.length === 0) return undefined;
  return report.data.layout ?? layoutForYear(layouts, report.year)?.id;
}

/**
 * 版式与年份不符: a report whose frontmatter names another layout than its year's (an office that kept the 2019
 * tables in its 2021 report; `import` writes `layout:` when the older tables fit better). It is read and checked in
 * the layout it names, as before; assessors still mark it, so check says it once per report.
 */
export function layoutYearProblems(layouts: readonly Layout[], report: { file: string; year: number; data: { layout?: string } }): Problem[] {
  const named = report.data.layout;
  const own = layoutForYear(layouts, report.year);
  if (named === undefined || !own || named === own.id) return [];
  const used = layouts.find((l) => l.id === named);
  return [
    {
      severity: 'warning',
      file: report.file,
      field: 'layout',
      message: `${report.year}年报告按${used ? used.name : `格式 ${named}`}（layout: ${named}）填写，但${report.year}年度报告应使用${own.name}（layout: ${own.id}）`,
      hint: `报告确实用了旧格式的，这条警告如实记下它，可以不改；报告的表格其实是${report.year}年的格式的，删去 frontmatter 中的 layout: 这一行`,
      rule: 'layout-year',
    },
  ];
}

/**
 * The layouts a metric is in. A registry written before layouts existed has no `layouts:`; for a metric the
 * kind knows, the kind's own entry says (so a 2015 report is not asked for the 2021 tables), else every layout.
 */
function metricLayouts(m: Metric, known?: ReadonlyMap<string, readonly string[]>): readonly string[] | undefined {
  return m.layouts ?? known?.get(m.id);
}

export function inLayout(m: Metric, layout: string, known?: ReadonlyMap<string, readonly string[]>): boolean {
  const ls = metricLayouts(m, known);
  return !ls || ls.includes(layout);
}

const views = new WeakMap<Registry, Map<string, Registry>>();

/**
 * The registry as one layout sees it: its metrics (each with only that layout's `places`) and its sum rules.
 * Without a layout (a kind without layouts), the registry itself. Made once per registry and layout.
 */
export function layoutRegistry(registry: Registry, layout: string | undefined, known?: ReadonlyMap<string, readonly string[]>): Registry {
  if (layout === undefined) return registry;
  let byLayout = views.get(registry);
  if (!byLayout) views.set(registry, (byLayout = new Map()));
  const cached = byLayout.get(layout);
  if (cached) return cached;
  const metrics = registry.metrics
    .filter((m) => inLayout(m, layout, known))
    .map((m) => {
      const places = m.places?.filter((p) => p.layout === layout);
      return { ...m, places: places?.length ? places : undefined };
    });
  const ids = new Set(metrics.map((m) => m.id));
  // A rule applies where its `layouts` say; an untagged one wherever all its figures are.
  const rules = registry.rules.filter((r) => (r.layouts ? r.layouts.includes(layout) : [...r.left, ...r.right].every((id) => ids.has(id))));
  const view = makeRegistry(metrics, []);
  view.rules = rules;
  if (registry.lines) view.lines = registry.lines;
  byLayout.set(layout, view);
  return view;
}

/** Every layout id the registry's entries name, for validating a report's `layout:`. */
export function registryLayoutIds(registry: Registry): Set<string> {
  const ids = new Set<string>();
  for (const m of registry.metrics) for (const l of [...(m.layouts ?? []), ...(m.places ?? []).map((p) => p.layout), ...(m.breaks ?? []).map((b) => b.layout)]) ids.add(l);
  for (const r of registry.rules) for (const l of r.layouts ?? []) ids.add(l);
  return ids;
}

const knownMaps = new WeakMap<readonly MetricInput[], Map<string, string[]>>();

/** The layouts of a kind's own metrics by id, for a registry written before it had `layouts:`. */
export function knownLayouts(metrics: readonly MetricInput[]): Map<string, string[]> {
  let known = knownMaps.get(metrics);
  if (!known) {
    known = new Map(metrics.filter((m) => m.layouts).map((m) => [m.id, m.layouts!.map(String)]));
    knownMaps.set(metrics, known);
  }
  return known;
}

/** The registry a report is read and checked against: its layout's part of the folder's registry. */
export function registryForReport(registry: Registry, kind: { layouts: readonly Layout[]; metrics: readonly MetricInput[] }, report: { year: number; data: { layout?: string; stats?: unknown } }): Registry {
  return layoutRegistry(registry, reportLayoutId(kind.layouts, report), knownLayouts(kind.metrics));
}
