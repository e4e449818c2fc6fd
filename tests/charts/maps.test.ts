import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { isMap, mapFramesJson, observationValues } from "../../src/charts/map/index.ts";
import { renderChart } from "../../src/charts/render.ts";
import { labelOf, type Row } from "../../src/lib/dataset.ts";
import { PARIS_CODES } from "../../src/lib/geo.ts";
import { loadSite } from "../../src/site/site.ts";

/**
 * Maps are checked against the data, read here without the map code: for each map, which départements
 * have a number in data/ (the column each map draws), and then the SVG, shape by shape — the metropolitan
 * shapes, the DROM insets and the Paris zoom: a coloured shape where there is a value, the n.d. hatch where
 * there is none, never a 0 standing for a missing value, and no département left out.
 */
const site = loadSite();
const reference = site.catalogue.datasets.get("departements")!.rows.map((r) => String(r.code));

/** The column each map draws, and the département column of its rows ("count": one value per département with a row). */
const DRAWN: Record<string, { value: string | "count"; departement: string }> = {
  "carte-part-ij": { value: "part_ij", departement: "departement" },
  "carte-evolution-ij": { value: "evolution_2010", departement: "departement" },
  "carte-ij-par-habitant": { value: "ij_par_habitant", departement: "departement" },
  "carte-densite-generalistes": { value: "generalistes_densite", departement: "departement" },
  "carte-population": { value: "population", departement: "code" },
  "carte-evenements": { value: "count", departement: "departement" }
};
const drawnOf = (id: string) => DRAWN[id] ?? { value: "valeur", departement: "departement" };

function expectedCodes(id: string, rows: Row[]): Set<string> {
  const { value, departement } = drawnOf(id);
  return new Set(rows.filter((r) => r[departement] !== null && (value === "count" || typeof r[value] === "number")).map((r) => String(r[departement])));
}

/** Rows of the frame a map draws (the last year of a map with a year control). */
function drawnRows(id: string, rows: Row[]): Row[] {
  if (id !== "carte-part-ij") return rows;
  const last = Math.max(...rows.map((r) => Number(r.annee)));
  return rows.filter((r) => Number(r.annee) === last);
}

function shapes(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector("svg")!;
  const ndFill = `url(#${root.getAttribute("data-carte")}-nd)`;
  const main = [...root.querySelectorAll("a[data-dep]")].map((a) => ({ code: a.getAttribute("data-dep")!, fill: a.querySelector("path, use")?.getAttribute("fill") ?? "", title: a.querySelector("title")?.textContent ?? "" }));
  const zoom = [...root.querySelectorAll("path[data-dep], use[data-dep]")].map((p) => ({ code: p.getAttribute("data-dep")!, fill: p.getAttribute("fill") ?? "", title: p.querySelector("title")?.textContent ?? "" }));
  const labels = new Map([...root.querySelectorAll("[data-dep-label]")].map((t) => [t.getAttribute("data-dep-label")!, t.textContent ?? ""]));
  return { ndFill, main, zoom, labels };
}

describe("maps draw what data/ holds, and only that", () => {
  const maps = [...site.charts.values()].filter((c) => isMap(c.spec.id));
  it("every map is checked", () => {
    expect(maps.length).toBeGreaterThanOrEqual(9);
  });
  for (const chart of maps) {
    it(`${chart.spec.id}: a value where data/ has one, the n.d. hatch elsewhere — metropole, DROM and Paris zoom`, () => {
      const expected = expectedCodes(chart.spec.id, drawnRows(chart.spec.id, chart.rows));
      const { ndFill, main, zoom, labels } = shapes(chart.svg);
      expect(main.map((s) => s.code).sort(), "one shape per département, none dropped").toEqual([...reference].sort());
      expect(zoom.map((s) => s.code).sort(), "the Paris zoom").toEqual([...PARIS_CODES].sort());
      for (const s of [...main, ...zoom]) {
        if (expected.has(s.code)) {
          expect(s.fill, `${s.code} has a value: coloured`).not.toBe(ndFill);
          expect(s.title, `${s.code}: its tooltip gives a value`).not.toMatch(/\nn\.d\./);
        } else {
          expect(s.fill, `${s.code} has no value in data/: hatched n.d.`).toBe(ndFill);
          expect(s.title, `${s.code}: n.d., never a figure`).toMatch(/\nn\.d\./);
          expect(s.title.split("\n").slice(1).join(" "), `${s.code}: no 0 stands for the missing value`).not.toMatch(/(^|\D)0(\D|$)/);
        }
      }
      for (const code of PARIS_CODES) expect(labels.get(code), `zoom label of ${code}`).toMatch(expected.has(code) ? new RegExp(`^${code}\\s:\\s(?!n\\.d\\.)\\S`) : new RegExp(`^${code}\\s:\\sn\\.d\\.$`));
    });
  }
});

describe("the share map covers every year, as the file gives it", () => {
  const chart = site.charts.get("carte-part-ij")!;
  const dataset = site.catalogue.datasets.get(chart.spec.dataset)!;
  const frames = JSON.parse(mapFramesJson(chart.spec.id, chart.rows, dataset, site.catalogue)!) as { keys: string[]; current: string; values: Record<string, (number | null)[]>; lines: Record<string, (number | null)[]> };
  it("2010 to 2024, the latest drawn, every département with a value every year (0 n.d.)", () => {
    expect(frames.keys).toEqual(Array.from({ length: 15 }, (_, i) => String(2010 + i)));
    expect(frames.current).toBe("2024");
    expect(Object.keys(frames.values).sort()).toEqual([...reference].sort());
    for (const code of reference) expect(frames.values[code]!.every((v) => typeof v === "number"), code).toBe(true);
  });
  it("each frame's value and line are the CSV's, row by row", () => {
    for (const row of dataset.rows) {
      const i = frames.keys.indexOf(String(row.annee));
      expect(frames.values[String(row.departement)]![i]).toBe(row.part_ij);
      expect(frames.lines[String(row.departement)]![i]).toBe(row.ligne_ij);
    }
  });
  it("Pyrénées-Atlantiques in 2019 reads 64's share of that year (as the raw file gives it: poste 7 ÷ total)", () => {
    const row = dataset.rows.find((r) => r.departement === "64" && r.annee === 2019)!;
    const raw = site.catalogue.raws.get("cnam-prescriptions")!;
    const amount = Number(raw.at(row.ligne_ij as number)![6]);
    const total = Number(raw.at(row.ligne_total as number)![6]);
    expect(raw.at(row.ligne_ij as number)!.slice(0, 6)).toEqual(["2019", "Ensemble des médecins", "75", "64", "Pyrénées-Atlantiques", "7"]);
    expect(frames.values["64"]![9]).toBe(Math.round((amount / total) * 10000) / 100);
  });
});

describe("a missing reading is never drawn as 0", () => {
  it("observationValues skips a row without a number instead of reading it as 0", () => {
    const dataset = site.catalogue.datasets.get("observations-departementales")!;
    const base = dataset.rows.find((r) => typeof r.valeur === "number")!;
    const rows: Row[] = [{ ...base, departement: "64", valeur: null }, { ...base, departement: "01" }];
    const ctx = { label: (column: string, code: Row[string] | undefined) => labelOf(dataset, column, code ?? null), dataset, catalogue: site.catalogue };
    const values = observationValues(rows, dataset, ctx);
    expect(values.map((v) => v.code)).toEqual(["01"]);
    const chart = renderChart({ ...site.charts.get("carte-jours-ij-2010")!.spec, rows: () => rows }, dataset, site.catalogue);
    const { ndFill, main } = shapes(chart.svg);
    expect(main.find((s) => s.code === "64")!.fill).toBe(ndFill);
  });
});
