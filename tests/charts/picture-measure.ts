import { parseHTML } from "linkedom";

/**
 * Measures a picture as it is rasterised, from its SVG: what size each text is drawn at 1× (its font-size,
 * the style before the attribute, times the scale of every <svg> and transform around it), and how wide
 * each nested drawing is. Used by the picture tests; no browser needed.
 */
function parse(svg: string): Document {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

const number = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === "" ? undefined : Number.parseFloat(v));

/** Scale an element applies to its children: an <svg>'s width over its viewBox width, a transform's scale(). */
function ownScale(el: Element): number {
  let scale = 1;
  if (el.tagName.toLowerCase() === "svg") {
    const width = number(el.getAttribute("width"));
    const vb = (el.getAttribute("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
    if (width !== undefined && vb.length === 4 && vb[2]! > 0) scale *= width / vb[2]!;
  }
  const s = /scale\(\s*([-\d.]+)(?:[\s,]+([-\d.]+))?\s*\)/.exec(el.getAttribute("transform") ?? "");
  if (s) scale *= Math.min(Number(s[1]), Number(s[2] ?? s[1]));
  if (/matrix\(/.test(el.getAttribute("transform") ?? "")) throw new Error("picture-measure: matrix() transforms are not measured");
  return scale;
}

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = el.parentElement; p && p.tagName.toLowerCase() !== "body"; p = p.parentElement) out.push(p);
  return out;
}

function fontSize(el: Element): number {
  for (const e of [el, ...ancestors(el)]) {
    const style = /font-size:\s*([\d.]+)px/.exec(e.getAttribute("style") ?? "");
    if (style) return Number(style[1]);
    const attr = e.getAttribute("font-size");
    if (attr !== null) {
      if (!/^[\d.]+(px)?$/.test(attr.trim())) throw new Error(`picture-measure: font-size="${attr}" is not in pixels`);
      return Number.parseFloat(attr);
    }
  }
  return 16;
}

/** Every non-empty <text>, with its size in pixels at 1×. */
export function textSizes(svg: string): { text: string; size: number }[] {
  return [...parse(svg).querySelectorAll("text")]
    .map((t) => ({ text: (t.textContent ?? "").trim(), size: Math.round(fontSize(t) * ancestors(t).reduce((k, a) => k * ownScale(a), 1) * 100) / 100 }))
    .filter((t) => t.text !== "");
}

/** Width, in pixels at 1×, of every <svg> nested in the picture. */
export function drawingWidths(svg: string): number[] {
  const root = parse(svg).querySelector("svg");
  if (!root) return [];
  return [...root.querySelectorAll("svg")].map((s) => (number(s.getAttribute("width")) ?? 0) * ancestors(s).reduce((k, a) => k * ownScale(a), 1));
}
