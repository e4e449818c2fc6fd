/**
 * The site as other programs read it: the RSS feed of dossiers, the sitemap of every page, robots.txt.
 * The sitemap enumerates pages with allRoutes(), the same list the link checker trusts, from the
 * checked site: a page the site builds cannot be missing from it.
 */
import { REFERENCE_DATASET } from "../lib/catalogue.ts";
import { newestFirst } from "../lib/corrections.ts";
import { escapeHtml } from "../lib/html.ts";
import { allRoutes, routes, type RouteInputs } from "../lib/routes.ts";
import type { Site } from "./site.ts";
import { comparisonGroups } from "../lib/comparison-groups.ts";

/** Served paths (base path included) of the feed and the sitemap. */
export const FEED_PATH = routes.file("/rss.xml");
export const SITEMAP_PATH = routes.file("/sitemap.xml");
export const FEED_TITLE = "Sous objectif — dossiers";
export const SITE_DESCRIPTION =
  "Site indépendant de data-journalisme sur les indemnités journalières et les contrôles de l'Assurance maladie visant les médecins qui prescrivent des arrêts de travail.";

type SiteParts = Pick<Site, "articles" | "charts" | "catalogue">;

export function routeInputs(site: SiteParts): RouteInputs {
  return {
    articleSlugs: site.articles.map((a) => a.slug),
    chartIds: [...site.charts.keys()],
    datasetIds: [...site.catalogue.datasets.keys()],
    departementCodes: site.catalogue.datasets.get(REFERENCE_DATASET)?.rows.map((r) => String(r.code)) ?? [],
    comparisonGroups: comparisonGroups(site.catalogue).map((g) => g.id)
  };
}

/**
 * Every page a search engine should list: all routes but the embeds (frames for other sites, whose
 * canonical URL is their chart page), sorted.
 */
export function sitemapPaths(site: SiteParts): string[] {
  const embeds = new Set([...site.charts.keys()].map(routes.embed));
  return [...allRoutes(routeInputs(site))].filter((p) => !embeds.has(p)).sort();
}

/** Last modification date of a page, where the data says it (article date, dataset update). */
function lastmod(path: string, site: SiteParts): string | undefined {
  const article = site.articles.find((a) => routes.article(a.slug) === path);
  if (article) return article.date;
  for (const [id, d] of site.catalogue.datasets) if (routes.dataset(id) === path) return d.meta.updated;
  for (const c of site.charts.values()) if (routes.chart(c.spec.id) === path) return site.catalogue.datasets.get(c.spec.dataset)?.meta.updated;
  return undefined;
}

export function sitemapXml(site: SiteParts, base: URL | string): string {
  const urls = sitemapPaths(site).map((p) => {
    const mod = lastmod(p, site);
    return `  <url><loc>${escapeHtml(new URL(p, base).href)}</loc>${mod ? `<lastmod>${mod}</lastmod>` : ""}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

/** RFC 822 date of an ISO day, at midnight UTC (RSS 2.0 pubDate). */
export function rfc822(isoDay: string): string {
  return new Date(`${isoDay}T00:00:00Z`).toUTCString();
}

/**
 * RSS items announcing corrections: a reader who followed a dossier learns that it changed, and
 * what changed, without having to revisit it.
 */
function correctionItems(site: Pick<Site, "articles"> & Partial<Pick<Site, "corrections">>, abs: (p: string) => string): string[] {
  return newestFirst(site.corrections ?? []).map((c) => {
    const article = site.articles.find((a) => a.slug === c.target.articleSlug);
    const link = `${abs(routes.corrections())}#${c.id}`;
    return [
      "    <item>",
      `      <title>${escapeHtml(`Correction : ${article ? article.title : c.page}`)}</title>`,
      `      <link>${link}</link>`,
      `      <guid isPermaLink="true">${link}</guid>`,
      `      <pubDate>${rfc822(c.date)}</pubDate>`,
      "      <category>correction</category>",
      `      <description>${escapeHtml(`Nous écrivions : ${c.avant} Désormais : ${c.apres}`)}</description>`,
      "    </item>"
    ].join("\n");
  });
}

export function rssXml(site: Pick<Site, "articles"> & Partial<Pick<Site, "corrections">>, base: URL | string): string {
  const abs = (p: string) => escapeHtml(new URL(p, base).href);
  const latest = [...site.articles.map((a) => a.date), ...(site.corrections ?? []).map((c) => c.date)].sort().at(-1);
  const items = site.articles.map((a) =>
    [
      "    <item>",
      `      <title>${escapeHtml(a.title)}</title>`,
      `      <link>${abs(routes.article(a.slug))}</link>`,
      `      <guid isPermaLink="true">${abs(routes.article(a.slug))}</guid>`,
      `      <pubDate>${rfc822(a.date)}</pubDate>`,
      `      <dc:creator>${escapeHtml(a.author)}</dc:creator>`,
      ...a.tags.map((t) => `      <category>${escapeHtml(t)}</category>`),
      `      <description>${escapeHtml(a.summary)}</description>`,
      "    </item>"
    ].join("\n")
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    "  <channel>",
    `    <title>${escapeHtml(FEED_TITLE)}</title>`,
    `    <link>${abs(routes.home())}</link>`,
    `    <description>${escapeHtml(SITE_DESCRIPTION)}</description>`,
    "    <language>fr</language>",
    `    <atom:link href="${abs(FEED_PATH)}" rel="self" type="application/rss+xml"/>`,
    ...(latest ? [`    <lastBuildDate>${rfc822(latest)}</lastBuildDate>`] : []),
    ...correctionItems(site, abs),
    ...items,
    "  </channel>",
    "</rss>",
    ""
  ].join("\n");
}

export function robotsTxt(base: URL | string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(SITEMAP_PATH, base).href}\n`;
}
