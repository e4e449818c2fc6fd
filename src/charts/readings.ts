import type { Cell, Row } from "../lib/dataset.ts";

/** One source's reading of a figure. */
export interface Reading {
  value: number;
  source: string;
  row: Row;
}

/**
 * The readings of one figure: the rows that share every key column but `source`. When sources disagree
 * (min < max), charts draw the range and tables list every source; nothing picks one reading.
 */
export interface ReadingGroup {
  /** The key values (without source), joined: stable id of the figure. */
  key: string;
  rows: Row[];
  /** Readings with a value, in row order; rows with a missing value are in `rows` only. */
  readings: Reading[];
  /** Lowest and highest reading; null when no row has a value (missing, never 0). */
  min: number | null;
  max: number | null;
  /** Distinct sources, in row order. */
  sources: string[];
}

export const defaultValue = (row: Row): number | null => (typeof row.valeur === "number" ? row.valeur : null);

/** Groups rows into figures by the given key columns (the dataset key without `source`), keeping first-seen order. */
export function groupReadings(rows: Row[], key: string[], value: (row: Row) => number | null = defaultValue): ReadingGroup[] {
  const groups = new Map<string, ReadingGroup>();
  for (const row of rows) {
    const id = readingKey(row, key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key: id, rows: [], readings: [], min: null, max: null, sources: [] }));
    group.rows.push(row);
    const source = String(row.source);
    if (!group.sources.includes(source)) group.sources.push(source);
    const v = value(row);
    if (v === null || Number.isNaN(v)) continue;
    group.readings.push({ value: v, source, row });
    group.min = group.min === null ? v : Math.min(group.min, v);
    group.max = group.max === null ? v : Math.max(group.max, v);
  }
  return [...groups.values()];
}

export function readingKey(row: Row, key: string[]): string {
  return key.map((k) => cellKey(row[k])).join("|");
}

function cellKey(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}

/** True when the sources of a figure give different values. */
export function isRange(group: Pick<ReadingGroup, "min" | "max">): boolean {
  return group.min !== null && group.max !== null && group.min !== group.max;
}

/** Distinct values of a group with the sources giving each, in ascending value order. */
export function valuesWithSources(group: ReadingGroup): { value: number; sources: string[]; rows: Row[] }[] {
  const byValue = new Map<number, { value: number; sources: string[]; rows: Row[] }>();
  for (const r of group.readings) {
    let entry = byValue.get(r.value);
    if (!entry) byValue.set(r.value, (entry = { value: r.value, sources: [], rows: [] }));
    if (!entry.sources.includes(r.source)) entry.sources.push(r.source);
    entry.rows.push(r.row);
  }
  return [...byValue.values()].sort((a, b) => a.value - b.value);
}
