import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runImport } from "../../scripts/import-demographie.ts";
import { importDemographie } from "../../src/lib/demographie.ts";
import { formatProblem } from "../../src/lib/problems.ts";
import { report, siteWith } from "../setup/fixture-site.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "demographie", "demographie-extrait.csv");
const codes = new Set(["01", "2A", "64", "971"]);

describe("importDemographie(text, options)", () => {
  it("keeps the chosen profession, all ages and sexes, by département; NS stays missing", () => {
    const { rows, problems } = importDemographie(readFileSync(FIXTURE, "utf8"), { file: "f.csv", profession: "Médecins généralistes", departementCodes: codes });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { annee: 2023, departement: "01", effectif: 111, densite: 11.1 },
      { annee: 2023, departement: "971", effectif: null, densite: null },
      { annee: 2024, departement: "2A", effectif: 55, densite: 5.5 }
    ]);
  });
  it("refuses a file whose columns differ", () => {
    const text = "annee;profession;departement;libelle_classe_age;libelle_sexe;effectif;densite\n";
    const { problems } = importDemographie(text, { file: "f.csv", profession: "x", departementCodes: codes });
    expect(problems.map(formatProblem)).toEqual([
      "f.csv:1:1 columns: expected annee;profession_sante;departement;libelle_classe_age;libelle_sexe;effectif;densite, found annee;profession;departement;libelle_classe_age;libelle_sexe;effectif;densite (missing: profession_sante) (unknown: profession)"
    ]);
  });
  it("names the professions found when none matches", () => {
    const { problems } = importDemographie(readFileSync(FIXTURE, "utf8"), { file: "f.csv", profession: "Généralistes", departementCodes: codes });
    expect(problems.map(formatProblem)).toEqual([
      'f.csv:2:1 no rows kept: expected rows for profession "Généralistes", all ages, all sexes, by département; professions in the file: "Médecins généralistes", "Infirmiers"'
    ]);
  });
});

describe("npm run data:import", () => {
  it("writes a dataset the checker accepts, in the folder it is given", () => {
    const root = siteWith();
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(runImport([FIXTURE, "--date", "2025-12-15", "--out", root])).toBe(0);
    expect(readFileSync(join(root, "data", "generalistes-liberaux.csv"), "utf8")).toBe(
      "annee,departement,effectif,densite,source\n2023,01,111,11.1,cnam-demographie-effectifs-densites\n2023,971,,,cnam-demographie-effectifs-densites\n2024,2A,55,5.5,cnam-demographie-effectifs-densites\n"
    );
    expect(report(root)).toBe("");
  });
  it("writes nothing when the file is refused", () => {
    const root = siteWith();
    const bad = join(mkdtempSync(join(tmpdir(), "so-imp-")), "bad.csv");
    writeFileSync(bad, "a;b\n1;2\n");
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(runImport([bad, "--out", root])).toBe(1);
    expect(() => readFileSync(join(root, "data", "generalistes-liberaux.csv"))).toThrow();
  });
});
