import type { Catalogue } from "./catalogue.ts";
import type { Dataset, Row } from "./dataset.ts";
import { formatNumber } from "./format.ts";

/**
 * Where a derived row comes from, as readers are shown it wherever its figure appears: the publisher's
 * credit, the file kept verbatim and the line of that file (« … ligne 16 488 du fichier … »).
 * Undefined for a curated dataset (its rows cite an excerpt instead).
 */
export function provenance(catalogue: Catalogue, dataset: Dataset, row: Row, lineColumn?: string): string | undefined {
  const derived = dataset.meta.derived;
  if (!derived) return undefined;
  const raw = catalogue.raws.get(derived.from);
  const column = lineColumn ?? Object.keys(derived.lines)[0] ?? dataset.meta.columns.find((c) => c.raw)?.raw?.line;
  const line = column ? row[column] : undefined;
  if (!raw || typeof line !== "number") return undefined;
  const where = raw.card.format === "xlsx" ? `feuille ${raw.card.sheet}, ligne ${formatNumber(line)} du classeur ${raw.card.file}` : `ligne ${formatNumber(line)} du fichier ${raw.card.file}`;
  return `${raw.card.credit}, ${where}`;
}

/** The columns a derived dataset computes itself, with their formulas: « calcul Sous objectif ». */
export function computedColumns(dataset: Dataset): { name: string; label: string; formula: string }[] {
  return dataset.meta.columns.filter((c) => c.formula).map((c) => ({ name: c.name, label: c.label, formula: c.formula! }));
}
