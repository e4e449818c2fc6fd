import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { RESVG_FONT, textWidth, wrapText } from "../../scripts/fonts.ts";
import { articleSocialSvg, chartBlock, chartImageSvg, chartPng, chartSocialSvg, renderPng, SOCIAL } from "../../scripts/png.ts";

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

describe("fonts (scripts/fonts.ts): DejaVu metrics read from the bundled TTF", () => {
  it("measures text as wider in bold, proportional to size", () => {
    expect(textWidth("Indemnités", "sans", 20)).toBeCloseTo(2 * textWidth("Indemnités", "sans", 10), 5);
    expect(textWidth("Indemnités", "sansBold", 10)).toBeGreaterThan(textWidth("Indemnités", "sans", 10));
    expect(textWidth("iiii", "sans", 10)).toBeLessThan(textWidth("MMMM", "sans", 10));
  });

  it("wraps within the width, never at a no-break space, and ends a cut text with an ellipsis", () => {
    const text = "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières : 10,2\u00a0Md€ en 2023";
    const lines = wrapText(text, "sans", 16, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l, "sans", 16)).toBeLessThanOrEqual(200);
    expect(lines.some((l) => l.includes("10,2\u00a0Md€"))).toBe(true);
    const cut = wrapText(text, "sans", 16, 200, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
  });

  it("resvg draws the same text width as measured (no system font involved)", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="40"><text x="0" y="30" font-size="20">Arrêts de travail</text></svg>`;
    const box = new Resvg(svg, { font: RESVG_FONT }).getBBox()!;
    expect(Math.abs(box.width - textWidth("Arrêts de travail", "sans", 20))).toBeLessThan(6);
  });
});

describe("chart images (scripts/png.ts)", () => {
  const chart = { spec: { id: "t", title: "Un titre de graphique assez long pour passer à la ligne dans l'image", subtitle: "Sous-titre : périmètre, unité" }, svg: bars };

  it("the PNG is a real PNG, twice the chart's viewBox width, with room for title and sources", () => {
    const { png, width, height } = chartPng(chart, "Source : DREES (13 décembre 2024).", "https://sous-objectif.fr/graphiques/t/");
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width, height });
    expect(width).toBe(1280);
    expect(height).toBeGreaterThan(2 * 200 + 2 * 100);
  });

  it("bakes in title, subtitle, source line and address as text", () => {
    const { svg } = chartImageSvg(chart, "Source : DREES (13 décembre 2024).", "https://sous-objectif.fr/graphiques/t/");
    expect(svg).toContain("Sous-titre : périmètre, unité");
    expect(svg).toContain("Source : DREES (13 décembre 2024).");
    expect(svg).toContain("https://sous-objectif.fr/graphiques/t/");
    expect(svg).not.toMatch(/var\(--plot-background\)/);
  });

  it("redraws Plot's HTML swatch legend as SVG, above the chart", () => {
    expect(withLegend).toMatch(/^<figure/);
    const block = chartBlock({ spec: { id: "l", title: "", subtitle: "" }, svg: withLegend }, 500);
    expect(block.markup).toContain(">Maladie</text>");
    expect(block.markup).toContain(">Maternité</text>");
    expect(block.height).toBeGreaterThan(200);
    const { png } = chartPng({ spec: { id: "l", title: "Légende", subtitle: "Test" }, svg: withLegend }, "Source : test.", "https://sous-objectif.fr/graphiques/l/");
    expect(pngSize(png).width).toBe(1000);
  });

  it("scales a chart whose labels overflow its box so nothing is cut off", () => {
    const overflowing = plotMarkup({ width: 300, height: 100, marginLeft: 10, marks: [Plot.barX([{ r: "Un libellé d'axe beaucoup trop long pour la marge", v: 1 }], { x: "v", y: "r" })] });
    const block = chartBlock({ spec: { id: "o", title: "", subtitle: "" }, svg: overflowing }, 300);
    expect(block.markup).toMatch(/^<svg width="300" height="\d+" viewBox="-\d+ /);
    const box = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="${block.height}">${block.markup}</svg>`, { font: RESVG_FONT }).getBBox()!;
    expect(box.x).toBeGreaterThanOrEqual(-0.5);
    expect(box.x + box.width).toBeLessThanOrEqual(300.5);
  });

  it("social cards are 1200 × 630", () => {
    for (const svg of [chartSocialSvg(chart, "Source : DREES."), articleSocialSvg("Titre", "Chapeau", "sous-objectif.fr")]) {
      const { png } = renderPng(svg);
      expect(pngSize(png)).toEqual({ width: SOCIAL.width, height: SOCIAL.height });
    }
  });
});
