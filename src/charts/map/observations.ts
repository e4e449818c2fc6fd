import type { Catalogue } from "../../lib/catalogue.ts";
import { labelOf, type Dataset, type Row } from "../../lib/dataset.ts";
import { formatNumber } from "../../lib/format.ts";
import type { ChartContext } from "../define.ts";
import { sourceLabel } from "../figure.ts";
import type { MapValue } from "./model.ts";

/** « près de 70 », « plus de 80 » : the qualifier the source puts before its figure. */
export function qualified(row: Row, dataset: Dataset, text: string): string {
  return row.qualificatif ? `${labelOf(dataset, "qualificatif", row.qualificatif)} ${text}` : text;
}

/** Source label of a row: « 20 Minutes (13 septembre 2012) ». */
export function rowSource(row: Row, catalogue: Catalogue): string {
  const s = catalogue.sources.get(String(row.source));
  return s ? sourceLabel(s) : String(row.source);
}

export interface ObservationOptions {
  /**
   * Several indicators may describe one département (stages of one campaign: convoked, then sanctioned).
   * The colour follows the largest count and every indicator is listed; without this option, two
   * indicators for one département are an error (two measures are never merged into one value).
   */
  stages?: boolean;
  /** Indicators that count only part of the département (« the doctors cited by the article »): marked « * ». */
  partial?: string[];
}

/**
 * One map value per département from rows of data/observations-departementales.csv that measure the
 * same thing (one indicator, unit and scope, or one campaign). Several rows of one indicator are several
 * readings: their range is shown and every source is named, never one picked silently.
 */
export function observationValues(rows: Row[], dataset: Dataset, ctx: ChartContext, options: ObservationOptions = {}): MapValue[] {
  const catalogue = requireCatalogue(ctx);
  const unit = (r: Row) => labelOf(dataset, "unite", r.unite ?? null);
  const reading = (r: Row) => qualified(r, dataset, `${formatNumber(r.valeur as number)}\u00a0${unit(r)}`);
  // A row without a number is not a reading: it never becomes a 0 on the map (Math.min of nothing, or of null).
  const byDepartement = groupBy(rows.filter((r) => typeof r.valeur === "number"), (r) => String(r.departement));
  return [...byDepartement].map(([code, group]) => {
    const indicators = [...groupBy(group, (r) => `${r.indicateur}|${r.unite}`).values()].map((readings) => {
      const nums = readings.map((r) => r.valeur as number);
      const min = Math.min(...nums);
      const max = Math.max(...nums);
      const first = readings[0]!;
      const text = min === max ? reading(first) : `${formatNumber(min)}–${formatNumber(max)}\u00a0${unit(first)}`;
      const sources = min === max
        ? [`${readings.length > 1 ? "Sources" : "Source"}\u00a0: ${[...new Set(readings.map((r) => rowSource(r, catalogue)))].join(" ; ")}`]
        : readings.map((r) => `${reading(r)} selon ${rowSource(r, catalogue)}`);
      return { indicator: String(first.indicateur), label: ctx.label("indicateur", first.indicateur), min, max, text, sources };
    });
    if (indicators.length > 1 && !options.stages)
      throw new Error(`département ${code} : attendu un seul indicateur par carte, trouvé ${indicators.map((i) => i.indicator).join(", ")} (deux mesures ne se fondent jamais en une valeur)`);
    const primary = indicators.reduce((a, b) => (b.max > a.max ? b : a));
    const years = [...new Set(group.map((r) => String(r.annee)))];
    const campaigns = [...new Set(group.filter((r) => r.campagne !== null).map((r) => String(r.campagne)))];
    const partial = options.partial?.includes(primary.indicator) ?? false;
    const details = [
      ...(indicators.length === 1 ? [primary.label, ...primary.sources] : indicators.flatMap((i) => [`${i.label}\u00a0: ${i.text}`, ...i.sources])),
      `Année ${years.join(", ")}${campaigns.length ? ` · campagne ${campaigns.join(", ")}` : ""}`
    ];
    const sourceIds = [...new Set(group.map((r) => String(r.source)))];
    return { code, min: primary.min, max: primary.max, text: primary.text, details, year: years.join(", "), sourceIds, ...(partial ? { mark: "*" } : {}) };
  });
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function requireCatalogue(ctx: ChartContext): Catalogue {
  if (!ctx.catalogue) throw new Error("une carte a besoin du catalogue (renderChart(spec, dataset, catalogue))");
  return ctx.catalogue;
}
