import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runImport } from "../../scripts/import.ts";
import { formatProblem, sortProblems, type Problem } from "../../src/lib/problems.ts";
import { deriveAll, formatDerived, readReference } from "../../src/lib/raw/derive.ts";
import { loadRaw } from "../../src/lib/raw/raw-file.ts";
import { readXlsxSheet } from "../../src/lib/raw/xlsx.ts";
import { loadCatalogue } from "../../src/lib/catalogue.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const HEADER = "annee;profession_sante;region;departement;libelle_departement;poste_prescription;montant_total_prescription_integer";
const POSTES = ["1", "2", "3", "4", "5", "6", "7", "8", "total"];
/** The fixture reference of tests/fixtures/base: 01, 2A, 64, 971. */
const DEPS = [
  { code: "01", region: "84" },
  { code: "2A", region: "94" },
  { code: "64", region: "75" },
  { code: "971", region: "01" }
];

/**
 * A small export shaped like the Cnam's: for each year, the four départements, one regional row and the
 * France row, every poste. Département amounts are chosen so that they add up to the France row.
 */
function exportText(edit: (lines: string[]) => string[] = (l) => l, years = ["2010", "2019", "2023"]): string {
  const lines = [HEADER];
  years.forEach((year, y) =>
    POSTES.forEach((poste, p) => {
      const amount = (i: number) => (poste === "total" ? 1000 : 100) * (i + 1) * (y + 1) + p;
      DEPS.forEach((d, i) => lines.push(`${year};Ensemble des médecins;${d.region};${d.code};Nom ${d.code};${poste};${amount(i)}`));
      lines.push(`${year};Ensemble des médecins;75;999;Tout département;${poste};${amount(2)}`);
      lines.push(`${year};Ensemble des médecins;99;999;FRANCE;${poste};${DEPS.reduce((s, _, i) => s + amount(i), 0)}`);
    })
  );
  lines.push("2023;Allergologues;84;01;Ain;7;");
  return "\uFEFF" + edit(lines).join("\n") + "\n";
}

function card(sha: string, extra = ""): string {
  return `title: Fixture
publisher: Cnam
url: https://data.ameli.fr/explore/dataset/prescriptions/
source: source-test
file: export.csv
format: csv
delimiter: ";"
sha256: ${sha}
published: "2026"
obtained: {repository: o/r, path: p.csv, commit: ${"a".repeat(40)}, date: 2026-08-06}
licence: {name: L, quote: « q », url: "https://example.org/cgu"}
credit: Cnam
columns: [{name: annee, label: Année}]
import: {profession: Ensemble des médecins, tolerance_euros: 10}
${extra}`;
}

/** A copy of the fixture site with data/raw/cnam-prescriptions/ holding `text` and a card with its true sha256. */
function siteWithExport(text: string): string {
  const root = mkdtempSync(join(tmpdir(), "so-raw-"));
  cpSync(join(ROOT, "tests", "fixtures", "base"), root, { recursive: true });
  const dir = join(root, "data", "raw", "cnam-prescriptions");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "export.csv"), text);
  writeFileSync(join(dir, "origine.yaml"), card(createHash("sha256").update(text).digest("hex")));
  return root;
}

function derive(text: string) {
  const root = siteWithExport(text);
  const problems: Problem[] = [];
  const { tables } = deriveAll(root, readReference(root), problems);
  return { root, tables, problems: sortProblems(problems).map(formatProblem) };
}

const FILE = "data/raw/cnam-prescriptions/export.csv";

describe("Cnam prescriptions importer", () => {
  it("keeps départements and France apart, leaves regional rows out, and traces each value to its line", () => {
    const { tables, problems } = derive(exportText());
    expect(problems).toEqual([]);
    const deps = tables.find((t) => t.id === "ij-prescriptions-departements")!;
    expect(deps.rows.map((r) => r[1])).toEqual(["01", "2A", "64", "971", "01", "2A", "64", "971", "01", "2A", "64", "971"]);
    // 2023, 64: poste 7 = 100 × 3 × 3 + 6 = 906 on line 2 + 2×54 + 6×6 + 2 = 148; total = 1000 × 3 × 3 + 8 = 9008
    // on line 2 + 108 + 8×6 + 2 = 160. 2010: 306, 2019: 606, so +196.1 % and +49.5 %.
    const row = deps.rows.find((r) => r[0] === "2023" && r[1] === "64")!;
    expect(row).toEqual(["2023", "64", "906", "9008", "10.06", "196.1", "49.5", "700000", "0.00", "source-test", "148", "160"]);
    const lines = exportText().replace(/^\uFEFF/, "").split("\n");
    expect(lines[147]).toBe("2023;Ensemble des médecins;75;64;Nom 64;7;906");
    const france = tables.find((t) => t.id === "prescriptions-france")!;
    // France poste 7 = its row, not a sum: 1 024 / 10 032 (2010), 2 024 / 20 032, 3 024 / 30 032; lines 43 + 54 × year.
    expect(france.rows.filter((r) => r[1] === "7")).toEqual([
      ["2010", "7", "1024", "10.21", "100.0", "0.0", "", "source-test", "43"],
      ["2019", "7", "2024", "10.10", "197.7", "97.7", "0.0", "source-test", "97"],
      ["2023", "7", "3024", "10.07", "295.3", "195.3", "49.4", "source-test", "151"]
    ]);
  });

  it("computes IJ per inhabitant only for the year of the population held (2023 here)", () => {
    const { tables } = derive(exportText());
    const deps = tables.find((t) => t.id === "ij-prescriptions-departements")!;
    expect(deps.rows.filter((r) => r[8] !== "").map((r) => `${r[0]} ${r[1]} ${r[7]} ${r[8]}`)).toEqual([
      "2023 01 679344 0.00",
      "2023 2A 168306 0.00",
      "2023 64 700000 0.00",
      "2023 971 384160 0.00"
    ]);
  });

  it("leaves a secret (blank) amount empty, never 0, and every figure computed from it empty too", () => {
    const { tables, problems } = derive(exportText((l) => l.map((x) => (x === "2023;Ensemble des médecins;84;01;Nom 01;7;306" ? "2023;Ensemble des médecins;84;01;Nom 01;7;" : x))));
    expect(problems).toEqual([]);
    const row = tables.find((t) => t.id === "ij-prescriptions-departements")!.rows.find((r) => r[0] === "2023" && r[1] === "01")!;
    expect(row.slice(2, 9)).toEqual(["", "3008", "", "", "", "679344", ""]);
  });

  it("refuses a sum of départements that misses the France row by more than the tolerance, at the France line", () => {
    const { tables, problems } = derive(exportText((l) => l.map((x) => (x === "2019;Ensemble des médecins;75;64;Nom 64;3;602" ? "2019;Ensemble des médecins;75;64;Nom 64;3;613" : x))));
    expect(tables).toEqual([]);
    expect(problems).toEqual([`${FILE}:73:7 somme : attendu que les 4 départements totalisent la ligne France (2008 €) à 10 € près, trouvé 2019 € (2019, poste 3)`]);
  });

  it("accepts a sum within the tolerance", () => {
    const { problems } = derive(exportText((l) => l.map((x) => (x === "2019;Ensemble des médecins;75;64;Nom 64;3;602" ? "2019;Ensemble des médecins;75;64;Nom 64;3;612" : x))));
    expect(problems).toEqual([]);
  });

  it("refuses an unknown poste code, a missing département and a changed header, with file:line, and writes nothing", () => {
    expect(derive(exportText((l) => l.map((x, i) => (i === 5 ? x.replace(";1;", ";9;") : x)))).problems).toEqual([
      `${FILE}:6:6 colonne "poste_prescription" : attendu un code de poste connu (1, 2, 3, 4, 5, 6, 7, 8, total), trouvé "9"`
    ]);
    expect(derive(exportText((l) => l.filter((x) => !x.startsWith("2019;Ensemble des médecins;01;971;Nom 971;7;")))).problems).toEqual([
      `${FILE}:96 départements manquants : attendu les 4 départements pour 2019, poste 7, trouvé aucune ligne pour 971`
    ]);
    expect(derive(exportText((l) => [l[0]!.replace("poste_prescription", "poste"), ...l.slice(1)])).problems).toEqual([
      `${FILE}:1:1 en-tête : attendu ${HEADER}, trouvé ${HEADER.replace("poste_prescription", "poste")}`
    ]);
    expect(derive(exportText((l) => l.map((x, i) => (i === 2 ? x.replace(";2A;", ";2C;") : x)))).problems).toEqual([
      `${FILE}:3:4 colonne "departement" : attendu un code de département de data/departements.csv, trouvé "2C"`
    ]);
  });

  it("writes nothing at all when one file is refused (npm run data:import)", () => {
    const root = siteWithExport(exportText((l) => l.map((x, i) => (i === 5 ? x.replace(";1;", ";X;") : x))));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(runImport([], root)).toBe(1);
    expect(() => readFileSync(join(root, "data", "ij-prescriptions-departements.csv"))).toThrow();
  });

  it("refuses an official file whose bytes changed since its card recorded them", () => {
    const root = siteWithExport(exportText());
    writeFileSync(join(root, "data", "raw", "cnam-prescriptions", "export.csv"), exportText() + "\n");
    const problems: Problem[] = [];
    expect(loadRaw(root, "cnam-prescriptions", problems)).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(new RegExp(`^${FILE} sha256 : attendu [0-9a-f]{64} \\(data/raw/cnam-prescriptions/origine.yaml\\), trouvé [0-9a-f]{64} : `))]);
  });
});

describe("derived datasets in data:check", () => {
  it("re-running every importer on data/raw/ gives the committed derived CSVs, byte for byte", () => {
    const problems: Problem[] = [];
    const { tables } = deriveAll(ROOT, readReference(ROOT), problems);
    expect(problems).toEqual([]);
    expect(tables.map((t) => t.id).sort()).toEqual(["ij-prescriptions-departements", "medecins-densite-2025", "prescriptions-france"]);
    for (const table of tables) expect(formatDerived(table), table.id).toBe(readFileSync(join(ROOT, "data", `${table.id}.csv`), "utf8"));
  });

  it("names the file, line and column of a hand-edited derived cell, and of a changed raw byte", () => {
    const copy = mkdtempSync(join(tmpdir(), "so-derived-"));
    cpSync(join(ROOT, "data"), join(copy, "data"), { recursive: true });
    const csv = join(copy, "data", "ij-prescriptions-departements.csv");
    const original = readFileSync(csv, "utf8");
    const lines = original.split("\n");
    lines[1] = lines[1]!.replace(/^2010,01,71373061,/, "2010,01,71373062,");
    lines[4] = lines[4]!.replace(/^(2010,04,16396143,126393171,)12\.97,/, "$123.00,");
    writeFileSync(csv, lines.join("\n"));
    const mine = (root: string) => loadCatalogue(root).problems.filter((p) => p.file.includes("prescriptions") || p.file.includes("raw")).map(formatProblem);
    expect(mine(copy)).toEqual([
      "data/ij-prescriptions-departements.csv:2:3 colonne \"montant_ij\" : attendu 71373061 comme dans data/raw/cnam-prescriptions/prescriptions-ensemble-des-medecins-2010-2024.csv ligne 16488, colonne montant_total_prescription_integer, trouvé \"71373062\"",
      "data/ij-prescriptions-departements.csv:5:5 colonne \"part_ij\" : attendu \"12.97\", trouvé \"23.00\" : un fichier dérivé s'écrit par npm run data:import, jamais à la main"
    ]);
    writeFileSync(csv, original);
    const raw = join(copy, "data", "raw", "cnam-prescriptions", "prescriptions-ensemble-des-medecins-2010-2024.csv");
    writeFileSync(raw, readFileSync(raw, "utf8").replace("2023;Ensemble des médecins;75;64;Pyrénées-Atlantiques;7;161364903", "2023;Ensemble des médecins;75;64;Pyrénées-Atlantiques;7;161364904"));
    expect(mine(copy)).toEqual([expect.stringMatching(/^data\/raw\/cnam-prescriptions\/prescriptions-ensemble-des-medecins-2010-2024\.csv sha256 : attendu 6f4eaf66/)]);
  });

  it("a row pointing at a line of the wrong poste is refused, even with the right amount", () => {
    const copy = mkdtempSync(join(tmpdir(), "so-derived-"));
    cpSync(join(ROOT, "data"), join(copy, "data"), { recursive: true });
    const csv = join(copy, "data", "ij-prescriptions-departements.csv");
    // Line 2882 of the raw file is 64's poste 7 in 2023; 2883 its total: point ligne_ij at the total.
    writeFileSync(csv, readFileSync(csv, "utf8").replace(",cnam-data-ameli-prescriptions,2882,2883", ",cnam-data-ameli-prescriptions,2883,2883"));
    const problems = loadCatalogue(copy).problems.map(formatProblem).filter((p) => p.includes("ligne_ij"));
    expect(problems[0]).toMatch(/^data\/ij-prescriptions-departements\.csv:\d+:11 colonne "ligne_ij" : attendu une ligne dont poste_prescription vaut "7" \(data\/raw\/cnam-prescriptions\/prescriptions-ensemble-des-medecins-2010-2024\.csv ligne 2883\), trouvé "total"$/);
  });
});

describe("readXlsxSheet", () => {
  it("reads Insee's workbook cells as stored, by row number", () => {
    const sheet = readXlsxSheet(readFileSync(join(ROOT, "data", "raw", "insee-tcrd-068", "TCRD_068.xlsx")), "DEP");
    expect(sheet.get(5)).toEqual(["", "", "Ensemble des médecins", "Ensemble des médecins", "dont généralistes", "dont spécialistes", "Chirurg. dentistes", "Pharm."]);
    expect(sheet.get(6)).toEqual(["01", "Ain", "1223", "178", "98", "79", "52", "82"]);
    expect(sheet.get(108)).toEqual(["976", "Mayotte", "251", "76", "39", "37", "7", "28"]);
    expect(sheet.get(109)?.slice(0, 5)).toEqual(["F", "France", "237214", "346", "146"]);
    expect(() => readXlsxSheet(readFileSync(join(ROOT, "data", "raw", "insee-tcrd-068", "TCRD_068.xlsx")), "XX")).toThrow('classeur : attendu une feuille nommée "XX", trouvé les feuilles DEP, REG');
  });
});
