import type { Problem } from "../problems.ts";
import type { Row } from "../dataset.ts";
import type { RawTable } from "./raw-file.ts";

/** A derived table as written to data/<id>.csv: header, then rows of cells already formatted. */
export interface DerivedTable {
  id: string;
  header: string[];
  rows: string[][];
}

export interface ImportContext {
  /** Rows of data/departements.csv (the reference): codes, names, populations. */
  departements: Row[];
}

/**
 * Derives tidy datasets from one official file. An importer never writes: it returns tables or
 * problems, and the command writes only when there is no problem, so a bad file leaves data/ as it was.
 */
export interface Importer {
  /** Folder name under data/raw/. */
  raw: string;
  /** Ids of the datasets it derives (data/<id>.csv, each with its hand-written card data/<id>.yaml). */
  outputs: string[];
  derive(raw: RawTable, ctx: ImportContext): { tables: DerivedTable[]; problems: Problem[] };
}

/**
 * Numbers as the derived CSVs write them: fixed decimals, '.' separator, no exponent, so that one
 * input always gives the same bytes; -0 is written 0.
 */
export function fixed(n: number, decimals: number): string {
  const s = n.toFixed(decimals);
  return /^-0(\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Rate of change in percent, `(to / from - 1) × 100`; null when the base is missing or zero. */
export function change(to: number | null, from: number | null, decimals = 1): string {
  if (to === null || from === null || from === 0) return "";
  return fixed((to / from - 1) * 100, decimals);
}

export function cell(n: number | null): string {
  return n === null ? "" : String(n);
}
