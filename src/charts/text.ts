/**
 * The site's one text measurement, for laying out labels without a DOM: bars, maps, the downloadable
 * pictures and their PNG. Widths are DejaVu's (the widest of the usual system sans-serif fonts, and the
 * fonts the PNG images are drawn with), read from the TrueType files the npm package dejavu-fonts-ttf
 * bundles: a label that fits with these widths fits with the reader's font too, and a PNG title wraps
 * where resvg will actually draw it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Resolved as a package, not from this file's folder: Astro bundles this module elsewhere.
const ttf = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);

export const FONTS = {
  sans: { family: "DejaVu Sans", weight: 400, file: ttf("DejaVuSans.ttf") },
  sansBold: { family: "DejaVu Sans", weight: 700, file: ttf("DejaVuSans-Bold.ttf") },
  serifBold: { family: "DejaVu Serif", weight: 700, file: ttf("DejaVuSerif-Bold.ttf") }
} as const;

export type FontName = keyof typeof FONTS;

interface Metrics {
  unitsPerEm: number;
  advance: (codePoint: number) => number;
}

/** Reads head, hhea, hmtx and cmap (format 12 or 4) of a TrueType file. */
export function readMetrics(file: string): Metrics {
  const buf = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    tables.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file} : table ${tag} absente`);
    return at;
  };
  const unitsPerEm = buf.readUInt16BE(table("head") + 18);
  const numberOfHMetrics = buf.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const widthOfGlyph = (g: number) => buf.readUInt16BE(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));
  const cmap = table("cmap");
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const offset = cmap + buf.readUInt32BE(rec + 4);
    subtables.push({ platform: buf.readUInt16BE(rec), encoding: buf.readUInt16BE(rec + 2), offset, format: buf.readUInt16BE(offset) });
  }
  const glyphs = new Map<number, number>();
  const f12 = subtables.find((s) => s.format === 12);
  const f4 = subtables.find((s) => s.format === 4 && (s.platform === 3 || s.platform === 0));
  if (f12) {
    const groups = buf.readUInt32BE(f12.offset + 12);
    for (let i = 0; i < groups; i++) {
      const g = f12.offset + 16 + i * 12;
      const start = buf.readUInt32BE(g);
      const end = Math.min(buf.readUInt32BE(g + 4), start + 0xffff);
      const glyph = buf.readUInt32BE(g + 8);
      for (let c = start; c <= end; c++) glyphs.set(c, glyph + c - start);
    }
  } else if (f4) {
    const o = f4.offset;
    const segs = buf.readUInt16BE(o + 6) / 2;
    const ends = o + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const ranges = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const end = buf.readUInt16BE(ends + s * 2);
      const start = buf.readUInt16BE(starts + s * 2);
      const delta = buf.readInt16BE(deltas + s * 2);
      const rangeAt = ranges + s * 2;
      const range = buf.readUInt16BE(rangeAt);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g: number;
        if (range === 0) g = (c + delta) & 0xffff;
        else {
          const raw = buf.readUInt16BE(rangeAt + range + (c - start) * 2);
          g = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (g !== 0) glyphs.set(c, g);
      }
    }
  } else throw new Error(`${file} : aucune table cmap utilisable`);
  const fallback = widthOfGlyph(0);
  return { unitsPerEm, advance: (cp) => (glyphs.has(cp) ? widthOfGlyph(glyphs.get(cp)!) : fallback) };
}

const cache = new Map<FontName, Metrics>();
const metrics = (font: FontName) => {
  let m = cache.get(font);
  if (!m) cache.set(font, (m = readMetrics(FONTS[font].file)));
  return m;
};

/** Width in pixels of a line of text (no kerning: slightly wide, so wrapping errs on the safe side). */
export function textWidth(text: string, fontSize: number, font: FontName = "sans"): number {
  const m = metrics(font);
  let units = 0;
  for (const ch of text) units += m.advance(ch.codePointAt(0)!);
  // Hundredths of a pixel: enough for layout, and stable coordinates in the drawings.
  return Math.round((units / m.unitsPerEm) * fontSize * 100) / 100;
}

/**
 * Breaks a text into lines no wider than maxWidth pixels, at ordinary spaces (never inside a word: a
 * word longer than the line gets its own line; never at the no-break spaces of French typography,
 * « 10,2 Md€ »). With `maxLines`, the last line kept ends with « … » when text remains.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, font: FontName = "sans", maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.includes(" ") && textWidth(`${last} …`, fontSize, font) > maxWidth) last = last.slice(0, last.lastIndexOf(" "));
  kept[maxLines - 1] = `${last.replace(/[\s,;:.—–-]+$/u, "")}\u00a0…`;
  return kept;
}
