/**
 * PNG images drawn at build time with resvg (no browser): the pictures of src/charts/picture.ts (a chart's
 * « article 600 px » and « réseaux 1 200×630 » presets, the social cards of articles and of the site),
 * rasterised at their preset's pixel ratio with the bundled DejaVu fonts only, so every machine draws the
 * same pixels.
 */
import { Resvg } from "@resvg/resvg-js";
import { DEJAVU, type Picture, type PictureOptions } from "../src/charts/picture.ts";
import { FONTS } from "../src/charts/text.ts";

/** Options for resvg: only the bundled fonts, DejaVu Sans by default (also for generic sans-serif). */
export const RESVG_FONT = {
  loadSystemFonts: false,
  fontFiles: Object.values(FONTS).map((f) => f.file),
  defaultFontFamily: "DejaVu Sans",
  sansSerifFamily: "DejaVu Sans",
  serifFamily: "DejaVu Serif"
};

/** How a picture is laid out for resvg: DejaVu named, and blocks measured as resvg draws them. */
export const PNG_PICTURE: PictureOptions = {
  fonts: DEJAVU,
  bbox: (svg) => new Resvg(svg, { font: RESVG_FONT, logLevel: "off" }).getBBox() ?? undefined
};

export function renderPng(picture: Pick<Picture, "svg" | "scale">): { png: Buffer; width: number; height: number } {
  const image = new Resvg(picture.svg, { font: RESVG_FONT, fitTo: { mode: "zoom", value: picture.scale }, background: "#ffffff", logLevel: "off" }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
