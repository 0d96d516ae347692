// /data/stats.json and /data/stats.csv: every metric × year, as this edition may show it.
// Built from the series, whose values the collection has already masked for the public edition.
import { stringify } from 'csv-stringify/sync';
import type { Metric } from '../content/metrics.ts';
import type { Series } from './series.ts';
import { statNumber, writeStat, type StatValue } from '../content/stat.ts';
import { neutraliseFormula } from './csv-formula.ts';

export interface StatRecord {
  metric: string;
  label: string;
  unit: string;
  group: string;
  year: number;
  /** As an author writes it in frontmatter (12, "30+", "**", null), after this edition's masking. */
  written: number | string | null;
  /** As a reader sees it (12, 30余, **, —). */
  shown: string;
  status: StatValue['kind'];
  /** The number to compute with: the exact value or the lower bound; null when masked or missing. */
  value: number | null;
}

/** Registry order, then year ascending. */
export function statRecords(series: Series): StatRecord[] {
  return series.rows.flatMap((row) =>
    row.cells.map((cell) => ({
      metric: row.metric.id,
      label: row.metric.label,
      unit: row.metric.unit,
      group: row.metric.group,
      year: cell.year,
      written: writeStat(cell.value),
      shown: cell.shown,
      status: cell.value.kind,
      value: statNumber(cell.value) ?? null,
    })),
  );
}

export interface StatsDocument {
  title: string;
  organization: string;
  edition: 'public' | 'internal';
  years: number[];
  metrics: Pick<Metric, 'id' | 'label' | 'unit' | 'group' | 'better' | 'public' | 'description'>[];
  values: StatRecord[];
}

export function statsDocument(site: { title: string; organization: string }, edition: 'public' | 'internal', series: Series): StatsDocument {
  return {
    title: site.title,
    organization: site.organization,
    edition,
    years: series.years,
    metrics: series.rows.map(({ metric: m }) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      group: m.group,
      better: m.better,
      public: m.public,
      ...(m.description !== undefined && { description: m.description }),
    })),
    values: statRecords(series),
  };
}

export const CSV_COLUMNS = ['指标id', '指标', '单位', '分组', '年份', '填报值', '显示值'] as const;

/**
 * UTF-8 with a byte-order mark and CRLF line ends, so Excel on a Chinese Windows machine opens it
 * as UTF-8 instead of guessing GBK. 填报值 is empty when not reported. A text cell that would start a
 * formula gets a leading apostrophe and double quotes (csv-formula.ts): the reader sees the text, Excel
 * runs nothing.
 */
export function statsCsv(records: StatRecord[]): string {
  return stringify(
    records.map((r) => [r.metric, r.label, r.unit, r.group, r.year, r.written ?? '', r.shown].map(neutraliseFormula)),
    { bom: true, header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /^'/ },
  );
}
