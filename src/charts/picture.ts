/**
 * The one builder of a chart as a standalone picture: title, subtitle, the drawing, its legend, the source
 * line and the address, composed as one SVG. The SVG download is that picture; the PNG images are that
 * picture rasterised (scripts/png.ts), so the two can never tell different things.
 *
 * Pictures are laid out for where they land, in two presets: « article 600 px » (a 600 px column, drawn at
 * 2×) and « réseaux 1 200×630 » (laid out at 600×315, drawn at 2×). The chart is drawn for the picture's
 * width (not shrunk from the page's 720 px drawing), so its ticks and labels keep Plot's 12 px at 1×.
 */
import { parseHTML } from "linkedom";
import type { Catalogue } from "../lib/catalogue.ts";
import { escapeHtml } from "../lib/html.ts";
import type { LegendItem } from "./define.ts";
import { swatchShape } from "./figure.ts";
import { drawForPicture, type RenderedChart } from "./render.ts";
import { COLORS } from "./style.ts";
import { textWidth, wrapText, type FontName } from "./text.ts";

export const INK = COLORS.ink;
export const INK_SOFT = COLORS.inkSoft;
export const ACCENT = COLORS.accent;
export const PAPER = "#ffffff";
export const SITE_NAME = "Sous objectif";

export interface Preset {
  /** Layout width, in CSS pixels at 1×. */
  width: number;
  /** Fixed layout height (a social card); none: as tall as the picture needs. */
  height?: number;
  /** Pixel ratio of the PNG. */
  scale: number;
}

export const PRESETS = {
  /** « article 600 px »: for a 600 px column, drawn at 2× (1 200 px wide). */
  article: { width: 600, scale: 2 },
  /** « réseaux 1 200×630 »: laid out at 600×315, drawn at 2×. */
  social: { width: 600, height: 315, scale: 2 }
} as const satisfies Record<string, Preset>;

/** Smallest text, in pixels at 1×, anywhere in a picture. */
export const MIN_TEXT = 12;

/** Font families the picture names: DejaVu for resvg (the PNG), the reader's system fonts for the SVG file. */
export interface PictureFonts {
  sans: string;
  serif: string;
}
export const DEJAVU: PictureFonts = { sans: "DejaVu Sans", serif: "DejaVu Serif" };
export const SYSTEM_FONTS: PictureFonts = {
  sans: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif",
  serif: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'DejaVu Serif', serif"
};

export interface PictureChart {
  spec: { id: string; title: string; subtitle: string; kind?: string };
  /** The drawing (Plot's <svg>, or its <figure> with a swatch legend, or a map's <svg>), ideally drawn for the picture's width. */
  svg: string;
  /** Series named under the chart (LegendItem), drawn under it in the picture too. */
  legend?: Pick<LegendItem, "label" | "color" | "shape">[];
}

/** One line of a map's legend drawn as text: an optional swatch fill (a colour, or a pattern of the map) and the text. */
interface PictureNote {
  text: string;
  fill?: string;
  bold?: boolean;
}

export interface Block {
  /** SVG markup drawn in a box of `width` × `height` starting at 0,0. */
  markup: string;
  width: number;
  height: number;
}

export interface PictureOptions {
  fonts: PictureFonts;
  /**
   * Measures what a block draws (resvg's bounding box for the PNG): labels drawn past the drawing's own
   * box are brought back inside by scaling the block. Without it the block is placed as is.
   */
  bbox?: (svg: string) => { x: number; y: number; width: number; height: number } | undefined;
  /** Room on each side of a block (the picture's padding) that its labels may use. */
  slack?: number;
}

const weightOf = (font: FontName) => (font === "sans" ? 400 : 700);
const familyOf = (font: FontName, fonts: PictureFonts) => (font === "serifBold" ? fonts.serif : fonts.sans);

/** Lines of text as SVG <text>, top at `y`; returns the markup and the height used. */
function textLines(lines: string[], x: number, y: number, font: FontName, size: number, lineHeight: number, color: string, fonts: PictureFonts): Block {
  const markup = lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${(y + i * lineHeight + size * 0.93).toFixed(1)}" font-family="${escapeHtml(familyOf(font, fonts))}" font-weight="${weightOf(font)}" font-size="${size}" fill="${color}" xml:space="preserve">${escapeHtml(line)}</text>`
    )
    .join("");
  return { markup, width: 0, height: lines.length * lineHeight };
}

function paragraph(text: string, x: number, y: number, width: number, font: FontName, size: number, lineHeight: number, color: string, fonts: PictureFonts, maxLines?: number): Block {
  return textLines(wrapText(text, width, size, font, maxLines), x, y, font, size, lineHeight, color, fonts);
}

const num = (v: string | null | undefined) => (v === null || v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v));

/** One <svg> element of the chart, resized and placed at `x`,`y`, made standalone. */
function placeSvg(el: Element, x: number, y: number, width: number, height: number): string {
  const copy = el.cloneNode(true) as Element;
  const vb = copy.getAttribute("viewBox") ?? `0 0 ${num(el.getAttribute("width")) ?? width} ${num(el.getAttribute("height")) ?? height}`;
  for (const a of ["style", "class", "role", "aria-labelledby", "aria-describedby", "aria-hidden"]) copy.removeAttribute(a);
  // Plot's 12 px is in its style attribute, which is dropped with the page's CSS hooks: kept as an attribute.
  const size = /font-size:\s*([\d.]+)px/.exec(el.getAttribute("style") ?? "");
  if (size) copy.setAttribute("font-size", size[1]!);
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
function swatches(container: Element, width: number, y: number, fonts: PictureFonts): Block {
  const size = MIN_TEXT;
  const row = 20;
  let x = 0;
  let top = y;
  const parts: string[] = [];
  for (const item of container.querySelectorAll("span")) {
    const svg = item.querySelector("svg");
    if (!svg) continue;
    const label = (item.textContent ?? "").trim();
    const w = size + 6 + textWidth(label, size) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      top += row;
    }
    parts.push(placeSvg(svg, x, top + 2, size, size));
    parts.push(textLines([label], x + size + 6, top + 1, "sans", size, row, INK, fonts).markup);
    x += w;
  }
  return parts.length ? { markup: parts.join(""), width, height: top - y + row + 4 } : { markup: "", width, height: 0 };
}

/** The series legend under a chart: swatch (dot, ring, line or bar) and label, each wrapped to the width. */
function seriesLegend(items: NonNullable<PictureChart["legend"]>, width: number, y: number, fonts: PictureFonts): Block {
  const size = MIN_TEXT;
  const row = 17;
  let x = 0;
  let top = y;
  const parts: string[] = [];
  for (const item of items) {
    const lines = wrapText(item.label, width - 22, size);
    const w = 22 + Math.max(...lines.map((l) => textWidth(l, size))) + 18;
    if (x > 0 && (x + w > width || lines.length > 1)) {
      x = 0;
      top += row;
    }
    parts.push(swatchShape(item, x, top + 8));
    parts.push(textLines(lines, x + 22, top + 1, "sans", size, row, INK, fonts).markup);
    if (lines.length > 1) {
      top += row * lines.length;
      x = 0;
    } else x += w;
  }
  return { markup: parts.join(""), width, height: (x > 0 ? top + row : top) - y + 2 };
}

/** A map's legend lines: swatch and wrapped text, one under the other. */
function notesBlock(notes: PictureNote[], width: number, y: number, fonts: PictureFonts): Block {
  const size = MIN_TEXT + 1;
  const row = 18;
  let top = y;
  const parts: string[] = [];
  for (const note of notes) {
    const indent = note.fill ? 24 : 0;
    const lines = wrapText(note.text, width - indent, size, note.bold ? "sansBold" : "sans");
    if (note.fill) parts.push(`<rect x="0" y="${top + 2}" width="18" height="13" fill="${note.fill}" stroke="${INK_SOFT}" stroke-width=".6"/>`);
    parts.push(textLines(lines, indent, top, note.bold ? "sansBold" : "sans", size, row, INK, fonts).markup);
    top += lines.length * row + 3;
  }
  return { markup: parts.join(""), width, height: top - y };
}

/**
 * The chart's drawing (legends, the SVG, a map's legend) as one block `width` wide: each SVG is
 * scaled to the block's width (a drawing made for that width keeps its size).
 */
export function chartBlock(chart: PictureChart, width: number, options: PictureOptions, { notes = true, legend: withLegend = true } = {}): Block {
  const { fonts } = options;
  const { document } = parseHTML(`<!doctype html><html><body>${chart.svg}</body></html>`);
  const root = document.body.firstElementChild;
  if (!root) throw new Error(`graphique ${chart.spec.id} : balisage vide`);
  const parts: string[] = [];
  let y = 0;
  const items = root.tagName.toLowerCase() === "svg" ? [root] : [...root.children];
  for (const el of items) {
    const tag = el.tagName.toLowerCase();
    if (tag === "svg") {
      const vb = (el.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
      const w = vb[2] || num(el.getAttribute("width")) || width;
      const h = vb[3] || num(el.getAttribute("height")) || 0;
      const scale = width / w;
      parts.push(placeSvg(el, 0, y, width, h * scale));
      y += h * scale + 4;
    } else if (tag === "style" || tag === "script") continue;
    else if (el.classList.contains("so-carte__legende")) {
      // A map's HTML legend (src/charts/map/legend.ts): one line per paragraph or item, with its swatch.
      if (!notes) continue;
      const lines: PictureNote[] = [...el.querySelectorAll("p, li")].map((line) => ({
        text: (line.textContent ?? "").replace(/\s+/g, " ").trim(),
        fill: line.querySelector("[data-swatch]")?.getAttribute("data-swatch") ?? undefined,
        bold: line.querySelector("strong") !== null
      }));
      const block = notesBlock(lines, width, y + 8, fonts);
      parts.push(block.markup);
      y += block.height + 8;
    } else if (el.querySelector("svg")) {
      const legend = swatches(el, width, y, fonts);
      parts.push(legend.markup);
      y += legend.height;
    } else {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
      if (!text) continue;
      const t = paragraph(text, 0, y, width, "sans", MIN_TEXT, 16, INK, fonts);
      parts.push(t.markup);
      y += t.height + 4;
    }
  }
  if (withLegend && chart.legend?.length) {
    const legend = seriesLegend(chart.legend, width, y + 4, fonts);
    parts.push(legend.markup);
    y += legend.height + 4;
  }
  // Plot's halo strokes use a CSS variable a standalone file cannot resolve: the picture's paper is white.
  const markup = `<g color="${INK}" font-family="${escapeHtml(fonts.sans)}">${parts.join("").replace(/var\(--plot-background\)/g, PAPER)}</g>`;
  return fitInside(markup, width, Math.ceil(y), options);
}

/**
 * Labels drawn past the chart's own box (a long axis label in a wider font than the browser's) would be
 * cut off: the block is measured as drawn and scaled down to hold everything it draws.
 */
function fitInside(markup: string, width: number, height: number, options: PictureOptions): Block {
  const box = options.bbox?.(page(width, height, markup, false));
  if (!box) return { markup, width, height };
  const margin = 4;
  // A label may run into the picture's side padding (`slack`); past it, the block is scaled down.
  const slack = options.slack ?? 0;
  const x0 = box.x < -slack ? Math.floor(box.x - margin) : 0;
  const y0 = box.y < 0 ? Math.floor(box.y - margin) : 0;
  const x1 = box.x + box.width > width + slack ? Math.ceil(box.x + box.width + margin) : width;
  const y1 = box.y + box.height > height ? Math.ceil(box.y + box.height + margin) : height;
  if (x0 === 0 && y0 === 0 && x1 === width && y1 === height) return { markup, width, height };
  const scale = width / (x1 - x0);
  const fitted = Math.ceil((y1 - y0) * scale);
  return { markup: `<svg width="${width}" height="${fitted}" viewBox="${x0} ${y0} ${x1 - x0} ${y1 - y0}" overflow="visible">${markup}</svg>`, width, height: fitted };
}

/** A standalone SVG document of `width` × `height`, on white paper. */
export function page(width: number, height: number, body: string, background = true): string {
  const paper = background ? `<rect width="100%" height="100%" fill="${PAPER}"/>` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" overflow="visible">${paper}${body}</svg>`;
}

export interface Picture {
  /** The SVG document (no XML declaration). */
  svg: string;
  width: number;
  height: number;
  /** Pixel ratio the PNG is drawn at. */
  scale: number;
}

/** Horizontal padding of the article picture, so the drawing is PRESETS.article.width − 2 × PAD wide. */
export const PAD = 16;
/** Width the chart is drawn at for the article picture. */
export const ARTICLE_DRAWING_WIDTH = PRESETS.article.width - 2 * PAD;

/**
 * « article 600 px »: title, subtitle, the chart at the full width, its legend, the source line and the
 * address. Every text is at least MIN_TEXT px at 1×.
 */
export function articlePicture(chart: PictureChart, credit: string, permalink: string, options: PictureOptions, dates?: string): Picture {
  const { fonts } = options;
  const { width, scale } = PRESETS.article;
  const inner = width - 2 * PAD;
  let y = PAD;
  const title = paragraph(chart.spec.title, PAD, y, inner, "serifBold", 20, 25, INK, fonts);
  y += title.height + 4;
  const subtitle = paragraph(chart.spec.subtitle, PAD, y, inner, "sans", 13, 17, INK_SOFT, fonts);
  y += subtitle.height + 10;
  const block = chartBlock(chart, inner, { ...options, slack: PAD - 4 });
  const drawing = `<g transform="translate(${PAD},${y})">${block.markup}</g>`;
  y += block.height + 8;
  const source = paragraph(credit, PAD, y, inner, "sans", MIN_TEXT, 16, INK_SOFT, fonts);
  y += source.height + 2;
  // « Données au … »: a picture travels without its page, so it carries the day of its data.
  const when = dates ? paragraph(dates, PAD, y, inner, "sans", MIN_TEXT, 16, INK_SOFT, fonts) : undefined;
  y += when ? when.height + 2 : 0;
  const address = paragraph(permalink, PAD, y, inner, "sans", MIN_TEXT, 16, ACCENT, fonts);
  y += address.height + PAD;
  const height = Math.ceil(y);
  return { svg: page(width, height, title.markup + subtitle.markup + drawing + source.markup + (when?.markup ?? "") + address.markup), width, height, scale };
}

/**
 * Largest title size (from `sizes`) that fits in `maxLines` lines; at the smallest size, as many lines as it
 * takes: a headline is a claim, and a cut one can say something else.
 */
function fitTitle(text: string, width: number, sizes: number[], maxLines: number): { lines: string[]; size: number } {
  for (const size of sizes) {
    const lines = wrapText(text, width, size, "serifBold");
    if (lines.length <= maxLines) return { lines, size };
  }
  const size = sizes.at(-1)!;
  return { lines: wrapText(text, width, size, "serifBold"), size };
}

/** Places a block scaled to fit a box (never enlarged), left-aligned, top-aligned. */
function placeBlock(block: Block, x: number, y: number, width: number, height: number): string {
  const scale = Math.min(1, width / block.width, height / block.height);
  return `<svg x="${x}" y="${y}" width="${(block.width * scale).toFixed(1)}" height="${(block.height * scale).toFixed(1)}" viewBox="0 0 ${block.width} ${block.height}" overflow="visible">${block.markup}</svg>`;
}

/** Site name and a rule: the header of every social card, laid out at 600 px. */
function socialHeader(pad: number, width: number, fonts: PictureFonts): Block {
  const name = textLines([SITE_NAME], pad, pad, "serifBold", 14, 16, ACCENT, fonts);
  return { markup: `${name.markup}<rect x="${pad}" y="${pad + 20}" width="${width - 2 * pad}" height="1.5" fill="${INK}"/>`, width, height: 24 };
}

/**
 * « réseaux 1 200×630 », laid out at 600×315 and drawn at 2×: the headline large, the chart drawn for the
 * card (`drawAt(width, height)`: a Plot chart fills the box, ticks at 12 px, 24 px in the image), and one
 * footer line naming the publisher and the page where every source is listed. A map, taller than wide,
 * goes beside the headline. A chart too tall to shrink readably (a ranking laid out in pixels) shows its
 * top at full size, faded out at the bottom of the card: a card is read on a phone feed, not studied.
 */
export function socialPicture(chart: PictureChart, drawAt: (width: number, height: number) => PictureChart, footer: string, options: PictureOptions): Picture {
  const { fonts } = options;
  const { width, height, scale } = PRESETS.social;
  const pad = 20;
  const inner = width - 2 * pad;
  const header = socialHeader(pad, width, fonts);
  const top = pad + header.height + 8;
  const footLines = wrapText(footer, inner, MIN_TEXT, "sans", 2);
  const foot = textLines(footLines, pad, height - pad + 2 - 15 * footLines.length, "sans", MIN_TEXT, 15, INK_SOFT, fonts);
  const bottom = height - pad - 15 * footLines.length - 6;
  const card = (body: string) => ({ svg: page(width, height, header.markup + body + foot.markup), width, height, scale });
  if (chart.spec.kind === "map") {
    const probe = chartBlock(chart, inner, options, { notes: false });
    const boxHeight = bottom - top;
    const boxWidth = Math.min(inner * 0.55, boxHeight * (probe.width / probe.height));
    const { lines, size } = fitTitle(chart.spec.title, inner - boxWidth - 16, [24, 21, 19], 7);
    const title = textLines(lines, pad, top, "serifBold", size, Math.round(size * 1.2), INK, fonts);
    const block = chartBlock(chart, boxWidth, options, { notes: false });
    return card(title.markup + placeBlock(block, width - pad - boxWidth, top, boxWidth, boxHeight));
  }
  const { lines, size } = fitTitle(chart.spec.title, inner, [24, 21, 19], 3);
  const title = textLines(lines, pad, top, "serifBold", size, Math.round(size * 1.2), INK, fonts);
  const y = top + title.height + 8;
  const box = bottom - y;
  let block = chartBlock(drawAt(inner, box), inner, options, { notes: false });
  if (block.height > box) {
    // The legend under a stretched drawing takes its share of the box (the drawing is drawn once more,
    // that much shorter), unless it would crowd the drawing out: then the card shows the drawing alone.
    const legend = block.height - box;
    block = legend <= box / 3 ? chartBlock(drawAt(inner, box - legend), inner, options, { notes: false }) : chartBlock(drawAt(inner, box), inner, options, { notes: false, legend: false });
  }
  // Never shrunk (its text would fall under 12 px): a rounding pixel or two runs into the gap above the footer.
  if (block.height <= box + 4) return card(`${title.markup}<g transform="translate(${pad},${y})">${block.markup}</g>`);
  const id = `coupe-${chart.spec.id}`;
  const cropped =
    `<defs><clipPath id="${id}"><rect x="${pad}" y="${y}" width="${inner}" height="${box}"/></clipPath>` +
    `<linearGradient id="${id}-fondu" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${PAPER}" stop-opacity="0"/><stop offset="1" stop-color="${PAPER}"/></linearGradient></defs>` +
    `<g clip-path="url(#${id})"><g transform="translate(${pad},${y})">${block.markup}</g></g>` +
    `<rect x="0" y="${bottom - 36}" width="${width}" height="36" fill="url(#${id}-fondu)"/>`;
  return card(title.markup + cropped);
}

/** « réseaux 1 200×630 » of an article (or of the site): site name, title, standfirst, footer line. */
export function articleCard(title: string, standfirst: string, footer: string, options: PictureOptions): Picture {
  const { fonts } = options;
  const { width, height, scale } = PRESETS.social;
  const pad = 28;
  const inner = width - 2 * pad;
  const header = socialHeader(pad, width, fonts);
  let y = pad + header.height + 14;
  const fitted = fitTitle(title, inner, [28, 24, 21], 3);
  const t = textLines(fitted.lines, pad, y, "serifBold", fitted.size, Math.round(fitted.size * 1.18), INK, fonts);
  y += t.height + 10;
  const footerLine = textLines([footer], pad, height - pad - 12, "sansBold", MIN_TEXT, 14, ACCENT, fonts);
  const room = Math.max(0, Math.floor((height - pad - 20 - y) / 18));
  const s = room > 0 ? paragraph(standfirst, pad, y, inner, "sans", 13, 18, INK_SOFT, fonts, room) : { markup: "", width: 0, height: 0 };
  return { svg: page(width, height, header.markup + t.markup + s.markup + footerLine.markup), width, height, scale };
}

/**
 * A rendered chart as a picture draws it: redrawn `width` wide (and `height` tall when it can stretch),
 * with its legend.
 */
export function pictureChart(chart: RenderedChart, catalogue: Catalogue, width: number, height?: number): PictureChart {
  const dataset = catalogue.datasets.get(chart.spec.dataset);
  if (!dataset) throw new Error(`graphique ${chart.spec.id} : jeu de données ${chart.spec.dataset} introuvable`);
  return { spec: chart.spec, svg: drawForPicture(chart, dataset, catalogue, width, height), legend: chart.legend };
}
