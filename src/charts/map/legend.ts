import { formatNumber } from "../../lib/format.ts";
import { BASEMAP_CREDIT } from "../../lib/geo.ts";
import { escapeHtml as esc } from "../../lib/html.ts";
import { textWidth, wrapText } from "../text.ts";
import type { Classes } from "./classes.ts";
import type { MapOptions } from "./model.ts";
import { INK_SOFT } from "./style.ts";

export interface LegendInput {
  options: MapOptions;
  classes: Classes;
  /** Pairs of classes drawn as stripes (two sources, two classes). */
  stripes: [number, number][];
  /** The map's pattern ids (« n.d. » hatch, stripes): `${map id}-${name}`. */
  pattern: (name: string) => string;
  /** Number of départements in the reference. */
  total: number;
  width: number;
  /** Baseline of the first line. */
  top: number;
  fontSize: number;
}

/**
 * The legend under a map, as SVG text laid out with the site's one text measurement (../text.ts):
 * what is measured, the year shown, the colour classes, what « n.d. » means and how many départements it
 * covers, how a range reads, footnotes, the count of départements with a value, and the basemap credit.
 */
export function mapLegend({ options, classes, stripes, pattern, total, width: W, top, fontSize: fs }: LegendInput): { markup: string; bottom: number } {
  const { values } = options;
  let y = top;
  const legend: string[] = [];
  for (const line of wrapText(options.legendTitle, W, fs, "sansBold")) {
    legend.push(`<text x="0" y="${y}" font-weight="700">${esc(line)}</text>`);
    y += fs + 6;
  }
  if (options.frames) {
    legend.push(`<text x="0" y="${y}" font-weight="700" class="so-carte__cadre">${esc(`${options.frames.label}\u00a0: ${options.frames.current}`)}</text>`);
    y += fs + 6;
  }
  y += 4;
  const swatch = (x: number, top: number, fill: string) => `<rect x="${x}" y="${top}" width="28" height="20" fill="${fill}" stroke="${INK_SOFT}" stroke-width=".6"/>`;
  let x = 0;
  classes.labels.forEach((label, i) => {
    const w = 36 + textWidth(label, fs) + 18;
    if (x > 0 && x + w > W) {
      x = 0;
      y += fs + 14;
    }
    legend.push(swatch(x, y - 16, classes.colors[i]!), `<text x="${x + 36}" y="${y}">${esc(label)}</text>`);
    x += w;
  });
  y += fs + 14;
  const missingCount = total - values.length;
  const items: [string | undefined, string][] = [];
  if (missingCount > 0) items.push([`url(#${pattern("nd")})`, `n.d.\u00a0: ${formatNumber(missingCount)} département${missingCount > 1 ? "s" : ""} ${options.missing}`]);
  const range = values.find((v) => v.min !== v.max);
  if (range) {
    const [a, b] = stripes[0] ?? [];
    const example = range.text.replace(/\u00a0\S+$/u, "");
    items.push([a !== undefined ? `url(#${pattern(`div-${a}-${b}`)})` : undefined, `« ${example} »\u00a0: deux sources, deux valeurs (fourchette${a !== undefined ? " ; rayures quand elles tombent dans deux classes" : ""})`]);
  }
  for (const note of options.footnotes ?? []) items.push([undefined, note]);
  for (const [fill, label] of items) {
    const indent = fill ? 36 : 0;
    for (const [j, line] of wrapText(label, W - indent, fs).entries()) {
      if (j === 0 && fill) legend.push(swatch(0, y - 16, fill));
      legend.push(`<text x="${indent}" y="${y}">${esc(line)}</text>`);
      y += fs + 6;
    }
    y += 6;
  }
  const count = `Valeur connue pour ${formatNumber(values.length)} département${values.length > 1 ? "s" : ""} sur ${formatNumber(total)}.`;
  legend.push(`<text x="0" y="${y}" font-weight="700">${esc(count)}</text>`);
  y += fs + 10;
  for (const line of wrapText(`${BASEMAP_CREDIT}. Outre-mer et zoom sur Paris à des échelles différentes.`, W, 15)) {
    legend.push(`<text x="0" y="${y}" font-size="15" fill="${INK_SOFT}">${esc(line)}</text>`);
    y += 20;
  }
  return { markup: legend.join(""), bottom: y };
}
