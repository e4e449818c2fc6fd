import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import { DROM_BOXES, encodeRings, mapGeometry, parseRelativePath, PARIS_CODES } from "../../src/lib/geo.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const catalogue = loadCatalogue(ROOT);
const geometry = mapGeometry();
const reference = catalogue.datasets.get("departements")!.rows.map((r) => String(r.code));

/** Absolute points of a path written by encodeRings (M/m, l, implicit pairs, z). */
function points(d: string): [number, number][] {
  return parseRelativePath(d.replace(/(\d)-/g, "$1 -")).flat();
}

function boundsOf(d: string): [number, number, number, number] {
  const ps = points(d);
  return [Math.min(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[1]))];
}

describe("map geometry: one shape per département of the reference, joined on the code as text", () => {
  it("has exactly one shape for each of the 101 reference départements, and no other", () => {
    const codes = geometry.shapes.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...reference].sort());
    expect(codes).toHaveLength(101);
  });

  it("draws 96 metropolitan départements from @svg-maps and the 5 DROM in insets", () => {
    expect(geometry.shapes.filter((s) => s.frame === "metro")).toHaveLength(96);
    expect(geometry.shapes.filter((s) => s.frame === "drom").map((s) => s.code)).toEqual(["971", "972", "973", "974", "976"]);
    expect(geometry.shapes.map((s) => s.code)).toEqual(expect.arrayContaining(["01", "2A", "2B", "75", "95"]));
  });

  it("finds a shape for every département code used anywhere in data/", () => {
    const shapes = new Set(geometry.shapes.map((s) => s.code));
    for (const [id, dataset] of catalogue.datasets)
      for (const column of dataset.meta.columns.filter((c) => c.type === "departement"))
        for (const row of dataset.rows) {
          const code = row[column.name];
          if (code !== null && code !== undefined) expect(shapes.has(String(code)), `${id}.${column.name} = ${code}`).toBe(true);
        }
  });

  it("fits each DROM inside its own inset box, below the metropolitan map", () => {
    for (const drom of DROM_BOXES) {
      const shape = geometry.shapes.find((s) => s.code === drom.code)!;
      const inset = geometry.insets.find((i) => i.code === drom.code)!;
      const [x0, y0, x1, y1] = boundsOf(shape.path);
      expect(x0, drom.label).toBeGreaterThanOrEqual(inset.x);
      expect(x1, drom.label).toBeLessThanOrEqual(inset.x + inset.width);
      expect(y0, drom.label).toBeGreaterThanOrEqual(inset.y);
      expect(y1, drom.label).toBeLessThanOrEqual(inset.y + inset.height);
      expect(x1 - x0, `${drom.label} is drawn at a readable size`).toBeGreaterThan(inset.width / 3);
    }
  });

  it("repeats Paris and its inner ring, enlarged, in the zoom box", () => {
    const { paris } = geometry;
    expect(paris.shapes.map((s) => s.code)).toEqual(PARIS_CODES);
    for (const s of paris.shapes) {
      const [x0, y0, x1, y1] = boundsOf(s.path);
      expect(x0).toBeGreaterThanOrEqual(paris.x);
      expect(x1).toBeLessThanOrEqual(paris.x + paris.width);
      expect(y0).toBeGreaterThanOrEqual(paris.y);
      expect(y1).toBeLessThanOrEqual(paris.y + paris.height);
    }
    const metroParis = boundsOf(geometry.shapes.find((s) => s.code === "75")!.path);
    const zoomParis = boundsOf(paris.shapes[0]!.path);
    expect(zoomParis[2] - zoomParis[0]).toBeGreaterThan(3 * (metroParis[2] - metroParis[0]));
  });
});

describe("path encoding", () => {
  it("rounds absolute points, so that errors never add up along a ring", () => {
    const ring: [number, number][] = [];
    for (let i = 0; i < 200; i++) ring.push([10 + i * 0.33333, 20 + Math.sin(i) * 5.55555]);
    const decoded = points(encodeRings([ring]));
    const expected = ring.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
    expect(decoded).toHaveLength(expected.length);
    decoded.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(expected[i]![0]!, 6);
      expect(y).toBeCloseTo(expected[i]![1]!, 6);
    });
  });

  it("keeps several rings (islands) each closed, the second relative to the first", () => {
    const d = encodeRings([
      [
        [0, 0],
        [10, 0],
        [10, 10]
      ],
      [
        [20, 20],
        [30, 20],
        [30, 30]
      ]
    ]);
    expect(d).toBe("M0,0l10,0 0,10zm20,20l10,0 0,10z");
    expect(parseRelativePath(d)).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 10]
      ],
      [
        [20, 20],
        [30, 20],
        [30, 30]
      ]
    ]);
  });
});
