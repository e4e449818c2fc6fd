import type { APIRoute } from "astro";
import { standaloneSvg } from "../../../charts/export.ts";
import { routes } from "../../../lib/routes.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/<id>.svg: the chart as a standalone image, title and sources drawn in. */
export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id, name: id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const { charts, catalogue } = getSite();
  const chart = charts.get(String(params.id))!;
  const permalink = new URL(routes.chart(chart.spec.id), site).href;
  return new Response(standaloneSvg(chart, catalogue, permalink), { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
};
