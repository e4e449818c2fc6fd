/**
 * The CSV files a reader downloads, built from rows of data/ (a chart's rows drawn, or a whole dataset):
 * - one unit per value column: a `valeur` read with a per-row `unite` is written in the smallest unit of
 *   its family present (10,2 Md€ → 10 200 M€, 327 millions de journées → 327 000 000 journées) by moving
 *   the decimal point, so the figure never changes, only how it is written; units of different kinds
 *   (médecins, %, M€) get a column each (`valeur_medecins`, `valeur_pourcent`…);
 * - a label next to each code: `risque` then `risque_libelle`, `departement` then `departement_nom`,
 *   `source` then `source_nom` and `source_url`;
 * - two encodings of the same table: the machine-readable one (UTF-8 with BOM, `,` separator, `.` decimal
 *   point, LF) and « pour Excel (France) » (UTF-8 with BOM, `;` separator, decimal comma, CRLF), which
 *   French Excel opens with its accents and numbers as numbers.
 * Pure text in, pure text out: the routes, the LISEZMOI and the tests read the same table.
 */
import { dsvFormat } from "d3-dsv";
import type { Cell, Dataset, Row } from "./dataset.ts";
import type { Column } from "./dataset-meta.ts";
import { formatDate } from "./format.ts";
import type { Source } from "./sources.ts";

export const BOM = "\uFEFF";

export interface ExportColumn {
  name: string;
  /** French label (the dataset's, or « Libellé de … » for an added label column). */
  label: string;
  /** Numbers are written with a decimal comma in the Excel file; the rest is text. */
  numeric: boolean;
  /** The one unit of every value of the column, when the column holds quantities. */
  unit?: string;
  /** The dataset column it comes from (its type, codes and description). */
  from?: Column;
  /** What a reader must know about how the column was made (labels added, unit converted or split). */
  note?: string;
}

export interface ExportTable {
  columns: ExportColumn[];
  rows: Cell[][];
  /** « valeur : les montants en Md€ sont écrits en M€ (× 1 000), même chiffre. », one per unit converted. */
  conversions: string[];
}

export interface ExportLookups {
  sources: ReadonlyMap<string, Source>;
  /** Département code → name (data/departements.csv). */
  departements: ReadonlyMap<string, string>;
}

/**
 * Scale units the datasets use, as a power of ten of their family's base: converting within a family is
 * exact (a shift of the decimal point). Units not listed are never converted.
 */
const SCALES: Record<string, { family: string; power: number }> = {
  "€": { family: "euros", power: 0 },
  "M€": { family: "euros", power: 6 },
  "millions-euros": { family: "euros", power: 6 },
  "Md€": { family: "euros", power: 9 },
  journées: { family: "journees", power: 0 },
  "millions de journées": { family: "journees", power: 6 }
};

/** « 10.2 » moved by 3 places: « 10200 »; decimal text in, decimal text out, no floating-point product. */
export function shiftDecimal(value: number, places: number): number {
  if (places === 0) return value;
  const text = String(value);
  if (/e/i.test(text)) throw new Error(`shiftDecimal : attendu un nombre sans exposant, trouvé ${text}`);
  const negative = text.startsWith("-");
  const [int = "0", frac = ""] = text.replace("-", "").split(".");
  const digits = int + frac;
  const point = int.length + places;
  const padded = point > digits.length ? digits.padEnd(point, "0") : digits;
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = padded.slice(point).replace(/0+$/, "");
  return Number(`${negative ? "-" : ""}${whole}${rest ? `.${rest}` : ""}`);
}

/** A column name for a unit: « % » → pourcent, « M€ » → millions_euros, « médecins » → medecins. */
export function unitSlug(unit: string): string {
  const named: Record<string, string> = { "%": "pourcent", "€": "euros", "M€": "millions_euros", "Md€": "milliards_euros" };
  return (
    named[unit] ??
    unit
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/€/g, "euros")
      .replace(/%/g, "pourcent")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
  );
}

/** The table written to both CSV files: the columns shown, labels beside codes, one unit per value column. */
export function exportTable(rows: Row[], dataset: Dataset, lookups: ExportLookups, shown?: string[]): ExportTable {
  const declared = dataset.meta.columns.filter((c) => !shown || shown.includes(c.name));
  const unitCol = declared.find((c) => c.name === "unite");
  const valueCol = declared.find((c) => c.name === "valeur");
  const unitLabel = (code: string) => unitCol?.values?.[code] ?? code;

  // Per row: the value and unit as written in the file (converted within its family when needed).
  const written = rows.map((r) => ({ value: r.valeur ?? null, unit: r.unite === null || r.unite === undefined ? null : String(r.unite) }));
  const conversions: string[] = [];
  if (unitCol && valueCol) {
    const present = [...new Set(written.filter((w) => typeof w.value === "number" && w.unit).map((w) => w.unit!))];
    const target = new Map<string, string>();
    for (const unit of present) {
      const scale = SCALES[unit];
      if (!scale) continue;
      const smallest = present.filter((u) => SCALES[u]?.family === scale.family).sort((a, b) => SCALES[a]!.power - SCALES[b]!.power)[0]!;
      if (smallest !== unit) target.set(unit, smallest);
    }
    for (const [from, to] of target) {
      const places = SCALES[from]!.power - SCALES[to]!.power;
      const named = (u: string) => (unitLabel(u) === u ? u : `${unitLabel(u)} (${u})`);
      conversions.push(`${valueCol.name} : les valeurs en ${named(from)} sont écrites en ${named(to)}, multipliées par ${new Intl.NumberFormat("fr-FR").format(10 ** places)} en déplaçant la virgule : même chiffre, une seule unité par colonne.`);
    }
    for (const w of written) {
      const to = w.unit ? target.get(w.unit) : undefined;
      if (to && typeof w.value === "number") {
        w.value = shiftDecimal(w.value, SCALES[w.unit!]!.power - SCALES[to]!.power);
        w.unit = to;
      } else if (to) w.unit = to;
    }
  }
  // A value without a unit (none in data/ today) still gets its own column rather than being lost.
  for (const w of written) if (typeof w.value === "number" && !w.unit && unitCol) w.unit = "";
  const units = [...new Set(written.filter((w) => typeof w.value === "number").map((w) => w.unit ?? ""))];
  const split = Boolean(unitCol && valueCol && units.length > 1);

  const columns: ExportColumn[] = [];
  const cells: ((row: Row, i: number) => Cell)[] = [];
  const add = (column: ExportColumn, cell: (row: Row, i: number) => Cell) => {
    columns.push(column);
    cells.push(cell);
  };
  for (const col of declared) {
    const numeric = col.type === "number" || col.type === "integer";
    if (col === valueCol && unitCol) {
      if (split) {
        for (const unit of units)
          add(
            { name: `${col.name}_${unit ? unitSlug(unit) : "sans_unite"}`, label: `${col.label} en ${unit ? unitLabel(unit) : "(unité non précisée)"}`, numeric: true, ...(unit ? { unit: unitLabel(unit) } : {}), from: col, note: "une colonne par unité : chaque ligne remplit celle de son unité, les autres restent vides" },
            (_, i) => (written[i]!.unit === unit ? written[i]!.value : null)
          );
      } else add({ name: col.name, label: col.label, numeric: true, ...(units[0] ? { unit: unitLabel(units[0]) } : {}), from: col }, (_, i) => written[i]!.value);
      continue;
    }
    if (col === unitCol && valueCol) {
      add({ name: col.name, label: col.label, numeric: false, from: col }, (_, i) => written[i]!.unit || null);
      add({ name: `${col.name}_libelle`, label: `${col.label} (libellé)`, numeric: false, note: `libellé du code de la colonne « ${col.name} »` }, (_, i) => (written[i]!.unit ? unitLabel(written[i]!.unit!) : null));
      continue;
    }
    add({ name: col.name, label: col.label, numeric, ...(col.unit ? { unit: col.unit } : {}), from: col }, (r) => r[col.name] ?? null);
    if (col.type === "enum")
      add({ name: `${col.name}_libelle`, label: `${col.label} (libellé)`, numeric: false, note: `libellé du code de la colonne « ${col.name} »` }, (r) => {
        const code = r[col.name];
        return code === null || code === undefined ? null : (col.values?.[String(code)] ?? String(code));
      });
    else if (col.type === "departement")
      add({ name: `${col.name}_nom`, label: `${col.label} (nom)`, numeric: false, note: `nom du département de la colonne « ${col.name} »` }, (r) => {
        const code = r[col.name];
        return code === null || code === undefined ? null : (lookups.departements.get(String(code)) ?? null);
      });
    else if (col.type === "source") {
      const source = (r: Row) => lookups.sources.get(String(r[col.name]));
      add({ name: `${col.name}_nom`, label: "Source (éditeur et date)", numeric: false, note: `éditeur et date de la source de la colonne « ${col.name} »` }, (r) => {
        const s = source(r);
        return s ? `${s.publisher}${s.via ? `, citant ${s.via}` : ""} (${formatDate(s.date)})` : null;
      });
      add({ name: `${col.name}_url`, label: "Source (adresse)", numeric: false, note: "adresse de la source ; vide pour un document sans adresse publique" }, (r) => source(r)?.url ?? null);
    }
  }
  return { columns, rows: rows.map((r, i) => cells.map((cell) => cell(r, i))), conversions };
}

/** The lookups of a catalogue: its sources, and the département names of data/departements.csv. */
export function exportLookups(catalogue: { sources: ReadonlyMap<string, Source>; datasets: ReadonlyMap<string, Dataset> }): ExportLookups {
  const reference = catalogue.datasets.get("departements");
  const departements = new Map((reference?.rows ?? []).map((r) => [String(r.code), String(r.nom)] as const));
  return { sources: catalogue.sources, departements };
}

const comma = dsvFormat(",");
const semicolon = dsvFormat(";");

/** The machine-readable file: UTF-8 with BOM, `,` separator, `.` decimal point, empty cell = missing value. */
export function machineCsv(table: ExportTable): string {
  const text = (v: Cell) => (v === null ? "" : String(v));
  return `${BOM}${comma.formatRows([table.columns.map((c) => c.name), ...table.rows.map((r) => r.map(text))])}\n`;
}

/**
 * The file for French Excel: UTF-8 with BOM (Excel then reads the accents right), `;` separator, decimal
 * comma, no thousands separator (Excel reads « 10200,5 » as a number), CRLF. A text cell that Excel would
 * run as a formula (starting with = + - @) is prefixed with an apostrophe, which Excel hides.
 */
export function excelCsv(table: ExportTable): string {
  const text = (v: Cell, numeric: boolean) => {
    if (v === null) return "";
    if (numeric && typeof v === "number") return String(v).replace(".", ",");
    const s = String(v);
    return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  };
  const lines = [table.columns.map((c) => c.name), ...table.rows.map((r) => r.map((v, i) => text(v, table.columns[i]!.numeric)))];
  return `${BOM}${semicolon.formatRows(lines).replace(/\n/g, "\r\n")}\r\n`;
}

/** Where the Excel file of a CSV is served: beside it, « -excel » before the extension. */
export function excelPath(csvPath: string): string {
  return csvPath.replace(/\.csv$/, "-excel.csv");
}

/** The card's lines on the two files and their columns (LISEZMOI, download blocks). */
export function exportFormatLines(): string[] {
  return [
    "Deux fichiers, mêmes lignes et mêmes colonnes :",
    "- le CSV lisible par les programmes : UTF-8 avec BOM, séparateur virgule, point décimal, dates ISO (AAAA, AAAA-MM ou AAAA-MM-JJ) ;",
    "- le CSV pour Excel (France) : UTF-8 avec BOM, séparateur point-virgule, virgule décimale ; un texte qui commencerait par = + - ou @ y est précédé d'une apostrophe, pour qu'Excel ne le lise pas comme une formule.",
    "Une cellule vide est une valeur manquante (« n.d. » sur le site), jamais un zéro.",
    "Chaque colonne de valeurs a une seule unité ; un code est suivi de son libellé (colonnes « …_libelle », « …_nom »)."
  ];
}

/** One line per exported column: name, unit, label, and how it was made. */
export function exportColumnLines(table: ExportTable): string[] {
  const lines: string[] = [];
  for (const c of table.columns) {
    const type = c.from && c.from.name === c.name ? c.from.type : c.numeric ? "number" : "string";
    lines.push(`- ${c.name} (${type}${c.unit ? `, en ${c.unit}` : ""}${c.from && !c.from.required ? ", peut être vide" : ""}) : ${c.label}${c.from?.description && c.from.name === c.name ? ` — ${c.from.description}` : ""}${c.note ? ` — ${c.note}` : ""}`);
    if (c.from && c.from.name === c.name && c.from.formula) lines.push(`    Calcul Sous objectif : ${c.from.formula}`);
    if (c.from && c.from.name === c.name && c.from.raw) lines.push(`    Valeur du fichier officiel, colonne « ${c.from.raw.column} » de la ligne indiquée par « ${c.from.raw.line} »`);
  }
  return lines;
}
