import type { APIRoute } from "astro";
import { bibtex, chartCitationRecord } from "../../../lib/citation-formats.ts";
import { siteOf } from "../../../lib/embed.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/<id>.bib: the chart's citation as a BibTeX entry. */
export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id, name: id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const { charts, catalogue } = getSite();
  const chart = charts.get(String(params.id))!;
  const record = chartCitationRecord(chart, catalogue.datasets.get(chart.spec.dataset)!, catalogue.sources, siteOf(site));
  return new Response(bibtex(record), { headers: { "content-type": "application/x-bibtex; charset=utf-8" } });
};
