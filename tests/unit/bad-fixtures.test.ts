import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, report, reportWithHints, siteWith } from "../setup/fixture-site.ts";

/**
 * Every folder of tests/fixtures/bad/ overlays a few files on the valid fixture site
 * (tests/fixtures/base/) and sits next to the exact report it must produce (expected.txt):
 * adding a case adds a test. The expected report is written by a person, never by this test:
 * a case without expected.txt fails (with or without CI), and only a case named *-accepted may
 * expect an empty report, so a bad case the checker misses cannot record its own silence.
 */
export function expectedReport(dir: string): string {
  const file = join(dir, "expected.txt");
  if (!existsSync(file)) throw new Error(`${file} is missing: write the report this case must produce (the test never writes it)`);
  const text = readFileSync(file, "utf8").trimEnd();
  if (text === "" && !dir.replace(/\/$/, "").endsWith("-accepted"))
    throw new Error(`${file} is empty: a bad case must expect at least one problem (name the folder *-accepted for valid input)`);
  return text;
}

describe("the fixture site", () => {
  it("is valid as it stands", () => {
    expect(report(siteWith())).toBe("");
  });
});

describe("bad data corpus (tests/fixtures/bad)", () => {
  for (const name of readdirSync(join(FIXTURES, "bad")).sort()) {
    it(`${name} → its expected report`, () => {
      const dir = join(FIXTURES, "bad", name);
      const wanted = expectedReport(dir);
      expect(reportWithHints(siteWith(dir))).toBe(wanted);
    });
  }
});

describe("expectedReport(dir)", () => {
  it("refuses a case without expected.txt, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "so-case-"));
    try {
      expect(() => expectedReport(dir)).toThrow(/expected\.txt is missing/);
      expect(existsSync(join(dir, "expected.txt"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("refuses an empty report unless the case is named *-accepted", () => {
    expect(() => expectedReport(join(FIXTURES, "bad", "bom-and-crlf-accepted"))).not.toThrow();
    const dir = mkdtempSync(join(tmpdir(), "so-case-"));
    try {
      writeFileSync(join(dir, "expected.txt"), "\n");
      expect(() => expectedReport(dir)).toThrow(/is empty/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
