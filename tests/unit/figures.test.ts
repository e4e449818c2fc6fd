import { describe, expect, it } from "vitest";
import { excerptShows, numbersIn } from "../../src/lib/figures.ts";

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
    ["quatre-vingts", 4]
  ])("does not find a figure that is not written in %j → %d", (excerpt, value) => {
    expect(excerptShows(excerpt, value)).toBe(false);
  });
  it("reads every number of an excerpt", () => {
    expect(numbersIn("416 ont accepté ; 201 mis sous accord").sort((a, b) => a - b)).toEqual([201, 416]);
  });
});
