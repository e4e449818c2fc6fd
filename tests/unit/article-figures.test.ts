import { describe, expect, it } from "vitest";
import { extractFigures, matchesValue } from "../../src/lib/article-figures.ts";

describe("extractFigures(text)", () => {
  it("finds amounts, percentages and counts", () => {
    expect(extractFigures("La dépense atteint 10,2 milliards, soit 60 % ; 1\u202f200 médecins visés.").map((f) => f.value)).toEqual([10.2, 60, 1200]);
  });
  it("leaves out years, dates, ordinals and legal references", () => {
    expect(extractFigures("Le 21 novembre 2025, le 1er septembre, la loi n° 2004-810 du 13 août 2004, l'article 28, le 2e trimestre, à 14 h.")).toEqual([]);
  });
  it("keeps a figure next to a year", () => {
    expect(extractFigures("En 2023, 965 médecins").map((f) => f.value)).toEqual([965]);
  });
});

describe("matchesValue(figure, values)", () => {
  const fig = (text: string) => extractFigures(text)[0]!;
  it("accepts the value as written or rounded to the decimals written", () => {
    expect(matchesValue(fig("10,2 milliards"), [10.2])).toBe(true);
    expect(matchesValue(fig("10 milliards"), [10.2])).toBe(true);
    expect(matchesValue(fig("baisse de 5,9 %"), [-5.9])).toBe(true);
  });
  it("refuses a figure no data value supports", () => {
    expect(matchesValue(fig("10,3 milliards"), [10.2])).toBe(false);
    expect(matchesValue(fig("11 milliards"), [10.2])).toBe(false);
  });
});
