import type { Catalogue } from "../lib/catalogue.ts";
import { labelOf, type Dataset, type Row } from "../lib/dataset.ts";
import { formatNumber } from "../lib/format.ts";
import { BASEMAP_CREDIT, labelAnchor, mapGeometry, type MapGeometry } from "../lib/geo.ts";
import { escapeHtml } from "../lib/html.ts";
import { routes } from "../lib/routes.ts";
import { defineChart, type ChartContext, type ChartSpec } from "./define.ts";
import { sourceLabel } from "./figure.ts";

/**
 * Départemental maps as static SVG. One function draws every map of the site, so they share one
 * legend, one way of showing what is missing (the « n.d. » hatch, never a low colour) and one way
 * of showing sources that disagree (stripes of both colours, the range in the label and the tooltip).
 *
 * Each département is a link to its page, named by its <title> (département, value, year, source):
 * the native tooltip without JavaScript, the accessible name always, the enhanced tooltip's text
 * with it (src/components/MapTooltip.astro). The <svg> is a named group, not an image, because it
 * holds links (an image's children are presentational: links inside one are an axe violation); it
 * names and describes itself (<title>, <desc>) as the renderer does for Plot charts.
 */

export interface MapValue {
  code: string;
  /** Lowest and highest reading: equal unless sources disagree. */
  min: number;
  max: number;
  /** The value as printed: « 13 médecins », « 12,2–12,8 jours ». */
  text: string;
  /** Tooltip lines under the value: what, when, which source. */
  details: string[];
  /** Appended to the label on the map (« * » for a partial count), explained by the map's footnote. */
  mark?: string;
  /** Year(s) the value refers to, for the table under the map. */
  year?: string;
  /** Sources of the value (ids of data/sources/), for the table under the map. */
  sourceIds?: string[];
  /** Line of the official file the value comes from (derived datasets): the year control's tooltips name it. */
  line?: number;
  /** The lines it is computed from, as the table under the map writes them, when more than `line`. */
  lineText?: string;
}

/**
 * A map with a control (the year): the current frame is drawn, every frame rides along as compact data
 * (values and raw lines, no geometry) that src/components/MapFrames.astro recolours the same drawing from.
 */
export interface MapFrames {
  /** What changes from frame to frame (« Année »); also the URL parameter, lowercased (?annee=2019). */
  label: string;
  param: string;
  keys: string[];
  current: string;
  unit: string;
  digits: number;
  /** Tooltip line under the value, followed by the frame key (« Part des IJ dans les prescriptions, 2019 »). */
  heading: string;
  /** Provenance, followed by the value's line number (« Source : Cnam (data.ameli.fr), ligne »). */
  source: string;
  /** By département code, frame by frame: value (null = n.d.) and raw line. */
  values: Record<string, (number | null)[]>;
  lines: Record<string, (number | null)[]>;
}

export interface MapOptions {
  id: string;
  /** The chart's title and text alternative: the <svg> names and describes itself. */
  title?: string;
  alt?: string;
  values: MapValue[];
  /** Legend heading: what is measured, its unit, year, campaign or scope. */
  legendTitle: string;
  /** Legend lines under the classes: how to read a mark, a choice made when drawing. */
  footnotes?: string[];
  /** What « n.d. » means on this map: « sans donnée », « aucun événement local recensé ». */
  missing: string;
  /** Tooltip line for a département without a value. */
  missingDetail: string;
  /** Values printed on the map; by default when few départements have one. */
  labels?: boolean;
  /** Colour classes fixed by the caller (e.g. over every year of a map with a year control). */
  classes?: Classes;
  frames?: MapFrames;
}

/** Sequential blues, from light to dark; the light end stays clearly apart from the grey n.d. hatch. */
const PALETTES: Record<number, string[]> = {
  1: ["#2a6fa8"],
  2: ["#8fbbdc", "#0b4680"],
  3: ["#a9cce4", "#4f8fc2", "#0b4680"],
  4: ["#c0d8ec", "#7fb0d6", "#3b7db8", "#0b4680"],
  5: ["#c6dbef", "#8fbbdc", "#5698c8", "#2a6fa8", "#0b4680"]
};
const INK = "#1b1f24";
const INK_SOFT = "#4a525c";
const ND_BG = "#f1efe9";
const ND_LINE = "#8a8f96";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
/** Average glyph width as a share of the font size, for wrapping and laying out legend text. */
const GLYPH = 0.6;

export interface Classes {
  /** Upper bounds (exclusive) of every class but the last; empty when classes are single values. */
  breaks: number[];
  /** Single values, when there are few: one class each. */
  singles: number[];
  colors: string[];
  labels: string[];
}

/** Rounds to two significant digits: class bounds read as round numbers (230 000, 12), not as data. */
export function roundSignificant(n: number, digits = 2): number {
  if (n === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(n))) - digits + 1);
  return Math.round(n / p) * p;
}

/**
 * Colour classes. Up to five distinct values: one class per value (every value is named in the
 * legend). More: up to five classes at the quantiles of the values, bounds rounded to two significant digits.
 */
export function classify(values: MapValue[], format: (n: number) => string = (n) => formatNumber(n)): Classes {
  const all = values.flatMap((v) => (v.min === v.max ? [v.min] : [v.min, v.max])).sort((a, b) => a - b);
  const distinct = [...new Set(all)];
  if (distinct.length <= 5) {
    const colors = PALETTES[Math.max(1, distinct.length)]!;
    return { breaks: [], singles: distinct, colors, labels: distinct.map(format) };
  }
  const k = Math.min(5, distinct.length);
  const min = distinct[0]!;
  const max = distinct[distinct.length - 1]!;
  const breaks = [
    ...new Set(
      Array.from({ length: k - 1 }, (_, i) => {
        const q = ((i + 1) / k) * (all.length - 1);
        const lo = all[Math.floor(q)]!;
        const hi = all[Math.ceil(q)]!;
        return roundSignificant(lo + (hi - lo) * (q - Math.floor(q)));
      })
    )
  ]
    .filter((b) => b > min && b <= max)
    .sort((a, b) => a - b);
  const colors = PALETTES[breaks.length + 1]!;
  const labels = breaks.length === 0 ? [format(min)] : [
    `moins de ${format(breaks[0]!)}`,
    ...breaks.slice(1).map((b, i) => `de ${format(breaks[i]!)} à moins de ${format(b)}`),
    `${format(breaks[breaks.length - 1]!)} ou plus`
  ];
  return { breaks, singles: [], colors, labels };
}

export function classOf(classes: Classes, n: number): number {
  if (classes.singles.length > 0) return Math.max(0, classes.singles.indexOf(n));
  let i = 0;
  while (i < classes.breaks.length && n >= classes.breaks[i]!) i++;
  return i;
}

/** Splits text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const esc = escapeHtml;
const n1 = (n: number) => String(Math.round(n * 10) / 10);

/** The map, as SVG markup. Every text is escaped; département names come from data/departements.csv. */
export function mapSvg(options: MapOptions, catalogue: Catalogue, geometry: MapGeometry = mapGeometry()): string {
  const { id, values } = options;
  const reference = catalogue.datasets.get("departements");
  if (!reference) throw new Error("map: the départements reference (data/departements.csv) is missing");
  const names = new Map(reference.rows.map((r) => [String(r.code), String(r.nom)]));
  const total = names.size;
  const byCode = new Map(values.map((v) => [v.code, v]));
  for (const v of values) if (!geometry.shapes.some((s) => s.code === v.code)) throw new Error(`map ${id}: no shape for département ${v.code}`);
  const classes = options.classes ?? classify(values);
  const pattern = (name: string) => `${id}-${name}`;
  const stripes = new Map<string, [number, number]>();
  const fillOf = (v: MapValue | undefined): string => {
    if (!v) return `url(#${pattern("nd")})`;
    const a = classOf(classes, v.min);
    const b = classOf(classes, v.max);
    if (a === b) return classes.colors[a]!;
    stripes.set(`${a}-${b}`, [a, b]);
    return `url(#${pattern(`div-${a}-${b}`)})`;
  };
  const title = (code: string) => {
    const name = names.get(code) ?? code;
    const v = byCode.get(code);
    return [`${name} (${code})`, ...(v ? [v.text, ...v.details] : [`n.d.\u00a0: ${options.missingDetail}`])].join("\n");
  };
  const W = geometry.width;
  const fs = 19;
  const titleId = `graphique-${id}-titre`;
  const descId = `graphique-${id}-desc`;

  const shapes = geometry.shapes
    .map((s) => {
      const fill = fillOf(byCode.get(s.code));
      return `<a href="${esc(routes.departement(s.code))}" data-dep="${esc(s.code)}"><title>${esc(title(s.code))}</title><path d="${s.path}" fill="${fill}"/></a>`;
    })
    .join("");

  const { paris } = geometry;
  const zoom = [
    `<g aria-hidden="true">`,
    `<rect x="${n1(paris.x)}" y="${n1(paris.y)}" width="${n1(paris.width)}" height="${n1(paris.height)}" fill="#fff" stroke="${INK_SOFT}" stroke-width=".8"/>`,
    `<text x="${n1(paris.x + 6)}" y="${n1(paris.y + 15)}" font-size="15" fill="${INK_SOFT}">Paris et</text>`,
    `<text x="${n1(paris.x + 6)}" y="${n1(paris.y + 32)}" font-size="15" fill="${INK_SOFT}">petite couronne</text>`,
    `<g stroke="#fff" stroke-width=".8" stroke-linejoin="round">`,
    ...paris.shapes.map((s) => `<path data-dep="${esc(s.code)}" d="${s.path}" fill="${fillOf(byCode.get(s.code))}"><title>${esc(title(s.code))}</title></path>`),
    `</g>`,
    // The zoom exists because these four are too small to read on the map: each is valued beside it.
    `<g font-size="14" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round" pointer-events="none">`,
    ...paris.shapes.map((s, i) => {
      const v = byCode.get(s.code);
      return `<text x="${n1(paris.x + paris.width + 6)}" y="${n1(paris.y + 15 + i * 18)}" data-dep-label="${esc(s.code)}">${esc(`${s.code}\u00a0: ${v ? v.text.replace(/\u00a0\S+$/u, "") : "n.d."}`)}</text>`;
    }),
    `</g></g>`
  ].join("");

  const frames = geometry.insets
    .map(
      (f) =>
        `<rect x="${n1(f.x)}" y="${n1(f.y)}" width="${n1(f.width)}" height="${n1(f.height)}" fill="none" stroke="${INK_SOFT}" stroke-width=".6"/>` +
        `<text x="${n1(f.x + f.width / 2)}" y="${n1(f.y + f.height - 6)}" font-size="17" text-anchor="middle" fill="${INK}">${esc(f.label)}</text>`
    )
    .join("");

  const showLabels = options.labels ?? values.length <= 12;
  const labelSize = 16;
  const labels = showLabels
    ? values
        .map((v) => {
          const at = labelAnchor(geometry, v.code);
          if (!at) return "";
          const text = v.text.replace(/\u00a0\S+$/u, "") + (v.mark ?? "");
          const half = (text.length * labelSize * GLYPH) / 2 + 2;
          const x = Math.min(Math.max(at[0], half), W - half);
          return `<text x="${n1(x)}" y="${n1(at[1] + 5)}">${esc(text)}</text>`;
        })
        .join("")
    : "";

  // Legend, below the map: heading, classes, n.d., ranges, footnotes, count, credits.
  let y = geometry.height + 30;
  const legend: string[] = [];
  const perLine = (width: number, size = fs) => Math.floor(width / (size * GLYPH));
  for (const line of wrap(options.legendTitle, perLine(W))) {
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
    const w = 36 + label.length * fs * GLYPH + 18;
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
    const [a, b] = [...stripes.values()][0] ?? [];
    const example = range.text.replace(/\u00a0\S+$/u, "");
    items.push([a !== undefined ? `url(#${pattern(`div-${a}-${b}`)})` : undefined, `« ${example} »\u00a0: deux sources, deux valeurs (fourchette${a !== undefined ? " ; rayures quand elles tombent dans deux classes" : ""})`]);
  }
  for (const note of options.footnotes ?? []) items.push([undefined, note]);
  for (const [fill, label] of items) {
    const indent = fill ? 36 : 0;
    for (const [j, line] of wrap(label, perLine(W - indent)).entries()) {
      if (j === 0 && fill) legend.push(swatch(0, y - 16, fill));
      legend.push(`<text x="${indent}" y="${y}">${esc(line)}</text>`);
      y += fs + 6;
    }
    y += 6;
  }
  const count = `Valeur connue pour ${formatNumber(values.length)} département${values.length > 1 ? "s" : ""} sur ${formatNumber(total)}.`;
  legend.push(`<text x="0" y="${y}" font-weight="700">${esc(count)}</text>`);
  y += fs + 10;
  for (const line of wrap(`${BASEMAP_CREDIT}. Outre-mer et zoom sur Paris à des échelles différentes.`, perLine(W, 15))) {
    legend.push(`<text x="0" y="${y}" font-size="15" fill="${INK_SOFT}">${esc(line)}</text>`);
    y += 20;
  }
  const height = Math.ceil(y);

  const defs = [
    `<pattern id="${pattern("nd")}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${ND_BG}"/><path d="M0 0v6" stroke="${ND_LINE}" stroke-width="1.6"/></pattern>`,
    ...[...stripes.values()].map(
      ([a, b]) =>
        `<pattern id="${pattern(`div-${a}-${b}`)}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="8" fill="${classes.colors[a]}"/><rect x="4" width="4" height="8" fill="${classes.colors[b]}"/></pattern>`
    )
  ].join("");

  const style = [
    `.so-carte a:hover :is(path,use),.so-carte a:focus :is(path,use){stroke:${INK};stroke-width:2}`,
    `.so-carte a:focus-visible path{stroke:#c2410c;stroke-width:3}`,
    `.so-carte .so-carte__hl{fill:none;stroke:#c2410c;stroke-width:3;pointer-events:none}`
  ].join("");

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="so-carte"${framesAttributes(options)} role="group" aria-labelledby="${esc(titleId)}" aria-describedby="${esc(descId)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="${esc(FONT)}" font-size="${fs}" fill="${INK}" data-carte="${esc(id)}">`,
    `<title id="${esc(titleId)}">${esc(options.title ?? id)}</title><desc id="${esc(descId)}">${esc(options.alt ?? "")}</desc>`,
    `<style>${style}</style>`,
    `<defs>${defs}</defs>`,
    `<g class="so-carte__deps" stroke="#fff" stroke-width=".6" stroke-linejoin="round">${shapes}</g>`,
    `<g aria-hidden="true">${frames}</g>`,
    zoom,
    labels ? `<g aria-hidden="true" pointer-events="none" font-size="${labelSize}" font-weight="700" text-anchor="middle" stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">${labels}</g>` : "",
    `<g class="so-carte__legende">${legend.join("")}</g>`,
    `</svg>`
  ].join("");
}

/**
 * A page that shows several maps (/carte/) need not repeat the same 101 outlines in each: the shapes are
 * defined once in a hidden SVG and each map refers to them with <use>, keeping its own fills, links and
 * titles. Works on the markup mapSvg writes (nothing else is touched); pictures, embeds and downloads keep
 * their own geometry so that each stands alone.
 */
export function shareGeometry(svgs: string[]): { defs: string; svgs: string[] } {
  const shapes = new Map<string, string>();
  const shared = svgs.map((svg) =>
    svg
      .replace(/(<a href="[^"]*" data-dep="([^"]+)"><title>[^<]*<\/title>)<path d="([^"]+)" fill="([^"]+)"\/>/g, (_, head: string, code: string, d: string, fill: string) => {
        shapes.set(`so-dep-${code}`, d);
        return `${head}<use href="#so-dep-${code}" fill="${fill}"/>`;
      })
      .replace(/<path data-dep="([^"]+)" d="([^"]+)" fill="([^"]+)">(<title>[^<]*<\/title>)<\/path>/g, (_, code: string, d: string, fill: string, title: string) => {
        shapes.set(`so-depz-${code}`, d);
        return `<use data-dep="${code}" href="#so-depz-${code}" fill="${fill}">${title}</use>`;
      })
  );
  const defs = `<svg class="so-carte-geo" width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute"><defs>${[...shapes].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join("")}</defs></svg>`;
  return { defs, svgs: shared };
}

/**
 * What the page knows of the frames without loading them: where they are, which keys, which is drawn.
 * The values themselves are a separate file (routes.chartFrames), fetched by the year control only, so
 * that a page of maps does not carry fifteen years of every map it shows.
 */
function framesAttributes(options: MapOptions): string {
  const f = options.frames;
  if (!f) return "";
  return ` data-cadres="${esc(routes.chartFrames(options.id))}" data-cadres-cles="${esc(f.keys.join(" "))}" data-cadres-courant="${esc(f.current)}" data-cadres-param="${esc(f.param)}" data-cadres-nom="${esc(f.label)}"`;
}

/** The year control's data for a map with frames: classes, and every frame's values and lines. */
export function mapFramesJson(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): string | undefined {
  const build = mapBuilders.get(id);
  if (!build) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const { options } = build(rows, ctx);
  if (!options.frames || !options.classes) return undefined;
  const { colors, breaks, singles } = options.classes;
  return JSON.stringify({ ...options.frames, colors, breaks, singles });
}

/** « près de 70 », « plus de 80 » : the qualifier the source puts before its figure. */
export function qualified(row: Row, dataset: Dataset, text: string): string {
  return row.qualificatif ? `${labelOf(dataset, "qualificatif", row.qualificatif)} ${text}` : text;
}

/** Source label of a row: « 20 Minutes (13 septembre 2012) ». */
export function rowSource(row: Row, catalogue: Catalogue): string {
  const s = catalogue.sources.get(String(row.source));
  return s ? sourceLabel(s) : String(row.source);
}

export interface ObservationOptions {
  /**
   * Several indicators may describe one département (stages of one campaign: convoked, then sanctioned).
   * The colour follows the largest count and every indicator is listed; without this option, two
   * indicators for one département are an error (two measures are never merged into one value).
   */
  stages?: boolean;
  /** Indicators that count only part of the département (« the doctors cited by the article »): marked « * ». */
  partial?: string[];
}

/**
 * One map value per département from rows of data/observations-departementales.csv that measure the
 * same thing (one indicator, unit and scope, or one campaign). Several rows of one indicator are several
 * readings: their range is shown and every source is named, never one picked silently.
 */
export function observationValues(rows: Row[], dataset: Dataset, ctx: ChartContext, options: ObservationOptions = {}): MapValue[] {
  const catalogue = requireCatalogue(ctx);
  const unit = (r: Row) => labelOf(dataset, "unite", r.unite ?? null);
  const reading = (r: Row) => qualified(r, dataset, `${formatNumber(r.valeur as number)}\u00a0${unit(r)}`);
  // A row without a number is not a reading: it never becomes a 0 on the map (Math.min of nothing, or of null).
  const byDepartement = groupBy(rows.filter((r) => typeof r.valeur === "number"), (r) => String(r.departement));
  return [...byDepartement].map(([code, group]) => {
    const indicators = [...groupBy(group, (r) => `${r.indicateur}|${r.unite}`).values()].map((readings) => {
      const nums = readings.map((r) => r.valeur as number);
      const min = Math.min(...nums);
      const max = Math.max(...nums);
      const first = readings[0]!;
      const text = min === max ? reading(first) : `${formatNumber(min)}–${formatNumber(max)}\u00a0${unit(first)}`;
      const sources = min === max
        ? [`${readings.length > 1 ? "Sources" : "Source"}\u00a0: ${[...new Set(readings.map((r) => rowSource(r, catalogue)))].join(" ; ")}`]
        : readings.map((r) => `${reading(r)} selon ${rowSource(r, catalogue)}`);
      return { indicator: String(first.indicateur), label: ctx.label("indicateur", first.indicateur), min, max, text, sources };
    });
    if (indicators.length > 1 && !options.stages)
      throw new Error(`département ${code}: expected one indicator per map, found ${indicators.map((i) => i.indicator).join(", ")} (two measures are never merged into one value)`);
    const primary = indicators.reduce((a, b) => (b.max > a.max ? b : a));
    const years = [...new Set(group.map((r) => String(r.annee)))];
    const campaigns = [...new Set(group.filter((r) => r.campagne !== null).map((r) => String(r.campagne)))];
    const partial = options.partial?.includes(primary.indicator) ?? false;
    const details = [
      ...(indicators.length === 1 ? [primary.label, ...primary.sources] : indicators.flatMap((i) => [`${i.label}\u00a0: ${i.text}`, ...i.sources])),
      `Année ${years.join(", ")}${campaigns.length ? ` · campagne ${campaigns.join(", ")}` : ""}`
    ];
    const sourceIds = [...new Set(group.map((r) => String(r.source)))];
    return { code, min: primary.min, max: primary.max, text: primary.text, details, year: years.join(", "), sourceIds, ...(partial ? { mark: "*" } : {}) };
  });
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function requireCatalogue(ctx: ChartContext): Catalogue {
  if (!ctx.catalogue) throw new Error("map charts need the catalogue (renderChart(spec, dataset, catalogue))");
  return ctx.catalogue;
}

/** A map chart: the fields of any chart, and what to draw (values, legend) instead of Plot options. */
export interface MapSpec {
  id: string;
  dataset: string;
  title: string;
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

const mapSpecs = new Map<string, MapSpec>();
const mapBuilders = new Map<string, (rows: Row[], ctx: ChartContext) => { options: MapOptions; catalogue: Catalogue }>();

/** Declares a map: one chart like the others (same fields, same registry), drawn by mapSvg. */
export function defineMap(spec: MapSpec): ChartSpec {
  mapSpecs.set(spec.id, spec);
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
  mapBuilders.set(spec.id, build);
  const describe = (rows: Row[], ctx: ChartContext) => {
    const { options, catalogue } = build(rows, ctx);
    return describeMap(options, catalogue);
  };
  return defineChart({
    id: spec.id,
    dataset: spec.dataset,
    title: spec.title,
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
  const tail = missing > 0 ? ` Les ${formatNumber(missing)} autres départements sont hachurés «\u00a0n.d.\u00a0»\u00a0: ${options.missingDetail}.` : "";
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

/** The values of a frame column, in order: the last one is the frame drawn. */
function frameKeys(rows: Row[], column: string): string[] {
  return [...new Set(rows.map((r) => String(r[column])))].sort();
}

/** Whether a chart is one of the maps. */
export function isMap(id: string): boolean {
  return mapSpecs.has(id);
}

/** Short name of a map (its title when it is not a map). */
export function mapHeading(id: string): string | undefined {
  return mapSpecs.get(id)?.heading;
}

/** The values a map draws, by département code, for tables and département pages (undefined: not a map). */
export function mapValues(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): Map<string, MapValue> | undefined {
  const spec = mapSpecs.get(id);
  if (!spec) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const drawn = spec.frames ? rows.filter((r) => String(r[spec.frames!.column]) === frameKeys(rows, spec.frames!.column).at(-1)) : rows;
  return new Map(spec.map(drawn, ctx, catalogue).values.map((v) => [v.code, v]));
}

/** Every frame of a map with a control, for the table under it: frame keys, and the values of each. */
export function mapFrameValues(id: string, rows: Row[], dataset: Dataset, catalogue: Catalogue): { label: string; keys: string[]; values: Map<string, MapValue>[] } | undefined {
  const spec = mapSpecs.get(id);
  if (!spec?.frames) return undefined;
  const ctx: ChartContext = { label: (column, code) => labelOf(dataset, column, code ?? null), dataset, catalogue };
  const keys = frameKeys(rows, spec.frames.column);
  return {
    label: spec.frames.label,
    keys,
    values: keys.map((k) => new Map(spec.map(rows.filter((r) => String(r[spec.frames!.column]) === k), ctx, catalogue).values.map((v) => [v.code, v])))
  };
}
