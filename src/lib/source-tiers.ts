/**
 * The rule on republications: a figure may rest on a mirror or an aggregator only when another
 * row gives the same fact from a better source, or when the source says to readers why this copy
 * is cited (republication_note). A scraped copy can drift from its original; the reader must know.
 */
import type { Dataset } from "./dataset.ts";
import type { Problem } from "./problems.ts";
import type { Source } from "./sources.ts";

/** True when a source may back a figure on its own. */
export function standsAlone(source: Source | undefined): boolean {
  return source !== undefined && (source.tier !== "republication" || Boolean(source.republication_note));
}

/**
 * Rows with a figure whose only backing is a republication without a stated reason. « Only »:
 * rows sharing every key column but the source tell the same fact, and one good source is enough.
 */
export function checkRepublicationOnly(dataset: Dataset, file: string, sources: ReadonlyMap<string, Source>): Problem[] {
  const figures = dataset.meta.columns.filter((c) => c.figure).map((c) => c.name);
  if (figures.length === 0) return [];
  const names = dataset.meta.columns.map((c) => c.name);
  const factKey = dataset.meta.key.filter((k) => dataset.meta.columns.find((c) => c.name === k)?.type !== "source");
  const keyOf = (row: Dataset["rows"][number]) => factKey.map((k) => String(row[k] ?? "")).join("\u0000");
  const backed = new Set<string>();
  for (const row of dataset.rows) if (standsAlone(sources.get(String(row.source)))) backed.add(keyOf(row));
  const problems: Problem[] = [];
  dataset.rows.forEach((row, i) => {
    if (!figures.some((f) => typeof row[f] === "number")) return;
    const id = String(row.source);
    const source = sources.get(id);
    if (!source || standsAlone(source) || backed.has(keyOf(row))) return;
    problems.push({
      file,
      line: dataset.lines[i],
      column: names.indexOf("source") + 1,
      message: `colonne "source" : attendu un chiffre appuyé sur une source qui n'est pas une republication, ou une republication_note sur la source "${id}" disant pourquoi cette copie est citée, trouvé "${id}" (niveau republication) pour seule source`
    });
  });
  return problems;
}
