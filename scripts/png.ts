/**
 * PNG images drawn at build time with resvg (no browser): each chart at 2× with its title, subtitle
 * and source line baked in, a 1200×630 social card per chart, per article and for the site.
 * A chart's markup may be Plot's <figure> (legend + SVG): the legend is redrawn as SVG.
 */
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import type { LegendItem } from "../src/charts/define.ts";
import { swatchShape } from "../src/charts/figure.ts";
import { escapeHtml } from "../src/lib/html.ts";
import { RESVG_FONT, textWidth, wrapText, type FontName } from "./fonts.ts";

export const INK = "#1b1f24";
export const INK_SOFT = "#4a525c";
export const ACCENT = "#1f5f8b";
export const PAPER = "#ffffff";
export const SITE_NAME = "Sous objectif";

/** The 2× chart image is exactly twice the width of the chart's viewBox. */
export const CHART_SCALE = 2;
export const SOCIAL = { width: 1200, height: 630 } as const;

export interface PngChart {
  spec: { id: string; title: string; subtitle: string };
  svg: string;
  /** Series named under the chart (src/charts/define.ts LegendItem), drawn under it in the image too. */
  legend?: Pick<LegendItem, "label" | "color" | "shape">[];
}

interface Block {
  /** SVG markup drawn in a box of `width` × `height` starting at 0,0. */
  markup: string;
  width: number;
  height: number;
}

const FAMILY: Record<FontName, { family: string; weight: number }> = {
  sans: { family: "DejaVu Sans", weight: 400 },
  sansBold: { family: "DejaVu Sans", weight: 700 },
  serifBold: { family: "DejaVu Serif", weight: 700 }
};

/** Lines of text as SVG <text>, top at `y`; returns the markup and the height used. */
function textLines(lines: string[], x: number, y: number, font: FontName, size: number, lineHeight: number, color: string): { markup: string; height: number } {
  const { family, weight } = FAMILY[font];
  const markup = lines
    .map((line, i) => `<text x="${x}" y="${(y + i * lineHeight + size * 0.93).toFixed(1)}" font-family="${family}" font-weight="${weight}" font-size="${size}" fill="${color}" xml:space="preserve">${escapeHtml(line)}</text>`)
    .join("");
  return { markup, height: lines.length * lineHeight };
}

function paragraph(text: string, x: number, y: number, width: number, font: FontName, size: number, lineHeight: number, color: string, maxLines?: number) {
  return textLines(wrapText(text, font, size, width, maxLines), x, y, font, size, lineHeight, color);
}

const num = (v: string | null | undefined) => (v === null || v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v));

/** One <svg> element of the chart, resized and placed at `x`,`y`, made standalone for resvg. */
function placeSvg(el: Element, x: number, y: number, width: number, height: number): string {
  const copy = el.cloneNode(true) as Element;
  const vb = copy.getAttribute("viewBox") ?? `0 0 ${num(el.getAttribute("width")) ?? width} ${num(el.getAttribute("height")) ?? height}`;
  for (const a of ["style", "class", "role", "aria-labelledby", "aria-describedby"]) copy.removeAttribute(a);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("viewBox", vb);
  copy.setAttribute("x", String(x));
  copy.setAttribute("y", String(y));
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("overflow", "visible");
  for (const node of copy.querySelectorAll("title, desc, style")) node.remove();
  return copy.outerHTML;
}

/** Plot's swatch legend (HTML spans with a small SVG and a label), laid out as SVG with wrapping. */
function swatches(container: Element, width: number, y: number): { markup: string; height: number } {
  const size = 12;
  const row = 20;
  let x = 0;
  let top = y;
  const parts: string[] = [];
  for (const item of container.querySelectorAll("span")) {
    const svg = item.querySelector("svg");
    if (!svg) continue;
    const label = (item.textContent ?? "").trim();
    const w = size + 6 + textWidth(label, "sans", size) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      top += row;
    }
    parts.push(placeSvg(svg, x, top + 2, size, size));
    parts.push(textLines([label], x + size + 6, top + 1, "sans", size, row, INK).markup);
    x += w;
  }
  return parts.length ? { markup: parts.join(""), height: top - y + row + 4 } : { markup: "", height: 0 };
}

/** The series legend under a chart: swatch (dot, ring, line or bar) and label, wrapped to the width. */
function seriesLegend(items: NonNullable<PngChart["legend"]>, width: number, y: number): { markup: string; height: number } {
  const size = 12;
  const row = 18;
  let x = 0;
  let top = y;
  const parts: string[] = [];
  for (const item of items) {
    const w = 22 + textWidth(item.label, "sans", size) + 18;
    if (x > 0 && x + w > width) {
      x = 0;
      top += row;
    }
    const cy = top + 8;
    parts.push(swatchShape(item, x, cy));
    parts.push(textLines([item.label], x + 22, top + 1, "sans", size, row, INK).markup);
    x += w;
  }
  return { markup: parts.join(""), height: top - y + row };
}

/**
 * The chart's drawing (legends, then the SVG) as one block `width` wide: SVGs keep their own
 * size when narrower than the block, larger ones are scaled down to fit.
 */
export function chartBlock(chart: PngChart, width: number): Block {
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svg}</body></html>`);
  const root = document.body.firstElementChild;
  if (!root) throw new Error(`chart ${chart.spec.id}: empty markup`);
  const parts: string[] = [];
  let y = 0;
  const items = root.tagName.toLowerCase() === "svg" ? [root] : [...root.children];
  for (const el of items) {
    const tag = el.tagName.toLowerCase();
    if (tag === "svg") {
      const vb = (el.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
      const w = num(el.getAttribute("width")) ?? vb[2] ?? width;
      const h = num(el.getAttribute("height")) ?? vb[3] ?? 0;
      const scale = Math.min(1, width / w);
      parts.push(placeSvg(el, 0, y, w * scale, h * scale));
      y += h * scale + 4;
    } else if (tag === "style" || tag === "script") continue;
    else if (el.querySelector("svg")) {
      const legend = swatches(el, width, y);
      parts.push(legend.markup);
      y += legend.height;
    } else {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text) continue;
      const t = paragraph(text, 0, y, width, "sans", 12, 16, INK);
      parts.push(t.markup);
      y += t.height + 4;
    }
  }
  if (chart.legend?.length) {
    const legend = seriesLegend(chart.legend, width, y + 4);
    parts.push(legend.markup);
    y += legend.height + 4;
  }
  // Plot's halo strokes use a CSS variable resvg cannot resolve: the image background is white.
  const markup = `<g color="${INK}" font-family="DejaVu Sans">${parts.join("").replace(/var\(--plot-background\)/g, PAPER)}</g>`;
  return fitInside(markup, width, Math.ceil(y));
}

/**
 * Labels drawn past the chart's own box (a long axis label in a wider font than the browser's) would
 * be cut off: the block is measured as resvg draws it and scaled down to hold everything it draws.
 */
function fitInside(markup: string, width: number, height: number): Block {
  const box = new Resvg(document(width, height, markup, false), { font: RESVG_FONT, logLevel: "off" }).getBBox();
  if (!box) return { markup, width, height };
  const margin = 8;
  const x0 = box.x < 0 ? Math.floor(box.x - margin) : 0;
  const y0 = box.y < 0 ? Math.floor(box.y - margin) : 0;
  const x1 = box.x + box.width > width ? Math.ceil(box.x + box.width + margin) : width;
  const y1 = box.y + box.height > height ? Math.ceil(box.y + box.height + margin) : height;
  if (x0 === 0 && y0 === 0 && x1 === width && y1 === height) return { markup, width, height };
  const scale = width / (x1 - x0);
  const fitted = Math.ceil((y1 - y0) * scale);
  return { markup: `<svg width="${width}" height="${fitted}" viewBox="${x0} ${y0} ${x1 - x0} ${y1 - y0}" overflow="visible">${markup}</svg>`, width, height: fitted };
}

function document(width: number, height: number, body: string, background = true): string {
  const paper = background ? `<rect width="100%" height="100%" fill="${PAPER}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="visible">${paper}${body}</svg>`;
}

export function renderPng(svg: string, zoom = 1): { png: Buffer; width: number; height: number } {
  const image = new Resvg(svg, { font: RESVG_FONT, fitTo: { mode: "zoom", value: zoom }, background: PAPER, logLevel: "off" }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** Width of a chart's viewBox (the main SVG, last in the markup). */
export function viewBoxWidth(chart: PngChart): number {
  const tags = [...chart.svg.matchAll(/<svg\b[^>]*\bviewBox="([^"]+)"/g)];
  const last = tags.at(-1);
  const w = last ? Number(last[1]!.split(/[\s,]+/)[2]) : NaN;
  if (!Number.isFinite(w) || w <= 0) throw new Error(`chart ${chart.spec.id}: expected an <svg viewBox>, found none`);
  return w;
}

/**
 * The standalone SVG of the chart image: title, subtitle, chart, source line and address, on a white
 * page exactly as wide as the chart's viewBox (the PNG is drawn at 2×: twice that width).
 */
export function chartImageSvg(chart: PngChart, sourceLine: string, permalink: string): { svg: string; width: number; height: number } {
  const width = viewBoxWidth(chart);
  const pad = 16;
  const inner = width - 2 * pad;
  let y = pad;
  const title = paragraph(chart.spec.title, pad, y, inner, "serifBold", 18, 23, INK);
  y += title.height + 4;
  const subtitle = paragraph(chart.spec.subtitle, pad, y, inner, "sans", 12, 16, INK_SOFT);
  y += subtitle.height + 10;
  const block = chartBlock(chart, inner);
  const drawing = `<g transform="translate(${pad},${y})">${block.markup}</g>`;
  y += block.height + 6;
  const source = paragraph(sourceLine, pad, y, inner, "sans", 11, 15, INK_SOFT);
  y += source.height + 2;
  const credit = paragraph(permalink, pad, y, inner, "sans", 11, 15, INK_SOFT);
  y += credit.height + pad;
  const height = Math.ceil(y);
  return { svg: document(width, height, title.markup + subtitle.markup + drawing + source.markup + credit.markup), width, height };
}

/** The chart image at 2×: PNG width = 2 × viewBox width. */
export function chartPng(chart: PngChart, sourceLine: string, permalink: string): { png: Buffer; width: number; height: number } {
  return renderPng(chartImageSvg(chart, sourceLine, permalink).svg, CHART_SCALE);
}

/** Site name, top left, and a rule: the header of every social card. */
function socialHeader(pad: number): { markup: string; height: number } {
  const name = textLines([SITE_NAME], pad, pad, "serifBold", 26, 30, ACCENT);
  return { markup: `${name.markup}<rect x="${pad}" y="${pad + 40}" width="${SOCIAL.width - 2 * pad}" height="3" fill="${INK}"/>`, height: 46 };
}

/** Largest title size (from `sizes`) that fits in `maxLines` lines. */
function fitTitle(text: string, width: number, sizes: number[], maxLines: number): { lines: string[]; size: number } {
  for (const size of sizes) {
    const lines = wrapText(text, "serifBold", size, width);
    if (lines.length <= maxLines) return { lines, size };
  }
  const size = sizes.at(-1)!;
  return { lines: wrapText(text, "serifBold", size, width, maxLines), size };
}

/** Places a block scaled to fit a box, centred horizontally, top-aligned. */
function placeBlock(block: Block, x: number, y: number, width: number, height: number): string {
  const scale = Math.min(width / block.width, height / block.height);
  const left = x + (width - block.width * scale) / 2;
  return `<svg x="${left.toFixed(1)}" y="${y}" width="${(block.width * scale).toFixed(1)}" height="${(block.height * scale).toFixed(1)}" viewBox="0 0 ${block.width} ${block.height}" overflow="visible">${block.markup}</svg>`;
}

/**
 * 1200×630 card of a chart: site name, title, the chart, source line. A wide chart goes under the
 * title; a tall one (a map) goes beside it, so that it is not shrunk to a stamp.
 */
export function chartSocialSvg(chart: PngChart, sourceLine: string): string {
  const pad = 48;
  const inner = SOCIAL.width - 2 * pad;
  const header = socialHeader(pad);
  const block = chartBlock(chart, viewBoxWidth(chart));
  const top = pad + header.height + 14;
  if (block.height / block.width > 0.75) {
    const chartHeight = SOCIAL.height - top - 24;
    const chartWidth = Math.min(560, chartHeight * (block.width / block.height));
    const textWidth = inner - chartWidth - 40;
    const { lines, size } = fitTitle(chart.spec.title, textWidth, [40, 34, 30], 5);
    const title = textLines(lines, pad, top, "serifBold", size, Math.round(size * 1.2), INK);
    const source = paragraph(sourceLine, pad, 0, textWidth, "sans", 16, 21, INK_SOFT, 5);
    const sourceTop = SOCIAL.height - pad + 8 - source.height;
    return document(
      SOCIAL.width,
      SOCIAL.height,
      header.markup + title.markup + placeBlock(block, SOCIAL.width - pad - chartWidth, top, chartWidth, chartHeight) + `<g transform="translate(0,${sourceTop})">${source.markup}</g>`
    );
  }
  const { lines, size } = fitTitle(chart.spec.title, inner, [40, 34, 30], 2);
  const title = textLines(lines, pad, top, "serifBold", size, Math.round(size * 1.2), INK);
  const y = top + title.height + 14;
  const source = paragraph(sourceLine, pad, 0, inner, "sans", 18, 24, INK_SOFT, 2);
  const sourceTop = SOCIAL.height - pad + 12 - source.height;
  const drawing = placeBlock(block, pad, y, inner, Math.max(40, sourceTop - 12 - y));
  return document(SOCIAL.width, SOCIAL.height, header.markup + title.markup + drawing + `<g transform="translate(0,${sourceTop})">${source.markup}</g>`);
}

/** 1200×630 card of an article (or of the site): site name, title, standfirst, footer line. */
export function articleSocialSvg(title: string, standfirst: string, footer: string): string {
  const pad = 56;
  const inner = SOCIAL.width - 2 * pad;
  const header = socialHeader(pad);
  let y = pad + header.height + 30;
  const fitted = fitTitle(title, inner, [56, 48, 42], 3);
  const t = textLines(fitted.lines, pad, y, "serifBold", fitted.size, Math.round(fitted.size * 1.18), INK);
  y += t.height + 22;
  const footerLine = textLines([footer], pad, SOCIAL.height - pad - 22, "sansBold", 20, 24, ACCENT);
  const room = Math.max(0, Math.floor((SOCIAL.height - pad - 40 - y) / 36));
  const s = room > 0 ? paragraph(standfirst, pad, y, inner, "sans", 26, 36, INK_SOFT, room) : { markup: "", height: 0 };
  return document(SOCIAL.width, SOCIAL.height, header.markup + t.markup + s.markup + footerLine.markup);
}
