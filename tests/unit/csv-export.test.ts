import { dsvFormat } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { BOM, excelCsv, exportTable, machineCsv, shiftDecimal, unitSlug } from "../../src/lib/csv-export.ts";
import type { Dataset, Row } from "../../src/lib/dataset.ts";
import type { Column } from "../../src/lib/dataset-meta.ts";
import type { Source } from "../../src/lib/sources.ts";

/** The CSV files a reader downloads (src/lib/csv-export.ts), on a small dataset written out here. */
const columns: Column[] = [
  { name: "annee", type: "integer", label: "Année" },
  { name: "departement", type: "departement", label: "Département" },
  { name: "mesure", type: "enum", label: "Mesure", values: { depense: "Dépense d’indemnités journalières", journees: "Journées indemnisées", medecins: "Médecins visés" } },
  { name: "valeur", type: "number", label: "Valeur", figure: true },
  { name: "unite", type: "enum", label: "Unité", values: { "Md€": "milliards d’euros", "M€": "millions d’euros", journées: "journées", "millions de journées": "millions de journées", medecins: "médecins" } },
  { name: "source", type: "source", label: "Source" },
  { name: "extrait", type: "text", label: "Extrait" }
] as Column[];
const dataset = (rows: Row[]) => ({ id: "test", rows, lines: rows.map((_, i) => i + 2), meta: { columns, notes: [], title: "T" } }) as unknown as Dataset;
const source: Source = { id: "s", title: "T", publisher: "DREES", tier: "officiel", url: "https://drees.example/etude", date: "2024-12-13", accessed: "2026-11-25" } as Source;
const lookups = { sources: new Map([["s", source]]), departements: new Map([["2A", "Corse-du-Sud"], ["64", "Pyrénées-Atlantiques"]]) };
const row = (annee: number, mesure: string, valeur: number | null, unite: string | null, extrait = "x", departement: string | null = "64"): Row => ({ annee, departement, mesure, valeur, unite, source: "s", extrait });

describe("one unit per value column", () => {
  it("moves the decimal point instead of multiplying floats: the figure is unchanged", () => {
    expect(shiftDecimal(10.2, 3)).toBe(10200);
    expect(shiftDecimal(327, 6)).toBe(327000000);
    expect(shiftDecimal(0.07, 3)).toBe(70);
    expect(shiftDecimal(1.255, 1)).toBe(12.55);
    expect(shiftDecimal(-4.1, 3)).toBe(-4100);
    // 10.2 × 1e9 in floating point is 10199999999.999998: the shift is not a product.
    expect(shiftDecimal(10.2, 9)).toBe(10200000000);
  });

  it("writes a family's values in its smallest unit present, and says so", () => {
    const table = exportTable([row(2019, "journees", 245124624, "journées"), row(2022, "journees", 327, "millions de journées")], dataset([]), lookups);
    const at = (name: string) => table.columns.findIndex((c) => c.name === name);
    expect(table.rows.map((r) => r[at("valeur")])).toEqual([245124624, 327000000]);
    expect(table.rows.map((r) => r[at("unite")])).toEqual(["journées", "journées"]);
    expect(table.columns[at("valeur")]!.unit).toBe("journées");
    expect(table.conversions).toEqual([expect.stringMatching(/^valeur : les valeurs en millions de journées sont écrites en journées, multipliées par 1\u202f000\u202f000/)]);
  });

  it("gives units of different kinds a column each, every row filling only its own", () => {
    const rows = [row(2023, "depense", 10.2, "Md€"), row(2023, "depense", 950, "M€"), row(2023, "medecins", 1000, "medecins"), row(2024, "medecins", null, "medecins")];
    const table = exportTable(rows, dataset(rows), lookups);
    const values = table.columns.filter((c) => c.name.startsWith("valeur"));
    expect(values.map((c) => [c.name, c.unit])).toEqual([
      ["valeur_millions_euros", "millions d’euros"],
      ["valeur_medecins", "médecins"]
    ]);
    const at = (name: string) => table.columns.findIndex((c) => c.name === name);
    expect(table.rows.map((r) => [r[at("valeur_millions_euros")], r[at("valeur_medecins")]])).toEqual([
      [10200, null],
      [950, null],
      [null, 1000],
      [null, null]
    ]);
  });

  it("no value column of any export mixes units: each holds the values of one unit only", () => {
    const rows = [row(2023, "depense", 10.2, "Md€"), row(2022, "journees", 327, "millions de journées"), row(2019, "journees", 245124624, "journées"), row(2023, "medecins", 3, "medecins")];
    const table = exportTable(rows, dataset(rows), lookups);
    const unitAt = table.columns.findIndex((c) => c.name === "unite");
    for (const [i, c] of table.columns.entries()) {
      if (!c.name.startsWith("valeur")) continue;
      const units = new Set(table.rows.filter((r) => r[i] !== null).map((r) => r[unitAt]));
      expect(units.size, c.name).toBe(1);
    }
  });

  it("names unit columns plainly", () => {
    expect(["%", "M€", "Md€", "€", "millions de journées", "pour-100000-hab", "médecins"].map(unitSlug)).toEqual(["pourcent", "millions_euros", "milliards_euros", "euros", "millions_de_journees", "pour_100000_hab", "medecins"]);
  });
});

describe("labels next to codes", () => {
  it("adds the label of each code, the département's name, and the source's publisher and address", () => {
    const rows = [row(2023, "depense", 10.2, "Md€", "x", "2A"), row(2023, "depense", 1, "Md€", "x", null)];
    const table = exportTable(rows, dataset(rows), lookups);
    expect(table.columns.map((c) => c.name)).toEqual(["annee", "departement", "departement_nom", "mesure", "mesure_libelle", "valeur", "unite", "unite_libelle", "source", "source_nom", "source_url", "extrait"]);
    expect(table.rows[0]).toEqual([2023, "2A", "Corse-du-Sud", "depense", "Dépense d’indemnités journalières", 10.2, "Md€", "milliards d’euros", "s", "DREES (13 décembre 2024)", "https://drees.example/etude", "x"]);
    // A missing code is a missing label, never an invented one.
    expect(table.rows[1]!.slice(1, 3)).toEqual([null, null]);
  });
});

describe("the two files", () => {
  const rows = [row(2023, "depense", 10.2, "Md€", "« 10,2 milliards » ; « hausse »"), row(2022, "journees", 327, "millions de journées", "=SOMME(A1:A2)"), row(2021, "depense", null, "Md€")];
  const table = exportTable(rows, dataset(rows), lookups);

  it("machine-readable: BOM, comma, decimal point, empty cell for a missing value", () => {
    const text = machineCsv(table);
    expect(text.startsWith(BOM)).toBe(true);
    const [header, first, second, third] = dsvFormat(",").parseRows(text.slice(1));
    expect(header).toContain("valeur_milliards_euros");
    expect(first![header!.indexOf("valeur_milliards_euros")]).toBe("10.2");
    expect(second![header!.indexOf("valeur_millions_de_journees")]).toBe("327");
    expect(third![header!.indexOf("valeur_milliards_euros")]).toBe("");
  });

  it("for French Excel: BOM, semicolons, decimal commas, accents intact, formulas defused", () => {
    const text = excelCsv(table);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain("\r\n");
    // Read as French Excel does: split on « ; », numbers with a decimal comma.
    const [header, ...records] = dsvFormat(";").parseRows(text.slice(1).replace(/\r\n/g, "\n"));
    expect(header).toEqual(table.columns.map((c) => c.name));
    const cell = (r: number, name: string) => records[r]![header!.indexOf(name)]!;
    expect(cell(0, "valeur_milliards_euros")).toBe("10,2");
    expect(Number(cell(0, "valeur_milliards_euros").replace(",", "."))).toBe(10.2);
    expect(cell(0, "mesure_libelle")).toBe("Dépense d’indemnités journalières");
    expect(cell(0, "departement_nom")).toBe("Pyrénées-Atlantiques");
    expect(cell(0, "extrait")).toBe("« 10,2 milliards » ; « hausse »");
    expect(cell(1, "extrait")).toBe("'=SOMME(A1:A2)");
    expect(cell(2, "valeur_milliards_euros")).toBe("");
    expect(records).toHaveLength(3);
  });
});
