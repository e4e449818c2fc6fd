import { dsvFormat } from "d3-dsv";
import type { Problem } from "./problems.ts";
import { quote } from "./problems.ts";

/**
 * The CNAM open dataset « Professionnels de santé libéraux : effectif et densité par tranche d'âge,
 * sexe et territoire » (data.ameli.fr, id demographie-effectifs-et-les-densites), as published.
 */
export const DEMOGRAPHIE_COLUMNS = ["annee", "profession_sante", "departement", "libelle_classe_age", "libelle_sexe", "effectif", "densite"] as const;
/** Documented on the portal but not needed here; tolerated so that an export with it still imports. */
const OPTIONAL_COLUMNS = ["region"];

export interface GpRow {
  annee: number;
  departement: string;
  effectif: number | null;
  densite: number | null;
}

export interface ImportOptions {
  file: string;
  /** Label of the profession kept, as written in the file. */
  profession: string;
  departementCodes: ReadonlySet<string>;
}

/** « 01 », « 01 - Ain », « 2A-Corse-du-Sud » → « 01 » / « 2A »; anything else (region, France) → undefined. */
function departementCode(value: string, known: ReadonlySet<string>): string | undefined {
  const m = /^\s*(\d{2,3}|2[AB])\b/i.exec(value);
  const code = m?.[1]?.toUpperCase();
  return code !== undefined && known.has(code) ? code : undefined;
}

/** "" or "NS" (secret: fewer than 5 professionals) → missing, never 0. */
function figure(raw: string): number | null | undefined {
  const t = raw.trim().replace(/\s/g, "").replace(",", ".");
  if (t === "" || /^ns$/i.test(t)) return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/**
 * Turns the published file into one row per (year, département) for the chosen profession, all ages and
 * both sexes. Refuses a file whose columns differ: a silently renamed column would map the wrong figures.
 */
export function importDemographie(text: string, options: ImportOptions): { rows: GpRow[]; problems: Problem[] } {
  const { file } = options;
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = body.slice(0, body.indexOf("\n") >>> 0);
  const delimiter = firstLine.includes(";") ? ";" : ",";
  const records = dsvFormat(delimiter).parseRows(body);
  const header = records[0] ?? [];
  const missing = DEMOGRAPHIE_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(DEMOGRAPHIE_COLUMNS as readonly string[]).includes(c) && !OPTIONAL_COLUMNS.includes(c));
  if (missing.length || unknown.length)
    return {
      rows: [],
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `columns: expected ${DEMOGRAPHIE_COLUMNS.join(delimiter)}, found ${header.join(delimiter) || "nothing"}` +
            (missing.length ? ` (missing: ${missing.join(", ")})` : "") + (unknown.length ? ` (unknown: ${unknown.join(", ")})` : "")
        }
      ]
    };
  const col = (name: string) => header.indexOf(name);
  const problems: Problem[] = [];
  const rows: GpRow[] = [];
  const seen = new Set<string>();
  const professions = new Set<string>();
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length === 1 && r[0] === "") return;
    if (r.length !== header.length) {
      problems.push({ file, line, column: Math.min(r.length, header.length) + 1, message: `wrong number of fields: expected ${header.length}, found ${r.length}` });
      return;
    }
    const get = (name: string) => r[col(name)]!;
    professions.add(get("profession_sante").trim());
    if (get("profession_sante").trim() !== options.profession) return;
    if (!/^tou(t|s)( les)? (âge|âges)$/i.test(get("libelle_classe_age").trim()) || !/^tou(t|s)( les)? sexes?$/i.test(get("libelle_sexe").trim())) return;
    const code = departementCode(get("departement"), options.departementCodes);
    if (code === undefined) return;
    const annee = Number(get("annee"));
    if (!/^\d{4}$/.test(get("annee").trim())) {
      problems.push({ file, line, column: col("annee") + 1, message: `column "annee": expected a year, found ${quote(get("annee"))}` });
      return;
    }
    const effectif = figure(get("effectif"));
    const densite = figure(get("densite"));
    if (effectif === undefined) problems.push({ file, line, column: col("effectif") + 1, message: `column "effectif": expected a number, found ${quote(get("effectif"))}` });
    if (densite === undefined) problems.push({ file, line, column: col("densite") + 1, message: `column "densite": expected a number, found ${quote(get("densite"))}` });
    if (effectif === undefined || densite === undefined) return;
    const key = `${annee}/${code}`;
    if (seen.has(key)) {
      problems.push({ file, line, column: col("departement") + 1, message: `duplicate: expected one row per year and département, found ${annee}, ${code} again` });
      return;
    }
    seen.add(key);
    rows.push({ annee, departement: code, effectif, densite });
  });
  if (problems.length === 0 && rows.length === 0)
    problems.push({ file, line: 2, column: 1, message: `no rows kept: expected rows for profession ${quote(options.profession)}, all ages, all sexes, by département; professions in the file: ${[...professions].slice(0, 12).map(quote).join(", ")}` });
  rows.sort((a, b) => a.annee - b.annee || a.departement.localeCompare(b.departement));
  return { rows, problems };
}
