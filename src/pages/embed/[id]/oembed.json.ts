/** /embed/<id>/oembed.json: the static oEmbed « rich » description of a chart (discovered from its page). */
import type { APIContext } from "astro";
import type { RenderedChart } from "../../../charts/render.ts";
import { MAX_CREDITED, sourceLine } from "../../../lib/citation.ts";
import { oembed, siteOf } from "../../../lib/embed.ts";
import { getSite } from "../../../site/site.ts";

export function getStaticPaths() {
  return [...getSite().charts.values()].map((chart) => ({ params: { id: chart.spec.id }, props: { chart } }));
}

export function GET({ props, site }: APIContext): Response {
  const { chart } = props as { chart: RenderedChart };
  const credits = sourceLine(chart, getSite().catalogue.sources, MAX_CREDITED);
  const body = oembed(chart, siteOf(site), credits);
  return new Response(JSON.stringify(body, null, 2) + "\n", { headers: { "content-type": "application/json; charset=utf-8" } });
}
