import type { PlotOptions } from "@observablehq/plot";
import type { Catalogue } from "../lib/catalogue.ts";
import type { Cell, Dataset, Row } from "../lib/dataset.ts";
import type { Source } from "../lib/sources.ts";
import type { HeadlineClaim } from "./headline.ts";

/**
 * One chart, declared once. The same declaration feeds the article figure, the chart page,
 * the embed, the table and the downloads, so what is drawn and what is downloaded never drift apart.
 */
export interface ChartSpec {
  id: string;
  /**
   * What draws it: Plot (`plot`) or the départemental map renderer (`map`, set by defineMap). Declared,
   * never guessed from the markup: pages, credits and checks ask this field.
   */
  kind?: ChartKind;
  /** Id of the dataset in data/ the rows come from. */
  dataset: string;
  title: string;
  /**
   * Fingerprint of the rows drawn when the title was last read against them (rowsFingerprint in
   * headline.ts). When the rows change, data:check names the chart and its title, and the build stops until
   * someone re-reads the title and stores the new value (npm run data:check -- --accept-headlines).
   */
  reviewedRows?: string;
  /** The directions the title states (« ont reculé… »), each checked against the rows drawn (claims.ts). */
  claims?: HeadlineClaim[];
  /** What is measured, in which unit and scope: shown under the title. */
  subtitle: string;
  /**
   * Text alternative: what the chart shows, for screen readers and the no-image reading. When `describe`
   * is given, this is only its fallback: keep figures out of it, they belong to `describe`.
   */
  alt: string;
  /** The text alternative written from the rows drawn, so that its figures are the data's. */
  describe?: (rows: Row[], ctx: ChartContext) => string;
  notes?: string[];
  /** Heading under which the chart is listed on /graphiques/ (« Dépenses », « Contrôles »…). */
  theme?: string;
  /** The rows drawn: exactly what the table shows and the CSV download holds. */
  rows: (dataset: Dataset) => Row[];
  /**
   * The columns of those rows that the table and the CSV show, when the chart draws only some of a wide
   * dataset (a map of one indicator); every column by default. `source` and provenance columns belong here.
   */
  columns?: string[];
  /** Rows → Plot options (marks, scales). Plot's `document` is supplied by the renderer. */
  plot?: (rows: Row[], ctx: ChartContext) => PlotOptions;
  /**
   * Rows → finished SVG markup, for drawings Plot does not make (maps): used as is, instead of `plot`.
   * The markup must name itself and escape every text.
   */
  svg?: (rows: Row[], ctx: ChartContext) => string;
  /** Credit line added after « Graphique : Sous objectif. » (basemap, fonts…). */
  credit?: string;
  /**
   * Also draw a narrow version (ctx.narrow, ctx.width = NARROW_WIDTH) shown instead of the wide one
   * in narrow columns, so that labels stay legible on a phone instead of shrinking with the picture.
   */
  responsive?: boolean;
  /** The series, named as the legend under the chart says them; with JavaScript they become toggles. */
  legend?: (rows: Row[], ctx: ChartContext) => LegendItem[];
  /**
   * How rows are readings of the same figure (same key but the source): tables then say where sources
   * disagree. Defaults to the dataset key without `source`, values from `valeur`.
   */
  readings?: ChartReadings;
}

export interface ChartReadings {
  /** Columns that identify one published figure, the source aside. */
  key: string[];
  /** Comparable value of a row (e.g. converted to one unit); defaults to `valeur`. */
  value?: (row: Row) => number | null;
  /** How a value of that figure reads (« 1 200 médecins »); defaults to the number and the row's unit. */
  format?: (value: number, row: Row) => string;
  /**
   * Readings the chart draws apart from the range, with the reason (said in the tooltip and the table):
   * returns the reason for such a row, undefined for the others.
   */
  apart?: (row: Row, rows: Row[]) => string | undefined;
}

export interface LegendItem {
  /** Series key: marks of the series carry the class `serie--<key>` (see seriesClass). */
  key: string;
  label: string;
  /** Rest of the series definition (the metadata label after its name), shown in smaller type. */
  detail?: string;
  color: string;
  shape?: "dot" | "ring" | "line" | "bar";
}

export interface ChartContext {
  /** French label of a code, from the dataset's column dictionary (« at-mp » → « Accidents du travail… »). */
  label: (column: string, code: Cell | undefined) => string;
  /** The dataset the rows come from (metadata: labels, key, scope). */
  dataset?: Dataset;
  /** Every dataset and source (maps need the départements reference). */
  catalogue?: Catalogue;
  /** A source of data/sources/, by id. */
  source?: (id: string) => Source | undefined;
  /** True when drawing the narrow version of a responsive chart. */
  narrow?: boolean;
  /** Width the chart is drawn at, in pixels. */
  width?: number;
}

export type ChartKind = "plot" | "map";

export function defineChart(spec: ChartSpec): ChartSpec & { kind: ChartKind } {
  return { ...spec, kind: spec.kind ?? "plot" };
}

/** Width of the wide and the narrow drawings, in SVG pixels. */
export const WIDE_WIDTH = 720;
export const NARROW_WIDTH = 340;

/** Class name of the marks of a series, which legend toggles show and hide. */
export function seriesClass(key: string): string {
  return `serie serie--${key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}
