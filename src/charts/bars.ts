import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import { NARROW_WIDTH, WIDE_WIDTH, seriesClass, type ChartContext } from "./define.ts";
import { COLORS } from "./style.ts";
import { textWidth, wrapText } from "./text.ts";

/** One bar of a labelled bar list: the label above, the bar, the value at its end. */
export interface BarItem {
  /** Heading of a group of bars; a heading is drawn whenever it changes. */
  section?: string;
  /** Text above the bar (wrapped to the width). */
  label: string;
  /** Lowest and highest reading: a range when they differ; null = missing (« n.d. », no bar). */
  min: number | null;
  max: number | null;
  /** Distinct readings, marked by ticks on a range. */
  values?: number[];
  /** Value written at the end of the bar (« 965–1 200 », « 10,2 Md€ »). */
  valueText: string;
  /** Tooltip: what the bar is, its value and its sources. */
  tip: string;
  color?: string;
  /** A part of the bar above it (« dont … »): its label is indented. */
  indent?: boolean;
  /** Bars of the same scale group share one length scale (a group per unit); default: one for all. */
  scale?: string;
  /** Lowest maximum of the scale group (100 for shares in %), so that a lone bar is not drawn full length. */
  domainMax?: number;
  /** Short label (a year) written left of the bar instead of above it. */
  inline?: boolean;
  /** Series key, for legend toggles. */
  serie?: string;
  /**
   * Readings kept out of the bar's range because the chart's notes give a reason (e.g. a figure that,
   * according to another source, measures something else): drawn as rings on the same line, labelled.
   */
  outliers?: { value: number; text: string }[];
}

const FONT = 13;
const LINE = 16;

/**
 * A list of horizontal bars with their labels above them, laid out in pixels so that long French labels
 * wrap instead of being cut, at any width. Each group of bars shares a length scale; values are written
 * at the end of each bar, so no axis is needed. Ranges (sources that disagree) are a solid bar up to the
 * lowest reading and a lighter extension up to the highest, with a tick at each reading.
 */
export function barList(items: BarItem[], ctx: ChartContext): PlotOptions {
  const width = ctx.width ?? (ctx.narrow ? NARROW_WIDTH : WIDE_WIDTH);
  const barHeight = ctx.narrow ? 14 : 16;
  const valueRoom = Math.max(...items.map((i) => textWidth(i.valueText, FONT, "sansBold"))) + 8;
  const inlineWidth = Math.max(0, ...items.filter((i) => i.inline).map((i) => textWidth(i.label, FONT) + 8));
  const barMax = width - valueRoom - 2 - inlineWidth;
  const groupMax = new Map<string, number>();
  for (const i of items) {
    if (i.max === null) continue;
    if (i.max < 0 || (i.min ?? 0) < 0) throw new Error(`barList : valeur négative pour « ${i.label} »`);
    const g = i.scale ?? "";
    groupMax.set(g, Math.max(groupMax.get(g) ?? 0, i.max, i.domainMax ?? 0, ...(i.outliers ?? []).map((o) => o.value)));
  }
  const length = (i: BarItem, v: number) => {
    const max = groupMax.get(i.scale ?? "") ?? 1;
    return max === 0 ? 0 : (v / max) * barMax;
  };

  const headers: { x: number; y: number; text: string }[] = [];
  const labels: { x: number; y: number; text: string }[] = [];
  const bars: (BarItem & { x1: number; x2: number; y1: number; y2: number })[] = [];
  const ticks: { x: number; y1: number; y2: number; serie?: string }[] = [];
  const values: { x: number; y: number; text: string; missing: boolean; serie?: string }[] = [];
  const rings: { x: number; y: number; color: string; serie?: string }[] = [];
  const ringLabels: { x: number; y: number; text: string; anchor: "start" | "end"; serie?: string }[] = [];
  let y = 2;
  let section: string | undefined;
  for (const item of items) {
    if (item.section !== undefined && item.section !== section) {
      if (section !== undefined || bars.length > 0 || labels.length > 0) y += 14;
      section = item.section;
      const lines = wrapText(section, width, 13, "sansBold");
      headers.push({ x: 0, y, text: lines.join("\n") });
      y += lines.length * 17 + 5;
    }
    const indent = item.indent ? 14 : 0;
    const x0 = item.inline ? inlineWidth : 0;
    if (item.inline) labels.push({ x: 0, y: y + (barHeight - LINE) / 2 + 1, text: item.label });
    else {
      const lines = wrapText(item.label, width - indent, FONT);
      labels.push({ x: indent, y, text: lines.join("\n") });
      y += lines.length * LINE + 2;
    }
    const y1 = y;
    const y2 = y + barHeight;
    const mid = y + barHeight / 2;
    let below = 0; // room taken by an outlier's label moved under the bar
    if (item.max === null || item.min === null) {
      values.push({ x: x0, y: mid, text: "n.d.", missing: true });
    } else {
      const x2 = x0 + Math.max(length(item, item.max), 1);
      bars.push({ ...item, x1: x0, x2, y1, y2 });
      if (item.min !== item.max) {
        for (const v of item.values ?? [item.min, item.max]) ticks.push({ x: x0 + length(item, v), y1: y1 - 3, y2: y2 + 3, serie: item.serie });
      }
      values.push({ x: x2 + 6, y: mid, text: item.valueText, missing: false, serie: item.serie });
      for (const o of item.outliers ?? []) {
        const x = x0 + length(item, o.value);
        const w = textWidth(o.text, FONT);
        const left = x - 9 - w > x2 + 6 + textWidth(item.valueText, FONT, "sansBold") + 8;
        const right = x + 9 + w <= width;
        rings.push({ x, y: mid, color: item.color ?? COLORS.accent, serie: item.serie });
        if (left || right) ringLabels.push({ x: left ? x - 9 : x + 9, y: mid, text: o.text, anchor: left ? "end" : "start", serie: item.serie });
        // Neither beside the bar's value nor before the frame's edge: on a line of its own under the ring,
        // kept inside the frame (a narrow column cut « 5 000 : lecture contestée » at its right edge).
        else {
          ringLabels.push({ x: Math.max(0, Math.min(x - w / 2, width - w)), y: y2 + 4 + LINE / 2, text: o.text, anchor: "start", serie: item.serie });
          below = LINE + 4;
        }
      }
    }
    y = y2 + below + (ctx.narrow ? 11 : 12);
  }
  const height = Math.ceil(y + 2);
  const present = values.filter((v) => !v.missing);
  const missing = values.filter((v) => v.missing);
  const ranges = bars.filter((b) => b.min !== b.max);
  const fill = (d: BarItem) => d.color ?? COLORS.accent;
  return {
    width,
    height,
    margin: 0,
    x: { type: "identity", axis: null },
    y: { type: "identity", axis: null },
    color: { type: "identity" },
    opacity: { type: "identity" },
    marks: [
      Plot.text(headers, { x: "x", y: "y", text: "text", textAnchor: "start", lineAnchor: "top", fontSize: 13, fontWeight: 700, lineHeight: 17 / 13, fill: COLORS.ink }),
      Plot.text(labels, { x: "x", y: "y", text: "text", textAnchor: "start", lineAnchor: "top", fontSize: FONT, lineHeight: LINE / FONT, fill: COLORS.ink }),
      // One titled mark per bar, in reading order: the tooltips (and keyboard navigation) follow them.
      ...bySerie(bars, (data, className) => Plot.rect(data, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill, fillOpacity: (d: BarItem) => (d.min === d.max ? 1 : 0.3), title: "tip", className })),
      ...bySerie(ranges, (data, className) => Plot.rect(data, { x1: "x1", x2: (d: { min: number; x1: number } & BarItem) => d.x1 + Math.max(length(d, d.min), 1), y1: "y1", y2: "y2", fill, pointerEvents: "none", className })),
      ...bySerie(ticks, (data, className) => Plot.ruleX(data, { x: "x", y1: "y1", y2: "y2", stroke: COLORS.ink, strokeWidth: 1.5, pointerEvents: "none", className })),
      ...bySerie(present, (data, className) => Plot.text(data, { x: "x", y: "y", text: "text", textAnchor: "start", fontSize: FONT, fontWeight: 600, fill: COLORS.ink, fontVariant: "tabular-nums", className })),
      ...bySerie(rings, (data, className) => Plot.dot(data, { x: "x", y: "y", r: barHeight / 2 - 1, fill: "#fff", stroke: (d: { color: string }) => d.color, strokeWidth: 2, pointerEvents: "none", className })),
      ...bySerie(ringLabels.filter((l) => l.anchor === "end"), (data, className) => Plot.text(data, { x: "x", y: "y", text: "text", textAnchor: "end", fontSize: FONT, fill: COLORS.inkSoft, className })),
      ...bySerie(ringLabels.filter((l) => l.anchor === "start"), (data, className) => Plot.text(data, { x: "x", y: "y", text: "text", textAnchor: "start", fontSize: FONT, fill: COLORS.inkSoft, className })),
      Plot.text(missing, { x: "x", y: "y", text: "text", textAnchor: "start", fontSize: FONT, fontStyle: "italic", fill: COLORS.inkSoft })
    ]
  };
}

function bySerie<T extends { serie?: string }>(data: T[], make: (subset: T[], className?: string) => Plot.Markish): Plot.Markish[] {
  const keys = [...new Set(data.map((d) => d.serie))];
  return keys.map((k) => make(data.filter((d) => d.serie === k), k === undefined ? undefined : seriesClass(k)));
}
