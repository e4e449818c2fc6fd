import type { Catalogue } from "../../lib/catalogue.ts";
import { labelOf, type Dataset, type Row } from "../../lib/dataset.ts";
import { escapeHtml as esc } from "../../lib/html.ts";
import { routes } from "../../lib/routes.ts";
import type { ChartContext } from "../define.ts";
import type { MapOptions } from "./model.ts";
import { mapBuilder } from "./registry.ts";

/**
 * What the page knows of the frames without loading them: where they are, which keys, which is drawn.
 * The values themselves are a separate file (routes.chartFrames), fetched by the year control only, so
 * that a page of maps does not carry fifteen years of every map it shows.
 */
export function framesAttributes(options: MapOptions): string {
  const f = options.frames;
  if (!f) return "";
  return ` data-cadres="${esc(routes.chartFrames(options.id))}" data-cadres-cles="${esc(f.keys.join(" "))}" data-cadres-courant="${esc(f.current)}" data-cadres-param="${esc(f.param)}" data-cadres-nom="${esc(f.label)}"`;
}

/** The year control's data for a map with frames: classes, and every frame's values and lines. */
export function mapFramesJson(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): string | undefined {
  const build = mapBuilder(id);
  if (!build) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const { options } = build(rows, ctx);
  if (!options.frames || !options.classes) return undefined;
  const { colors, breaks, singles } = options.classes;
  return JSON.stringify({ ...options.frames, colors, breaks, singles });
}

/** The values of a frame column, in order: the last one is the frame drawn. */
export function frameKeys(rows: Row[], column: string): string[] {
  return [...new Set(rows.map((r) => String(r[column])))].sort();
}
