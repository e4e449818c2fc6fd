/** /donnees/datapackage.json: the whole catalogue as one Frictionless Data Package. */
import type { APIContext } from "astro";
import { cataloguePackage } from "../../lib/datapackage.ts";
import { siteOf } from "../../lib/embed.ts";
import { getSite } from "../../site/site.ts";

export function GET({ site }: APIContext): Response {
  return new Response(JSON.stringify(cataloguePackage(getSite().catalogue, siteOf(site)), null, 2), { headers: { "content-type": "application/json; charset=utf-8" } });
}
