import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseCsv } from "./csv.ts";
import { DatasetMetaSchema } from "./dataset-meta.ts";
import { buildDataset, type Dataset, type Registry } from "./dataset.ts";
import { excerptShows } from "./figures.ts";
import type { Problem } from "./problems.ts";
import { checkRepublicationOnly } from "./source-tiers.ts";
import { checkDerived } from "./raw/derive.ts";
import type { RawTable } from "./raw/raw-file.ts";
import { SourceSchema, type Source } from "./sources.ts";
import { decodeUtf8 } from "./text.ts";
import { parseYaml, parseYamlList } from "./yaml-file.ts";

export const REFERENCE_DATASET = "departements";

export interface Catalogue {
  root: string;
  datasets: Map<string, Dataset>;
  /** Datasets declared but unreadable: their problems are reported once, dependents stay silent. */
  broken: Set<string>;
  /** Source ids whose declaration is invalid (already reported): citing them is not reported again. */
  invalidSourceIds: Set<string>;
  sources: Map<string, Source>;
  /** Official files of data/raw/ (checksum verified), by folder: derived rows point at their lines. */
  raws: Map<string, RawTable>;
  problems: Problem[];
}

/** Reads a file as UTF-8 text, or reports where it is not. */
export function readText(root: string, path: string, problems: Problem[]): string | undefined {
  const decoded = decodeUtf8(readFileSync(join(root, path)), path);
  if (decoded.ok) return decoded.text.replace(/^\uFEFF/, "");
  problems.push(decoded.problem);
  return undefined;
}

/** Loads and checks every dataset and source under `<root>/data`. */
export function loadCatalogue(root: string): Catalogue {
  const problems: Problem[] = [];
  const invalidSourceIds = new Set<string>();
  const sources = loadSources(root, problems, invalidSourceIds);
  const datasets = new Map<string, Dataset>();
  const broken = new Set<string>();
  const dataDir = join(root, "data");
  const names = readdirSync(dataDir).filter((f) => /\.(csv|ya?ml)$/.test(f));
  const ids = [...new Set(names.map((f) => f.replace(/\.(csv|ya?ml)$/, "")))].sort((a, b) =>
    a === REFERENCE_DATASET ? -1 : b === REFERENCE_DATASET ? 1 : a.localeCompare(b)
  );
  const registry: { sourceIds: Set<string>; departementCodes: Set<string> } = {
    sourceIds: new Set([...sources.keys(), ...invalidSourceIds]),
    departementCodes: new Set()
  };
  for (const id of ids) {
    const csvPath = `data/${id}.csv`;
    const metaPath = `data/${id}.yaml`;
    if (!names.includes(`${id}.csv`)) {
      problems.push({ file: metaPath, line: 1, column: 1, message: `jeu de données sans lignes : attendu ${csvPath} à côté de sa fiche, trouvé aucun fichier` });
      broken.add(id);
      continue;
    }
    if (!names.includes(`${id}.yaml`)) {
      problems.push({ file: csvPath, line: 1, column: 1, message: `jeu de données sans fiche : attendu ${metaPath} à côté, trouvé aucune` });
      broken.add(id);
      continue;
    }
    const dataset = loadDataset(root, id, registry, problems);
    if (!dataset) {
      broken.add(id);
      continue;
    }
    datasets.set(id, dataset);
    problems.push(...checkRepublicationOnly(dataset, `data/${id}.csv`, sources));
    if (id === REFERENCE_DATASET) for (const row of dataset.rows) registry.departementCodes.add(String(row.code));
  }
  const reference = datasets.get(REFERENCE_DATASET);
  const derived = reference ? checkDerived(root, datasets, reference.rows) : { problems: [], raws: new Map<string, RawTable>() };
  problems.push(...derived.problems);
  if (!datasets.has(REFERENCE_DATASET))
    problems.push({ file: `data/${REFERENCE_DATASET}.csv`, message: "référence manquante : attendu les 101 départements (npm run data:departements), trouvé aucun" });
  return { root, datasets, broken, invalidSourceIds, sources, raws: derived.raws, problems };
}

export function loadDataset(root: string, id: string, registry: Registry, problems: Problem[]): Dataset | undefined {
  const csvPath = `data/${id}.csv`;
  const metaPath = `data/${id}.yaml`;
  const metaText = readText(root, metaPath, problems);
  const csvText = readText(root, csvPath, problems);
  if (metaText === undefined || csvText === undefined) return undefined;
  const meta = parseYaml(metaText, metaPath, DatasetMetaSchema);
  problems.push(...meta.problems);
  if (!meta.value) return undefined;
  const { dataset, problems: rowProblems } = buildDataset(id, csvPath, parseCsv(csvText), meta.value, registry);
  problems.push(...rowProblems, ...checkFiguresInExcerpts(dataset, csvPath));
  return dataset;
}

/** Every figure must be visible in the verbatim excerpt of its own row: the data's proof of origin. */
export function checkFiguresInExcerpts(dataset: Dataset, file: string): Problem[] {
  const problems: Problem[] = [];
  const names = dataset.meta.columns.map((c) => c.name);
  const figures = dataset.meta.columns.filter((c) => c.figure);
  dataset.rows.forEach((row, i) => {
    for (const col of figures) {
      const value = row[col.name];
      if (typeof value !== "number") continue;
      if (!excerptShows(String(row.extrait ?? ""), value))
        problems.push({
          file,
          line: dataset.lines[i],
          column: names.indexOf(col.name) + 1,
          message: `colonne "${col.name}" : attendu le chiffre dans la colonne "extrait", trouvé ${value}, absent de ${JSON.stringify(String(row.extrait ?? "").slice(0, 80))}`
        });
    }
  });
  return problems;
}

/** Sources, plus the ids of entries already reported as invalid (rows citing them are not reported twice). */
function loadSources(root: string, problems: Problem[], declaredButInvalid: Set<string>): Map<string, Source> {
  const sources = new Map<string, Source>();
  const where = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const dir = join(root, "data", "sources");
  if (!existsSync(dir)) {
    problems.push({ file: "data/sources/", message: "sources manquantes : attendu data/sources/*.yaml, trouvé aucun dossier" });
    return sources;
  }
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const path = relative(root, join(dir, name));
    const text = readText(root, path, problems);
    if (text === undefined) continue;
    const parsed = parseYamlList(text, path, SourceSchema);
    problems.push(...parsed.problems);
    for (const item of parsed.invalid) {
      const id = (item as { id?: unknown } | null)?.id;
      if (typeof id === "string") declaredButInvalid.add(id);
    }
    for (const source of parsed.values) {
      const sameUrl = source.url ? byUrl.get(source.url) : undefined;
      if (sameUrl && sameUrl !== source.id)
        problems.push({ file: path, line: lineOf(text, `id: ${source.id}`), column: 1, message: `URL de source en double : attendu un seul identifiant par page, trouvé "${source.id}" et "${sameUrl}" pour ${source.url}` });
      else if (source.url) byUrl.set(source.url, source.id);
      const first = where.get(source.id);
      if (first) problems.push({ file: path, line: lineOf(text, `id: ${source.id}`), column: 1, message: `identifiant de source en double : attendu des identifiants uniques dans tout data/sources/, trouvé "${source.id}" aussi dans ${first}` });
      else {
        sources.set(source.id, source);
        where.set(source.id, path);
      }
    }
  }
  return sources;
}

function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : text.slice(0, i).split("\n").length;
}
