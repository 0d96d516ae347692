// /data/stats.json: every metric × year, masked for the public edition like every other page.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { perSeries } from '../../../data/routes.ts';
import { statsDocument } from '../../../lib/series/stats-export.ts';

export const getStaticPaths = perSeries;

export const GET: APIRoute = async ({ params }) => {
  const { site, edition, series } = await siteData(params.series);
  return new Response(JSON.stringify(statsDocument(site, edition, series), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
