import type { PlotOptions } from "@observablehq/plot";
import type { Cell, Dataset, Row } from "../lib/dataset.ts";

/**
 * One chart, declared once. The same declaration feeds the article figure, the chart page,
 * the embed, the table and the downloads, so what is drawn and what is downloaded never drift apart.
 */
export interface ChartSpec {
  id: string;
  /** Id of the dataset in data/ the rows come from. */
  dataset: string;
  title: string;
  /** What is measured, in which unit and scope: shown under the title. */
  subtitle: string;
  /** Text alternative: what the chart shows, for screen readers and the no-image reading. */
  alt: string;
  notes?: string[];
  /** The rows drawn: exactly what the table shows and the CSV download holds. */
  rows: (dataset: Dataset) => Row[];
  /** Rows → Plot options (marks, scales). Plot's `document` is supplied by the renderer. */
  plot: (rows: Row[], ctx: ChartContext) => PlotOptions;
}

export interface ChartContext {
  /** French label of a code, from the dataset's column dictionary (« at-mp » → « Accidents du travail… »). */
  label: (column: string, code: Cell) => string;
}

export function defineChart(spec: ChartSpec): ChartSpec {
  return spec;
}
