import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runImport } from "../../scripts/import.ts";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { formatProblem, sortProblems, type Problem } from "../../src/lib/problems.ts";
import { deriveAll, readReference } from "../../src/lib/raw/derive.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
/** The cards a maintainer copies into data/ with the export (README, « Mettre à jour les données »). */
const TEMPLATE = join(ROOT, "src", "lib", "raw", "templates", "cnam-demographie");
const HEADER = "annee;profession_sante;departement;libelle_classe_age;libelle_sexe;effectif;densite";
const FILE = "data/raw/cnam-demographie/export.csv";
const CSV = "data/generalistes-liberaux.csv";

/**
 * An export shaped like the data.ameli.fr one, with invented values (never shown on the site). Only lines 2,
 * 6 and 7 are general practitioners, all ages, both sexes, in a département of the fixture site (01, 2A, 64, 971).
 */
const EXPORT = [
  HEADER,
  "2023;Médecins généralistes;01;Tout âge;tout sexe;111;11.1",
  "2023;Médecins généralistes;01;40 à 44 ans;tout sexe;22;2.2",
  "2023;Médecins généralistes;01;Tout âge;Femmes;33;3.3",
  "2023;Infirmiers;01;Tout âge;tout sexe;444;44.4",
  "2024;Médecins généralistes;2A;Tout âge;tout sexe;55;5.5",
  "2023;Médecins généralistes;971;Tout âge;tout sexe;NS;",
  "2024;Médecins généralistes;999;Tout âge;tout sexe;666;6.6"
];

/** The template with every blank « à remplir » filled, as a maintainer would. */
function filled(path: string, values: Record<string, string>): string {
  return readFileSync(join(TEMPLATE, path), "utf8").replace(/^(\s*)(\w+): "" # à remplir.*$/gm, (line, indent: string, key: string) => {
    if (!(key in values)) throw new Error(`${path}: no value for ${key}`);
    return `${indent}${key}: ${values[key]}`;
  });
}

/** A copy of the fixture site with data/raw/cnam-demographie/ holding `lines`, and the three template cards filled in. */
function siteWithExport(lines: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "so-demo-"));
  cpSync(join(ROOT, "tests", "fixtures", "base"), root, { recursive: true });
  cpSync(join(TEMPLATE, "data"), join(root, "data"), { recursive: true });
  const text = "\uFEFF" + lines.join("\r\n") + "\r\n";
  writeFileSync(join(root, FILE), text);
  const origine = "data/raw/cnam-demographie/origine.yaml";
  writeFileSync(
    join(root, origine),
    filled(origine, {
      file: "export.csv",
      sha256: createHash("sha256").update(text).digest("hex"),
      published: "Mis à jour le 15 décembre 2025",
      url: "https://data.ameli.fr/api/explore/v2.1/catalog/datasets/demographie-effectifs-et-les-densites/exports/csv",
      date: "2026-01-05",
      name: "Licence Ouverte",
      quote: "« q »"
    })
  );
  writeFileSync(join(root, "data/generalistes-liberaux.yaml"), filled("data/generalistes-liberaux.yaml", { updated: "2026-01-05" }));
  writeFileSync(join(root, "data/sources/cnam-demographie.yaml"), filled("data/sources/cnam-demographie.yaml", { date: "2025-12-15", accessed: "2026-01-05" }));
  return root;
}

function derive(lines: string[]) {
  const root = siteWithExport(lines);
  const problems: Problem[] = [];
  const { tables } = deriveAll(root, readReference(root), problems);
  return { tables, problems: sortProblems(problems).map(formatProblem) };
}

function importInto(lines: string[]): { root: string; status: number } {
  const root = siteWithExport(lines);
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  return { root, status: runImport([], root) };
}

describe("Cnam demography importer (data/raw/cnam-demographie/)", () => {
  it("keeps general practitioners, all ages and both sexes, by département, each row with its line; NS stays empty", () => {
    const { tables, problems } = derive(EXPORT);
    expect(problems).toEqual([]);
    expect(tables.map((t) => t.id)).toEqual(["generalistes-liberaux"]);
    expect(tables[0]!.rows).toEqual([
      ["2023", "01", "111", "11.1", "cnam-demographie-effectifs-densites", "2"],
      ["2023", "971", "", "", "cnam-demographie-effectifs-densites", "7"],
      ["2024", "2A", "55", "5.5", "cnam-demographie-effectifs-densites", "6"]
    ]);
  });

  it("writes a derived CSV that data:check accepts, cell by cell against the raw line", () => {
    const { root, status } = importInto(EXPORT);
    expect(status).toBe(0);
    expect(readFileSync(join(root, CSV), "utf8")).toBe(
      "annee,departement,effectif,densite,source,ligne\n" +
        "2023,01,111,11.1,cnam-demographie-effectifs-densites,2\n" +
        "2023,971,,,cnam-demographie-effectifs-densites,7\n" +
        "2024,2A,55,5.5,cnam-demographie-effectifs-densites,6\n"
    );
    expect(loadCatalogue(root).problems.map(formatProblem)).toEqual([]);
  });

  it("names the file, line and column of a hand-edited cell, and a 0 written for a secret", () => {
    const { root } = importInto(EXPORT);
    const csv = join(root, CSV);
    writeFileSync(csv, readFileSync(csv, "utf8").replace("2023,01,111,", "2023,01,112,").replace("2023,971,,", "2023,971,0,"));
    expect(loadCatalogue(root).problems.map(formatProblem)).toEqual([
      `${CSV}:2:3 colonne "effectif" : attendu 111 comme dans ${FILE} ligne 2, colonne effectif, trouvé "112"`,
      `${CSV}:3:3 colonne "effectif" : attendu une cellule vide (secret statistique) comme dans ${FILE} ligne 7, colonne effectif, trouvé "0"`
    ]);
  });

  it("refuses a row pointing at a line of another profession, age or sex", () => {
    const { root } = importInto(EXPORT);
    const csv = join(root, CSV);
    // Line 3 of the export is Ain's 40-44 year-olds.
    writeFileSync(csv, readFileSync(csv, "utf8").replace("cnam-demographie-effectifs-densites,2\n", "cnam-demographie-effectifs-densites,3\n"));
    expect(loadCatalogue(root).problems.map(formatProblem)).toContain(
      `${CSV}:2:6 colonne "ligne" : attendu une ligne dont libelle_classe_age vaut "Tout âge" (${FILE} ligne 3), trouvé "40 à 44 ans"`
    );
  });

  it("refuses a file whose columns changed, with file:line, and writes nothing", () => {
    const { root, status } = importInto([HEADER.replace("profession_sante", "profession"), ...EXPORT.slice(1)]);
    expect(status).toBe(1);
    expect(existsSync(join(root, CSV))).toBe(false);
    expect(derive([HEADER.replace("profession_sante", "profession"), ...EXPORT.slice(1)]).problems).toEqual([
      `${FILE}:1:1 colonnes : attendu ${HEADER}, trouvé ${HEADER.replace("profession_sante", "profession")} (manquantes : profession_sante) (inconnues : profession)`
    ]);
  });

  it("tolerates the label columns it does not read, in any order", () => {
    const moved = EXPORT.map((l) => {
      const [annee, prof, dep, age, sexe, effectif, densite] = l.split(";");
      return [dep, l === HEADER ? "libelle_departement" : "Nom", annee, prof, age, sexe, densite, effectif].join(";");
    });
    const { tables, problems } = derive(moved);
    expect(problems).toEqual([]);
    expect(tables[0]!.rows.map((r) => r.slice(0, 4).join(" "))).toEqual(["2023 01 111 11.1", "2023 971  ", "2024 2A 55 5.5"]);
  });

  it("refuses a département written with its name, a number it cannot read and a duplicate, each at its line", () => {
    const edited = [...EXPORT];
    edited[1] = "2023;Médecins généralistes;01 - Ain;Tout âge;tout sexe;111;11.1";
    edited[5] = "2024;Médecins généralistes;2A;Tout âge;tout sexe;55;5,5";
    edited.push("2023;Médecins généralistes;971;Tout âge;tout sexe;12;1.2");
    expect(derive(edited).problems).toEqual([
      `${FILE}:2:3 colonne "departement" : attendu le code du département seul (01), trouvé "01 - Ain"`,
      `${FILE}:6:7 colonne "densite" : attendu un nombre (point décimal), ou « NS », ou une cellule vide (secret statistique), trouvé "5,5"`,
      `${FILE}:9:3 doublon : attendu une ligne par année et par département, trouvé 2023, 971, déjà à la ligne 7`
    ]);
  });

  it("names the labels found when none matches the card's import options", () => {
    const { problems } = derive(EXPORT.map((l) => l.replace(";Tout âge;", ";Tous âges;")));
    expect(problems).toEqual([
      `${FILE}:2:1 aucune ligne retenue : attendu des lignes "Médecins généralistes", "Tout âge", "tout sexe" par département (comme le fixe data/raw/cnam-demographie/origine.yaml, import:), trouvé aucune ; ` +
        `libellés du fichier : profession_sante: "Médecins généralistes", "Infirmiers" ; libelle_classe_age: "Tous âges", "40 à 44 ans" ; libelle_sexe: "tout sexe", "Femmes"`
    ]);
  });
});

describe("the cnam-demographie templates", () => {
  it("are refused until every blank « à remplir » is filled", () => {
    const root = mkdtempSync(join(tmpdir(), "so-demo-"));
    cpSync(join(ROOT, "tests", "fixtures", "base"), root, { recursive: true });
    cpSync(join(TEMPLATE, "data"), join(root, "data"), { recursive: true });
    writeFileSync(join(root, "data", "generalistes-liberaux.csv"), "annee,departement,effectif,densite,source,ligne\n");
    const problems = loadCatalogue(root).problems.map(formatProblem);
    for (const field of ["file", "sha256", "published", "obtained.url", "obtained.date", "licence.name", "licence.quote"])
      expect(problems.some((p) => p.startsWith(`data/raw/cnam-demographie/origine.yaml:`) && p.includes(`champ "${field}"`)), field).toBe(true);
    expect(problems.some((p) => p.startsWith("data/generalistes-liberaux.yaml:") && p.includes('champ "updated"'))).toBe(true);
    expect(problems.some((p) => p.startsWith("data/sources/cnam-demographie.yaml:") && p.includes('champ "0.date"'))).toBe(true);
  });
});

describe("where an official file's copy was obtained (origine.yaml, obtained:)", () => {
  const problemsFor = (obtained: string) => {
    const root = siteWithExport(EXPORT);
    const card = join(root, "data/raw/cnam-demographie/origine.yaml");
    writeFileSync(card, readFileSync(card, "utf8").replace(/^obtained:\n(  .*\n)+/m, `obtained: ${obtained}\n`));
    const problems: Problem[] = [];
    deriveAll(root, readReference(root), problems);
    return problems.map(formatProblem);
  };
  it("is the publisher's download address, or a repository, path and commit", () => {
    expect(problemsFor(`{url: "https://data.ameli.fr/x.csv", date: 2026-01-05}`)).toEqual([]);
    expect(problemsFor(`{repository: o/r, path: p.csv, commit: ${"a".repeat(40)}, date: 2026-01-05}`)).toEqual([]);
  });
  it("is refused when neither is given, or a copy lacks its commit", () => {
    expect(problemsFor("{date: 2026-01-05}")).toEqual([
      'data/raw/cnam-demographie/origine.yaml:13:11 champ "obtained.url" : attendu l\'adresse du téléchargement (url), ou repository, path et commit d\'une copie, trouvé ni l\'un ni l\'autre'
    ]);
    expect(problemsFor("{repository: o/r, path: p.csv, date: 2026-01-05}")).toEqual([
      'data/raw/cnam-demographie/origine.yaml:13:11 champ "obtained.commit" : attendu commit avec repository et path (une copie se désigne par repository, path et commit), trouvé aucun'
    ]);
  });
});
