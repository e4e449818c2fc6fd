import { describe, expect, it } from "vitest";
import { excerptShows, numbersIn, readNumbers } from "../../src/lib/figures.ts";

describe("excerptShows(excerpt, value)", () => {
  it.each([
    ["atteint 10,2 milliards d’euros", 10.2],
    ["près de 10,6 Md€", 10.6],
    ["environ 1 200 médecins", 1200],
    ["environ\u202f1\u00a0200 médecins", 1200],
    ["ils seraient 5.000 selon France Info", 5000],
    ["en 2023, 965 médecins", 965],
    ["une diminution de 0,8 % en 2012", -0.8],
    ["une soixantaine de médecins", 60],
    ["un millier de médecins", 1000],
    ["soit 7 332 € en 2023", 7332],
    ["une hausse de 15.8 %", 15.8],
    ["Treize médecins du département", 13],
    ["la mise sous entente préalable de quarante-six médecins", 46],
    ["quatre-vingt-dix lettres", 90],
    ["soixante-dix-sept", 77],
    ["vingt et un jours", 21],
    ["deux cents généralistes", 200],
    ["six médecins sur les neuf", 9]
  ])("finds the figure in %j → %d", (excerpt, value) => {
    expect(excerptShows(excerpt, value)).toBe(true);
  });
  it.each([
    ["atteint 10,2 milliards", 10],
    ["en 2013", 13],
    ["4,1 milliards", 4.2],
    ["près de 70 médecins", 60],
    ["un médecin", 1],
    ["quatre-vingts", 4],
    ["environ 1 200 médecins", 200],
    ["environ 1 200 médecins", 1],
    ["ils seraient 5.000 selon France Info", 5],
    ["atteint 10,2 milliards", 10.25],
    ["atteint 10,2 milliards", 10.3],
    ["une soixantaine de médecins", 70],
    ["quarante-six médecins", 40],
    ["quarante-six médecins", 6],
    ["vingt et un jours", 20],
    ["en 2023 5 000 médecins", 20235],
    ["87, 39 et 12", 39.12]
  ])("does not find a figure that is not written in %j → %d", (excerpt, value) => {
    expect(excerptShows(excerpt, value)).toBe(false);
  });
  it("accepts a transcript's decimal comma followed by a space (« 6, 2 »), as well as the two numbers", () => {
    expect(excerptShows("Évaluées à 6, 2 milliards d'euros", 6.2)).toBe(true);
    expect(numbersIn("87, 39").sort((a, b) => a - b)).toEqual([39, 87, 87.39]);
  });
  it("reads every number of an excerpt", () => {
    expect(numbersIn("416 ont accepté ; 201 mis sous accord").sort((a, b) => a - b)).toEqual([201, 416]);
  });
});

describe("readNumbers(text): one reader for digits and words", () => {
  const read = (text: string) => readNumbers(text).map((t) => [t.raw, t.value, t.decimals]);
  it("reads thousands groups whole, and a year next to a count as two numbers", () => {
    expect(read("en 2023 5 000 médecins, puis 1\u202f200")).toEqual([["2023", 2023, 0], ["5 000", 5000, 0], ["1 200", 1200, 0]]);
  });
  it("keeps the decimals written", () => {
    expect(read("10,2 milliards et 15.8 % et 7,10 €")).toEqual([["10,2", 10.2, 1], ["15.8", 15.8, 1], ["7,10", 7.1, 2]]);
  });
  it("reads words and approximations in the same pass, in reading order", () => {
    expect(read("Treize médecins, puis une soixantaine, puis 70")).toEqual([["Treize", 13, 0], ["une soixantaine", 60, 0], ["70", 70, 0]]);
  });
  it("gives offsets into the text", () => {
    const [t] = readNumbers("soit 7 332 €");
    expect(t!.index).toBe(5);
  });
});
