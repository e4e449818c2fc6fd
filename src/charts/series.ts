import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import { seriesClass, type ChartContext } from "./define.ts";
import { readingLines, sourcesLine, tip, yearFormat } from "./helpers.ts";
import { groupReadings, isRange, valuesWithSources, type ReadingGroup } from "./readings.ts";
import { COLORS } from "./style.ts";

export interface ScopeSeriesOptions {
  /** Columns identifying one figure, the source aside (e.g. annee, risque, mesure, perimetre). */
  key: string[];
  /** The series of a row (its scope: two series are never joined by a line). */
  serie: (row: Row) => string;
  /** Comparable value of a row, in the unit of the y axis. */
  value: (row: Row) => number | null;
  /** A reading as written in tooltips (« 285 886 324 journées », « 10,2 Md€ »). */
  reading: (row: Row) => string;
  /** The value range in the y unit, for the tooltip heading (« 7,6 à 7,7 Md€ »). */
  format: (min: number, max: number) => string;
  /** Heading of a point's tooltip (« 2017 · Cour des comptes… »). */
  heading: (group: ReadingGroup) => string;
  /** Colour and shape of each series. */
  color: (serie: string) => string;
  /** Series drawn as hollow rings (scope not stated), never joined by a line. */
  unjoined?: (serie: string) => boolean;
  yLabel: string;
  height?: number;
}

interface Point {
  group: ReadingGroup;
  serie: string;
  year: number;
  x: number;
  min: number;
  max: number;
  values: number[];
}

/**
 * Published figures by year, one series per scope. A point per figure (a vertical range when sources
 * disagree), a line only between two consecutive years of the same scope: a gap in the years is never
 * bridged, and two scopes are never joined. Points of several scopes in one year are set side by side.
 */
export function scopeSeries(rows: Row[], ctx: ChartContext, o: ScopeSeriesOptions): PlotOptions {
  const groups = groupReadings(rows, o.key, o.value).filter((g) => g.min !== null && g.max !== null);
  const series = [...new Set(groups.map((g) => o.serie(g.rows[0]!)))];
  const points: Point[] = groups.map((g) => {
    const first = g.rows[0]!;
    return { group: g, serie: o.serie(first), year: Number(first.annee), x: Number(first.annee), min: g.min!, max: g.max!, values: valuesWithSources(g).map((v) => v.value) };
  });
  // Side by side within a year, in series order.
  const spread = ctx.narrow ? 0.32 : 0.24;
  for (const year of new Set(points.map((p) => p.year))) {
    const here = points.filter((p) => p.year === year).sort((a, b) => series.indexOf(a.serie) - series.indexOf(b.serie));
    here.forEach((p, i) => (p.x = year + (i - (here.length - 1) / 2) * spread));
  }
  const segments: { x1: number; x2: number; y1: number; y2: number; serie: string }[] = [];
  for (const serie of series) {
    if (o.unjoined?.(serie)) continue;
    const own = points.filter((p) => p.serie === serie).sort((a, b) => a.year - b.year);
    for (let i = 1; i < own.length; i++) {
      const a = own[i - 1]!;
      const b = own[i]!;
      if (b.year - a.year !== 1) continue;
      for (const va of a.values) for (const vb of b.values) segments.push({ x1: a.x, x2: b.x, y1: va, y2: vb, serie });
    }
  }
  const tipOf = (p: Point) =>
    tip(o.heading(p.group), isRange(p.group) ? `${o.format(p.min, p.max)} selon les sources` : undefined, p.group.rows.length > 1 || isRange(p.group) ? readingLines(p.group, ctx, o.reading) : [o.reading(p.group.rows[0]!), sourcesLine(p.group, ctx)]);
  const years = points.map((p) => p.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const step = ctx.narrow ? (y1 - y0 > 10 ? 5 : 2) : y1 - y0 > 10 ? 2 : 1;
  // Few years: tick the years that have points; many: a regular step.
  const distinct = [...new Set(years)].sort((a, b) => a - b);
  const ticks: number[] = distinct.length <= 6 ? distinct : [];
  if (!ticks.length) for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) ticks.push(y);
  const max = Math.max(...points.map((p) => p.max));
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: COLORS.ink })];
  for (const serie of series) {
    const className = seriesClass(serie);
    const color = o.color(serie);
    const hollow = o.unjoined?.(serie) ?? false;
    const own = points.filter((p) => p.serie === serie);
    const single = own.filter((p) => p.min === p.max);
    const ranges = own.filter((p) => p.min !== p.max);
    marks.push(
      Plot.link(segments.filter((s) => s.serie === serie), { x1: "x1", x2: "x2", y1: "y1", y2: "y2", stroke: color, strokeWidth: 2, className }),
      Plot.ruleX(ranges, { x: "x", y1: "min", y2: "max", stroke: color, strokeWidth: 4, strokeLinecap: "round", title: tipOf, className }),
      Plot.dot(
        ranges.flatMap((p) => p.values.map((v) => ({ x: p.x, y: v }))),
        { x: "x", y: "y", r: ctx.narrow ? 3.5 : 4, fill: color, stroke: "#fff", strokeWidth: 1, pointerEvents: "none", className }
      ),
      Plot.dot(single, { x: "x", y: "min", r: ctx.narrow ? 4 : 4.5, fill: hollow ? "#fff" : color, stroke: hollow ? color : "#fff", strokeWidth: hollow ? 2 : 1, title: tipOf, className })
    );
  }
  return {
    height: o.height ?? (ctx.narrow ? 300 : 340),
    marginLeft: 40,
    marginRight: ctx.narrow ? 12 : 20,
    marginTop: 28,
    x: { domain: [y0 - 0.7, y1 + 0.7], ticks, tickFormat: yearFormat, label: null },
    y: { domain: [0, max * 1.08], nice: true, grid: true, label: o.yLabel, labelAnchor: "top", labelArrow: "none", tickFormat: (d: number) => formatNumber(d) },
    marks
  };
}
