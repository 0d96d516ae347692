// /data/items.json: every report's titled items (work, problems, causes, measures) with their anchors, as this
// edition shows them. Read by the portal's compare page to set two reports' items side by side; one file per
// series, so the compare page needs two small files whatever pair is chosen.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { perSeries } from '../../../data/routes.ts';
import { reportItemsDocument } from '../../../lib/series/items-export.ts';

export const getStaticPaths = perSeries;

export const GET: APIRoute = async ({ params }) => {
  const { site, reports } = await siteData(params.series);
  return new Response(`${JSON.stringify(reportItemsDocument(site, reports))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
