/** /robots.txt: everything may be crawled; the sitemap lists every page. */
import type { APIContext } from "astro";
import { siteOf } from "../lib/embed.ts";
import { robotsTxt } from "../site/feeds.ts";

export function GET({ site }: APIContext): Response {
  return new Response(robotsTxt(siteOf(site)), { headers: { "content-type": "text/plain; charset=utf-8" } });
}
