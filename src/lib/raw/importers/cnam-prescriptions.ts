import type { Problem } from "../../problems.ts";
import { quote } from "../../problems.ts";
import { cell, change, fixed, type DerivedTable, type Importer } from "../importer.ts";

/** Columns of the data.ameli.fr export, in order: a renamed or moved column would map the wrong figures. */
export const PRESCRIPTIONS_COLUMNS = ["annee", "profession_sante", "region", "departement", "libelle_departement", "poste_prescription", "montant_total_prescription_integer"];
export const POSTES = ["1", "2", "3", "4", "5", "6", "7", "8", "total"] as const;
/** The indemnités journalières poste (evidence on the card of data/prescriptions-france.yaml). */
export const POSTE_IJ = "7";
/** `departement` of the regional and national rows; `region` 99 marks the France row. */
const ALL_DEPARTEMENTS = "999";
const FRANCE_REGION = "99";

interface Amount {
  value: number | null;
  line: number;
}

/**
 * Cnam « montants des prescriptions par poste et par territoire » → two datasets:
 * - prescriptions-france: the France row of every poste and year, its share of all prescriptions and
 *   its index (2010 = 100);
 * - ij-prescriptions-departements: poste 7 (IJ) and the total of each département and year, the IJ
 *   share, growth since 2010 and 2019, and IJ per inhabitant for the year of the population the site holds.
 * Département, regional and France rows are told apart by their codes and never added together; the
 * départements are only summed to check them against the France row, within the card's tolerance.
 */
export const cnamPrescriptions: Importer = {
  raw: "cnam-prescriptions",
  outputs: ["prescriptions-france", "ij-prescriptions-departements"],
  derive(raw, ctx) {
    const problems: Problem[] = [];
    const file = raw.path;
    const profession = String(raw.card.import.profession ?? "");
    const tolerance = Number(raw.card.import.tolerance_euros ?? 0);
    if (raw.header.join(";") !== PRESCRIPTIONS_COLUMNS.join(";")) {
      problems.push({ file, line: raw.card.header_line, column: 1, message: `en-tête : attendu ${PRESCRIPTIONS_COLUMNS.join(";")}, trouvé ${raw.header.join(";") || "aucune colonne"}` });
      return { tables: [], problems };
    }
    const codes = new Set(ctx.departements.map((r) => String(r.code)));
    const france = new Map<string, Amount>();
    const deps = new Map<string, Amount>();
    const key = (...parts: string[]) => parts.join("|");
    const years = new Set<string>();
    for (const { line, fields } of raw.records) {
      if (fields.length === 1 && fields[0] === "") continue;
      if (fields.length !== PRESCRIPTIONS_COLUMNS.length) {
        problems.push({ file, line, column: Math.min(fields.length, PRESCRIPTIONS_COLUMNS.length) + 1, message: `nombre de champs incorrect : attendu ${PRESCRIPTIONS_COLUMNS.length}, trouvé ${fields.length}` });
        continue;
      }
      const [annee, prof, region, departement, , poste, montant] = fields as [string, string, string, string, string, string, string];
      if (prof !== profession) continue;
      const col = (name: string) => PRESCRIPTIONS_COLUMNS.indexOf(name) + 1;
      if (!/^\d{4}$/.test(annee)) {
        problems.push({ file, line, column: col("annee"), message: `colonne "annee" : attendu une année, trouvé ${quote(annee)}` });
        continue;
      }
      if (!(POSTES as readonly string[]).includes(poste)) {
        problems.push({ file, line, column: col("poste_prescription"), message: `colonne "poste_prescription" : attendu un code de poste connu (${POSTES.join(", ")}), trouvé ${quote(poste)}` });
        continue;
      }
      // A blank amount is the statistical secret (« NS »): missing, never 0.
      if (montant !== "" && !/^\d+$/.test(montant)) {
        problems.push({ file, line, column: col("montant_total_prescription_integer"), message: `colonne "montant_total_prescription_integer" : attendu un montant en euros (chiffres) ou une cellule vide (secret statistique), trouvé ${quote(montant)}` });
        continue;
      }
      const amount = { value: montant === "" ? null : Number(montant), line };
      let target: Map<string, Amount>;
      let k: string;
      if (departement === ALL_DEPARTEMENTS) {
        if (region !== FRANCE_REGION) continue; // regional rows: neither a département nor France
        target = france;
        k = key(annee, poste);
      } else {
        if (!codes.has(departement)) {
          problems.push({ file, line, column: col("departement"), message: `colonne "departement" : attendu un code de département de data/departements.csv, trouvé ${quote(departement)}` });
          continue;
        }
        target = deps;
        k = key(annee, departement, poste);
      }
      const first = target.get(k);
      if (first) {
        problems.push({ file, line, column: col("departement"), message: `doublon : attendu une ligne par année, territoire et poste, trouvé ${annee}, ${departement}, poste ${poste}, déjà à la ligne ${first.line}` });
        continue;
      }
      target.set(k, amount);
      years.add(annee);
    }
    if (problems.length) return { tables: [], problems };
    const sortedYears = [...years].sort();
    if (sortedYears.length === 0) {
      problems.push({ file, line: raw.card.header_line + 1, column: 2, message: `aucune ligne : attendu des lignes de la profession ${quote(profession)}, trouvé aucune` });
      return { tables: [], problems };
    }
    const lastLine = raw.records.at(-1)?.line ?? raw.card.header_line;
    for (const annee of sortedYears)
      for (const poste of POSTES) {
        const national = france.get(key(annee, poste));
        if (!national) {
          problems.push({ file, line: lastLine, message: `ligne manquante : attendu la ligne France (region 99, departement 999) pour ${annee}, poste ${poste}, trouvé aucune` });
          continue;
        }
        const missing = [...codes].filter((c) => !deps.has(key(annee, c, poste)));
        if (missing.length) {
          problems.push({ file, line: national.line, message: `départements manquants : attendu les ${codes.size} départements pour ${annee}, poste ${poste}, trouvé aucune ligne pour ${missing.join(", ")}` });
          continue;
        }
        const values = [...codes].map((c) => deps.get(key(annee, c, poste))!.value);
        if (national.value === null || values.some((v) => v === null)) continue; // secret: no sum to check
        const sum = (values as number[]).reduce((a, b) => a + b, 0);
        if (Math.abs(sum - national.value) > tolerance)
          problems.push({ file, line: national.line, column: 7, message: `somme : attendu que les ${codes.size} départements totalisent la ligne France (${national.value} €) à ${tolerance} € près, trouvé ${sum} € (${annee}, poste ${poste})` });
      }
    if (problems.length) return { tables: [], problems };

    const source = raw.card.source;
    // Indices and growth are « since 2010 » by name: without a 2010 row they stay empty, never rebased.
    const base = "2010";
    const frRows: string[][] = [];
    for (const poste of POSTES)
      for (const annee of sortedYears) {
        const a = france.get(key(annee, poste))!;
        const total = france.get(key(annee, "total"))!.value;
        const first = france.get(key(base, poste))?.value ?? null;
        const since2019 = france.get(key("2019", poste))?.value ?? null;
        frRows.push([
          annee,
          poste,
          cell(a.value),
          a.value === null || !total ? "" : fixed((a.value / total) * 100, 2),
          a.value === null || !first ? "" : fixed((a.value / first) * 100, 1),
          change(a.value, first),
          annee >= "2019" ? change(a.value, since2019) : "",
          source,
          String(a.line)
        ]);
      }
    const population = new Map(ctx.departements.map((r) => [String(r.code), { n: r.population as number | null, year: String(r.population_annee) }]));
    const depRows: string[][] = [];
    for (const annee of sortedYears)
      for (const code of [...codes].sort()) {
        const ij = deps.get(key(annee, code, POSTE_IJ))!;
        const total = deps.get(key(annee, code, "total"))!;
        const ij2010 = deps.get(key(base, code, POSTE_IJ))?.value ?? null;
        const ij2019 = deps.get(key("2019", code, POSTE_IJ))?.value ?? null;
        const pop = population.get(code);
        const held = pop && pop.year === annee && pop.n ? pop.n : null;
        depRows.push([
          annee,
          code,
          cell(ij.value),
          cell(total.value),
          ij.value === null || !total.value ? "" : fixed((ij.value / total.value) * 100, 2),
          change(ij.value, ij2010),
          annee >= "2019" ? change(ij.value, ij2019) : "",
          cell(held),
          held !== null && ij.value !== null ? fixed(ij.value / held, 2) : "",
          source,
          String(ij.line),
          String(total.line)
        ]);
      }
    const tables: DerivedTable[] = [
      { id: "prescriptions-france", header: ["annee", "poste", "montant", "part_total", "indice_2010", "evolution_2010", "evolution_2019", "source", "ligne"], rows: frRows },
      {
        id: "ij-prescriptions-departements",
        header: ["annee", "departement", "montant_ij", "montant_total", "part_ij", "evolution_2010", "evolution_2019", "population", "ij_par_habitant", "source", "ligne_ij", "ligne_total"],
        rows: depRows
      }
    ];
    return { tables, problems };
  }
};
