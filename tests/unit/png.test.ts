import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { articleCard, articlePicture, chartBlock, MIN_TEXT, PRESETS, socialPicture, type PictureChart } from "../../src/charts/picture.ts";
import { textWidth, wrapText } from "../../src/charts/text.ts";
import { PNG_PICTURE, renderPng, RESVG_FONT } from "../../scripts/png.ts";
import { drawingWidths, textSizes } from "../charts/picture-measure.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

function plotMarkup(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return (Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element).outerHTML;
}

const bars = plotMarkup({
  width: 640,
  height: 200,
  marginLeft: 120,
  marks: [Plot.barX([{ r: "Maladie", v: 10.2 }, { r: "Accidents du travail", v: 4.1 }], { x: "v", y: "r", fill: "#1f5f8b" })]
});
const withLegend = plotMarkup({
  width: 500,
  height: 200,
  color: { legend: true, domain: ["Maladie", "Maternité"], range: ["#1f5f8b", "#c2410c"] },
  marks: [Plot.barY([{ r: "Maladie", v: 10 }, { r: "Maternité", v: 3 }], { x: "r", y: "v", fill: "r" })]
});

describe("text measurement (src/charts/text.ts): DejaVu metrics read from the bundled TTF", () => {
  it("measures text as wider in bold, proportional to size", () => {
    expect(textWidth("Indemnités", 20)).toBeCloseTo(2 * textWidth("Indemnités", 10), 5);
    expect(textWidth("Indemnités", 10, "sansBold")).toBeGreaterThan(textWidth("Indemnités", 10));
    expect(textWidth("iiii", 10)).toBeLessThan(textWidth("MMMM", 10));
  });

  it("wraps within the width, never at a no-break space, and ends a cut text with an ellipsis", () => {
    const text = "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières : 10,2\u00a0Md€ en 2023";
    const lines = wrapText(text, 200, 16);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l, 16)).toBeLessThanOrEqual(200);
    expect(lines.some((l) => l.includes("10,2\u00a0Md€"))).toBe(true);
    const cut = wrapText(text, 200, 16, "sans", 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
  });

  it("resvg draws the same text width as measured (no system font involved)", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40"><text x="0" y="30" font-size="20">Arrêts de travail</text></svg>`;
    const box = new Resvg(svg, { font: RESVG_FONT }).getBBox()!;
    expect(Math.abs(box.width - textWidth("Arrêts de travail", 20))).toBeLessThan(6);
  });
});

describe("pictures (src/charts/picture.ts) rasterised by scripts/png.ts", () => {
  const chart: PictureChart = { spec: { id: "t", title: "Un titre de graphique assez long pour passer à la ligne dans l'image", subtitle: "Sous-titre : périmètre, unité" }, svg: bars };
  const article = () => articlePicture(chart, "Source : DREES (13 décembre 2024).", "https://sous-objectif.fr/graphiques/t/", PNG_PICTURE);

  it("« article 600 px »: a real PNG at 2×, 1 200 px wide, with room for title and sources", () => {
    const picture = article();
    const { png, width, height } = renderPng(picture);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width, height });
    expect(width).toBe(2 * PRESETS.article.width);
    expect(height).toBe(2 * picture.height);
    expect(picture.height).toBeGreaterThan(200 + 100);
  });

  it("bakes in title, subtitle, source line and address as text", () => {
    const { svg } = article();
    expect(svg).toContain("Sous-titre : périmètre, unité");
    expect(svg).toContain("Source : DREES (13 décembre 2024).");
    expect(svg).toContain("https://sous-objectif.fr/graphiques/t/");
    expect(svg).not.toMatch(/var\(--plot-background\)/);
  });

  it("measures what it draws: text sizes through nested <svg> scales, and the drawing's width", () => {
    const { svg } = article();
    // The 640 px drawing is scaled to 568 px: its 10 px ticks are read at 10 × 568 / 640.
    const ticks = textSizes(svg).filter((t) => t.text === "0" || t.text === "10");
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t.size).toBeCloseTo((10 * 568) / 640, 1);
    expect(Math.max(...drawingWidths(svg))).toBeCloseTo(568, 0);
    expect(textSizes(`<svg width="100" viewBox="0 0 200 100"><g style="font-size:20px" font-size="8"><text>a</text></g></svg>`)).toEqual([{ text: "a", size: 10 }]);
  });

  it("redraws Plot's HTML swatch legend as SVG, above the chart", () => {
    expect(withLegend).toMatch(/^<figure/);
    const block = chartBlock({ spec: { id: "l", title: "", subtitle: "" }, svg: withLegend }, 500, PNG_PICTURE);
    expect(block.markup).toContain(">Maladie</text>");
    expect(block.markup).toContain(">Maternité</text>");
    expect(block.height).toBeGreaterThan(200);
  });

  it("wraps a long series label instead of shrinking the chart to make room for it", () => {
    const long = "AT-MP, journées non travaillées (AT-MP) — Branche accidents du travail et maladies professionnelles du régime général (rapport annuel)";
    // Drawn for the picture, as the build draws every chart: 568 px wide, Plot's text at 12 px.
    const drawn = plotMarkup({ width: 568, height: 200, marginLeft: 140, style: { fontSize: "12px" }, marks: [Plot.barX([{ r: "Maladie", v: 10.2 }, { r: "Accidents du travail", v: 4.1 }], { x: "v", y: "r" })] });
    const picture = articlePicture({ ...chart, svg: drawn, legend: [{ label: long, color: "#1f5f8b", shape: "dot" }] }, "Source : test.", "https://sous-objectif.fr/", PNG_PICTURE);
    expect(Math.max(...drawingWidths(picture.svg))).toBeGreaterThan(0.9 * PRESETS.article.width);
    expect(Math.min(...textSizes(picture.svg).map((t) => t.size))).toBeGreaterThanOrEqual(MIN_TEXT - 0.01);
  });

  it("scales a chart whose labels overflow its box so nothing is cut off", () => {
    const overflowing = plotMarkup({ width: 300, height: 100, marginLeft: 10, marks: [Plot.barX([{ r: "Un libellé d'axe beaucoup trop long pour la marge", v: 1 }], { x: "v", y: "r" })] });
    const block = chartBlock({ spec: { id: "o", title: "", subtitle: "" }, svg: overflowing }, 300, PNG_PICTURE);
    expect(block.markup).toMatch(/^<svg width="300" height="\d+" viewBox="-\d+ /);
    const box = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="${block.height}">${block.markup}</svg>`, { font: RESVG_FONT }).getBBox()!;
    expect(box.x).toBeGreaterThanOrEqual(-0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(300.5);
  });

  it("social cards are 1 200 × 630", () => {
    const social = socialPicture(chart, () => chart, "Graphique : Sous objectif", PNG_PICTURE);
    for (const picture of [social, articleCard("Titre", "Chapeau", "sous-objectif.fr", PNG_PICTURE)]) {
      const { png } = renderPng(picture);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    }
  });
});
