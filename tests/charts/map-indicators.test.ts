import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/site/site.ts";

/**
 * One indicator per map layer: a colour ramp over numbers that count different things (doctors placed
 * under watch here, summoned there) would compare unlike things. A map whose rows hold several indicators
 * must colour every département with a value alike, and say on the map what each number counts.
 */
const site = loadSite();
const maps = [...site.charts.values()].filter((c) => c.svg.includes('class="so-carte"') && c.rows.some((r) => "indicateur" in r));

/** Fill of each département with a value (the n.d. hatch aside), from the drawing itself. */
function valuedFills(svg: string): string[] {
  return [...svg.matchAll(/<a [^>]*data-dep="[^"]+"[^>]*>(?:<title>[^<]*<\/title>)?<(?:path|use)[^>]*fill="([^"]+)"/g)].map((m) => m[1]!).filter((f) => !/-nd\)$/.test(f));
}

describe("maps: one indicator per colour layer", () => {
  it("the check sees a map that colours two indicators on one ramp (control)", () => {
    const mixed = `<a href="/d/38/" data-dep="38"><title>x</title><path d="M0" fill="#0b4680"/></a><a href="/d/24/" data-dep="24"><title>y</title><path d="M0" fill="#c6dbef"/></a><a href="/d/01/" data-dep="01"><title>z</title><path d="M0" fill="url(#m-nd)"/></a>`;
    expect(new Set(valuedFills(mixed)).size).toBe(2);
  });

  expect(maps.length).toBeGreaterThan(2);
  for (const chart of maps)
    it(chart.spec.id, () => {
      const indicators = new Set(chart.rows.filter((r) => typeof r.valeur === "number").map((r) => String(r.indicateur)));
      const fills = new Set(valuedFills(chart.svg));
      expect(fills.size, "départements with a value are drawn").toBeGreaterThan(0);
      if (indicators.size > 1) {
        expect([...fills], `${indicators.size} indicators (${[...indicators].join(", ")}) on one colour ramp`).toHaveLength(1);
        // The legend is HTML under the drawing.
        const legend = chart.svg.slice(chart.svg.indexOf('class="so-carte__legende"')).replace(/<[^>]+>/g, " ");
        for (const letter of "ABCDEFGHIJ".slice(0, indicators.size)) expect(legend, `legend letter ${letter}`).toContain(`${letter}\u00a0:`);
      }
    });
});
