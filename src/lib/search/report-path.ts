// Which report a search record belongs to, and where its page is: `<year>/` in a single content folder,
// `<series>/<year>/` in a portal (DESIGN.md, Portal). No imports: the browser's search page uses it too.

/** One report page: its year, and in a portal its series id. */
export interface ReportKey {
  year: number;
  /** The series id (kebab-case ASCII, starting with a letter) in a portal; absent in a single content folder. */
  series?: string;
}

/** The report page relative to the site base: `2023/` or `czj-xxgk/2023/`. */
export function reportPath(key: ReportKey): string {
  return key.series ? `${key.series}/${key.year}/` : `${key.year}/`;
}

/** By series id (plain code-unit order: ids are ASCII, so no locale can change it), then year. */
export function compareReportKeys(a: ReportKey, b: ReportKey): number {
  const sa = a.series ?? '';
  const sb = b.series ?? '';
  return sa < sb ? -1 : sa > sb ? 1 : a.year - b.year;
}
