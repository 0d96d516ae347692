// Cells a spreadsheet would run as a formula (CSV injection, OWASP "CSV Injection"): stats.csv opens in
// Excel, and its labels, units and groups are free text — `import --add-metrics` takes them from a Word
// file's headings, so a document from outside can put `=HYPERLINK(…)` or `=cmd|' /C calc'!A0` there.

/**
 * OWASP's starting characters: = + - @, tab and carriage return; line feed too, and the full-width
 * ＝ ＋ － ＠ a Chinese IME types (cheap to cover; no label needs them first). Leading spaces do not hide
 * them: some spreadsheets trim before they look.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function isFormulaLike(cell: string): boolean {
  return FORMULA_START.test(cell);
}

/**
 * The cell as text a spreadsheet shows and never evaluates: a leading apostrophe, as OWASP describes.
 * Numbers are left alone (a JavaScript number is never a formula), and so is text that starts otherwise.
 */
export function neutraliseFormula<T>(cell: T): T | string {
  return typeof cell === 'string' && isFormulaLike(cell) ? `'${cell}` : cell;
}
