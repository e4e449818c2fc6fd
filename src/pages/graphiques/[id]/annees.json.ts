import type { APIRoute } from "astro";
import { mapFramesJson } from "../../../charts/map/index.ts";
import { getSite } from "../../../site/site.ts";

/** /graphiques/<id>/annees.json: every year of a map with a year control (src/components/MapFrames.astro). */
function framed(): { id: string; json: string }[] {
  const site = getSite();
  return [...site.charts.values()].flatMap((chart) => {
    const json = mapFramesJson(chart.spec.id, chart.rows, site.catalogue.datasets.get(chart.spec.dataset)!, site.catalogue);
    return json ? [{ id: chart.spec.id, json }] : [];
  });
}

export function getStaticPaths() {
  return framed().map(({ id, json }) => ({ params: { id }, props: { json } }));
}

export const GET: APIRoute = ({ props }) => new Response((props as { json: string }).json, { headers: { "content-type": "application/json; charset=utf-8" } });
