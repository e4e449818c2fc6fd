/** /donnees/historique.xml: RSS 2.0 feed of the changes to every dataset, from the repository's history. */
import type { APIContext } from "astro";
import { siteOf } from "../../lib/embed.ts";
import { dataChangesXml } from "../../lib/history-feed.ts";
import { getSite } from "../../site/site.ts";

export function GET({ site }: APIContext): Response {
  return new Response(dataChangesXml(getSite().catalogue, siteOf(site)), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
