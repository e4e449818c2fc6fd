/**
 * `npm run data:import -- <fichier.csv> [--date AAAA-MM-JJ] [--profession "Médecins généralistes"]`
 *
 * Turns the CNAM open-data file « demographie-effectifs-et-les-densites » (data.ameli.fr), as downloaded,
 * into the curated dataset data/generalistes-liberaux.csv with its metadata and source. --date is the
 * publication (last update) date shown on the portal; --out writes into another project folder (tests).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { csvFormatRows } from "d3-dsv";
import { loadCatalogue } from "../src/lib/catalogue.ts";
import { importDemographie } from "../src/lib/demographie.ts";
import { formatProblem } from "../src/lib/problems.ts";
import { decodeUtf8 } from "../src/lib/text.ts";

export const DATASET_ID = "generalistes-liberaux";
export const SOURCE_ID = "cnam-demographie-effectifs-densites";
const DEFAULT_PROFESSION = "Médecins généralistes";

export function runImport(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { date: { type: "string" }, profession: { type: "string" }, out: { type: "string" } }
  });
  const file = positionals[0];
  if (!file) {
    console.error("usage: npm run data:import -- <fichier.csv> [--date AAAA-MM-JJ] [--profession \"Médecins généralistes\"]");
    return 2;
  }
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    console.error(`--date: expected AAAA-MM-JJ, found ${JSON.stringify(date)}`);
    return 2;
  }
  const root = values.out ?? process.cwd();
  const decoded = decodeUtf8(readFileSync(file), file);
  if (!decoded.ok) {
    console.error(formatProblem(decoded.problem));
    return 1;
  }
  const departementCodes = new Set(loadCatalogue(root).datasets.get("departements")?.rows.map((r) => String(r.code)) ?? []);
  const { rows, problems } = importDemographie(decoded.text, { file, profession: values.profession ?? DEFAULT_PROFESSION, departementCodes });
  if (problems.length) {
    for (const p of problems) console.error(formatProblem(p));
    console.error(`\n${problems.length} problème(s) : rien n'a été écrit.`);
    return 1;
  }
  const table = rows.map((r) => [String(r.annee), r.departement, r.effectif === null ? "" : String(r.effectif), r.densite === null ? "" : String(r.densite), SOURCE_ID]);
  writeFileSync(join(root, "data", `${DATASET_ID}.csv`), csvFormatRows([["annee", "departement", "effectif", "densite", "source"], ...table]) + "\n");
  writeFileSync(join(root, "data", `${DATASET_ID}.yaml`), metadata(date, basename(file), rows));
  mkdirSync(join(root, "data", "sources"), { recursive: true });
  writeFileSync(join(root, "data", "sources", "cnam-open-data.yaml"), sourceEntry(date));
  const years = [...new Set(rows.map((r) => r.annee))];
  console.log(`data/${DATASET_ID}.csv : ${rows.length} lignes (${new Set(rows.map((r) => r.departement)).size} départements, ${years[0]}–${years.at(-1)}) importées de ${file}.`);
  return 0;
}

function metadata(date: string, fileName: string, rows: { annee: number }[]): string {
  const years = [...new Set(rows.map((r) => r.annee))];
  return `# Généré par npm run data:import depuis ${fileName} : ne pas éditer à la main.
title: Médecins généralistes libéraux par département
description: >-
  Effectif et densité des médecins généralistes libéraux, par département et par année (${years[0]}–${years.at(-1)}),
  tous âges et deux sexes confondus, tels que publiés par l'Assurance maladie en données ouvertes.
scope: >-
  Médecins généralistes exerçant en libéral (données CNAM/SNDS), 101 départements, DROM compris.
  Densité pour 100 000 habitants, telle que publiée. Un contexte pour lire les contrôles, pas un indicateur d'arrêts de travail.
updated: ${date}
licence: Licence Ouverte / Open Licence (Etalab), données de l'Assurance maladie (data.ameli.fr).
key: [annee, departement]
notes:
  - >-
    Importé tel que publié par npm run data:import (fichier ${fileName}, mis à jour le ${date}) : aucune valeur
    recalculée. Une cellule vide ou « NS » (secret statistique) reste vide : « n.d. » sur le site.
columns:
  - name: annee
    type: integer
    label: Année
  - name: departement
    type: departement
    label: Département
  - name: effectif
    type: integer
    label: Médecins généralistes libéraux
    required: false
  - name: densite
    type: number
    label: Densité (pour 100 000 habitants)
    required: false
  - name: source
    type: source
    label: Source
`;
}

function sourceEntry(date: string): string {
  return `# Généré par npm run data:import.
- id: ${SOURCE_ID}
  title: "Professionnels de santé libéraux : effectif et densité par tranche d'âge, sexe et territoire (département, région)"
  publisher: Assurance Maladie (Cnam)
  url: https://data.ameli.fr/explore/dataset/demographie-effectifs-et-les-densites/information/
  date: ${date}
  date_note: Date de mise à jour du jeu de données indiquée lors du téléchargement.
  accessed: ${date}
  licence: Licence Ouverte / Open Licence (Etalab)
`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runImport(process.argv.slice(2)));
