import { dsvFormat } from "d3-dsv";
import type { Column, DatasetMeta } from "./dataset-meta.ts";
import type { CsvRecord } from "./csv.ts";
import { quote, type Problem } from "./problems.ts";

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Dataset {
  id: string;
  meta: DatasetMeta;
  /** Typed rows, in file order; a missing value is null, never 0. */
  rows: Row[];
  /** Line of each row in the CSV, for messages that point back at the file. */
  lines: number[];
}

/** What cells are checked against: the ids declared elsewhere in data/. */
export interface Registry {
  sourceIds: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Types one cell from its column declaration; returns the value or what was expected (in French, for the message). */
export function typeCell(raw: string, col: Column, registry: Registry): { value: Cell } | { expected: string } {
  if (raw === "") return col.required ? { expected: `une valeur (la colonne "${col.name}" est obligatoire ; vide seulement si elle est déclarée required: false)` } : { value: null };
  switch (col.type) {
    case "integer":
      return INTEGER.test(raw) ? { value: Number(raw) } : { expected: "un entier" };
    case "number":
      return NUMBER.test(raw) ? { value: Number(raw) } : { expected: "un nombre (chiffres, point décimal, sans espace ni unité)" };
    case "date":
      return isValidDate(raw) ? { value: raw } : { expected: "une date AAAA, AAAA-MM ou AAAA-MM-JJ" };
    case "enum": {
      const allowed = Object.keys(col.values ?? {});
      return allowed.includes(raw) ? { value: raw } : { expected: `l'une des valeurs ${allowed.join(", ")}` };
    }
    case "departement":
      return registry.departementCodes.has(raw) ? { value: raw } : { expected: "un code de département de data/departements.csv (01…95, 2A, 2B, 971…976)" };
    case "source":
      return registry.sourceIds.has(raw) ? { value: raw } : { expected: "un identifiant de source déclaré dans data/sources/" };
    case "string":
      return /[\n\r]/.test(raw) ? { expected: "une seule ligne de texte" } : raw.trim() !== raw ? { expected: "un texte sans espace au début ni à la fin" } : { value: raw };
    case "text":
      return { value: raw };
  }
}

export function isValidDate(raw: string): boolean {
  const m = DATE.exec(raw);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/**
 * Types every record of a CSV against its metadata. Every problem is collected, so a maintainer
 * fixes a file in one pass instead of one error per build.
 */
export function buildDataset(id: string, file: string, records: CsvRecord[], meta: DatasetMeta, registry: Registry): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: Row[] = [];
  const lines: number[] = [];
  const dataset = { id, meta, rows, lines };
  const header = records[0];
  if (!header || (records.length === 1 && header.fields.length === 1 && header.fields[0] === "")) {
    problems.push({ file, line: 1, column: 1, message: `fichier vide : attendu une ligne d'en-tête (${meta.columns.map((c) => c.name).join(",")}), trouvé aucune ligne` });
    return { dataset, problems };
  }
  const declared = meta.columns.map((c) => c.name);
  const excel = excelFrenchFile(header, declared, file);
  if (excel) return { dataset, problems: [excel] };
  const headerProblems = checkHeader(header, declared, file);
  problems.push(...headerProblems);
  if (headerProblems.length > 0) return { dataset, problems };
  if (records.length === 1) {
    problems.push({ file, line: header.line + 1, column: 1, message: "en-tête seul : attendu au moins une ligne de données, trouvé aucune" });
    return { dataset, problems };
  }
  const keyIndex = meta.key.map((k) => declared.indexOf(k));
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    if (record.unterminated) {
      problems.push({ file, line: record.line, column: record.fields.length, message: 'guillemet non fermé : attendu un " fermant pour la cellule ouverte ici, trouvé la fin du fichier' });
      continue;
    }
    if (record.fields.length !== declared.length) {
      const excelRow = excelFrenchRow(record, declared.length, file);
      if (excelRow) {
        problems.push(excelRow);
        continue;
      }
      const isBlank = record.fields.length === 1 && record.fields[0] === "";
      problems.push({
        file,
        line: record.line,
        column: Math.min(record.fields.length, declared.length) + (isBlank ? 0 : 1),
        message: isBlank
          ? `ligne vide : attendu ${declared.length} champs, trouvé une ligne vide`
          : `nombre de champs incorrect : attendu ${declared.length} (${declared.join(",")}), trouvé ${record.fields.length}`
      });
      continue;
    }
    const row: Row = {};
    let ok = true;
    meta.columns.forEach((col, i) => {
      const raw = record.fields[i]!;
      const typed = typeCell(raw, col, registry);
      if ("expected" in typed) {
        ok = false;
        problems.push({ file, line: record.line, column: i + 1, message: `colonne "${col.name}" : attendu ${typed.expected}, trouvé ${raw === "" ? "une cellule vide" : quote(raw)}` });
      } else row[col.name] = typed.value;
    });
    const key = keyIndex.map((i) => record.fields[i]).join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      ok = false;
      const shown = meta.key.map((k, j) => `${k}=${record.fields[keyIndex[j]!]}`).join(", ");
      problems.push({ file, line: record.line, column: keyIndex[0]! + 1, message: `clé en double : attendu une combinaison (${meta.key.join(", ")}) unique, trouvé ${shown}, déjà à la ligne ${first}` });
    } else seen.set(key, record.line);
    if (ok) {
      rows.push(row);
      lines.push(record.line);
    }
  }
  return { dataset, problems };
}

/**
 * French Excel saves a CSV with « ; » between cells and a decimal comma (« 290,5 »). Read with « , », such a
 * file has a one-cell header and rows cut at each decimal comma: instead of a column and field count that
 * means nothing to a maintainer, say what happened, in one line.
 */
function excelFrenchFile(header: CsvRecord, declared: string[], file: string): Problem | undefined {
  if (header.fields.length !== 1 || !header.fields[0]!.includes(";")) return undefined;
  const names = header.fields[0]!.split(";").map((n) => n.trim());
  if (names.filter((n) => declared.includes(n)).length < Math.min(2, declared.length)) return undefined;
  return {
    file,
    line: header.line,
    column: 1,
    message: `fichier enregistré par Excel (France) : attendu des colonnes séparées par « , » et des nombres au point décimal, trouvé ${names.length} colonnes séparées par « ; » dans l'en-tête`
  };
}

/** A single row saved the French Excel way (« ; » and decimal comma) in an otherwise valid file. */
function excelFrenchRow(record: CsvRecord, expected: number, file: string): Problem | undefined {
  const line = record.fields.join(",");
  if (!line.includes(";")) return undefined;
  const cells = dsvFormat(";").parseRows(line)[0] ?? [];
  if (cells.length !== expected) return undefined;
  const comma = cells.find((c) => /^-?\d+,\d+$/.test(c.trim()));
  return {
    file,
    line: record.line,
    column: 1,
    message: `ligne enregistrée par Excel (France) : attendu ${expected} champs séparés par « , », trouvé ${expected} champs séparés par « ; »${comma ? ` et une virgule décimale (${quote(comma)})` : ""}`
  };
}

function checkHeader(header: CsvRecord, declared: string[], file: string): Problem[] {
  const problems: Problem[] = [];
  const found = header.fields;
  found.forEach((name, i) => {
    if (!declared.includes(name))
      problems.push({ file, line: header.line, column: i + 1, message: `colonne inconnue : attendu l'une des colonnes ${declared.join(", ")}, trouvé ${quote(name)}` });
  });
  declared.forEach((name, i) => {
    if (!found.includes(name))
      problems.push({ file, line: header.line, column: i + 1, message: `colonne manquante : attendu "${name}" (déclarée dans la fiche), trouvé aucune` });
  });
  if (problems.length === 0 && found.some((name, i) => declared[i] !== name))
    problems.push({ file, line: header.line, column: 1, message: `ordre des colonnes : attendu ${declared.join(",")}, trouvé ${found.join(",")}` });
  return problems;
}

/** French label of a cell: an enum code's label from the column dictionary, else the value itself. */
export function labelOf(dataset: Dataset, column: string, code: Cell): string {
  if (code === null) return "n.d.";
  const col = dataset.meta.columns.find((c) => c.name === column);
  return col?.values?.[String(code)] ?? String(code);
}
