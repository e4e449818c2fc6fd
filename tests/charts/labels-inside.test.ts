import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { textWidth } from "../../src/charts/text.ts";
import { loadSite } from "../../src/site/site.ts";

/**
 * Every text of every drawing (wide and narrow) lies inside its frame, measured with the same text-width
 * estimate the layouts use: a label past the SVG's edge is cut on screen (« 5 000 : lecture contest… » at 390 px).
 */
const site = loadSite();
const SLACK = 1.5; // px: the estimate rounds glyph widths

/** Texts whose horizontal extent leaves [0, width], as « "text" from a to b in width ». */
function textsOutside(svgMarkup: string): string[] {
  const { document } = parseHTML(`<html><body>${svgMarkup}</body></html>`);
  const svg = document.querySelector("svg");
  if (!svg) return [];
  const width = Number(svg.getAttribute("width") ?? svg.getAttribute("viewBox")?.split(/\s+/)[2]);
  const inherited = (el: Element, attr: string) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const v = e.getAttribute(attr);
      if (v) return v;
    }
    return undefined;
  };
  const out: string[] = [];
  for (const t of svg.querySelectorAll("text")) {
    const translate = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(t.getAttribute("transform") ?? "");
    const x = (translate ? Number(translate[1]) : 0) + Number(t.getAttribute("x") ?? 0);
    const size = Number(inherited(t, "font-size") ?? 10);
    const bold = Number(inherited(t, "font-weight") ?? 400) >= 600;
    const anchor = inherited(t, "text-anchor") ?? "start";
    const spans = [...t.querySelectorAll("tspan")];
    for (const line of spans.length ? spans.map((s) => s.textContent ?? "") : [t.textContent ?? ""]) {
      const w = textWidth(line, size, bold ? "sansBold" : "sans");
      const [a, b] = anchor === "end" ? [x - w, x] : anchor === "middle" ? [x - w / 2, x + w / 2] : [x, x + w];
      if (a < -SLACK || b > width + SLACK) out.push(`${JSON.stringify(line)} from ${Math.round(a)} to ${Math.round(b)} in ${width}`);
    }
  }
  return out;
}

describe("chart labels stay inside the frame", () => {
  it("the check sees a label past the right edge (control)", () => {
    const svg = `<svg width="340" viewBox="0 0 340 100"><g font-size="13" text-anchor="start"><text transform="translate(200,50)">5 000 : lecture contestée</text></g></svg>`;
    expect(textsOutside(svg)).toEqual([expect.stringContaining("lecture contestée")]);
  });
  for (const chart of site.charts.values())
    it(chart.spec.id, () => {
      expect(textsOutside(chart.svg), "wide drawing").toEqual([]);
      if (chart.svgNarrow) expect(textsOutside(chart.svgNarrow), "narrow drawing").toEqual([]);
    });
});
