import { formatNumber } from "../../lib/format.ts";
import { BASEMAP_CREDIT } from "../../lib/geo.ts";
import { escapeHtml as esc } from "../../lib/html.ts";
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
}

/** A swatch as the map paints it (a colour, or one of its patterns, which live in the map's <defs> on the same page). */
const swatch = (fill: string) =>
  `<svg width="28" height="20" aria-hidden="true" data-swatch="${esc(fill)}"><rect x=".5" y=".5" width="27" height="19" fill="${esc(fill)}" stroke="${INK_SOFT}" stroke-width=".6"/></svg>`;

/**
 * The legend under a map, in HTML outside the SVG, so that it wraps and keeps the page's text size at any
 * width (in the SVG it shrank with the drawing, to 9 px on a phone): what is measured, the year shown, the
 * colour classes, what « n.d. » means and how many départements it covers, how a range reads, footnotes,
 * the count of départements with a value, and the basemap credit. Pictures draw the same lines
 * (src/charts/picture.ts reads them back: a swatch's fill is in data-swatch).
 */
export function mapLegend({ options, classes, stripes, pattern, total }: LegendInput): string {
  const { values } = options;
  const parts: string[] = [`<div class="so-carte__legende">`, `<p><strong>${esc(options.legendTitle)}</strong></p>`];
  if (options.frames) parts.push(`<p><strong class="so-carte__cadre">${esc(`${options.frames.label}\u00a0: ${options.frames.current}`)}</strong></p>`);
  parts.push(`<ul class="so-carte__classes">${classes.labels.map((label, i) => `<li>${swatch(classes.colors[i]!)}${esc(label)}</li>`).join("")}</ul>`);
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
  if (items.length) parts.push(`<ul class="so-carte__notes">${items.map(([fill, label]) => `<li>${fill ? swatch(fill) : ""}${esc(label)}</li>`).join("")}</ul>`);
  parts.push(`<p><strong>${esc(`Valeur connue pour ${formatNumber(values.length)} département${values.length > 1 ? "s" : ""} sur ${formatNumber(total)}.`)}</strong></p>`);
  parts.push(`<p class="so-carte__credit">${esc(`${BASEMAP_CREDIT}. Outre-mer et zoom sur Paris à des échelles différentes.`)}</p>`, `</div>`);
  return parts.join("");
}
