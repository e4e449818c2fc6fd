/**
 * Frictionless Data Packages (Tabular Data Package v1, https://specs.frictionlessdata.io/) of the
 * datasets: a `datapackage.json` beside each CSV, and one for the whole catalogue. The descriptor carries
 * what the dataset page says, in a form tools read (frictionless, pandas via frictionless, R's
 * datapackage.r…): the Table Schema (types, French titles, units, required columns, key, missing value =
 * empty cell), the sources of the rows, the licence as stated, and, for a dataset derived from an official
 * file, that file's card (publisher, address, copy, checksum, licence, credit) and our formulas.
 * Nothing is added that the cards do not say: a licence without an Open Definition identifier is given by
 * its title only.
 */
import { createHash } from "node:crypto";
import type { Catalogue } from "./catalogue.ts";
import { SITE_NAME } from "./citation.ts";
import type { Column } from "./dataset-meta.ts";
import type { Dataset } from "./dataset.ts";
import { datasetCsvBytes, datasetSources } from "./dataset-files.ts";
import { routes } from "./routes.ts";

/** Served paths of the catalogue's package and of one dataset's. */
export const CATALOGUE_PACKAGE_PATH = routes.file("/donnees/datapackage.json");
export const packagePath = (id: string) => `${routes.dataset(id)}datapackage.json`;

type Json = Record<string, unknown>;

/** A date column's Table Schema type: `year` or `date` when every value has that form, else a string with the site's pattern. */
function dateField(dataset: Dataset, col: Column): Json {
  const values = dataset.rows.map((r) => r[col.name]).filter((v): v is string => typeof v === "string");
  if (values.length > 0 && values.every((v) => /^\d{4}$/.test(v))) return { type: "year" };
  if (values.length > 0 && values.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return { type: "date" };
  return { type: "string", format: "default", constraints: { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" } };
}

function typeOf(dataset: Dataset, col: Column): Json {
  switch (col.type) {
    case "integer":
      return { type: "integer" };
    case "number":
      return { type: "number" };
    case "date":
      return dateField(dataset, col);
    case "enum":
      return { type: "string", constraints: { enum: Object.keys(col.values ?? {}) } };
    case "departement":
      return { type: "string", constraints: { pattern: "\\d{2}|2A|2B|97\\d" } };
    default:
      return { type: "string" };
  }
}

function describe(col: Column): string | undefined {
  const parts = [
    col.description?.trim(),
    col.unit && `Unité : ${col.unit}.`,
    col.formula && `Calcul Sous objectif : ${col.formula}.`,
    col.raw && `Valeur du fichier officiel : colonne « ${col.raw.column} » de la ligne indiquée par « ${col.raw.line} ».`,
    col.values && `Codes : ${Object.entries(col.values).map(([k, v]) => `${k} = ${v}`).join(" ; ")}.`,
    col.type === "source" && "Identifiant d'une source du site (voir « sources » du paquet).",
    col.empty && `Une cellule vide signifie « non calculé pour cette ligne » (affiché « ${col.empty} »), pas une valeur manquante.`
  ].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(" ") : undefined;
}

function fieldOf(dataset: Dataset, col: Column): Json {
  const typed = typeOf(dataset, col);
  const constraints = { ...(typed.constraints as Json | undefined), ...(col.required ? { required: true } : {}) };
  const description = describe(col);
  return {
    name: col.name,
    title: col.label,
    ...(description ? { description } : {}),
    ...typed,
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    ...(col.unit ? { unit: col.unit } : {})
  };
}

/** The Table Schema of a dataset: its columns in file order, its key, an empty cell as the one missing value. */
export function tableSchema(dataset: Dataset): Json {
  return { fields: dataset.meta.columns.map((c) => fieldOf(dataset, c)), primaryKey: dataset.meta.key, missingValues: [""] };
}

/** One dataset as a Tabular Data Resource; `path` is where its CSV is relative to the descriptor. */
export function dataResource(dataset: Dataset, catalogue: Catalogue, path: string, site: URL | string): Json {
  const { meta } = dataset;
  const bytes = datasetCsvBytes(catalogue, dataset.id);
  const raw = meta.derived ? catalogue.raws.get(meta.derived.from) : undefined;
  const sources = datasetSources(dataset, catalogue).map((s) => ({
    title: `${s.publisher}${s.via ? `, citant ${s.via}` : ""} — ${s.title} (${s.date})`,
    ...(s.url ? { path: s.url } : {})
  }));
  return {
    profile: "tabular-data-resource",
    name: dataset.id,
    path,
    title: meta.title,
    description: `${meta.description} Périmètre : ${meta.scope}`,
    homepage: new URL(routes.dataset(dataset.id), site).href,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    bytes: bytes.length,
    hash: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
    dialect: { delimiter: ",", doubleQuote: true, header: true, lineTerminator: "\n" },
    schema: tableSchema(dataset),
    licenses: [{ title: meta.licence }],
    ...(sources.length > 0 || raw ? { sources: [...(raw ? [{ title: `${raw.card.publisher} — ${raw.card.title} (fichier officiel d'origine)`, path: raw.card.url }] : []), ...sources] } : {}),
    updated: meta.updated,
    ...(meta.notes.length > 0 ? { notes: meta.notes } : {}),
    ...(meta.not_found.length > 0 ? { not_found: meta.not_found } : {}),
    ...(raw ? { provenance: provenanceOf(dataset, raw.card, raw.path) } : {})
  };
}

/** For a derived dataset: the official file it comes from, as its card (data/raw/<id>/origine.yaml) states it, and our formulas. */
function provenanceOf(dataset: Dataset, card: NonNullable<ReturnType<Catalogue["raws"]["get"]>>["card"], file: string): Json {
  return {
    derived_from: {
      title: card.title,
      publisher: card.publisher,
      url: card.url,
      file,
      sha256: card.sha256,
      published: card.published,
      obtained: card.obtained,
      licence: card.licence,
      credit: card.credit
    },
    raw_values: dataset.meta.columns.filter((c) => c.raw).map((c) => ({ column: c.name, raw_column: c.raw!.column, line_column: c.raw!.line })),
    formulas: dataset.meta.columns.filter((c) => c.formula).map((c) => ({ column: c.name, formula: c.formula }))
  };
}

const publisher = (site: URL | string) => ({ title: SITE_NAME, role: "publisher", path: new URL(routes.home(), site).href });

/** /donnees/<id>/datapackage.json: the dataset alone, its CSV beside the descriptor. */
export function datasetPackage(dataset: Dataset, catalogue: Catalogue, site: URL | string): Json {
  const resource = dataResource(dataset, catalogue, `${dataset.id}.csv`, site);
  return {
    profile: "tabular-data-package",
    name: dataset.id,
    id: new URL(packagePath(dataset.id), site).href,
    title: dataset.meta.title,
    description: dataset.meta.description,
    homepage: resource.homepage,
    language: "fr",
    contributors: [publisher(site)],
    licenses: resource.licenses,
    ...(resource.sources ? { sources: resource.sources } : {}),
    resources: [resource]
  };
}

/** /donnees/datapackage.json: every dataset of the catalogue, each CSV in its folder. */
export function cataloguePackage(catalogue: Catalogue, site: URL | string): Json {
  const datasets = [...catalogue.datasets.values()].sort((a, b) => a.id.localeCompare(b.id));
  return {
    profile: "tabular-data-package",
    name: "sous-objectif",
    id: new URL(CATALOGUE_PACKAGE_PATH, site).href,
    title: `${SITE_NAME} — toutes les données`,
    description: "Les jeux de données du site, chacun avec sa fiche, son schéma et ses sources : chaque chiffre nomme sa source, une cellule vide est une valeur non trouvée, jamais zéro.",
    homepage: new URL(routes.datasets(), site).href,
    language: "fr",
    contributors: [publisher(site)],
    // Each dataset keeps its own licence on its resource; the package as a whole is described by their list.
    licenses: [...new Set(datasets.map((d) => d.meta.licence))].map((title) => ({ title })),
    resources: datasets.map((d) => dataResource(d, catalogue, `${d.id}/${d.id}.csv`, site))
  };
}
