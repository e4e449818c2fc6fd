import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "./articles.ts";
import type { Catalogue } from "./catalogue.ts";
import type { Dataset } from "./dataset.ts";
import { routes } from "./routes.ts";
import type { Source } from "./sources.ts";

/** Where a dataset's downloads live: beside its page, named after it. */
export function datasetFiles(id: string): { csv: string; json: string } {
  return { csv: `${routes.dataset(id)}${id}.csv`, json: `${routes.dataset(id)}${id}.json` };
}

/** The CSV as it is in data/, byte for byte: what was checked is what is downloaded. */
export function datasetCsvBytes(catalogue: Catalogue, id: string): Buffer {
  return readFileSync(join(catalogue.root, "data", `${id}.csv`));
}

/** The sources cited by a dataset's rows, in first-use order. */
export function datasetSources(dataset: Dataset, catalogue: Catalogue): Source[] {
  const ids = [...new Set(dataset.rows.map((r) => String(r.source)))];
  return ids.map((id) => catalogue.sources.get(id)).filter((s): s is Source => s !== undefined);
}

/**
 * The JSON download: the metadata (title, scope, column dictionary, notes, what was not found), the
 * sources cited, and the typed rows (numbers as numbers, a missing value as null, never 0).
 */
export function datasetJson(dataset: Dataset, catalogue: Catalogue): string {
  const { meta } = dataset;
  return JSON.stringify(
    {
      id: dataset.id,
      title: meta.title,
      description: meta.description,
      scope: meta.scope,
      updated: meta.updated,
      licence: meta.licence,
      key: meta.key,
      missing: "null (cellule vide dans le CSV) : valeur non trouvée, jamais zéro",
      notes: meta.notes,
      not_found: meta.not_found,
      columns: meta.columns,
      sources: datasetSources(dataset, catalogue),
      rows: dataset.rows
    },
    null,
    2
  );
}

/** Charts drawn from a dataset, and articles that use it (front matter `datasets`, or a chart placed in them). */
export function datasetUsage<C extends { spec: { id: string; dataset: string; title: string } }>(
  id: string,
  charts: Iterable<C>,
  articles: Article[]
): { charts: C[]; articles: Article[] } {
  const used = [...charts].filter((c) => c.spec.dataset === id);
  const ids = new Set(used.map((c) => c.spec.id));
  return { charts: used, articles: articles.filter((a) => a.datasets.includes(id) || a.charts.some((c) => ids.has(c.id))) };
}
