import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { labelOf, type Dataset, type Row } from "../lib/dataset.ts";
import type { Catalogue } from "../lib/catalogue.ts";
import { NARROW_WIDTH, WIDE_WIDTH, type ChartContext, type ChartSpec, type LegendItem } from "./define.ts";

export interface RenderedChart {
  spec: ChartSpec;
  rows: Row[];
  /** Inline SVG (or Plot's figure when it carries a legend), ready for the page: named and described. */
  svg: string;
  /** Narrow drawing of a responsive chart, shown instead of `svg` in narrow columns; hidden from assistive technology. */
  svgNarrow?: string;
  /** The text alternative, as written from the rows drawn. */
  alt: string;
  /** The series and their colours, for the legend under the chart (empty when the chart has none). */
  legend: LegendItem[];
}

/**
 * Renders a chart to static markup at build time. Plot builds the DOM with linkedom's document,
 * so the chart is in the HTML and shows without JavaScript.
 */
export function renderChart(spec: ChartSpec, dataset: Dataset, catalogue?: Catalogue): RenderedChart {
  const rows = spec.rows(dataset);
  const base = contextOf(dataset, catalogue);
  const alt = spec.describe ? spec.describe(rows, base) : spec.alt;
  const legend = spec.legend ? spec.legend(rows, base) : [];
  if (spec.svg) return { spec, rows, svg: spec.svg(rows, base), alt, legend };
  const wide = draw(spec, rows, base);
  makeAccessible(wide.node, spec, alt, wide.document);
  fontVariantAsStyle(wide.node);
  const chart: RenderedChart = { spec, rows, svg: tidy(wide.node.outerHTML), alt, legend };
  if (spec.responsive) {
    const narrow = draw(spec, rows, { ...base, narrow: true, width: NARROW_WIDTH });
    silence(narrow.node);
    fontVariantAsStyle(narrow.node);
    const svg = narrow.node.tagName.toLowerCase() === "svg" ? narrow.node : narrow.node.querySelector("svg");
    svg?.setAttribute("aria-hidden", "true");
    const style = narrow.document.createElementNS("http://www.w3.org/2000/svg", "style");
    style.textContent = VARIANT_CSS;
    svg?.insertBefore(style, svg.firstChild);
    chart.svgNarrow = tidy(narrow.node.outerHTML);
  }
  return chart;
}

/**
 * Which drawing shows: the narrow one in columns narrower than BREAKPOINT, the wide one otherwise. The
 * wide one is only visually hidden (clipped away, its box kept), so it stays the chart's accessible image. Carried inside the narrow
 * SVG, so that the rule travels with the figure wherever it is placed (article, chart page, embed).
 */
const BREAKPOINT = 540;
const VARIANT_CSS = [
  `.chart__plot{container-type:inline-size;position:relative}`,
  `@container (max-width:${BREAKPOINT - 0.02}px){.chart__variant--wide{position:absolute;inset:0;overflow:hidden;clip-path:inset(50%);pointer-events:none}}`,
  `@container (min-width:${BREAKPOINT}px){.chart__variant--narrow{display:none}}`
].join("");

function contextOf(dataset: Dataset, catalogue?: Catalogue): ChartContext {
  return {
    label: (column, code) => labelOf(dataset, column, code ?? null),
    dataset,
    catalogue,
    source: (id) => catalogue?.sources.get(id),
    narrow: false,
    width: WIDE_WIDTH
  };
}

/**
 * The chart drawn for a standalone picture (src/charts/picture.ts): `width` wide, so that its text keeps
 * Plot's 12 px instead of being shrunk from the page's drawing, and `height` tall when given and the chart's
 * scales can stretch (not bars laid out in pixels, which keep their own height). A map keeps its geometry:
 * the picture scales it.
 */
export function drawForPicture(chart: RenderedChart, dataset: Dataset, catalogue: Catalogue | undefined, width: number, height?: number): string {
  const { spec, rows } = chart;
  if (spec.svg) return chart.svg;
  const ctx = { ...contextOf(dataset, catalogue), narrow: Boolean(spec.responsive) && width < BREAKPOINT, width };
  let { node } = draw(spec, rows, ctx);
  // Only a continuous vertical scale stretches: bands (one row per category) and pixel layouts keep their height.
  const y = (node as unknown as { scale?: (name: string) => { type?: string } | undefined }).scale?.("y");
  if (height !== undefined && y?.type && CONTINUOUS.has(y.type)) node = draw(spec, rows, ctx, height).node;
  silence(node);
  fontVariantAsStyle(node);
  return tidy(node.outerHTML);
}

const CONTINUOUS = new Set(["linear", "log", "pow", "sqrt", "symlog", "time", "utc"]);

function draw(spec: ChartSpec, rows: Row[], ctx: ChartContext, height?: number): { node: Element; document: Document } {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  if (!spec.plot) throw new Error(`graphique "${spec.id}" : attendu une fonction plot ou svg, trouvé ni l'une ni l'autre`);
  const options = spec.plot(rows, ctx);
  const stretched = height !== undefined ? { height } : {};
  const node = Plot.plot({ style: { fontFamily: "inherit", fontSize: "12px" }, width: ctx.width, ...options, ...stretched, document }) as unknown as Element;
  return { node, document };
}

/**
 * Plot labels its <g> groups with aria-label, which axe rejects (aria-prohibited-attr: a <g> has no role
 * that allows a name). The chart is named and described once, on the <svg>, and its parts are left silent:
 * the data table beside every chart is the accessible reading of the numbers.
 */
function makeAccessible(root: Element, spec: ChartSpec, alt: string, document: Document): void {
  const svg = root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg");
  silence(root, svg);
  if (!svg) return;
  const titleId = `graphique-${spec.id}-titre`;
  const descId = `graphique-${spec.id}-desc`;
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.setAttribute("id", titleId);
  title.textContent = spec.title;
  const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.setAttribute("id", descId);
  desc.textContent = alt;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", titleId);
  svg.setAttribute("aria-describedby", descId);
  svg.removeAttribute("aria-label");
}

function silence(root: Element, keep?: Element | null): void {
  for (const el of root.querySelectorAll("[aria-label], [aria-description]")) {
    if (el === keep) continue;
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
}

/**
 * Plot writes `font-variant="tabular-nums"` on text groups, but the SVG `font-variant` attribute only takes
 * CSS 2 values (normal, small-caps): the Nu HTML Checker rejects it, and browsers ignore it. The same intent,
 * valid and applied, is the CSS property `font-variant-numeric` in the element's style.
 */
function fontVariantAsStyle(root: Element): void {
  const elements = [root, ...root.querySelectorAll("[font-variant]")].filter((el) => el.hasAttribute("font-variant"));
  for (const el of elements) {
    const value = el.getAttribute("font-variant")!;
    el.removeAttribute("font-variant");
    const property = /^(normal|small-caps)$/.test(value) ? "font-variant" : "font-variant-numeric";
    const style = (el.getAttribute("style") ?? "").replace(/;?\s*$/, "");
    el.setAttribute("style", `${style ? `${style};` : ""}${property}:${value}`);
  }
}

/** Rounds coordinates (Plot emits 125.00000000000001): smaller pages and stable snapshots. */
function tidy(markup: string): string {
  return markup.replace(/(\d+\.\d{2})\d+/g, (_, kept: string) => String(Number(kept)));
}
