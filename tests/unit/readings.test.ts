import { describe, expect, it } from "vitest";
import { rangeProse, rangeText } from "../../src/charts/helpers.ts";
import { groupReadings, isRange, valuesWithSources } from "../../src/charts/readings.ts";
import { textWidth, wrapText } from "../../src/charts/text.ts";
import type { Row } from "../../src/lib/dataset.ts";

const row = (campagne: string, etape: string, valeur: number | null, source: string): Row => ({ campagne, etape, valeur, source });

describe("groupReadings: rows with the same key but the source are readings of one figure", () => {
  const rows = [
    row("2023", "identifies", 965, "klesia"),
    row("2023", "identifies", 1000, "egora"),
    row("2023", "msap", 201, "klesia"),
    row("2023", "identifies", 1200, "fmf"),
    row("2023", "identifies", 1000, "quotidien"),
    row("2023", "msap", null, "usmy")
  ];
  const groups = groupReadings(rows, ["campagne", "etape"]);

  it("keeps first-seen order and every row", () => {
    expect(groups.map((g) => g.key)).toEqual(["2023|identifies", "2023|msap"]);
    expect(groups[0]!.rows).toHaveLength(4);
    expect(groups[0]!.sources).toEqual(["klesia", "egora", "fmf", "quotidien"]);
  });

  it("gives the range of the readings, never picking one", () => {
    expect(groups[0]).toMatchObject({ min: 965, max: 1200 });
    expect(isRange(groups[0]!)).toBe(true);
    expect(valuesWithSources(groups[0]!)).toEqual([
      { value: 965, sources: ["klesia"], rows: [rows[0]] },
      { value: 1000, sources: ["egora", "quotidien"], rows: [rows[1], rows[4]] },
      { value: 1200, sources: ["fmf"], rows: [rows[3]] }
    ]);
  });

  it("leaves a missing value out of the range (never 0) and keeps its row", () => {
    expect(groups[1]).toMatchObject({ min: 201, max: 201 });
    expect(groups[1]!.rows).toHaveLength(2);
    expect(isRange(groups[1]!)).toBe(false);
    const none = groupReadings([row("x", "y", null, "s")], ["campagne"]);
    expect(none[0]).toMatchObject({ min: null, max: null, readings: [] });
  });

  it("compares readings in one unit when told how", () => {
    const days: Row[] = [
      { annee: 2023, valeur: 285886324, unite: "journées", source: "a" },
      { annee: 2023, valeur: 286, unite: "millions de journées", source: "b" }
    ];
    const [g] = groupReadings(days, ["annee"], (r) => (r.unite === "journées" ? (r.valeur as number) / 1e6 : (r.valeur as number)));
    expect(g!.min).toBeCloseTo(285.886324);
    expect(g!.max).toBe(286);
  });
});

describe("French ranges", () => {
  it("writes a range with an en dash on charts and « à » in prose, a single value alone", () => {
    expect(rangeText(965, 1200)).toBe("965–1\u202f200");
    expect(rangeText(6.3, 6.4, "%")).toBe("6,3–6,4\u202f%");
    expect(rangeText(10.2, 10.2, "Md€")).toBe("10,2\u00a0Md€");
    expect(rangeProse(60, 70, "médecins")).toBe("60 à 70\u00a0médecins");
  });
});

describe("label wrapping", () => {
  it("breaks at spaces within the width, never inside a word", () => {
    const text = "Accidents du travail et maladies professionnelles (AT-MP)";
    const lines = wrapText(text, 150, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) if (line.includes(" ")) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
  });
  it("measures bold wider than regular", () => {
    expect(textWidth("Maladie", 12, "sansBold")).toBeGreaterThan(textWidth("Maladie", 12));
  });
});
