import type { Catalogue } from "./catalogue.ts";
import type { Row } from "./dataset.ts";
import { franceIj } from "./departement-prescriptions.ts";

/**
 * The home page's thesis, read from the Cnam France rows: the IJ prescribed by liberal doctors in the first
 * and last years, their growth, and their share of all prescriptions. Never typed: a new year of data
 * rewrites the sentence. Undefined when the dataset or its rows are missing (the home then says so).
 */
export interface Thesis {
  first: Row;
  last: Row;
  firstTotal: Row;
  lastTotal: Row;
}

export function homeThesis(catalogue: Catalogue): Thesis | undefined {
  const france = catalogue.datasets.get("prescriptions-france");
  if (!france) return undefined;
  const ij = [...franceIj(catalogue).values()].filter((r) => typeof r.montant === "number").sort((a, b) => Number(a.annee) - Number(b.annee));
  const first = ij[0];
  const last = ij.at(-1);
  if (!first || !last || first === last || typeof last.evolution_2010 !== "number" || first.annee !== 2010) return undefined;
  const total = (year: unknown) => france.rows.find((r) => r.poste === "total" && r.annee === year);
  const firstTotal = total(first.annee);
  const lastTotal = total(last.annee);
  if (!firstTotal || !lastTotal) return undefined;
  return { first, last, firstTotal, lastTotal };
}
