import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { csvFormatRows, csvParse } from "d3-dsv";
import type { Dataset, Row } from "../dataset.ts";
import type { Problem } from "../problems.ts";
import { quote } from "../problems.ts";
import type { DerivedTable } from "./importer.ts";
import { importers } from "./importers/index.ts";
import { loadRaw, rawIds, RAW_DIR, type RawTable } from "./raw-file.ts";

export const IMPORT_COMMAND = "npm run data:import";

/** The bytes of a derived CSV: d3's quoting, LF line ends, a final newline; nothing depends on the machine. */
export function formatDerived(table: DerivedTable): string {
  return csvFormatRows([table.header, ...table.rows]) + "\n";
}

/**
 * The départements reference as importers need it (codes, populations), read straight from
 * data/departements.csv so that importing does not depend on the rest of data/ being valid.
 */
export function readReference(root: string): Row[] {
  const path = join(root, "data", "departements.csv");
  if (!existsSync(path)) return [];
  return csvParse(readFileSync(path, "utf8").replace(/^\uFEFF/, "")).map((r) => ({
    code: r.code ?? "",
    nom: r.nom ?? "",
    population: r.population ? Number(r.population) : null,
    population_annee: r.population_annee ? Number(r.population_annee) : null
  }));
}

export interface Derivation {
  raws: Map<string, RawTable>;
  tables: DerivedTable[];
}

/**
 * Reads every official file of data/raw/ (checksum first) and runs its importer. Returns the derived
 * tables only when no file has a problem: one bad file never produces part of the derived data.
 */
export function deriveAll(root: string, departements: Row[], problems: Problem[]): Derivation {
  const raws = new Map<string, RawTable>();
  const tables: DerivedTable[] = [];
  const before = problems.length;
  for (const id of rawIds(root)) {
    const importer = importers.find((i) => i.raw === id);
    if (!importer) {
      problems.push({ file: `${RAW_DIR}/${id}`, message: `fichier officiel sans importeur : attendu un importeur pour "${id}" dans src/lib/raw/importers/, trouvé aucun` });
      continue;
    }
    const raw = loadRaw(root, id, problems);
    if (!raw) continue;
    raws.set(id, raw);
    const result = importer.derive(raw, { departements });
    problems.push(...result.problems);
    const unexpected = result.tables.filter((t) => !importer.outputs.includes(t.id));
    if (unexpected.length) throw new Error(`importeur ${id} : a écrit ${unexpected.map((t) => t.id).join(", ")}, absent de ses sorties déclarées (outputs)`);
    tables.push(...result.tables);
  }
  return { raws, tables: problems.length > before ? [] : tables };
}

/**
 * A derived dataset is checked twice over, so that neither a hand-edited cell nor a changed official
 * byte goes unnoticed:
 * 1. each value declared `raw: {line, column}` in the card equals the official file's cell at that line
 *    (and each line is of the kind the card says: its `derived.lines` filters);
 * 2. the committed CSV is byte for byte what the importer writes today (computed columns included).
 * A cell reported by the first check is not reported again by the second.
 */
export function checkDerived(root: string, datasets: Map<string, Dataset>, departements: Row[]): { problems: Problem[]; raws: Map<string, RawTable> } {
  const problems: Problem[] = [];
  const { raws, tables } = deriveAll(root, departements, problems);
  const reported = new Set<string>();
  for (const dataset of datasets.values()) {
    const derived = dataset.meta.derived;
    if (!derived) continue;
    const file = `data/${dataset.id}.csv`;
    const raw = raws.get(derived.from);
    if (!raw) {
      if (!rawIds(root).includes(derived.from))
        problems.push({ file: `data/${dataset.id}.yaml`, message: `champ "derived.from" : attendu un dossier ${RAW_DIR}/${derived.from}/, trouvé aucun` });
      continue;
    }
    problems.push(...checkRawCells(dataset, raw, file, reported));
  }
  for (const table of tables) {
    const file = `data/${table.id}.csv`;
    if (!datasets.has(table.id) && !existsSync(join(root, `data/${table.id}.yaml`)))
      problems.push({ file: `data/${table.id}.yaml`, message: `jeu dérivé sans fiche : attendu data/${table.id}.yaml (title, scope, columns), trouvé aucune` });
    if (!existsSync(join(root, file))) {
      problems.push({ file, message: `jeu dérivé absent : attendu le fichier écrit par ${IMPORT_COMMAND}, trouvé aucun fichier` });
      continue;
    }
    problems.push(...diffDerived(file, readFileSync(join(root, file), "utf8"), formatDerived(table), reported));
  }
  return { problems, raws };
}

function checkRawCells(dataset: Dataset, raw: RawTable, file: string, reported: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const names = dataset.meta.columns.map((c) => c.name);
  const lineFilters = Object.entries(dataset.meta.derived?.lines ?? {});
  const linked = dataset.meta.columns.filter((c) => c.raw);
  dataset.rows.forEach((row, i) => {
    const line = dataset.lines[i]!;
    const report = (column: string, message: string) => {
      const col = names.indexOf(column) + 1;
      reported.add(`${line}:${col}`);
      problems.push({ file, line, column: col, message });
    };
    for (const [lineColumn, filters] of lineFilters) {
      const at = row[lineColumn];
      if (at === null || at === undefined) continue;
      const fields = raw.at(Number(at));
      if (!fields) {
        report(lineColumn, `colonne "${lineColumn}" : attendu une ligne de ${raw.path}, trouvé ${at} (le fichier n'a pas cette ligne de données)`);
        continue;
      }
      for (const [rawColumn, value] of Object.entries(filters)) {
        const found = fields[raw.columnIndex(rawColumn)] ?? "";
        if (found !== value) report(lineColumn, `colonne "${lineColumn}" : attendu une ligne dont ${rawColumn} vaut ${quote(value)} (${raw.path} ligne ${at}), trouvé ${quote(found)}`);
      }
    }
    for (const col of linked) {
      const { line: lineColumn, column: rawColumn } = col.raw!;
      const at = row[lineColumn];
      const fields = at === null || at === undefined ? undefined : raw.at(Number(at));
      if (!fields) continue;
      const rawText = fields[raw.columnIndex(rawColumn)] ?? "";
      // The Cnam writes the statistical secret as a blank cell or as « NS »: either is an empty derived cell, never 0.
      const expectedText = rawText === "NS" ? "" : rawText;
      const value = row[col.name];
      const foundText = value === null || value === undefined ? "" : String(value);
      const same = expectedText === foundText || (expectedText !== "" && foundText !== "" && Number(expectedText) === Number(foundText));
      if (!same)
        report(col.name, `colonne "${col.name}" : attendu ${expectedText === "" ? "une cellule vide (secret statistique)" : expectedText} comme dans ${raw.path} ligne ${at}, colonne ${rawColumn}, trouvé ${foundText === "" ? "une cellule vide" : quote(foundText)}`);
    }
  });
  return problems;
}

/** Line-by-line comparison with what the importer writes; at most a few problems per file. */
function diffDerived(file: string, committed: string, regenerated: string, reported: Set<string>): Problem[] {
  if (committed === regenerated) return [];
  const problems: Problem[] = [];
  const a = committed.split("\n");
  const b = regenerated.split("\n");
  const hint = ` : un fichier dérivé s'écrit par ${IMPORT_COMMAND}, jamais à la main`;
  const header = b[0]!.split(",");
  let differing = 0;
  for (let i = 0; i < Math.max(a.length, b.length) && problems.length < 5; i++) {
    if (a[i] === b[i]) continue;
    const line = i + 1;
    differing++;
    if (a[i] === undefined || b[i] === undefined) {
      problems.push({ file, line, message: `lignes : attendu ${b.length - 1} lignes, trouvé ${a.length - 1}${hint}` });
      break;
    }
    const fa = a[i]!.split(",");
    const fb = b[i]!.split(",");
    const col = fb.findIndex((v, j) => v !== fa[j]);
    const column = (col < 0 ? fb.length : col) + 1;
    if (reported.has(`${line}:${column}`)) continue;
    problems.push({ file, line, column, message: `colonne "${header[column - 1] ?? column}" : attendu ${quote(fb[column - 1] ?? "")}, trouvé ${quote(fa[column - 1] ?? "")}${hint}` });
  }
  // Lines that differ only where the raw-cell check already spoke need no second message.
  if (problems.length === 0 && differing > 0) return [];
  return problems.length ? problems : [{ file, message: `octets différents de ce qu'écrit ${IMPORT_COMMAND}${hint}` }];
}
