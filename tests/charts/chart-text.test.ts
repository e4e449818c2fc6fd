import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/index.ts";
import type { Row } from "../../src/lib/dataset.ts";
import { loadSite } from "../../src/lib/site.ts";

/**
 * Every figure written in a chart's words — title, subtitle, text alternative, notes, legend — must be a
 * value of the rows it draws (a number cell, or a number inside a code or a date: « 21 novembre 2025 »).
 * A title typed with a figure the data does not contain fails here.
 */
const NUMBER = /\d+(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?/g;

function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/[\u00a0\u202f ]/g, "").replace(",", ".")));
}

function valuesOf(rows: Row[]): Set<number> {
  const values = new Set<number>();
  for (const row of rows)
    for (const cell of Object.values(row)) {
      if (typeof cell === "number") values.add(cell);
      else if (typeof cell === "string") for (const m of cell.matchAll(/\d+(?:\.\d+)?/g)) values.add(Number(m[0]));
    }
  return values;
}

const site = loadSite();

describe("chart words use the data's figures only", () => {
  for (const spec of charts.filter((c) => !c.id.startsWith("carte-"))) {
    it(spec.id, () => {
      const chart = site.charts.get(spec.id);
      expect(chart, "chart did not render").toBeDefined();
      const allowed = valuesOf(chart!.rows);
      const texts = { title: spec.title, subtitle: spec.subtitle, alt: spec.alt, describe: chart!.alt, notes: (spec.notes ?? []).join(" "), legend: chart!.legend.map((l) => l.label).join(" ") };
      const unknown = Object.entries(texts).flatMap(([where, text]) => numbersIn(text).filter((n) => !allowed.has(n)).map((n) => `${where}: ${n}`));
      expect(unknown).toEqual([]);
    });
  }
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
