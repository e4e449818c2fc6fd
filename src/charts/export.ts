import { csvFormatRows } from "d3-dsv";
import { parseHTML } from "linkedom";
import type { Catalogue } from "../lib/catalogue.ts";
import type { Dataset, Row } from "../lib/dataset.ts";
import { sourceLine } from "../lib/citation.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Source } from "../lib/sources.ts";
import type { RenderedChart } from "./render.ts";
import { ARTICLE_DRAWING_WIDTH, articlePicture, pictureChart, SYSTEM_FONTS } from "./picture.ts";

/**
 * The CSV download of a chart: exactly the rows drawn, the columns it shows (every column of the dataset
 * unless the chart names its own), in the dataset's declared order, values as in data/ (point decimal,
 * empty cell = missing value), UTF-8.
 */
export function chartCsv(rows: Row[], dataset: Dataset, shown?: string[]): string {
  const columns = dataset.meta.columns.map((c) => c.name).filter((c) => !shown || shown.includes(c));
  const cell = (v: Row[string] | undefined) => (v === null || v === undefined ? "" : String(v));
  return csvFormatRows([columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]) + "\n";
}


/** Source line of a standalone picture: the chart's one-line credit (src/lib/citation.ts); the permalink is printed under it. */
export function creditLine(chart: RenderedChart, sources: Map<string, Source>): string {
  return sourceLine(chart, sources);
}

/**
 * The chart as a standalone SVG file: the « article 600 px » picture (src/charts/picture.ts, the same one the
 * PNG rasterises) in the reader's system fonts, named and described. Opens as is in a browser or a drawing program.
 */
export function standaloneSvg(chart: RenderedChart, catalogue: Catalogue, permalink?: string): string {
  const picture = articlePicture(pictureChart(chart, catalogue, ARTICLE_DRAWING_WIDTH), creditLine(chart, catalogue.sources), permalink ?? "", { fonts: SYSTEM_FONTS });
  const named = picture.svg.replace(
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"([^>]*)>/,
    (_, attributes: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg"${attributes} role="img" aria-labelledby="titre desc">\n<title id="titre">${escapeHtml(chart.spec.title)}</title>\n<desc id="desc">${escapeHtml(chart.alt)}</desc>\n`
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${named}\n`;
}

/**
 * A light picture of the chart for the list of charts: the narrow drawing when there is one, without
 * tooltips or names (the card around it names the chart), as a file the page loads lazily.
 */
export function thumbnailSvg(chart: RenderedChart): string {
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svgNarrow ?? chart.svg}</body></html>`);
  const svg = document.querySelector("svg");
  if (!svg) throw new Error(`graphique ${chart.spec.id} : aucun <svg> pour une vignette`);
  for (const el of [...svg.querySelectorAll("title, desc, style")]) if (el.textContent?.includes("@container") || el.tagName.toLowerCase() !== "style") el.remove();
  for (const attr of ["role", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-label"]) svg.removeAttribute(attr);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("font-family", SYSTEM_FONTS.sans);
  svg.setAttribute("style", `${(svg.getAttribute("style") ?? "").replace(/font-family:\s*inherit;?/, "")};background:#fff`.replace(/^;/, ""));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}
