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

/**
 * Heights of a chart's embed measured in Chromium (src/site/embed-page.ts): [column width, frame height]
 * points of a piecewise-linear function never below the content and at most 40 px above it.
 */
export interface EmbedHeights {
  knots: [number, number][];
}

/** Height of the frame at a column width, from measured knots (constant beyond the first and last). */
export function heightAt({ knots }: EmbedHeights, width: number): number {
  const [first] = knots;
  if (!first || width <= first[0]) return first?.[1] ?? 0;
  for (let i = 1; i < knots.length; i++) {
    const [a, fa] = knots[i - 1]!;
    const [b, fb] = knots[i]!;
    if (width <= b) return Math.ceil(fa + ((fb - fa) * (width - a)) / (b - a));
  }
  return knots.at(-1)![1];
}

const n3 = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * The same function in CSS, for the iframe's height: 100cqw is the width of the wrapper that the
 * snippet declares a size container, so the height follows the column without any script. Each segment
 * adds its slope times the part of the width that falls in it (clamp).
 */
export function heightCss({ knots }: EmbedHeights): string {
  const terms = knots.slice(1).map(([b, fb], i) => {
    const [a, fa] = knots[i]!;
    const slope = (fb - fa) / (b - a);
    if (slope === 0) return "";
    return ` ${slope < 0 ? "-" : "+"} ${n3(Math.abs(slope))}*clamp(0px,100cqw - ${a}px,${b - a}px)`;
  });
  return `calc(${knots[0]![1]}px${terms.join("")})`;
}

/** What a snippet may carry besides the chart: its credits line, measured heights, the day it was copied. */
export interface EmbedOptions {
  /** The credits line shown in the embed (the estimate of the height counts its lines). */
  sourceLine?: string;
  measured?: EmbedHeights;
  /**
   * The day (YYYY-MM-DD) the snippet was copied, in data-publie-le and in the frame's address
   * (?publie-le=), which the embed reads to say « chiffres révisés depuis la publication ».
   */
  published?: string;
}

/** Name of the frame address's parameter that carries the day a snippet was copied. */
export const PUBLISHED_PARAM = "publie-le";

/**
 * The iframe a newsroom pastes: titled, lazy, full width, high enough to show the chart without the script.
 * With measured heights, a wrapper makes the column a size container and the frame's height follows its
 * width (heightCss); the height attribute (600 px column) remains for hosts that strip styles.
 */
export function embedIframe(chart: EmbeddableChart, site: URL | string, { sourceLine = "", measured, published }: EmbedOptions = {}): string {
  const { id, title } = chart.spec;
  const src = absolute(routes.embed(id), site) + (published ? `?${PUBLISHED_PARAM}=${published}` : "");
  const height = measured ? heightAt(measured, DEFAULT_EMBED_WIDTH) : defaultEmbedHeight(chart, sourceLine);
  const style = `width:100%;border:0;display:block${measured ? `;height:${heightCss(measured)}` : ""}`;
  const date = published ? ` data-publie-le="${escapeHtml(published)}"` : "";
  const iframe = `<iframe src="${escapeHtml(src)}" title="${escapeHtml(`Graphique : ${title}`)}" ${EMBED_ATTRIBUTE}="${escapeHtml(id)}"${date} width="100%" height="${height}" loading="lazy" style="${style}"></iframe>`;
  return measured ? `<div style="container-type:inline-size">${iframe}</div>` : iframe;
}

/** The optional resize script, served from the site itself. */
export function embedScriptTag(site: URL | string): string {
  return `<script async src="${escapeHtml(absolute(routes.file("/embed.js"), site))}"></script>`;
}

/** The full snippet: iframe, then the optional resize script. */
export function embedSnippet(chart: EmbeddableChart, site: URL | string, options: EmbedOptions = {}): string {
  return `${embedIframe(chart, site, options)}\n${embedScriptTag(site)}`;
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
export function oembed(chart: EmbeddableChart, site: URL | string, options: EmbedOptions = {}): OEmbed {
  return {
    type: "rich",
    version: "1.0",
    title: chart.spec.title,
    html: embedIframe(chart, site, options),
    width: DEFAULT_EMBED_WIDTH,
    height: options.measured ? heightAt(options.measured, DEFAULT_EMBED_WIDTH) : defaultEmbedHeight(chart, options.sourceLine),
    provider_name: PROVIDER_NAME,
    provider_url: absolute(routes.home(), site),
    thumbnail_url: absolute(chartFiles(chart.spec.id).social, site),
    thumbnail_width: SOCIAL_SIZE.width,
    thumbnail_height: SOCIAL_SIZE.height
  };
}
