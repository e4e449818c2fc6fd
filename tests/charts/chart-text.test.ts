import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/index.ts";
import { checkChartWords, figureRows } from "../../src/lib/article-figures.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { loadSite } from "../../src/site/site.ts";

/**
 * Every figure written in a chart's words — title, subtitle, notes, legend, and a Plot chart's text
 * alternative — must be a row it draws, with the same unit and, where the sentence names it, the same
 * year (src/lib/article-figures.ts, run by loadSite and so by `npm run data:check`). A number inside an
 * excerpt or a source id is not a figure of the chart.
 */
const site = loadSite();

describe("chart words use the figures of the rows drawn", () => {
  for (const spec of charts)
    it(spec.id, () => {
      expect(site.problems.filter((p) => p.file === `src/charts/${spec.id}.ts` && p.code?.startsWith("figure/")).map(formatProblem)).toEqual([]);
    });

  it("a title with a figure no row draws is caught, even when the number sits in an excerpt (« les 12 indicateurs »)", () => {
    const chart = site.charts.get("controles-assures")!;
    const rows = figureRows(site.catalogue.datasets.get(chart.spec.dataset)!, chart.rows);
    const excerpts = chart.rows.map((r) => String(r.extrait ?? "")).join(" ");
    expect(excerpts).toMatch(/\b12\b/); // the old check accepted any number of an excerpt
    const found = checkChartWords("src/charts/controles-assures.ts", { title: "Contrôles : les 12 indicateurs suivis" }, rows);
    expect(found.map((p) => p.code)).toEqual([expect.stringMatching(/^figure\/(not-in-data|other-unit)$/)]);
  });
});

describe("every chart says what it shows", () => {
  for (const spec of charts.filter((c) => !c.id.startsWith("carte-"))) {
    it(`${spec.id}: title, subtitle, a text alternative, a theme, rows`, () => {
      const chart = site.charts.get(spec.id)!;
      expect(spec.title.length).toBeGreaterThan(20);
      expect(spec.subtitle.length).toBeGreaterThan(20);
      expect(chart.alt.length).toBeGreaterThan(40);
      expect(spec.theme).toBeTruthy();
      expect(chart.rows.length).toBeGreaterThan(0);
      expect(chart.svgNarrow, "a narrow drawing for phones").toBeDefined();
    });
  }
});
