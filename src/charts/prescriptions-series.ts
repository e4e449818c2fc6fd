import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import { provenance } from "../lib/provenance.ts";
import type { ChartContext } from "./define.ts";
import { tip } from "./helpers.ts";
import type { YearlyPoint } from "./yearly.ts";

/** The Cnam series by year, the way every prescriptions chart reads them. */
export const POSTE_IJ = "7";
export const POSTE_TOTAL = "total";

/** How a map's tooltip names the Cnam file, before a line number: the same words on every Cnam map. */
export const CNAM_LINE = "Source\u00a0: Cnam (data.ameli.fr, jeu « prescriptions »), ligne";

export const byYear = (a: Row, b: Row) => Number(a.annee) - Number(b.annee);

/** « 13,93 Md€ » from euros: two decimals, as the France amounts are compared to the hundredth of a billion. */
export const billions = (euros: number) => `${formatNumber(euros / 1e9, 2)}\u00a0Md€`;

/** « 23,04 % ». */
export const percent = (n: number, digits = 2) => `${formatNumber(n, digits)}\u202f%`;

/** « +81,2 % » / « −3,4 % »: a change, signed. */
export const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatNumber(Math.abs(n), 1)}\u202f%`;

/** A point of a yearly series with its tooltip: heading, figure, provenance (file and line). */
export function point(row: Row, value: number | null, heading: string, text: string, ctx: ChartContext, lineColumn?: string): YearlyPoint {
  const where = ctx.catalogue && ctx.dataset ? provenance(ctx.catalogue, ctx.dataset, row, lineColumn) : undefined;
  return { year: Number(row.annee), value, tip: tip(`${row.annee} · ${heading}`, value === null ? "n.d. (secret statistique)" : text, where ? `Source : ${where}` : undefined) };
}
