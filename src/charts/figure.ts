import { formatDate } from "../lib/format.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Source } from "../lib/sources.ts";
import type { RenderedChart } from "./render.ts";

/** The sources of the rows drawn, in first-use order: a chart credits exactly what it shows. */
export function chartSources(chart: RenderedChart, sources: Map<string, Source>): Source[] {
  const ids = [...new Set(chart.rows.map((r) => String(r.source)))];
  return ids.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
}

/** « DREES (13 décembre 2024) », « Egora, citant la Cour des comptes (mai 2024) ». */
export function sourceLabel(s: Source): string {
  return `${s.publisher}${s.via ? `, citant ${s.via}` : ""} (${formatDate(s.date)})`;
}

/**
 * The chart as it appears in an article or on its own page: title, subtitle, the SVG, its sources
 * and a link to the table and downloads. Returned as markup because Markdown fences need a string.
 */
export function figureHtml(chart: RenderedChart, sources: Map<string, Source>, options: { linkToPage?: boolean } = {}): string {
  const { spec } = chart;
  const credits = chartSources(chart, sources).map(sourceLabel);
  const link = options.linkToPage ?? true;
  return [
    `<figure class="chart" id="graphique-${escapeHtml(spec.id)}">`,
    `<figcaption class="chart__caption"><span class="chart__title">${escapeHtml(spec.title)}</span>`,
    `<span class="chart__subtitle">${escapeHtml(spec.subtitle)}</span></figcaption>`,
    `<div class="chart__plot">${chart.svg}</div>`,
    `<p class="chart__source">${credits.length > 1 ? "Sources" : "Source"}\u00a0: ${escapeHtml(credits.join(" ; "))}. Graphique\u00a0: Sous objectif.</p>`,
    link ? `<p class="chart__more"><a href="/graphiques/${escapeHtml(spec.id)}/">Données, sources et téléchargements<span class="visually-hidden"> du graphique « ${escapeHtml(spec.title)} »</span></a></p>` : "",
    `</figure>`
  ].join("\n");
}
