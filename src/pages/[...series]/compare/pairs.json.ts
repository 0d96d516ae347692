// /compare/pairs.json: the years and the compare pages that were built, read by the compare picker's
// script. One shared file, so the picker in every report and compare page stays the same size whatever
// the number of years.
import type { APIRoute } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { perSeries } from '../../../data/routes.ts';
import { comparePairsDocument } from '../../../lib/series/trends.ts';

export const getStaticPaths = perSeries;

export const GET: APIRoute = async ({ params }) => {
  const { years, pairs } = await siteData(params.series);
  return new Response(`${JSON.stringify(comparePairsDocument(years, pairs))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
