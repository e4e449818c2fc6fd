import { readFileSync } from "node:fs";
import { join } from "node:path";
import { csvFormatRows } from "d3-dsv";
import { describe, expect, it } from "vitest";
import { departementRows } from "../../scripts/departements.ts";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { formatProblem } from "../../src/lib/problems.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const catalogue = loadCatalogue(ROOT);

describe("the curated data in data/", () => {
  it("passes every check, every figure shown in its own excerpt (npm run data:check)", () => {
    expect(catalogue.problems.map(formatProblem)).toEqual([]);
  });
  it("has exactly 101 départements, 96 metropolitan and 5 DROM, codes as text", () => {
    const rows = catalogue.datasets.get("departements")!.rows;
    expect(rows).toHaveLength(101);
    expect(rows.filter((r) => r.zone === "drom").map((r) => r.code)).toEqual(["971", "972", "973", "974", "976"]);
    expect(rows.map((r) => r.code)).toContain("2A");
    expect(rows[0]!.code).toBe("01");
  });
  it("regenerates the départements reference identically from its script", () => {
    expect(csvFormatRows(departementRows()) + "\n").toBe(readFileSync(join(ROOT, "data", "departements.csv"), "utf8"));
  });
  it("declares every scope it uses once, with a French definition", () => {
    for (const [id, d] of catalogue.datasets) {
      const scope = d.meta.columns.find((c) => c.name === "perimetre");
      if (!scope) continue;
      for (const [code, label] of Object.entries(scope.values ?? {})) expect(label.length, `${id}: ${code}`).toBeGreaterThan(10);
    }
  });
  it("keeps conflicting readings side by side rather than picking one (2023 campaign)", () => {
    const rows = catalogue.datasets.get("campagnes-prescripteurs")!.rows.filter((r) => r.campagne === "2023" && r.etape === "msap");
    expect(new Set(rows.map((r) => r.valeur)).size).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.source)).size).toBe(rows.length);
  });
});
