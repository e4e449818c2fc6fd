/**
 * What a page says about itself to other sites: the social card (Open Graph / Twitter), the oEmbed
 * discovery of chart pages, the article dates. Derived from the page path and the checked site, so
 * every page gets it from the layout without its template having to pass anything.
 */
import { articleCitationRecord, chartCitationRecord, citationMetaTags } from "../lib/citation-formats.ts";
import { chartFiles, oembedPath, SOCIAL_SIZE } from "../lib/embed.ts";
import { routes } from "../lib/routes.ts";
import type { Site } from "./site.ts";
import { articleJsonLd, chartJsonLd, datasetJsonLd, type JsonLd } from "./structured-data.ts";

export interface PageMeta {
  type: "website" | "article";
  image: { url: string; width: number; height: number; alt: string };
  /** oEmbed discovery (chart pages). */
  oembed?: { href: string; title: string };
  /** ISO date of an article. */
  published?: string;
  /** `citation_*` and Dublin Core tags of a work readers cite (dossiers, chart pages). */
  citation?: { name: string; content: string }[];
  /** schema.org description of the page's work (structured-data.ts): dossiers, datasets, charts. */
  jsonLd?: JsonLd;
}

/** Social card of an article (generated at build time by scripts/postbuild.ts). */
export function articleImagePath(slug: string): string {
  return `${routes.article(slug)}og.png`;
}

/** Social card of every other page (served path, base included). */
export const SITE_IMAGE_PATH = routes.file("/og.png");

export function pageMeta(path: string, site: Pick<Site, "articles" | "charts"> & Partial<Pick<Site, "catalogue">>, base: URL | string): PageMeta {
  const abs = (p: string) => new URL(p, base).href;
  const size = { width: SOCIAL_SIZE.width, height: SOCIAL_SIZE.height };
  for (const chart of site.charts.values()) {
    const { id, title, subtitle } = chart.spec;
    if (path !== routes.chart(id)) continue;
    const dataset = site.catalogue?.datasets.get(chart.spec.dataset);
    return {
      type: "website",
      image: { url: abs(chartFiles(id).social), ...size, alt: `Graphique « ${title} » : ${subtitle}.` },
      oembed: { href: abs(oembedPath(id)), title },
      ...(dataset && site.catalogue
        ? { citation: citationMetaTags(chartCitationRecord(chart, dataset, site.catalogue.sources, base)), jsonLd: chartJsonLd(chart, dataset, site.catalogue, base) }
        : {})
    };
  }
  const article = site.articles.find((a) => path === routes.article(a.slug));
  if (article)
    return {
      type: "article",
      image: { url: abs(articleImagePath(article.slug)), ...size, alt: `${article.title} — ${article.summary}` },
      published: article.date,
      citation: citationMetaTags(articleCitationRecord(article, base)),
      jsonLd: articleJsonLd(article, articleImagePath(article.slug), base)
    };
  for (const dataset of site.catalogue?.datasets.values() ?? [])
    if (path === routes.dataset(dataset.id)) return { ...sitePage(abs, size), jsonLd: datasetJsonLd(dataset, base) };
  return sitePage(abs, size);
}

function sitePage(abs: (p: string) => string, size: { width: number; height: number }): PageMeta {
  return { type: "website", image: { url: abs(SITE_IMAGE_PATH), ...size, alt: "Sous objectif : les contrôles des arrêts de travail, en données." } };
}
