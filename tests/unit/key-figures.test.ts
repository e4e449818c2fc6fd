import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { HOME_FIGURES, keyFigure } from "../../src/lib/key-figures.ts";

const catalogue = loadCatalogue(process.cwd());
const figure = (id: string) => keyFigure(HOME_FIGURES.find((s) => s.id === id)!, catalogue)!;

describe("home page key figures come from data rows", () => {
  it("has 3 or 4 figures, each selecting existing rows of its dataset", () => {
    expect(HOME_FIGURES.length).toBeGreaterThanOrEqual(3);
    expect(HOME_FIGURES.length).toBeLessThanOrEqual(4);
    for (const spec of HOME_FIGURES) {
      const f = keyFigure(spec, catalogue);
      expect(f, `${spec.id}: no row of data/${spec.dataset}.csv matches ${JSON.stringify(spec.select)}`).toBeDefined();
      const dataset = catalogue.datasets.get(spec.dataset)!;
      for (const r of f!.readings) {
        expect(dataset.rows).toContain(r);
        expect(catalogue.sources.has(String(r.source))).toBe(true);
      }
      // Figures and scope words are never typed: no digit in the editorial text.
      expect(spec.label + spec.scope + (spec.frame ?? "")).not.toMatch(/\d/);
      // The big text carries the figure's frame, so that it is never quoted without it.
      expect(spec.frame, `${spec.id}: a frame in the big text`).toBeTruthy();
    }
  });

  it("IJ prescribed by liberal doctors in 2024: 13,93 Md€ from the France row of the Cnam file (13 927 134 032 €)", () => {
    const f = figure("ij-prescrites-2024");
    expect([f.value, f.unit, f.when]).toEqual(["13,93", "Md€", "en 2024"]);
    expect(f.readings.map((r) => [r.montant, r.source, r.ligne])).toEqual([[13927134032, "cnam-data-ameli-prescriptions", 2160]]);
  });

  it("doctors targeted in 2023: the range of every national reading, the 5 000 set aside with its reason", () => {
    const f = figure("medecins-cibles-2023");
    expect([f.value, f.unit, f.when]).toEqual(["965–1\u202f200", "médecins", "en 2023"]);
    expect(f.readings.length).toBeGreaterThan(2);
    const apart = f.setAside.flatMap((s) => s.rows.map((r) => r.valeur));
    expect(apart).toContain(5000);
    expect(f.readings.some((r) => r.valeur === 5000)).toBe(false);
  });

  it("Bayonne, 21 November 2025: « une soixantaine » to « près de 70 »", () => {
    const f = figure("bayonne-2025-11-21");
    expect([f.value, f.unit, f.when]).toEqual(["60–70", "médecins", "le 21 novembre 2025"]);
    expect(f.readings).toHaveLength(2);
  });

  it("controlled stops judged unjustified in 2024", () => {
    const f = figure("arrets-non-justifies-2024");
    expect([f.value, f.unit, f.when]).toEqual(["33", "%", "en 2024"]);
  });
});
