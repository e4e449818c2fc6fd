/** /rss.xml: RSS 2.0 feed of the dossiers. */
import type { APIContext } from "astro";
import { rssXml } from "../site/feeds.ts";
import { siteOf } from "../lib/embed.ts";
import { getSite } from "../site/site.ts";

export function GET({ site }: APIContext): Response {
  return new Response(rssXml(getSite(), siteOf(site)), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
