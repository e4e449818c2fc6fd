import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, report, siteWith } from "../setup/fixture-site.ts";

/**
 * Every folder of tests/fixtures/bad/ overlays a few files on the valid fixture site
 * (tests/fixtures/base/) and sits next to the exact report it must produce (expected.txt):
 * adding a case adds a test.
 */

/**
 * Every folder of tests/fixtures/bad/ overlays a few files on the valid fixture site
 * (tests/fixtures/base/) and sits next to the exact report it must produce (expected.txt):
 * adding a case adds a test.
 */
describe("the fixture site", () => {
  it("is valid as it stands", () => {
    expect(report(siteWith())).toBe("");
  });
});

describe("bad data corpus (tests/fixtures/bad)", () => {
  for (const name of readdirSync(join(FIXTURES, "bad")).sort()) {
    it(`${name} → its expected report`, () => {
      const dir = join(FIXTURES, "bad", name);
      const actual = report(siteWith(dir));
      const expectedFile = join(dir, "expected.txt");
      if (!existsSync(expectedFile)) {
        if (process.env.CI === "true") throw new Error(`${expectedFile} is missing (never created under CI)`);
        writeFileSync(expectedFile, actual + "\n");
      }
      expect(actual).toBe(readFileSync(expectedFile, "utf8").trimEnd());
    });
  }
});
