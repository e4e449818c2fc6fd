import { describe, expect, it } from "vitest";
import { farValues, farValuesFootnote } from "../../src/charts/map/far-values.ts";
import type { MapValue } from "../../src/charts/map/model.ts";
import { loadSite } from "../../src/site/site.ts";

const value = (code: string, min: number, max = min): MapValue => ({ code, min, max, text: `${min} jours`, details: [] });

describe("a map value far from all the others gets a footnote", () => {
  it("flags a value under half (or over twice) the median of the others, and only then", () => {
    const near = ["01", "07", "2A", "2B", "43", "81", "83"].map((c, i) => value(c, 12 + i / 5));
    expect(farValues([...near, value("75", 2.7)]).map((v) => v.code)).toEqual(["75"]);
    expect(farValues([...near, value("13", 30)]).map((v) => v.code)).toEqual(["13"]);
    expect(farValues([...near, value("48", 6.5)])).toEqual([]); // low, but not under half
    expect(farValues([value("a", 1), value("b", 10), value("c", 12)])).toEqual([]); // too few others to say
  });

  it("the 2010 map of days per employee says so for Paris, under the map", () => {
    const chart = loadSite().charts.get("carte-jours-ij-2010")!;
    // The legend is HTML under the drawing.
    const legend = chart.svg.slice(chart.svg.indexOf('class="so-carte__legende"')).replace(/<[^>]+>/g, " ").replace(/[\s\u00a0]+/g, " ");
    expect(legend).toContain("Paris (75) : 2,7 jours, moins de la moitié des autres départements cités");
    expect(farValuesFootnote([value("75", 2.7)], [value("75", 2.7), value("83", 13)], () => "Paris")[0]).toContain("à lire avec prudence");
  });
});
