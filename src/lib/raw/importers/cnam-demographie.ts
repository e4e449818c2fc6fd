import type { Problem } from "../../problems.ts";
import { quote } from "../../problems.ts";
import type { Importer } from "../importer.ts";

/** Columns read from the data.ameli.fr export, by name: a renamed column would map the wrong figures. */
export const DEMOGRAPHIE_COLUMNS = ["annee", "profession_sante", "departement", "libelle_classe_age", "libelle_sexe", "effectif", "densite"] as const;
/** Documented on the portal but not read here (labels of codes): tolerated so that an export with them still imports. */
const OPTIONAL_COLUMNS = ["region", "libelle_region", "libelle_departement"];
/** The labels a row must carry to be kept, read from the card's `import:` so that readers see them. */
const FILTERS = [
  { option: "profession", column: "profession_sante", what: "la profession retenue (« Médecins généralistes »)" },
  { option: "age", column: "libelle_classe_age", what: "le libellé de tous les âges (« Tout âge »)" },
  { option: "sexe", column: "libelle_sexe", what: "le libellé des deux sexes (« tout sexe »)" }
] as const;
/** The Cnam's statistical secret (fewer than 5 professionals): « NS » or a blank cell, missing and never 0. */
const SECRET = "NS";
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Cnam « Professionnels de santé libéraux : effectif et densité par tranche d'âge, sexe et territoire »
 * (data.ameli.fr, demographie-effectifs-et-les-densites) → generalistes-liberaux: for each year and
 * département, the headcount and density of one profession, all ages and both sexes, copied cell for cell
 * with the line they come from. Regional and national rows are left out, never added up.
 */
export const cnamDemographie: Importer = {
  raw: "cnam-demographie",
  outputs: ["generalistes-liberaux"],
  derive(raw, ctx) {
    const problems: Problem[] = [];
    const file = raw.path;
    const cardPath = `data/raw/${raw.id}/origine.yaml`;
    const wanted = FILTERS.map((f) => ({ ...f, label: String(raw.card.import[f.option] ?? "") }));
    for (const f of wanted)
      if (f.label === "") problems.push({ file: cardPath, message: `champ "import.${f.option}" : attendu ${f.what}, écrit comme dans le fichier, trouvé aucune valeur` });
    const header = raw.header;
    const missing = DEMOGRAPHIE_COLUMNS.filter((c) => !header.includes(c));
    const unknown = header.filter((c) => !(DEMOGRAPHIE_COLUMNS as readonly string[]).includes(c) && !OPTIONAL_COLUMNS.includes(c));
    if (missing.length || unknown.length)
      problems.push({
        file,
        line: raw.card.header_line,
        column: 1,
        message:
          `colonnes : attendu ${DEMOGRAPHIE_COLUMNS.join(raw.card.delimiter ?? ";")}, trouvé ${header.join(raw.card.delimiter ?? ";") || "aucune"}` +
          (missing.length ? ` (manquantes : ${missing.join(", ")})` : "") +
          (unknown.length ? ` (inconnues : ${unknown.join(", ")})` : "")
      });
    if (problems.length) return { tables: [], problems };

    const col = (name: string) => header.indexOf(name);
    const codes = new Set(ctx.departements.map((r) => String(r.code)));
    const seen = new Map<string, number>();
    const found = new Map<string, Set<string>>(wanted.map((f) => [f.column, new Set<string>()]));
    const rows: string[][] = [];
    for (const { line, fields } of raw.records) {
      if (fields.length === 1 && fields[0] === "") continue;
      if (fields.length !== header.length) {
        problems.push({ file, line, column: Math.min(fields.length, header.length) + 1, message: `nombre de champs incorrect : attendu ${header.length}, trouvé ${fields.length}` });
        continue;
      }
      const get = (name: string) => fields[col(name)]!;
      for (const f of wanted) found.get(f.column)!.add(get(f.column));
      if (wanted.some((f) => get(f.column) !== f.label)) continue;
      const departement = get("departement");
      if (!codes.has(departement)) {
        // « 01 - Ain »: a département, but not as its bare code, which every derived cell must equal.
        const prefix = /^(\d{2,3}|2[AB])\b/.exec(departement)?.[1];
        if (prefix && codes.has(prefix))
          problems.push({ file, line, column: col("departement") + 1, message: `colonne "departement" : attendu le code du département seul (${prefix}), trouvé ${quote(departement)}` });
        continue; // regional and national rows
      }
      const annee = get("annee");
      if (!/^\d{4}$/.test(annee)) {
        problems.push({ file, line, column: col("annee") + 1, message: `colonne "annee" : attendu une année, trouvé ${quote(annee)}` });
        continue;
      }
      const figures = (["effectif", "densite"] as const).map((name) => {
        const value = get(name);
        const ok = value === "" || value === SECRET || (name === "effectif" ? INTEGER : DECIMAL).test(value);
        if (!ok)
          problems.push({
            file,
            line,
            column: col(name) + 1,
            message: `colonne "${name}" : attendu ${name === "effectif" ? "un effectif entier (chiffres seulement)" : "un nombre (point décimal)"}, ou « NS », ou une cellule vide (secret statistique), trouvé ${quote(value)}`
          });
        return ok ? (value === SECRET ? "" : value) : undefined;
      });
      if (figures.includes(undefined)) continue;
      const key = `${annee}|${departement}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ file, line, column: col("departement") + 1, message: `doublon : attendu une ligne par année et par département, trouvé ${annee}, ${departement}, déjà à la ligne ${first}` });
        continue;
      }
      seen.set(key, line);
      rows.push([annee, departement, figures[0]!, figures[1]!, raw.card.source, String(line)]);
    }
    if (problems.length === 0 && rows.length === 0) {
      const labels = wanted.map((f) => `${f.column}: ${[...found.get(f.column)!].slice(0, 12).map(quote).join(", ") || "aucun"}`).join(" ; ");
      problems.push({
        file,
        line: raw.card.header_line + 1,
        column: 1,
        message: `aucune ligne retenue : attendu des lignes ${wanted.map((f) => quote(f.label)).join(", ")} par département (comme le fixe ${cardPath}, import:), trouvé aucune ; libellés du fichier : ${labels}`
      });
    }
    if (problems.length) return { tables: [], problems };
    // Code-unit order (not locale order): the same file always gives the same bytes.
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    rows.sort((a, b) => order(a[0]!, b[0]!) || order(a[1]!, b[1]!));
    return { tables: [{ id: "generalistes-liberaux", header: ["annee", "departement", "effectif", "densite", "source", "ligne"], rows }], problems };
  }
};
