import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { matchesSnapshotFile, underCi } from "../setup/snapshot.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");

describe("tests never write their own expectations under CI", () => {
  it(".ci/run exports CI=true before it runs the tests", () => {
    const script = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    const exported = script.search(/^export CI=true$/m);
    expect(exported).toBeGreaterThan(0);
    expect(exported).toBeLessThan(script.search(/^npm test$/m));
  });

  it("reads CI as Vitest does", () => {
    expect(underCi({ CI: "true" })).toBe(true);
    expect(underCi({ CI: "1" })).toBe(true);
    expect(underCi({ CI: "false" })).toBe(false);
    expect(underCi({})).toBe(false);
  });

  it("a missing snapshot fails under CI and is not written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "so-snap-"));
    try {
      const file = join(dir, "absent.svg");
      await expect(matchesSnapshotFile("<svg/>\n", file, import.meta.filename, { CI: "true" })).rejects.toThrow(/absent\.svg is missing/);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
