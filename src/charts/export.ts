import { csvFormatRows } from "d3-dsv";
import { parseHTML } from "linkedom";
import type { Dataset, Row } from "../lib/dataset.ts";
import { sourceLine } from "../lib/citation.ts";
import { escapeHtml } from "../lib/html.ts";
import type { Source } from "../lib/sources.ts";
import type { RenderedChart } from "./render.ts";
import { COLORS } from "./style.ts";
import { textWidth, wrapText } from "./text.ts";

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

const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
const SERIF = "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'DejaVu Serif', serif";
const PAD = 20;

/** Source line of a standalone picture: the chart's one-line credit (src/lib/citation.ts); the permalink is printed under it. */
export function creditLine(chart: RenderedChart, sources: Map<string, Source>): string {
  return sourceLine(chart, sources);
}

/**
 * The chart as a standalone SVG file: xmlns, title and description, the title, subtitle, legend and
 * source line drawn as text, the plot nested in it. Opens as is in a browser or a drawing program.
 */
export function standaloneSvg(chart: RenderedChart, sources: Map<string, Source>, permalink?: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svg}</body></html>`);
  const plot = document.querySelector("svg");
  if (!plot) throw new Error(`chart ${chart.spec.id}: no <svg> to export`);
  const [, , vw, vh] = (plot.getAttribute("viewBox") ?? `0 0 ${plot.getAttribute("width")} ${plot.getAttribute("height")}`).split(/[ ,]+/).map(Number);
  const plotWidth = vw || 640;
  const plotHeight = vh || 400;
  for (const el of [...plot.querySelectorAll(":scope > title, :scope > desc")]) el.remove();
  for (const attr of ["role", "aria-labelledby", "aria-describedby", "aria-hidden", "class"]) plot.removeAttribute(attr);
  const width = plotWidth + 2 * PAD;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const text = (lines: string[], size: number, opts: { bold?: boolean; fill?: string; family?: string; lineHeight?: number } = {}) => {
    const lh = opts.lineHeight ?? Math.round(size * 1.3);
    for (const line of lines) {
      y += lh;
      parts.push(
        `<text x="${PAD}" y="${y - Math.round(lh * 0.25)}" font-size="${size}"${opts.bold ? ' font-weight="700"' : ""}${opts.family ? ` font-family="${opts.family}"` : ""} fill="${opts.fill ?? COLORS.ink}">${escapeHtml(line)}</text>`
      );
    }
  };
  text(wrapText(chart.spec.title, inner, 20, true), 20, { bold: true, family: SERIF });
  y += 4;
  text(wrapText(chart.spec.subtitle, inner, 13), 13, { fill: COLORS.inkSoft });
  y += 12;
  plot.setAttribute("x", String(PAD));
  plot.setAttribute("y", String(y));
  plot.setAttribute("width", String(plotWidth));
  plot.setAttribute("height", String(plotHeight));
  parts.push(plot.outerHTML);
  y += plotHeight + 8;
  if (chart.legend.length) {
    let x = PAD;
    y += 18;
    for (const item of chart.legend) {
      const w = 16 + Math.ceil(textWidth(item.label, 12)) + 18;
      if (x > PAD && x + w > width - PAD) {
        x = PAD;
        y += 18;
      }
      const c = escapeHtml(item.color);
      parts.push(
        item.shape === "ring"
          ? `<circle cx="${x + 6}" cy="${y - 4}" r="4" fill="#fff" stroke="${c}" stroke-width="1.8"/>`
          : item.shape === "bar"
            ? `<rect x="${x}" y="${y - 9}" width="12" height="10" fill="${c}"/>`
            : `<circle cx="${x + 6}" cy="${y - 4}" r="5" fill="${c}"/>`
      );
      parts.push(`<text x="${x + 16}" y="${y}" font-size="12" fill="${COLORS.ink}">${escapeHtml(item.label)}</text>`);
      x += w;
    }
    y += 6;
  }
  y += 6;
  text(wrapText(creditLine(chart, sources), inner, 11), 11, { fill: COLORS.inkSoft, lineHeight: 15 });
  if (permalink) text([permalink], 11, { fill: COLORS.accent, lineHeight: 15 });
  const height = Math.ceil(y + PAD);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SANS}" role="img" aria-labelledby="titre desc">`,
    `<title id="titre">${escapeHtml(chart.spec.title)}</title>`,
    `<desc id="desc">${escapeHtml(chart.alt)}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...parts,
    `</svg>`,
    ""
  ].join("\n");
}

/**
 * A light picture of the chart for the list of charts: the narrow drawing when there is one, without
 * tooltips or names (the card around it names the chart), as a file the page loads lazily.
 */
export function thumbnailSvg(chart: RenderedChart): string {
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svgNarrow ?? chart.svg}</body></html>`);
  const svg = document.querySelector("svg");
  if (!svg) throw new Error(`chart ${chart.spec.id}: no <svg> for a thumbnail`);
  for (const el of [...svg.querySelectorAll("title, desc, style")]) if (el.textContent?.includes("@container") || el.tagName.toLowerCase() !== "style") el.remove();
  for (const attr of ["role", "aria-labelledby", "aria-describedby", "aria-hidden", "aria-label"]) svg.removeAttribute(attr);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("font-family", SANS);
  svg.setAttribute("style", `${(svg.getAttribute("style") ?? "").replace(/font-family:\s*inherit;?/, "")};background:#fff`.replace(/^;/, ""));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.outerHTML}\n`;
}
