import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");

describe("summary line (tests/setup/summary-reporter.ts)", () => {
  it("counts a file that fails to load and a failing beforeAll as failures, not as silence", () => {
    // tests/fixtures/summary: one passing and one failing test, a file that throws on import, a suite whose beforeAll throws.
    const run = spawnSync(process.execPath, [resolve(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/fixtures/summary/vitest.config.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, SO_SKIP_BUILD: "1" }
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^tests: 1 passed, 3 failed \(2 test file\(s\) failed to load or in a hook\), 2 skipped$/m);
  });
});
