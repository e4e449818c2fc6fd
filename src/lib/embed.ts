/**
 * What a newsroom pastes to embed a chart: the <iframe> snippet, its oEmbed description and the
 * message the embed page sends to resize its frame. Pure functions of the chart declaration and the
 * site's address, so the chart page, the oEmbed file and the tests all build the same markup.
 */
import { escapeHtml } from "./html.ts";
import { routes } from "./routes.ts";

/** What these helpers need of a rendered chart (src/charts/render.ts RenderedChart fits). */
export interface EmbeddableChart {
  spec: { id: string; title: string; subtitle: string };
  /** The chart's SVG, or Plot's <figure> wrapping a legend and the SVG. */
  svg: string;
}

export const PROVIDER_NAME = "Sous objectif";

/** `type` of the postMessage payload the embed page sends to its parent: { type, id, height }. */
export const RESIZE_MESSAGE = "sous-objectif:embed-height";

/** `type` of the message the resize script sends to frames loaded before it: « tell me your height again ». */
export const RESIZE_PING = "sous-objectif:embed-ping";

/** Data attribute the snippet puts on its iframe, naming the chart: the resize script matches on it. */
export const EMBED_ATTRIBUTE = "data-sous-objectif-graphique";

/** Size of the drawing: the viewBox of the chart's main <svg> (the last one: Plot puts legends first). */
export function chartViewBox(svg: string): { width: number; height: number } {
  const tags = [...svg.matchAll(/<svg\b[^>]*>/g)].map((m) => m[0]);
  for (const tag of tags.reverse()) {
    const viewBox = /\bviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(tag);
    if (viewBox) return { width: Number(viewBox[1]), height: Number(viewBox[2]) };
  }
  throw new Error("balisage du graphique : attendu un <svg> avec un viewBox, trouvé aucun");
}

/** Pixel width assumed for the default height: a typical article column. */
export const DEFAULT_EMBED_WIDTH = 600;

/**
 * Default iframe height, before (or without) the resize script: the chart scaled to a 600 px column,
 * plus its title, subtitle, legend and source lines wrapped at that width, rounded up to 10 px.
 * Generous on purpose: a little blank space is better than a chart cut off in a newsroom's page.
 */
export function defaultEmbedHeight(chart: EmbeddableChart, sourceLine = ""): number {
  const { width, height } = chartViewBox(chart.svg);
  const inner = DEFAULT_EMBED_WIDTH - 2 * 12;
  const plot = height * Math.min(1, inner / width);
  const lines = (text: string, charsPerLine: number) => Math.max(1, Math.ceil(text.length / charsPerLine));
  const legend = /<figure\b/.test(chart.svg) ? 40 : 0;
  const title = lines(chart.spec.title, 48) * 24;
  const subtitle = lines(chart.spec.subtitle, 80) * 19;
  const source = lines(sourceLine || "Source : x", 85) * 18 + 22;
  const padding = 12 * 2 + 6 * 4;
  return Math.ceil((plot + legend + title + subtitle + source + padding) / 10) * 10;
}

/** The site's address as Astro gives it to pages and endpoints (astro.config `site`); required. */
export function siteOf(site: URL | undefined): URL {
  if (!site) throw new Error("astro.config.mjs : attendu `site` (l'adresse publique du site), trouvé aucune");
  return site;
}

/** Absolute URL of a path of the site, from the configured site address (astro.config `site`). */
export function absolute(path: string, site: URL | string): string {
  return new URL(path, site).href;
}

/** The iframe a newsroom pastes: titled, lazy, full width, high enough to show the chart without the script. */
export function embedIframe(chart: EmbeddableChart, site: URL | string, sourceLine = ""): string {
  const { id, title } = chart.spec;
  const src = absolute(routes.embed(id), site);
  const height = defaultEmbedHeight(chart, sourceLine);
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(`Graphique : ${title}`)}" ${EMBED_ATTRIBUTE}="${escapeHtml(id)}" width="100%" height="${height}" loading="lazy" style="width:100%;border:0;display:block"></iframe>`;
}

/** The optional resize script, served from the site itself. */
export function embedScriptTag(site: URL | string): string {
  return `<script async src="${escapeHtml(absolute(routes.file("/embed.js"), site))}"></script>`;
}

/** The full snippet: iframe, then the optional resize script. */
export function embedSnippet(chart: EmbeddableChart, site: URL | string, sourceLine = ""): string {
  return `${embedIframe(chart, site, sourceLine)}\n${embedScriptTag(site)}`;
}

export interface OEmbed {
  type: "rich";
  version: "1.0";
  title: string;
  html: string;
  width: number;
  height: number;
  provider_name: string;
  provider_url: string;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/** Size of the social image of every chart and article (Open Graph, oEmbed thumbnail). */
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

/** URLs of a chart's downloads, next to its page: /graphiques/<id>/<id>.csv, .svg, .png, -social.png, -LISEZMOI.txt. */
export function chartFiles(id: string): { csv: string; svg: string; png: string; social: string; readme: string } {
  const base = `${routes.chart(id)}${id}`;
  return { csv: `${base}.csv`, svg: `${base}.svg`, png: `${base}.png`, social: `${base}-social.png`, readme: `${base}-LISEZMOI.txt` };
}

/** Path of a chart's static oEmbed description. */
export function oembedPath(id: string): string {
  return `${routes.embed(id)}oembed.json`;
}

/** The oEmbed « rich » answer for a chart (https://oembed.com/#section2.3.4). */
export function oembed(chart: EmbeddableChart, site: URL | string, sourceLine = ""): OEmbed {
  return {
    type: "rich",
    version: "1.0",
    title: chart.spec.title,
    html: embedIframe(chart, site, sourceLine),
    width: DEFAULT_EMBED_WIDTH,
    height: defaultEmbedHeight(chart, sourceLine),
    provider_name: PROVIDER_NAME,
    provider_url: absolute(routes.home(), site),
    thumbnail_url: absolute(chartFiles(chart.spec.id).social, site),
    thumbnail_width: SOCIAL_SIZE.width,
    thumbnail_height: SOCIAL_SIZE.height
  };
}
