// /data/stats.csv: the same figures for Excel (UTF-8 with BOM, CRLF), masked for the public edition.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { statRecords, statsCsv } from '../../../lib/series/stats-export.ts';

export const GET: APIRoute = async () => {
  const { series } = await siteData();
  return new Response(statsCsv(statRecords(series)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
