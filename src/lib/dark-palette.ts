/**
 * Dark theme of the embeds. Axes and labels use currentColor and follow the text colour; the data colours
 * a chart declares (fill="#1f5f8b", scheme colours) are remapped by inverting their lightness in CIELAB
 * around the two backgrounds, keeping hue and chroma: a colour keeps its distance to the background, a
 * sequential scale keeps its order of contrast, and the legend (same attributes) is remapped with the chart.
 */

export const LIGHT = { background: "#ffffff", text: "#1b1f24", soft: "#4a525c", link: "#1f5f8b" } as const;
export const DARK = { background: "#16191d", text: "#eceae4", soft: "#b4bcc6", link: "#8cc4ec" } as const;

type Rgb = [number, number, number];

const NAMED: Record<string, string> = { white: "#ffffff", black: "#000000" };

/** sRGB channels 0–255 of a colour written #rgb, #rrggbb, rgb(r, g, b) or white/black; undefined otherwise. */
export function parseColor(value: string): Rgb | undefined {
  const v = (NAMED[value.trim().toLowerCase()] ?? value).trim().toLowerCase();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (m) return [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h + h, 16)) as Rgb;
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(v);
  if (m) return [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16)) as Rgb;
  m = /^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])].map((c) => Math.min(255, c)) as Rgb;
  return undefined;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

const linear = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const gamma = (l: number) => 255 * (l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055);

/** WCAG relative luminance. */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map(linear) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const la = luminance(parseColor(a) ?? [0, 0, 0]);
  const lb = luminance(parseColor(b) ?? [0, 0, 0]);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// CIELAB, D65 white.
const WHITE = [0.95047, 1, 1.08883] as const;
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const finv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

function toLab(rgb: Rgb): [number, number, number] {
  const [r, g, b] = rgb.map(linear) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE[0];
  const y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / WHITE[1];
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function fromLab(l: number, a: number, bb: number): { rgb: Rgb; inGamut: boolean } {
  const fy = (l + 16) / 116;
  const x = finv(fy + a / 500) * WHITE[0];
  const y = finv(fy) * WHITE[1];
  const z = finv(fy - bb / 200) * WHITE[2];
  const lin = [3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z, 0.0557 * x - 0.204 * y + 1.057 * z];
  const inGamut = lin.every((c) => c >= -0.0005 && c <= 1.0005);
  return { rgb: lin.map((c) => gamma(Math.min(1, Math.max(0, c)))) as Rgb, inGamut };
}

/** The dark-theme version of a light-theme colour: lightness mirrored between the two backgrounds. */
export function darkVariant(color: string): string | undefined {
  const rgb = parseColor(color);
  if (!rgb) return undefined;
  const [l, a, b] = toLab(rgb);
  const lightBg = toLab(parseColor(LIGHT.background)!)[0];
  const darkBg = toLab(parseColor(DARK.background)!)[0];
  const target = Math.min(100, Math.max(0, darkBg + (lightBg - l)));
  // Reduce chroma until the colour exists in sRGB: hue and lightness are what a reader compares.
  for (let k = 1; k >= 0; k -= 0.05) {
    const out = fromLab(target, a * k, b * k);
    if (out.inGamut || k < 0.05) return toHex(out.rgb);
  }
  return toHex(fromLab(target, 0, 0).rgb);
}

/** Colours written in fill="…" / stroke="…" / stop-color="…" attributes of a chart's markup. */
export function chartColors(markup: string): string[] {
  const found = new Set<string>();
  for (const m of markup.matchAll(/\s(fill|stroke|stop-color)="([^"]+)"/g)) if (parseColor(m[2]!)) found.add(m[2]!);
  return [...found].sort();
}

/**
 * CSS for the dark theme of one chart: one custom property per colour it uses, and the rules that apply
 * them to the attributes carrying the colour. `darkSelectors` are the selectors under which dark applies.
 */
export function darkChartCss(markup: string): { rules: string; variables: string } {
  const colors = chartColors(markup);
  const rules: string[] = [];
  const variables: string[] = [];
  colors.forEach((color, i) => {
    const dark = darkVariant(color);
    if (!dark || dark === toHex(parseColor(color)!)) return;
    const name = `--c${i}`;
    const sel = (attr: string) => `[${attr}="${color}"]`;
    rules.push(`${sel("fill")}{fill:var(${name},${color})}${sel("stroke")}{stroke:var(${name},${color})}${sel("stop-color")}{stop-color:var(${name},${color})}`);
    variables.push(`${name}:${dark}`);
  });
  return { rules: rules.join(""), variables: variables.join(";") };
}
