import type { APIRoute } from "astro";
import { chartCsv } from "../../../charts/export.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/<id>.csv: exactly the rows the chart draws, every column of its dataset. */
export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id, name: id } }));
}

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  const chart = site.charts.get(String(params.id))!;
  const dataset = site.catalogue.datasets.get(chart.spec.dataset)!;
  return new Response(chartCsv(chart.rows, dataset, chart.spec.columns), { headers: { "content-type": "text/csv; charset=utf-8" } });
};
