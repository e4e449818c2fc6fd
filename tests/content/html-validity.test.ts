import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlPages } from "../browser/lib.ts";
import { builtSite } from "../setup/site.ts";
import { formatVnu, vnuErrors } from "../setup/vnu.ts";

const PAGE = (body: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

describe("valid HTML (Nu HTML Checker)", () => {
  it("finds the errors it is meant to find, in pages nested in sub-folders", () => {
    // The control that keeps the check honest: a checker that reports nothing would pass the real test too.
    const dir = mkdtempSync(join(tmpdir(), "so-vnu-"));
    try {
      mkdirSync(join(dir, "a", "b"), { recursive: true });
      writeFileSync(join(dir, "index.html"), PAGE("<p>Bonjour</p>"));
      writeFileSync(join(dir, "a", "b", "index.html"), PAGE(`<svg viewBox="0 0 1 1"><g font-variant="tabular-nums"><text>1</text></g></svg>`) + "<script>1</script>");
      const errors = vnuErrors(dir);
      expect(errors.map((e) => e.file)).toEqual(expect.arrayContaining([join("a", "b", "index.html")]));
      expect(errors.map((e) => e.message).join("\n")).toMatch(/font-variant/);
      expect(errors.every((e) => e.file !== "index.html")).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("reports 0 errors on every built page", () => {
    const { distDir } = builtSite();
    expect(htmlPages(distDir).length).toBeGreaterThan(100);
    const errors = vnuErrors(distDir);
    expect(errors, `${errors.length} error(s) from the Nu HTML Checker:\n${formatVnu(errors)}`).toEqual([]);
  }, 600_000); // one JVM over ~200 pages: 10 s on an idle machine, minutes on a busy one
});
