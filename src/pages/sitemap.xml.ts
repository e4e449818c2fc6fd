/** /sitemap.xml: every page of the site (src/site/feeds.ts sitemapPaths). */
import type { APIContext } from "astro";
import { sitemapXml } from "../site/feeds.ts";
import { siteOf } from "../lib/embed.ts";
import { getSite } from "../site/site.ts";

export function GET({ site }: APIContext): Response {
  return new Response(sitemapXml(getSite(), siteOf(site)), { headers: { "content-type": "application/xml; charset=utf-8" } });
}
