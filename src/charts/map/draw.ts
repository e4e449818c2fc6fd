import type { Catalogue } from "../../lib/catalogue.ts";
import { labelAnchor, mapGeometry, type MapGeometry } from "../../lib/geo.ts";
import { escapeHtml as esc } from "../../lib/html.ts";
import { routes } from "../../lib/routes.ts";
import { textWidth } from "../text.ts";
import { classify, classOf } from "./classes.ts";
import { framesAttributes } from "./frames.ts";
import { mapLegend } from "./legend.ts";
import type { MapOptions, MapValue } from "./model.ts";
import { FONT, INK, INK_SOFT, ND_BG, ND_LINE } from "./style.ts";

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
const n1 = (n: number) => String(Math.round(n * 10) / 10);

/** Phones (and narrow embeds): viewports up to this width get the map's narrow text. */
const NARROW_MEDIA = 599;
/** Text size, in the drawing's units, that renders at 12 px or more once the map is 343 px wide (a 375 px phone). */
const NARROW_TEXT = 22;

/** The HTML legend's layout, carried with the map (as its hover rules are) so it holds in pages and embeds alike. */
const LEGEND_CSS = [
  `.so-carte__legende{font-size:.9rem;line-height:1.35;margin:.5rem 0 0}`,
  `.so-carte__legende p,.so-carte__legende ul{margin:0 0 .35rem;padding:0;list-style:none}`,
  `.so-carte__classes{display:flex;flex-wrap:wrap;gap:.2rem 1rem}`,
  `.so-carte__legende svg{vertical-align:-.3em;margin-right:.4rem}`,
  `.so-carte__credit{font-size:.8rem;opacity:.85}`
].join("");

/** The map, as SVG markup. Every text is escaped; département names come from data/departements.csv. */
export function mapSvg(options: MapOptions, catalogue: Catalogue, geometry: MapGeometry = mapGeometry()): string {
  const { id, values } = options;
  const reference = catalogue.datasets.get("departements");
  if (!reference) throw new Error("carte : la référence des départements (data/departements.csv) manque");
  const names = new Map(reference.rows.map((r) => [String(r.code), String(r.nom)]));
  const total = names.size;
  const byCode = new Map(values.map((v) => [v.code, v]));
  for (const v of values) if (!geometry.shapes.some((s) => s.code === v.code)) throw new Error(`carte ${id} : aucun tracé pour le département ${v.code}`);
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
  const parisValue = (code: string) => {
    const v = byCode.get(code);
    return `${code}\u00a0: ${v ? v.text.replace(/\u00a0\S+$/u, "") : "n.d."}`;
  };
  const zoom = [
    `<g aria-hidden="true">`,
    `<rect x="${n1(paris.x)}" y="${n1(paris.y)}" width="${n1(paris.width)}" height="${n1(paris.height)}" fill="#fff" stroke="${INK_SOFT}" stroke-width=".8"/>`,
    `<g class="so-carte__large" font-size="15" fill="${INK_SOFT}"><text x="${n1(paris.x + 6)}" y="${n1(paris.y + 15)}">Paris et</text><text x="${n1(paris.x + 6)}" y="${n1(paris.y + 32)}">petite couronne</text></g>`,
    `<text class="so-carte__etroit" display="none" x="${n1(paris.x + 6)}" y="${n1(paris.y + 24)}" font-size="${NARROW_TEXT}" fill="${INK_SOFT}">Paris</text>`,
    `<g stroke="#fff" stroke-width=".8" stroke-linejoin="round">`,
    ...paris.shapes.map((s) => `<path data-dep="${esc(s.code)}" d="${s.path}" fill="${fillOf(byCode.get(s.code))}"><title>${esc(title(s.code))}</title></path>`),
    `</g>`,
    // The zoom exists because these four are too small to read on the map: each is valued beside it, in a
    // column on a wide screen, in two columns of larger text on a phone (data-dep-label: the year control updates both).
    `<g font-size="14" fill="${INK}" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round" pointer-events="none">`,
    `<g class="so-carte__large">`,
    ...paris.shapes.map((s, i) => `<text x="${n1(paris.x + paris.width + 6)}" y="${n1(paris.y + 15 + i * 18)}" data-dep-label="${esc(s.code)}">${esc(parisValue(s.code))}</text>`),
    `</g><g class="so-carte__etroit" display="none" font-size="${NARROW_TEXT}">`,
    ...paris.shapes.map((s, i) => `<text x="${n1(paris.x + paris.width + 8 + (i % 2) * 112)}" y="${n1(paris.y + 22 + Math.floor(i / 2) * 27)}" data-dep-label="${esc(s.code)}">${esc(parisValue(s.code))}</text>`),
    `</g></g></g>`
  ].join("");

  const frames = geometry.insets
    .map(
      (f) =>
        `<rect x="${n1(f.x)}" y="${n1(f.y)}" width="${n1(f.width)}" height="${n1(f.height)}" fill="none" stroke="${INK_SOFT}" stroke-width=".6"/>` +
        `<text class="so-carte__large" x="${n1(f.x + f.width / 2)}" y="${n1(f.y + f.height - 6)}" font-size="17" text-anchor="middle" fill="${INK}">${esc(f.label)}</text>` +
        // On a phone a name would not fit its box at a readable size: the département's number does.
        `<text class="so-carte__etroit" display="none" x="${n1(f.x + f.width / 2)}" y="${n1(f.y + f.height - 6)}" font-size="${NARROW_TEXT}" text-anchor="middle" fill="${INK}">${esc(f.code ?? f.label)}</text>`
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
          const half = textWidth(text, NARROW_TEXT, "sansBold") / 2 + 2;
          const x = Math.min(Math.max(at[0], half), W - half);
          return `<text x="${n1(x)}" y="${n1(at[1] + 5)}">${esc(text)}</text>`;
        })
        .join("")
    : "";

  // Legend, under the map, in HTML: heading, classes, n.d., ranges, footnotes, count, credits.
  const legend = mapLegend({ options, classes, stripes: [...stripes.values()], pattern, total });
  const height = Math.ceil(geometry.height);

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
    `.so-carte .so-carte__hl{fill:none;stroke:#c2410c;stroke-width:3;pointer-events:none}`,
    // On a phone the drawing is scaled to about 58 % (613 → 358 px at 390): its text is set in user units
    // that render at 12 px or more there, and the names that would not fit give way to shorter ones.
    `@media (max-width:${NARROW_MEDIA}px){.so-carte .so-carte__large{display:none}.so-carte .so-carte__etroit{display:inline}.so-carte .so-carte__valeurs{font-size:${NARROW_TEXT}px}}`,
    LEGEND_CSS
  ].join("");

  return [
    `<div class="so-carte-fig">`,
    `<svg xmlns="http://www.w3.org/2000/svg" class="so-carte"${framesAttributes(options)} role="group" aria-labelledby="${esc(titleId)}" aria-describedby="${esc(descId)}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="${esc(FONT)}" font-size="${fs}" fill="${INK}" data-carte="${esc(id)}">`,
    `<title id="${esc(titleId)}">${esc(options.title ?? id)}</title><desc id="${esc(descId)}">${esc(options.alt ?? "")}</desc>`,
    `<style>${style}</style>`,
    `<defs>${defs}</defs>`,
    `<g class="so-carte__deps" stroke="#fff" stroke-width=".6" stroke-linejoin="round">${shapes}</g>`,
    `<g aria-hidden="true">${frames}</g>`,
    zoom,
    labels ? `<g class="so-carte__valeurs" aria-hidden="true" pointer-events="none" font-size="${labelSize}" font-weight="700" text-anchor="middle" stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">${labels}</g>` : "",
    `</svg>`,
    legend,
    `</div>`
  ].join("");
}
