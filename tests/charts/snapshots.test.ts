import { describe, expect, it } from "vitest";
import { charts } from "../../src/charts/index.ts";
import { loadSite } from "../../src/site/site.ts";
import { matchesSnapshotFile } from "../setup/snapshot.ts";

/** Plot's own practice: normalise, then compare with the SVG committed in tests/charts/output/. */
function normalise(svg: string): string {
  return svg.replace(/></g, ">\n<").replace(/(\d+\.\d{3})\d+/g, "$1") + "\n";
}

const site = loadSite();

describe("chart snapshots", () => {
  it("every declared chart renders", () => {
    expect([...site.charts.keys()].sort()).toEqual(charts.map((c) => c.id).sort());
  });
  for (const spec of charts) {
    it(`${spec.id} matches tests/charts/output/${spec.id}.svg`, async () => {
      const chart = site.charts.get(spec.id);
      expect(chart, `chart ${spec.id} did not render`).toBeDefined();
      await matchesSnapshotFile(normalise(chart!.svg), `output/${spec.id}.svg`, import.meta.filename);
    });
  }
});
