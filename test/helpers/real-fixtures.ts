// The real-report corpus in test/fixtures/real/: each report's text, its tables as grids and its
// hand-written answer key (see test/fixtures/real/README.md). One loader for every test that uses them.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_DIR = join(import.meta.dirname, '..', 'fixtures', 'real');

export interface RealCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

export interface RealTable {
  caption?: string;
  rows: RealCell[][];
}

export type AnswerForm = 'yishi' | 'paren-heading' | 'paren-runin' | 'inline' | 'sub-heading';
export type AnswerKind = 'work' | 'problems' | 'causes' | 'measures' | 'other';

export interface AnswerSubpoint {
  label: string;
  form: 'numbered-heading' | 'numbered-runin';
  title: string;
  subpoints?: AnswerSubpoint[];
  /** 一是/二是 titles written inline inside the sub-point's paragraph. */
  inline?: string[];
}

export interface AnswerItem {
  form: AnswerForm;
  title: string;
  kind: AnswerKind;
  children?: AnswerItem[];
  subpoints?: AnswerSubpoint[];
  note?: string;
}

export interface AnswerSection {
  heading: string;
  kind: AnswerKind | 'problems+measures';
  /** For a problems+measures section: the words after which the items are measures. */
  measuresFrom?: string;
  items: AnswerItem[];
}

export interface Answers {
  title: string;
  /** The lines of the document the title is made of, when more than one. */
  titleLines?: string[];
  year: number;
  kind: 'gov-info-disclosure' | 'party-governance' | 'general';
  layout?: '2019' | '2021';
  tables: number;
  sections: AnswerSection[];
}

export interface RealReport {
  slug: string;
  dir: string;
  /** report.txt: one paragraph per line, `[[table:N]]` where table N stands. */
  text: string;
  lines: string[];
  tables: RealTable[];
  answers: Answers;
}

export const TABLE_MARK = /^\[\[table:(\d+)\]\]$/;

export function realSlugs(): string[] {
  return readdirSync(REAL_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(REAL_DIR, d.name, 'report.txt')))
    .map((d) => d.name)
    .sort();
}

export function loadReal(slug: string): RealReport {
  const dir = join(REAL_DIR, slug);
  const text = readFileSync(join(dir, 'report.txt'), 'utf8');
  return {
    slug,
    dir,
    text,
    lines: text.split('\n').filter((l) => l !== ''),
    tables: JSON.parse(readFileSync(join(dir, 'tables.json'), 'utf8')) as RealTable[],
    answers: JSON.parse(readFileSync(join(dir, 'answers.json'), 'utf8')) as Answers,
  };
}

/**
 * The tables of a fixture, also of one kept for its tables only (no report.txt nor answer key yet:
 * gov-2015-pingtan, gov-2020-pingtan — see their README.md).
 */
export function loadRealTables(slug: string): RealTable[] {
  return JSON.parse(readFileSync(join(REAL_DIR, slug, 'tables.json'), 'utf8')) as RealTable[];
}

export function loadAllReal(): RealReport[] {
  return realSlugs().map(loadReal);
}

/** The table laid out on its grid: grid[r][c] is the cell covering that position (merged cells repeat). */
export function tableGrid(table: RealTable): RealCell[][] {
  const grid: RealCell[][] = [];
  table.rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r]?.[col]) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) (grid[r + dr] ??= [])[col + dc] = cell;
      }
      col += cell.colspan ?? 1;
    }
  });
  return grid;
}
