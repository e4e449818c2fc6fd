/** /sitemap.xml: every page of the site (src/lib/feeds.ts sitemapPaths). */
import type { APIContext } from "astro";
import { sitemapXml } from "../lib/feeds.ts";
import { siteOf } from "../lib/embed.ts";
import { getSite } from "../lib/site.ts";

export function GET({ site }: APIContext): Response {
  return new Response(sitemapXml(getSite(), siteOf(site)), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
