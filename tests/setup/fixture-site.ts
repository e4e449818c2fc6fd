import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatProblem, formatProblemWithHint, sortProblems } from "../../src/lib/problems.ts";
import { loadSite } from "../../src/site/site.ts";
import { fixtureCharts } from "../fixtures/charts.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A fresh copy of the valid fixture site (tests/fixtures/base), with a case's files laid over it. */
export function siteWith(overlay?: string): string {
  const root = mkdtempSync(join(tmpdir(), "so-site-"));
  cpSync(join(FIXTURES, "base"), root, { recursive: true });
  if (overlay) for (const entry of readdirSync(overlay)) if (entry !== "expected.txt") cpSync(join(overlay, entry), join(root, entry), { recursive: true });
  return root;
}

/** The checker's problems on a fixture site, one line each (file:line:column message). */
export function report(root: string): string {
  return sortProblems(loadSite(root, fixtureCharts).problems).map(formatProblem).join("\n");
}

/** The checker's report on a fixture site, as `npm run data:check` prints it: with each problem's code and hint. */
export function reportWithHints(root: string): string {
  return sortProblems(loadSite(root, fixtureCharts).problems).map(formatProblemWithHint).join("\n");
}
