import type { Problem } from "../../problems.ts";
import { quote } from "../../problems.ts";
import type { Importer } from "../importer.ts";

/** The two header rows of sheet DEP, as Insee lays them out (row 4: measure, row 5: profession). */
const EXPECTED_HEADER = ["", "", "Ensemble des médecins", "Ensemble des médecins", "dont généralistes", "dont spécialistes", "Chirurg. dentistes", "Pharm."];

/**
 * Insee TCRD_068 « Professionnels de santé au 1er janvier 2025 : comparaisons départementales »
 * → medecins-densite-2025: headcount and densities of doctors for the 101 départements, as published
 * (Insee rounds the densities to units). Rows whose code is not a département (France, metropolitan
 * aggregates, notes) are left out, never added up.
 */
export const inseeTcrd068: Importer = {
  raw: "insee-tcrd-068",
  outputs: ["medecins-densite-2025"],
  derive(raw, ctx) {
    const problems: Problem[] = [];
    const file = `${raw.path} (feuille ${raw.card.sheet})`;
    if (raw.header.join("|") !== EXPECTED_HEADER.join("|")) {
      problems.push({ file, line: raw.card.header_line, column: 1, message: `en-tête : attendu ${EXPECTED_HEADER.filter(Boolean).join(" | ")}, trouvé ${raw.header.filter(Boolean).join(" | ") || "aucune colonne"}` });
      return { tables: [], problems };
    }
    const codes = new Set(ctx.departements.map((r) => String(r.code)));
    const rows = new Map<string, string[]>();
    for (const { line, fields } of raw.records) {
      const code = fields[0] ?? "";
      if (!codes.has(code)) continue;
      const values = fields.slice(2, 6);
      const bad = values.findIndex((v) => !/^\d+$/.test(v));
      if (values.length < 4 || bad >= 0) {
        problems.push({ file, line, column: 3 + Math.max(0, bad), message: `colonnes C–F : attendu des nombres entiers pour ${code}, trouvé ${values[Math.max(0, bad)] === undefined ? "une cellule absente" : quote(values[Math.max(0, bad)]!)}` });
        continue;
      }
      if (rows.has(code)) {
        problems.push({ file, line, column: 1, message: `doublon : attendu une ligne pour le département ${code}, trouvé une deuxième` });
        continue;
      }
      rows.set(code, [code, ...values, raw.card.source, String(line)]);
    }
    const missing = [...codes].filter((c) => !rows.has(c));
    if (missing.length) problems.push({ file, line: raw.records.at(-1)?.line, message: `départements manquants : attendu les ${codes.size}, trouvé aucune ligne pour ${missing.join(", ")}` });
    if (problems.length) return { tables: [], problems };
    return {
      tables: [
        {
          id: "medecins-densite-2025",
          header: ["departement", "medecins_effectif", "medecins_densite", "generalistes_densite", "specialistes_densite", "source", "ligne"],
          rows: [...rows.values()].sort((a, b) => a[0]!.localeCompare(b[0]!))
        }
      ],
      problems
    };
  }
};
