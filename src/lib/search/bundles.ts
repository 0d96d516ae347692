// Fewer, larger pagefind records. Pagefind's cost grows with the number of records far more than with
// the text (each record is a page to it: its own fragment, meta and filter entries), and one record per
// paragraph made the index the slowest step of the build. So the paragraphs of one report (one year, and
// in a portal one series) and one kind are written as one bundle record, up to BUNDLE_CHARS characters, and the search page splits a loaded
// bundle back into its paragraphs before the phrase check: results, anchors, kinds and filters are
// exactly those of the paragraphs. A bundle holds every character of each of its paragraphs, so the
// candidate step still cannot miss one; the phrase check runs per paragraph, so nothing matches across two.
import type { RecordData } from './hits.ts';
import type { SearchRecord } from './records.ts';
import { ZWS } from './normalise.ts';

/**
 * Between two paragraphs of a bundle: a control character no report text holds (any in a paragraph is
 * dropped first) and that pagefind keeps in the content it returns.
 */
export const PARAGRAPH_BREAK = '\u001e';

/**
 * Most characters of text in one bundle (a longer paragraph is a bundle of its own). About eight paragraphs:
 * large enough that pagefind's per-record cost is paid a few hundred times rather than thousands, small
 * enough that a search still downloads little more than the paragraphs it finds.
 */
export const BUNDLE_CHARS = 1500;

/** One paragraph inside a bundle's meta.paras: anchor, position, title, section, item. */
type ParagraphMeta = { a: string; p: number; t: string; s?: string; i?: 1 };

const visibleLength = (content: string) => content.length - (content.match(/\u200B/g)?.length ?? 0);

/**
 * The paragraph records of a site (searchRecords, by series then oldest year first) as bundles: consecutive
 * paragraphs of one report (series and year) and one kind, in reading order, up to `maxChars` characters
 * each. A bundle never holds two series: its filters and its series and office meta are those of every paragraph in it.
 */
export function bundleRecords(paragraphs: SearchRecord[], maxChars = BUNDLE_CHARS): SearchRecord[] {
  const groups = new Map<string, SearchRecord[][]>();
  const size = new Map<SearchRecord[], number>();
  for (const r of paragraphs) {
    const key = `${r.meta.series ?? ''}\0${r.meta.year}\0${r.filters.kind?.[0] ?? 'other'}`;
    const list = groups.get(key) ?? [];
    if (!groups.has(key)) groups.set(key, list);
    const last = list.at(-1);
    const n = visibleLength(r.content);
    if (last && (size.get(last) ?? 0) + n <= maxChars) {
      last.push(r);
      size.set(last, (size.get(last) ?? 0) + n);
    } else {
      const fresh = [r];
      list.push(fresh);
      size.set(fresh, n);
    }
  }
  const out: SearchRecord[] = [];
  for (const list of groups.values()) {
    for (const members of list) {
      const first = members[0] as SearchRecord;
      const paras: ParagraphMeta[] = members.map((r) => ({
        a: r.meta.anchor ?? '',
        p: Number(r.meta.pos ?? 0),
        t: r.meta.title ?? '',
        ...(r.meta.section !== undefined && { s: r.meta.section }),
        ...(r.meta.item === '1' && { i: 1 as const }),
      }));
      out.push({
        // Unique per bundle (pagefind keys records by url); the page links from meta, never from this.
        url: `${first.url.replace(/#.*$/, '')}#${first.meta.anchor || 'top'}~${members.length}`,
        content: members.map((r) => r.content.replaceAll(PARAGRAPH_BREAK, ' ')).join(`${ZWS}${PARAGRAPH_BREAK}${ZWS}`),
        language: first.language,
        meta: { year: first.meta.year ?? '', ...seriesMeta(first.meta), paras: JSON.stringify(paras) },
        filters: first.filters,
        sort: { year: first.sort.year ?? first.meta.year ?? '' },
      });
    }
  }
  return out;
}

/** A portal record's series and office, the same for every paragraph of a bundle. */
function seriesMeta(meta: Record<string, string | undefined>): { series?: string; office?: string } {
  return { ...(meta.series !== undefined && { series: meta.series }), ...(meta.office !== undefined && { office: meta.office }) };
}

/** A loaded bundle (pagefind's data()) as the paragraph records it was made of, for the phrase check. */
export function unbundle(data: RecordData): RecordData[] {
  const raw = data.meta.paras;
  if (raw === undefined) return [data]; // a paragraph record of its own
  const paras = JSON.parse(raw) as ParagraphMeta[];
  const texts = data.content.split(PARAGRAPH_BREAK);
  // Never guess which text belongs to which anchor: a bundle that does not split evenly is an index from another version.
  if (texts.length !== paras.length) throw new Error(`搜索索引与本页不匹配（${data.meta.year ?? ''}年一条记录应有 ${paras.length} 段，实为 ${texts.length} 段）：请重新运行 npm run build`);
  return paras.map((p, k) => ({
    content: (texts[k] as string).trim(),
    meta: { year: data.meta.year, ...seriesMeta(data.meta), anchor: p.a, pos: String(p.p), title: p.t, ...(p.s !== undefined && { section: p.s }), ...(p.i && { item: '1' }) },
    filters: data.filters,
  }));
}
