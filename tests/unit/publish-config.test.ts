import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

/** The GitHub Pages workflow builds as everyone else does, with only the base path set from the repository. */
const ROOT = join(import.meta.dirname, "..", "..");
const workflow = parse(readFileSync(join(ROOT, ".github", "workflows", "pages.yml"), "utf8")) as {
  jobs: { build: { steps: { run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }[] } };
};
const steps = workflow.jobs.build.steps;

describe(".github/workflows/pages.yml", () => {
  it("installs and builds with the same two commands as CI (.ci/run) and the README", () => {
    const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8");
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs).toEqual(["npm ci --no-audit --no-fund", "npm run build"]);
    expect(ci).toContain("npm ci --no-audit --no-fund");
  });

  it("sets the base path from the repository name (root for <owner>.github.io) and publishes dist/", () => {
    const build = steps.find((s) => s.run === "npm run build")!;
    expect(build.env?.SO_BASE_PATH).toContain("format('/{0}/', github.event.repository.name)");
    expect(build.env?.SO_BASE_PATH).toContain("endsWith(github.event.repository.name, '.github.io') && '/'");
    expect(build.env?.SO_SITE_URL).toContain("format('https://{0}.github.io', github.repository_owner)");
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact"))?.with?.path).toBe("dist");
  });
});
