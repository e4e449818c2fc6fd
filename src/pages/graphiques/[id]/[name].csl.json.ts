import type { APIRoute } from "astro";
import { chartCitationRecord, cslJson } from "../../../lib/citation-formats.ts";
import { siteOf } from "../../../lib/embed.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/<id>.csl.json: the chart's citation as CSL-JSON (Zotero, Pandoc, citeproc). */
export function getStaticPaths() {
  return [...getSite().charts.keys()].map((id) => ({ params: { id, name: id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const { charts, catalogue } = getSite();
  const chart = charts.get(String(params.id))!;
  const record = chartCitationRecord(chart, catalogue.datasets.get(chart.spec.dataset)!, catalogue.sources, siteOf(site));
  return new Response(cslJson(record), { headers: { "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8" } });
};
