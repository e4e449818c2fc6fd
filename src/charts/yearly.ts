import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { formatNumber } from "../lib/format.ts";
import { seriesClass, type ChartContext } from "./define.ts";
import { yearFormat } from "./helpers.ts";
import { COLORS } from "./style.ts";
import { textWidth } from "./text.ts";

export interface YearlyPoint {
  year: number;
  /** null: missing (secret, not published); the line breaks there, nothing is drawn in its place. */
  value: number | null;
  /** Tooltip: the figure, its year, its provenance. */
  tip: string;
}

export interface YearlySeries {
  key: string;
  label: string;
  color: string;
  points: YearlyPoint[];
  /** The series the chart is about: drawn thicker, labelled first. */
  strong?: boolean;
}

export interface YearlyOptions {
  yLabel: string;
  /** Tick labels of the y axis (« 10 », « 120 »). */
  tick?: (n: number) => string;
  /** Start the y axis at zero (amounts), or fit the values (indices). */
  zero?: boolean;
  /** A reference value drawn as a rule (100 for an index). */
  rule?: number;
  /** Label each series at its last point, instead of a legend only. */
  endLabels?: boolean;
  height?: number;
}

/**
 * A complete annual series, one line per series, a dot on every published year: the shape of the Cnam
 * files (every year present). A missing year breaks its line instead of being bridged.
 */
export function yearlyLines(series: YearlySeries[], ctx: ChartContext, o: YearlyOptions): PlotOptions {
  const all = series.flatMap((s) => s.points);
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value).filter((v): v is number => v !== null);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const step = ctx.narrow ? 4 : 2;
  const ticks: number[] = [];
  for (let y = y0; y <= y1; y += step) ticks.push(y);
  if (ticks.at(-1) !== y1 && !ctx.narrow) ticks.push(y1);
  const marks: Plot.Markish[] = [];
  if (o.zero ?? true) marks.push(Plot.ruleY([0], { stroke: COLORS.ink }));
  if (o.rule !== undefined) marks.push(Plot.ruleY([o.rule], { stroke: COLORS.inkSoft, strokeDasharray: "3,3" }));
  // Weak series first, so that the strong one is drawn on top.
  for (const s of [...series].sort((a, b) => Number(a.strong ?? false) - Number(b.strong ?? false))) {
    const className = seriesClass(s.key);
    const data = s.points.map((p) => ({ ...p, y: p.value ?? undefined }));
    marks.push(
      Plot.lineY(data, { x: "year", y: "y", stroke: s.color, strokeWidth: s.strong ? 3 : 1.6, className }),
      Plot.dot(data.filter((p) => p.value !== null), { x: "year", y: "y", r: s.strong ? 4 : 2.6, fill: s.color, stroke: "#fff", strokeWidth: 1, title: "tip", className })
    );
    if (o.endLabels) {
      const last = [...data].reverse().find((p) => p.value !== null);
      if (last)
        marks.push(Plot.text([last], { x: "year", y: "y", text: () => s.label, dx: 8, textAnchor: "start", fill: s.color, fontWeight: s.strong ? 700 : 400, className }));
    }
  }
  const min = Math.min(...values);
  const max = Math.max(...values);
  return {
    height: o.height ?? (ctx.narrow ? 300 : 360),
    marginLeft: 44,
    // End labels get the room they take (in the widest usual font), plus the 8 px gap from their dot.
    marginRight: o.endLabels ? Math.ceil(Math.max(0, ...series.map((s) => textWidth(s.label, 12, s.strong ? "sansBold" : "sans")))) + 12 : ctx.narrow ? 12 : 20,
    marginTop: 28,
    x: { domain: [y0 - 0.4, y1 + 0.4], ticks, tickFormat: yearFormat, label: null },
    y: {
      domain: o.zero ?? true ? [0, max * 1.08] : [Math.min(min, o.rule ?? min) * 0.95, max * 1.05],
      nice: true,
      grid: true,
      label: o.yLabel,
      labelAnchor: "top",
      labelArrow: "none",
      tickFormat: o.tick ?? ((d: number) => formatNumber(d))
    },
    marks
  };
}
