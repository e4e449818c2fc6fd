import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { labelOf, type Dataset, type Row } from "../lib/dataset.ts";
import type { ChartSpec } from "./define.ts";

export interface RenderedChart {
  spec: ChartSpec;
  rows: Row[];
  /** Inline SVG (or Plot's figure when it carries a legend), ready for the page. */
  svg: string;
}

/**
 * Renders a chart to static markup at build time. Plot builds the DOM with linkedom's document,
 * so the chart is in the HTML and shows without JavaScript.
 */
export function renderChart(spec: ChartSpec, dataset: Dataset): RenderedChart {
  const rows = spec.rows(dataset);
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const options = spec.plot(rows, { label: (column, code) => labelOf(dataset, column, code) });
  const node = Plot.plot({ style: { fontFamily: "inherit", fontSize: "12px" }, ...options, document }) as unknown as Element;
  makeAccessible(node, spec, document);
  return { spec, rows, svg: tidy(node.outerHTML) };
}

/**
 * Plot labels its <g> groups with aria-label, which axe rejects (aria-prohibited-attr: a <g> has no role
 * that allows a name). The chart is named and described once, on the <svg>, and its parts are left silent:
 * the data table beside every chart is the accessible reading of the numbers.
 */
function makeAccessible(root: Element, spec: ChartSpec, document: Document): void {
  const svg = root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg");
  for (const el of root.querySelectorAll("[aria-label], [aria-description]")) {
    if (el === svg) continue;
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  if (!svg) return;
  const titleId = `graphique-${spec.id}-titre`;
  const descId = `graphique-${spec.id}-desc`;
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.setAttribute("id", titleId);
  title.textContent = spec.title;
  const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.setAttribute("id", descId);
  desc.textContent = spec.alt;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", titleId);
  svg.setAttribute("aria-describedby", descId);
  svg.removeAttribute("aria-label");
}

/** Rounds coordinates (Plot emits 125.00000000000001): smaller pages and stable snapshots. */
function tidy(markup: string): string {
  return markup.replace(/(\d+\.\d{2})\d+/g, (_, kept: string) => String(Number(kept)));
}
