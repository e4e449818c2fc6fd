import { creditLine } from "../lib/citation.ts";
import { formatDate } from "../lib/format.ts";
import { escapeHtml } from "../lib/html.ts";
import { routes } from "../lib/routes.ts";
import type { Source } from "../lib/sources.ts";
import { seriesClass, type LegendItem } from "./define.ts";
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
 * The chart as it appears in an article or on its own page: title, subtitle, the SVG, its legend, its
 * sources and a link to the table and downloads. Returned as markup because Markdown fences need a string.
 * A responsive chart carries both drawings; the narrow one replaces the wide one in narrow columns
 * (rules inside the narrow SVG), while the wide one stays the named, described image for assistive technology.
 * `titleShown: false` when the page's h1 is the chart's title. `sourcesHref`: where the full list of sources is, for a
 * chart drawn for one page only (a département's series), which has no chart page of its own.
 */
export function figureHtml(chart: RenderedChart, sources: Map<string, Source>, options: { linkToPage?: boolean; titleShown?: boolean; dates?: string; sourcesHref?: string } = {}): string {
  const { spec } = chart;
  const link = options.linkToPage ?? true;
  const plot = chart.svgNarrow
    ? `<div class="chart__variant chart__variant--wide">${chart.svg}</div><div class="chart__variant chart__variant--narrow">${chart.svgNarrow}</div>`
    : chart.svg;
  return [
    `<figure class="chart" id="graphique-${escapeHtml(spec.id)}" data-chart="${escapeHtml(spec.id)}">`,
    // Under an h1 that already says the title (the chart's own page), the caption keeps it for assistive
    // technology only: on a phone the same sentence twice pushed the chart below the first screen.
    `<figcaption class="chart__caption"><span class="chart__title${options.titleShown === false ? " visually-hidden" : ""}">${escapeHtml(spec.title)}</span>`,
    `<span class="chart__subtitle">${escapeHtml(spec.subtitle)}</span></figcaption>`,
    `<div class="chart__plot">${plot}</div>`,
    legendHtml(chart.legend),
    // The one-line credit (src/lib/citation.ts), every source one click away.
    `<p class="chart__source">${escapeHtml(creditLine(chart, sources))} (<a href="${escapeHtml(options.sourcesHref ?? `${routes.chart(spec.id)}#panneau-sources`)}">détail des sources</a>).${spec.credit ? ` ${escapeHtml(spec.credit)}.` : ""}</p>`,
    // « Données au … · Graphique mis à jour le … » (src/site/chart-dates.ts): the site layer reads them from git.
    options.dates ? `<p class="chart__source chart__dates">${escapeHtml(options.dates)}</p>` : "",
    link ? `<p class="chart__more"><a href="${escapeHtml(routes.chart(spec.id))}">Données, sources et téléchargements<span class="visually-hidden"> du graphique « ${escapeHtml(spec.title)} »</span></a></p>` : "",
    `</figure>`
  ].join("\n");
}

/** The series under the chart, each with its swatch: direct, and with JavaScript a row of toggles. */
export function legendHtml(items: LegendItem[]): string {
  if (items.length === 0) return "";
  const entries = items.map((item) => {
    const key = seriesClass(item.key).split(" ").pop()!;
    return `<li data-serie="${escapeHtml(key)}" style="display:flex;gap:.4rem;align-items:baseline">${swatch(item)}<span>${escapeHtml(item.label)}</span></li>`;
  });
  return `<ul class="chart__legend" aria-label="Légende" style="list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;font-size:.85rem;line-height:1.35">${entries.join("")}</ul>`;
}

/** A legend swatch's shape (dot, ring, line or bar) centred on y = cy, from x: the HTML legend and the PNG draw the same. */
export function swatchShape(item: Pick<LegendItem, "color" | "shape">, x: number, cy: number): string {
  const c = escapeHtml(item.color);
  return item.shape === "line"
    ? `<line x1="${x + 1}" x2="${x + 15}" y1="${cy}" y2="${cy}" stroke="${c}" stroke-width="2.5"/><circle cx="${x + 8}" cy="${cy}" r="3.5" fill="${c}"/>`
    : item.shape === "ring"
      ? `<circle cx="${x + 8}" cy="${cy}" r="4" fill="#fff" stroke="${c}" stroke-width="1.8"/>`
      : item.shape === "bar"
        ? `<rect x="${x + 1}" y="${cy - 5}" width="14" height="10" fill="${c}"/>`
        : `<circle cx="${x + 8}" cy="${cy}" r="5" fill="${c}"/>`;
}

export function swatch(item: LegendItem): string {
  const shape = swatchShape(item, 0, 6);
  return `<svg width="16" height="12" viewBox="0 0 16 12" aria-hidden="true" style="flex:none;align-self:center">${shape}</svg>`;
}
