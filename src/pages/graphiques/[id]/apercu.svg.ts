import type { APIRoute } from "astro";
import { thumbnailSvg } from "../../../charts/export.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/apercu.svg: the small picture of the chart shown on /graphiques/. */
export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id } }));
}

export const GET: APIRoute = ({ params }) => {
  const chart = getSite().charts.get(String(params.id))!;
  return new Response(thumbnailSvg(chart), { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
};
