import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The house has layers, and imports only run down them: src/lib (pure data: no chart, no page) ←
 * src/charts (drawings) ← src/site (the assembled site: catalogue, charts rendered, articles) ←
 * src/components ← src/layouts ← src/pages. A module importing from a layer above its own fails here.
 */
const SRC = resolve(import.meta.dirname, "..", "..", "src");
const LAYERS = ["lib", "charts", "site", "components", "layouts", "pages"] as const;
const rank = (path: string) => LAYERS.indexOf(relative(SRC, path).split(sep)[0] as (typeof LAYERS)[number]);

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Relative imports of a module (static and type imports, re-exports, dynamic imports). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|import\s+["']([^"']+)["']/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]!)
    .filter((s) => s.startsWith("."));
}

describe("layers", () => {
  it("finds the imports of a module", () => {
    expect(importsOf(`import { a } from "../charts/x.ts";\nimport type { B } from "./y.ts";\nexport * from "../site/z.ts";\nconst c = await import("../pages/w.ts");\nimport "./side.css";`)).toEqual([
      "../charts/x.ts",
      "./y.ts",
      "../site/z.ts",
      "../pages/w.ts",
      "./side.css"
    ]);
  });

  it("no module imports from a layer above its own", () => {
    const upward: string[] = [];
    for (const file of modules(SRC)) {
      const own = rank(file);
      if (own < 0) continue;
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        const target = resolve(file, "..", spec);
        const theirs = rank(target);
        if (theirs > own) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
