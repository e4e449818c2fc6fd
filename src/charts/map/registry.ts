import type { Catalogue } from "../../lib/catalogue.ts";
import type { Row } from "../../lib/dataset.ts";
import type { ChartContext, ChartSpec } from "../define.ts";
import type { MapFrames, MapOptions } from "./model.ts";

/** A map chart: the fields of any chart, and what to draw (values, legend) instead of Plot options. */
export interface MapSpec {
  id: string;
  dataset: string;
  title: string;
  reviewedRows?: ChartSpec["reviewedRows"];
  claims?: ChartSpec["claims"];
  /** Short name of the map, for lists and headings (« Médecins visés, campagne 2023 »). */
  heading: string;
  subtitle: string;
  /** Fallback text alternative, without figures: the one read is written from the values (describeMap). */
  alt: string;
  notes?: string[];
  rows: ChartSpec["rows"];
  columns?: ChartSpec["columns"];
  /** Called with the rows of one frame (one year) when `frames` is set, with every row otherwise. */
  map: (rows: Row[], ctx: ChartContext, catalogue: Catalogue) => Omit<MapOptions, "id" | "title" | "alt">;
  /**
   * One frame per value of `column` (a year control): the last frame is drawn, every frame shares one set
   * of colour classes (so that colours compare across years), and JavaScript switches between them.
   */
  frames?: Omit<MapFrames, "keys" | "current" | "values" | "lines"> & { column: string };
}


export type MapBuilder = (rows: Row[], ctx: ChartContext) => { options: MapOptions; catalogue: Catalogue };

/** Every declared map, by chart id, with the function that turns its rows into what mapSvg draws. */
const maps = new Map<string, { spec: MapSpec; build: MapBuilder }>();

export function registerMap(spec: MapSpec, build: MapBuilder): void {
  maps.set(spec.id, { spec, build });
}

export function mapSpec(id: string): MapSpec | undefined {
  return maps.get(id)?.spec;
}

export function mapBuilder(id: string): MapBuilder | undefined {
  return maps.get(id)?.build;
}
