// A series' items as data (/data/items.json): for each year, the report's title and its titled items by kind, each
// with the anchor of its paragraph. What the portal's compare page reads to set two reports side by side.
import { items, type ItemKind, type ReportStructure } from '../structure/structure.ts';

export interface ItemsDocument {
  organization: string;
  title: string;
  reports: { year: number; title: string; items: { kind: ItemKind; title: string; anchor: string }[] }[];
}

export function reportItemsDocument(site: { organization: string; title: string }, reports: readonly { year: number; title: string; structure: ReportStructure }[]): ItemsDocument {
  return {
    organization: site.organization,
    title: site.title,
    reports: reports.map((r) => ({
      year: r.year,
      title: r.title,
      items: items(r.structure)
        .filter((i) => i.item.kind !== 'other')
        .map((i) => ({ kind: i.item.kind, title: i.item.title, anchor: i.id })),
    })),
  };
}
