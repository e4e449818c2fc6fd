import type { Catalogue } from "../../lib/catalogue.ts";
import { labelOf, type Dataset, type Row } from "../../lib/dataset.ts";
import { formatNumber } from "../../lib/format.ts";
import { BASEMAP_CREDIT } from "../../lib/geo.ts";
import { defineChart, type ChartContext, type ChartSpec } from "../define.ts";
import { classify } from "./classes.ts";
import { mapSvg } from "./draw.ts";
import { frameKeys } from "./frames.ts";
import type { MapFrames, MapOptions, MapValue } from "./model.ts";
import { requireCatalogue } from "./observations.ts";
import { mapSpec, registerMap, type MapSpec } from "./registry.ts";

/** Declares a map: one chart like the others (same fields, same registry), drawn by mapSvg. */
export function defineMap(spec: MapSpec): ChartSpec {
  const build = (rows: Row[], ctx: ChartContext) => {
    const catalogue = requireCatalogue(ctx);
    if (!spec.frames) return { options: { ...spec.map(rows, ctx, catalogue), id: spec.id }, catalogue };
    const { column, ...rest } = spec.frames;
    const keys = frameKeys(rows, column);
    const drawn = keys.map((k) => spec.map(rows.filter((r) => String(r[column]) === k), ctx, catalogue));
    const codes = [...new Set(drawn.flatMap((d) => d.values.map((v) => v.code)))].sort();
    const at = (i: number) => new Map(drawn[i]!.values.map((v) => [v.code, v]));
    const byFrame = keys.map((_, i) => at(i));
    const frames: MapFrames = {
      ...rest,
      keys,
      current: keys.at(-1)!,
      values: Object.fromEntries(codes.map((c) => [c, byFrame.map((m) => m.get(c)?.min ?? null)])),
      lines: Object.fromEntries(codes.map((c) => [c, byFrame.map((m) => m.get(c)?.line ?? null)]))
    };
    const classes = classify(drawn.flatMap((d) => d.values));
    return { options: { ...drawn.at(-1)!, classes, frames, id: spec.id }, catalogue };
  };
  registerMap(spec, build);
  const describe = (rows: Row[], ctx: ChartContext) => {
    const { options, catalogue } = build(rows, ctx);
    return describeMap(options, catalogue);
  };
  return defineChart({
    id: spec.id,
    kind: "map",
    dataset: spec.dataset,
    title: spec.title,
    ...(spec.reviewedRows ? { reviewedRows: spec.reviewedRows } : {}),
    ...(spec.claims ? { claims: spec.claims } : {}),
    subtitle: spec.subtitle,
    alt: spec.alt,
    ...(spec.notes ? { notes: spec.notes } : {}),
    theme: "Cartes",
    credit: BASEMAP_CREDIT,
    rows: spec.rows,
    ...(spec.columns ? { columns: spec.columns } : {}),
    describe,
    svg: (rows, ctx) => {
      const { options, catalogue } = build(rows, ctx);
      return mapSvg({ ...options, title: spec.title, alt: describeMap(options, catalogue) }, catalogue);
    }
  });
}

/**
 * The text alternative of a map, written from its values: how many départements have one and, when
 * they are few, each of them with its value; when they are many, the classes and the two ends.
 */
export function describeMap(options: MapOptions, catalogue: Catalogue): string {
  const reference = catalogue.datasets.get("departements");
  const names = new Map((reference?.rows ?? []).map((r) => [String(r.code), String(r.nom)]));
  const total = names.size;
  const { values } = options;
  const named = (v: MapValue) => `${names.get(v.code) ?? v.code} (${v.code})\u00a0: ${v.text}${v.mark ? " (chiffre partiel)" : ""}`;
  const missing = total - values.length;
  const frame = options.frames ? ` ${options.frames.label}\u00a0: ${options.frames.current} (les autres années sont dans le tableau).` : "";
  const head = `Carte des ${formatNumber(total)} départements, outre-mer compris. ${options.legendTitle}.${frame}`;
  const tail = missing === 1 ? ` L’autre département est hachuré «\u00a0n.d.\u00a0»\u00a0: ${options.missingDetail}.` : missing > 0 ? ` Les ${formatNumber(missing)} autres départements sont hachurés «\u00a0n.d.\u00a0»\u00a0: ${options.missingDetail}.` : "";
  if (values.length === 0) return `${head} Aucun département n'a de valeur.${tail}`;
  if (values.length <= 12) {
    const sorted = [...values].sort((a, b) => b.max - a.max || a.code.localeCompare(b.code));
    return `${head} Valeur connue pour ${formatNumber(values.length)} département${values.length > 1 ? "s" : ""}\u00a0: ${sorted.map(named).join(" ; ")}.${tail}`;
  }
  const classes = classify(values);
  const low = values.reduce((a, b) => (b.min < a.min ? b : a));
  const high = values.reduce((a, b) => (b.max > a.max ? b : a));
  return `${head} Valeur connue pour ${formatNumber(values.length)} départements, colorés en ${classes.labels.length} classes, du plus clair au plus foncé\u00a0: ${classes.labels.join(" ; ")}. Valeur la plus basse\u00a0: ${named(low)}. La plus haute\u00a0: ${named(high)}.${tail} Le tableau donne la valeur de chaque département.`;
}

/** Whether a chart is one of the maps. */
export function isMap(id: string): boolean {
  return mapSpec(id) !== undefined;
}

/** Short name of a map (its title when it is not a map). */
export function mapHeading(id: string): string | undefined {
  return mapSpec(id)?.heading;
}

/** The values a map draws, by département code, for tables and département pages (undefined: not a map). */
export function mapValues(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): Map<string, MapValue> | undefined {
  const spec = mapSpec(id);
  if (!spec) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const drawn = spec.frames ? rows.filter((r) => String(r[spec.frames!.column]) === frameKeys(rows, spec.frames!.column).at(-1)) : rows;
  return new Map(spec.map(drawn, ctx, catalogue).values.map((v) => [v.code, v]));
}

/** Every frame of a map with a control, for the table under it: frame keys, and the values of each. */
export function mapFrameValues(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): { label: string; keys: string[]; values: Map<string, MapValue>[] } | undefined {
  const spec = mapSpec(id);
  if (!spec?.frames) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const keys = frameKeys(rows, spec.frames.column);
  return {
    label: spec.frames.label,
    keys,
    values: keys.map((k) => new Map(spec.map(rows.filter((r) => String(r[spec.frames!.column]) === k), ctx, catalogue).values.map((v) => [v.code, v])))
  };
}