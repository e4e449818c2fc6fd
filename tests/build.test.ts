import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { builtSite } from "./setup/site.ts";
import { buildSite } from "../scripts/build.ts";

const ROOT = resolve(import.meta.dirname, "..");


describe("the build (npm run build)", () => {
  it("writes the home, article and chart pages as static HTML with inline SVG charts", () => {
    const dist = builtSite().distDir;
    const home = readFileSync(join(dist, "index.html"), "utf8");
    expect(home).toMatch(/<html lang="fr">/);
    const chart = readFileSync(join(dist, "graphiques", "ij-risques-2023", "index.html"), "utf8");
    expect(chart).toMatch(/<figure class="chart"[^>]*>[\s\S]*<svg[^>]*role="img"/);
    expect(chart).not.toMatch(/<script\b[^>]*src="https?:/);
  });

  it("stops on bad data and leaves the previous dist/ untouched", () => {
    const copy = mkdtempSync(join(tmpdir(), "so-build-"));
    try {
      for (const entry of ["data", "content", "src", "public", "astro.config.mjs", "package.json", "tsconfig.json"])
        cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      const out = join(copy, "dist");
      cpSync(join(ROOT, "tests", "fixtures", "base", "content"), out, { recursive: true });
      const csv = join(copy, "data", "departements.csv");
      writeFileSync(csv, readFileSync(csv, "utf8").replace("\n01,Ain,84", "\n01,Ain,84,en trop"));
      expect(() => buildSite(copy, "dist")).toThrow(/data\/departements\.csv:2:9 nombre de champs incorrect : attendu 8 .*trouvé 9[\s\S]*dist\/ inchangé/);
      expect(existsSync(join(out, "articles", "exemple.md"))).toBe(true);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
