/**
 * The body of an embed page (/embed/<id>/) and the heights its frame needs without the resize script.
 *
 * Newsrooms whose CMS strips scripts (AMP, Apple News, sanitisers) keep the snippet's own height: it
 * must fit the content at any column width. The content's height is measured in Chromium for widths
 * of 280 to 1 280 px (`npm run embed:measure`, src/charts/embed-heights.json) and written into the
 * snippet as a piecewise-linear function of the column width, in CSS (container query units), that is
 * never below the content and at most 40 px above it. The measures hold for one layout: each carries
 * the key of the body it was made on; when a chart's text or drawing size changes, the key no longer
 * matches, the snippet falls back to a generous estimate and the build names the charts to re-measure.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LegendItem } from "../charts/define.ts";
import { legendHtml } from "../charts/figure.ts";
import type { RenderedChart } from "../charts/render.ts";
import { MAX_CREDITED, sourceLine } from "../lib/citation.ts";
import type { EmbedHeights, EmbedOptions } from "../lib/embed.ts";
import { escapeHtml as esc } from "../lib/html.ts";
import { routes } from "../lib/routes.ts";
import { chartDates, dataDateLine, updatedLine, type ChartDates } from "./chart-dates.ts";
import type { Catalogue } from "../lib/catalogue.ts";

/** Where the measures are kept, in the project being built. */
export const embedHeightsFile = (root: string): string => join(root, "src", "charts", "embed-heights.json");

/** The revision line's texts: by default, and when the snippet predates a revision (the longer: measured). */
export const HISTORY_TEXT = "Historique des données";
export const REVISED_TEXT = "Chiffres révisés depuis la publication";

/** The dates of a chart of the site (n.d. without history). */
function datesOf(chart: RenderedChart, catalogue: Catalogue): ChartDates {
  const dataset = catalogue.datasets.get(chart.spec.dataset);
  return dataset ? chartDates(catalogue.root, chart, dataset) : { revisions: [] };
}

/**
 * The figure of an embed page: title, subtitle, drawing (narrow and wide), legend, credits, the data's
 * date, and a link to the chart page. Where the drawn values were revised after their first version, a
 * link to the dataset's history, which the frame's script turns into « Chiffres révisés depuis la
 * publication » when the snippet was copied (?publie-le=) before one of those days.
 */
export function embedBody(chart: RenderedChart, catalogue: Catalogue, pageUrl: string, site?: URL | string, datesText?: string[]): string {
  const { spec } = chart;
  const credits = sourceLine(chart, catalogue.sources, MAX_CREDITED);
  // A responsive chart also has a narrow drawing, legible in a phone-wide frame (shown below 480 px).
  const narrow = chart.svgNarrow;
  const legend = legendHtml((chart as { legend?: LegendItem[] }).legend ?? []);
  const dates = datesOf(chart, catalogue);
  const history = `${routes.dataset(spec.dataset)}#historique`;
  // The line is there whenever the values were ever revised, so that its height never depends on the
  // snippet: it links to the history, and says « chiffres révisés » when the snippet predates a revision.
  const notice =
    dates.revisions.length > 0
      ? `<p class="f r" data-revisions="${esc(dates.revisions.join(" "))}"><a href="${esc(site ? new URL(history, site).href : history)}" target="_blank" rel="noopener">${HISTORY_TEXT}</a></p>`
      : "";
  return [
    `<figure class="chart" id="graphique-${esc(spec.id)}">`,
    `<figcaption><h1>${esc(spec.title)}</h1><p class="s">${esc(spec.subtitle)}</p></figcaption>`,
    narrow ? `<div class="p n">${narrow}</div>` : "",
    `<div class="${narrow ? "p w" : "p"}">${chart.svg}</div>`,
    legend,
    `<p class="f">${esc(credits)}</p>`,
    // One line each: a short line never wraps, so a new day's date never changes the embed's height.
    `<p class="f d">${(datesText ?? datesLines(dates)).map(esc).join("<br>")}</p>`,
    notice,
    `<p class="f"><a href="${esc(pageUrl)}" target="_blank" rel="noopener">Données, sources et téléchargements<span class="v"> : « ${esc(spec.title)} » sur Sous objectif (nouvel onglet)</span></a></p>`,
    `</figure>`
  ].join("");
}

/** The snippet's options for a chart of the site: credits, measured heights, and the day of its last change as the default copy day. */
export function embedOptions(chart: RenderedChart, catalogue: Catalogue): EmbedOptions {
  const dates = datesOf(chart, catalogue);
  return {
    sourceLine: sourceLine(chart, catalogue.sources, MAX_CREDITED),
    measured: measuredEmbedHeights(chart, catalogue),
    published: dates.updated ?? dates.data
  };
}

/**
 * What the height of an embed depends on: its text, and the size of its drawings, not what they draw.
 * A new data row that leaves the text alone keeps the key; a longer title or legend changes it.
 */
export function embedLayoutKey(body: string): string {
  const layout = body.replace(/<svg\b[^>]*?\bviewBox="([^"]*)"[^>]*>[\s\S]*?<\/svg>/g, "[svg $1]");
  return createHash("sha256").update(layout).digest("hex").slice(0, 16);
}

export type EmbedHeightsTable = Record<string, EmbedHeights & { key: string }>;

const tables = new Map<string, EmbedHeightsTable>();
/** The measures of a project; none (every embed estimated) where there is no file. */
export function embedHeightsTable(root: string): EmbedHeightsTable {
  const file = embedHeightsFile(root);
  if (!tables.has(file)) tables.set(file, existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as EmbedHeightsTable) : {});
  return tables.get(file)!;
}

const datesLines = (dates: ChartDates): string[] => [dataDateLine(dates), updatedLine(dates)].filter((l): l is string => !!l);

/**
 * The longest the dates lines of a chart can be: measured in their place (scripts/embed-heights.ts) and
 * keyed instead of the real ones, so that a new « Données au … » day does not call for a new measure.
 */
export function longestDatesLines(chart: RenderedChart, catalogue: Catalogue): string[] {
  const dates = datesOf(chart, catalogue);
  const day = "2026-09-30";
  const updated = dates.updated && dates.updated !== dates.published ? day : dates.updated;
  return datesLines({ ...dates, data: dates.data && day, updated });
}

/** The key of a chart's embed layout (the link's address is left out: it changes no height). */
export const chartLayoutKey = (chart: RenderedChart, catalogue: Catalogue): string => embedLayoutKey(embedBody(chart, catalogue, "", undefined, longestDatesLines(chart, catalogue)));

/** The measured heights of a chart's embed, if they were measured on its current layout. */
export function measuredEmbedHeights(chart: RenderedChart, catalogue: Catalogue): EmbedHeights | undefined {
  const entry = embedHeightsTable(catalogue.root)[chart.spec.id];
  return entry && entry.key === chartLayoutKey(chart, catalogue) ? entry : undefined;
}

/** Charts whose embed layout changed since its heights were measured (or never measured). */
export function staleEmbedHeights(charts: Iterable<RenderedChart>, catalogue: Catalogue): string[] {
  return [...charts].filter((c) => !measuredEmbedHeights(c, catalogue)).map((c) => c.spec.id);
}
