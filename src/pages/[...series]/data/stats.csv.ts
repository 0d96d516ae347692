// /data/stats.csv: the same figures for Excel (UTF-8 with BOM, CRLF), masked for the public edition.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { perSeries } from '../../../data/routes.ts';
import { statRecords, statsCsv } from '../../../lib/series/stats-export.ts';

export const getStaticPaths = perSeries;

export const GET: APIRoute = async ({ params }) => {
  const { series } = await siteData(params.series);
  return new Response(statsCsv(statRecords(series)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
