/** /embed/<id>/oembed.json: the static oEmbed « rich » description of a chart (discovered from its page). */
import type { APIContext } from "astro";
import type { RenderedChart } from "../../../charts/render.ts";
import { oembed, siteOf } from "../../../lib/embed.ts";
import { embedOptions } from "../../../site/embed-page.ts";
import { getSite } from "../../../site/site.ts";

export function getStaticPaths() {
  return [...getSite().charts.values()].map((chart) => ({ params: { id: chart.spec.id }, props: { chart } }));
}

export function GET({ props, site }: APIContext): Response {
  const { chart } = props as { chart: RenderedChart };
  const body = oembed(chart, siteOf(site), embedOptions(chart, getSite().catalogue));
  return new Response(JSON.stringify(body, null, 2) + "\n", { headers: { "content-type": "application/json; charset=utf-8" } });
}
