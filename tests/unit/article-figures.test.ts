import { describe, expect, it } from "vitest";
import { checkArticleFigures, checkStatedFigures, extractFigures, matchesValue, rowUnit, unitAfter, yearsIn, type FigureRow } from "../../src/lib/article-figures.ts";

describe("extractFigures(text)", () => {
  it("finds amounts, percentages and counts, with their unit", () => {
    expect(extractFigures("La dépense atteint 10,2 milliards, soit 60 % ; 1\u202f200 médecins visés.").map((f) => [f.value, f.unit])).toEqual([
      [10.2, { kind: "Md€" }],
      [60, { kind: "%" }],
      [1200, { kind: "count", noun: "medecin" }]
    ]);
  });
  it("leaves out years, dates, ordinals and legal references", () => {
    expect(extractFigures("Le 21 novembre 2025, le 1er septembre, la loi n° 2004-810 du 13 août 2004, l'article 28, le 2e trimestre, à 14 h, la question 4.")).toEqual([]);
  });
  it("never takes a grouped count for a year: « 2 000 médecins », « 1 950 agents »", () => {
    expect(extractFigures("Basta évoque 2 000 médecins et 1\u00a0950 agents en 2023.").map((f) => f.value)).toEqual([2000, 1950]);
  });
  it("keeps a figure next to a year", () => {
    expect(extractFigures("En 2023, 965 médecins").map((f) => f.value)).toEqual([965]);
  });
  it("leaves out names that carry a number (« 20 Minutes », « Europe 1 »)", () => {
    expect(extractFigures("repris par 20 Minutes et Europe 1")).toEqual([]);
  });
});

describe("yearsIn(text) and unitAfter(text)", () => {
  it("reads years, not grouped counts", () => {
    expect(yearsIn("entre 2010 et 2019, puis 2 000 médecins en 2023, et 2016-2017")).toEqual([2010, 2019, 2023, 2016, 2017]);
  });
  it("gives a range the unit of its end", () => {
    expect(unitAfter(" à 30 % des prescriptions")).toEqual({ kind: "%" });
    expect(unitAfter(" ou 7,6 milliards selon")).toEqual({ kind: "Md€" });
    expect(unitAfter(" millions en 2021")).toEqual({ kind: "millions" });
  });
  it("reads a row's unit from its code and label", () => {
    expect(rowUnit("Md€", "milliards d’euros")).toEqual({ kind: "Md€" });
    expect(rowUnit("millions-euros", "millions d’euros")).toEqual({ kind: "M€" });
    expect(rowUnit("autres-medecins", "autres médecins (sans compter le généraliste)")).toEqual({ kind: "count", noun: "medecin" });
  });
});

describe("matchesValue(figure, values)", () => {
  const fig = (text: string) => extractFigures(text)[0]!;
  it("accepts the value as written or rounded to the decimals written", () => {
    expect(matchesValue(fig("10,2 milliards"), [10.2])).toBe(true);
    expect(matchesValue(fig("10 milliards"), [10.2])).toBe(true);
    expect(matchesValue(fig("baisse de 5,9 %"), [-5.9])).toBe(true);
    expect(matchesValue(fig("2 %"), [1.5])).toBe(true);
  });
  it("refuses a figure no data value supports, and a half rounded down", () => {
    expect(matchesValue(fig("10,3 milliards"), [10.2])).toBe(false);
    expect(matchesValue(fig("11 milliards"), [10.2])).toBe(false);
    expect(matchesValue(fig("1 %"), [1.5])).toBe(false);
  });
});

const row = (value: number, unit: FigureRow["unit"], years: number[], line: number, scope?: string): FigureRow => ({ dataset: "ij", line, value, unit, years, scope });
const MD = { kind: "Md€" } as const;
const ROWS: FigureRow[] = [
  row(10.2, MD, [2023], 2, "DREES-SAL"),
  row(10.6, MD, [2023], 3, "REPSS-RG"),
  row(10.4, MD, [2015], 4, "CdC-RG"),
  row(6000, { kind: "count", noun: "medecin" }, [2023], 5),
  row(7300, { kind: "count", noun: "agent" }, [2025], 6),
  row(11, MD, [2020], 7, "CNS"),
  row(11, MD, [2024], 8, "CNS"),
  row(60, { kind: "%" }, [], 9)
];
const codes = (text: string) => checkStatedFigures(text, ROWS, "ij").map((m) => `${m.figure.raw} ${m.code}`);

describe("checkStatedFigures(text, rows): a figure is matched to the row it claims", () => {
  it("accepts figures of the right unit and year", () => {
    expect(codes("Pour 2023, la DREES annonce 10,2 milliards ; le REPSS, près de 10,6 milliards. Basta évoque 6 000 médecins en 2023.")).toEqual([]);
  });
  it("refuses a value found only in another year of the data (« 10,4 milliards » in a sentence about 2023)", () => {
    expect(codes("Pour 2023, la DREES annonce 10,4 milliards.")).toEqual(["10,4 figure/other-year"]);
  });
  it("refuses a value found nowhere, and « 2 000 médecins » is checked, not skipped as a year", () => {
    expect(codes("Pour 2023, la DREES annonce 10,3 milliards. Basta évoque 2 000 médecins.")).toEqual(["10,3 figure/not-in-data", "2 000 figure/not-in-data"]);
  });
  it("refuses a value of another unit (7 300 agents are not 7 300 médecins)", () => {
    expect(codes("En 2025, 7 300 médecins.")).toEqual(["7 300 figure/other-unit"]);
    expect(codes("En 2025, 7 300 agents.")).toEqual([]);
  });
  it("refuses a figure with no year when rows of several years could be meant, and accepts it when one could", () => {
    expect(codes("Les comptes de la santé donnent 11 milliards.")).toEqual(["11 figure/ambiguous"]);
    expect(codes("Les comptes de la santé donnent 11 milliards en 2024.")).toEqual([]);
    expect(codes("La DREES annonce 10,2 milliards.")).toEqual([]);
    expect(codes("Ils expliquent 60 % de la hausse.")).toEqual([]);
  });
  it("keeps to the scope the sentence names next to the figure", () => {
    const rows = [row(10.6, MD, [2023], 3, "REPSS-RG"), row(10.6, MD, [2015], 2, "DREES-SAL")];
    const scoped = (text: string) => checkStatedFigures(text, rows, "ij").map((m) => m.code);
    expect(scoped("Un rapport annonce 10,6 milliards.")).toEqual(["figure/ambiguous"]);
    expect(scoped("La DREES annonce 10,6 milliards.")).toEqual([]);
    expect(scoped("Le REPSS annonce 10,6 milliards.")).toEqual([]);
    expect(scoped("Pour 2023, la DREES annonce 10,6 milliards.")).toEqual(["figure/other-year"]);
  });
});

describe("checkStatedFigures with derived datasets (per-département tables, units per column)", () => {
  const national = { ...row(1, { kind: "%" }, [2025], 54), dataset: "campagnes" };
  const local = (v: number, y: number, place: string): FigureRow => ({ ...row(v, { kind: "%" }, [y], 100 + y), dataset: "ij-departements", place });
  it("a row about a département the paragraph does not name steps aside", () => {
    const rows = [national, local(1, 2010, "Ain"), local(1, 2011, "Aisne")];
    expect(checkStatedFigures("Les contrôles visent 1 % des généralistes.", rows, "x")).toEqual([]);
    expect(checkStatedFigures("Dans l’Ain, la part atteint 1 %.", [local(1, 2010, "Ain"), local(1, 2011, "Ain")], "x").map((m) => m.code)).toEqual(["figure/ambiguous"]);
  });
  it("one cited dataset holding the figure for one period is enough: a coincidence in another table is not ambiguity", () => {
    const rows = [row(20, { kind: "%" }, [], 18), { ...row(20, { kind: "%" }, [2020], 12), dataset: "other" }, { ...row(20, { kind: "%" }, [2021], 13), dataset: "other" }];
    expect(checkStatedFigures("Ils libéreraient environ 20 % de temps.", rows, "x")).toEqual([]);
  });
  it("converts amounts between €, M€ and Md€ (a row of 7 690 000 000 € is « 7,69 milliards »)", () => {
    const rows = [row(7_690_000_000, { kind: "€" }, [2023], 2)];
    expect(checkStatedFigures("En 2023, 7,69 milliards d’euros.", rows, "x")).toEqual([]);
    expect(checkStatedFigures("En 2023, 7,7 milliards d’euros.", rows, "x")).toEqual([]);
    expect(checkStatedFigures("En 2023, 7,6 milliards d’euros.", rows, "x").map((m) => m.code)).toEqual(["figure/not-in-data"]);
  });
});

describe("checkArticleFigures(article, rows): located problems for data:check", () => {
  it("names the file, line and column of the wrong figure, with a hint", () => {
    const body = "Un paragraphe.\n\nPour 2023, la DREES annonce\n10,4 milliards d’euros.\n";
    const [p, ...rest] = checkArticleFigures({ file: "content/articles/x.md", body, bodyLine: 8 }, ROWS, ["ij"]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: "content/articles/x.md", line: 11, column: 1, code: "figure/other-year" });
    expect(p!.message).toBe('chiffre "10,4 Md€" : attendu une ligne de 2023 (l\'année que nomme la phrase), trouvé 10,4 seulement dans data/ij.csv:4 (2015)');
    expect(p!.hint).toMatch(/année/);
  });
});
