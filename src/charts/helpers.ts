import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import type { Source } from "../lib/sources.ts";
import type { ChartContext, LegendItem } from "./define.ts";
import { valuesWithSources, type ReadingGroup } from "./readings.ts";

/** Unit as written after a number: symbols stay (« Md€ », « % »), codes take their French label (« médecins »). */
export function unitText(row: Row, ctx: ChartContext, column = "unite"): string {
  const code = row[column];
  if (code === null || code === undefined) return "";
  const text = String(code);
  return /[€%]/.test(text) ? text : ctx.label(column, code);
}

/** « 10,2 Md€ », or « 965–1 200 médecins » when the readings differ. */
export function rangeText(min: number, max: number, unit = "", digits = 2): string {
  const f = (n: number) => formatNumber(n, digits);
  const u = unit ? `${unit === "%" ? "\u202f" : "\u00a0"}${unit}` : "";
  return min === max ? `${f(min)}${u}` : `${f(min)}–${f(max)}${u}`;
}

/** « 965 à 1 200 médecins »: a range in running text. */
export function rangeProse(min: number, max: number, unit = "", digits = 2): string {
  const f = (n: number) => formatNumber(n, digits);
  const u = unit ? `${unit === "%" ? "\u202f" : "\u00a0"}${unit}` : "";
  return min === max ? `${f(min)}${u}` : `${f(min)} à ${f(max)}${u}`;
}

/** A reading as the source words it: « près de 70 médecins ». */
export function qualified(row: Row, text: string, ctx: ChartContext): string {
  const q = row.qualificatif;
  return q === null || q === undefined ? text : `${ctx.label("qualificatif", q)} ${text}`;
}

/** Short name of a source for labels and tooltips: « Klesia Pro Social », « Clés du social, citant DREES ». */
export function sourceShort(s: Source | undefined, fallback: string): string {
  if (!s) return fallback;
  const publisher = s.publisher.split(" (")[0]!.trim();
  const via = s.via ? s.via.split(/ \(|[,;]/)[0]!.trim() : "";
  return via ? `${publisher}, citant ${via}` : publisher;
}

export function sourceOf(ctx: ChartContext, id: string): string {
  return sourceShort(ctx.source?.(id), id);
}

/**
 * Tooltip lines for the readings of one figure: one line per source, as the source words it
 * (« Klesia Pro Social : 965 médecins »).
 */
export function readingLines(group: ReadingGroup, ctx: ChartContext, format: (row: Row) => string): string[] {
  return group.rows.map((row) => `${sourceOf(ctx, String(row.source))} : ${qualified(row, format(row), ctx)}`);
}

/** « Sources : a ; b » or « Source : a ». */
export function sourcesLine(group: ReadingGroup, ctx: ChartContext): string {
  const names = [...new Set(group.sources.map((id) => sourceOf(ctx, id)))];
  return `${names.length > 1 ? "Sources" : "Source"}\u00a0: ${names.join(" ; ")}`;
}

/** A tooltip: first line is the heading, then one line per fact. */
export function tip(...lines: (string | string[] | false | undefined)[]): string {
  return lines.flat().filter((l): l is string => typeof l === "string" && l !== "").join("\n");
}

/** Distinct readings of a range, for the ticks drawn on it. */
export function readingValues(group: ReadingGroup): number[] {
  return valuesWithSources(group).map((v) => v.value);
}

/** Part of a metadata label before its definition (« Étude DREES–CNAM (décembre 2024) : … » → the name). */
export function labelHead(label: string): string {
  const cut = label.search(/ : | ; | — /);
  return cut > 0 ? label.slice(0, cut) : label;
}

/** The rest of the label, or undefined when the head is all of it. */
export function labelDetail(label: string): string | undefined {
  const head = labelHead(label);
  const rest = label.slice(head.length).replace(/^ (: |; |— )/, "").trim();
  return rest ? rest : undefined;
}

/** Legend items for the values of a column, named by their metadata label, coloured in order. */
export function legendFor(codes: string[], column: string, ctx: ChartContext, color: (code: string, i: number) => string, shape: LegendItem["shape"] = "dot"): LegendItem[] {
  return codes.map((code, i) => {
    const full = ctx.label(column, code);
    return { key: code, label: labelHead(full), detail: labelDetail(full), color: color(code, i), shape };
  });
}

/** Joins items in French: « a, b et c ». */
export function frenchList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** A year as written on an axis: « 2023 », never « 2 023 ». */
export const yearFormat = (d: number | Date): string => String(d instanceof Date ? d.getUTCFullYear() : d);

/** « Montants d’IJ versés » → « montants d’IJ versés »: only the first letter changes. */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
