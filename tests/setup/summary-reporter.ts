import type { Reporter, SerializedError, TestModule } from "vitest/node";

/**
 * Ends the run with the plain line CI reads: "tests: N passed, N failed". A test file that fails to load
 * (import error, module-level throw) or whose hook fails (beforeAll) runs none of its tests: it counts as
 * one failure, otherwise a broken build would read « 13 passed, 1 failed » while hundreds never ran.
 * Errors outside any test (unhandled rejections) count too.
 */
export function summaryLine(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let broken = 0;
  for (const m of modules) {
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === "passed") passed++;
      else if (state === "failed") failedHere++;
      else skipped++;
    }
    failed += failedHere;
    const suiteErrors = m.errors().length + [...m.children.allSuites()].reduce((n, s) => n + s.errors().length, 0);
    if (failedHere === 0 && (suiteErrors > 0 || m.state() === "failed")) broken++;
  }
  const unhandled = unhandledErrors.length;
  const total = failed + broken + unhandled;
  const why = [broken ? `${broken} test file(s) failed to load or in a hook` : "", unhandled ? `${unhandled} unhandled error(s)` : ""].filter(Boolean).join(", ");
  return `tests: ${passed} passed, ${total} failed${why ? ` (${why})` : ""}${skipped ? `, ${skipped} skipped` : ""}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    console.log(`\n${summaryLine(modules, unhandledErrors)}`);
  }
}
