import { createHash } from "node:crypto";
import type { Dataset, Row } from "../lib/dataset.ts";
import type { Problem } from "../lib/problems.ts";
import type { ChartSpec } from "./define.ts";

/**
 * A chart's headline is a claim about its rows. Two guards keep it true:
 * - the declaration stores, next to the title, the fingerprint of the rows drawn when the title was last
 *   read against them (`reviewedRows`); when the rows change, the check names the chart and its title,
 *   and the build stops until a person has re-read it and stored the new fingerprint;
 * - a direction the title states (« ont reculé », « progressent ») is declared as a claim that the check
 *   runs on the rows drawn, so a new year that reverses it fails even once the fingerprint is accepted.
 * Figures the title states (« 6,3 % ») are matched to the rows by the chart-words figure check.
 */

/** A direction (or comparison) the title states, checked against the rows drawn. */
export interface HeadlineClaim {
  /** The words of the title that state it, verbatim: a claim names the words it stands behind. */
  says: string;
  /** Undefined when the rows bear it out, else what they show instead (for the failure message). */
  check: (rows: Row[]) => string | undefined;
}

/** Column types that say where a figure comes from or quote it: a better source or a corrected quote leaves the claim as it was. */
const PROVENANCE_TYPES = new Set(["source", "text"]);

/**
 * The fingerprint of the rows a chart draws: the first 12 hex digits of the sha256 of its canonical rows
 * — one JSON line per row, with the columns the chart shows (its `columns`, else the dataset's) except
 * sources and quotes, lines sorted so that the order of the CSV does not count.
 */
export function rowsFingerprint(rows: Row[], dataset: Dataset, columns?: string[]): string {
  const shown = (columns ?? dataset.meta.columns.map((c) => c.name)).filter((name) => {
    const col = dataset.meta.columns.find((c) => c.name === name);
    return !col || !PROVENANCE_TYPES.has(col.type);
  });
  const lines = rows.map((r) => JSON.stringify(shown.map((c) => r[c] ?? null))).sort();
  return createHash("sha256").update(`${shown.join(",")}\n${lines.join("\n")}`).digest("hex").slice(0, 12);
}

/**
 * Words that state a direction of the figures: verbs and « en hausse / en baisse », « plus vite ». A noun
 * (« la hausse des IJ ») names a subject, not a claim about the rows, and is left alone.
 */
const DIRECTION =
  /(?<![\p{L}])(?:recul|baiss|augment|progress|diminu|chut|repli|remont|stagn)(?:é|ée|és|ées|e|es|ent|ait|aient|er)(?![\p{L}])|(?<![\p{L}])en (?:hausse|baisse|recul|repli)(?![\p{L}])|(?<![\p{L}])(?:plus|moins) vite(?![\p{L}])/giu;

/** The direction words of a title, with their offsets. */
export function directionWords(title: string): { word: string; index: number }[] {
  return [...title.matchAll(DIRECTION)].map((m) => ({ word: m[0], index: m.index }));
}

/** The line of a chart module that holds a text, 1-based (undefined when the module does not write it as is). */
function lineOf(source: string | undefined, text: string): { line: number; column: number } | undefined {
  if (!source) return undefined;
  const lines = source.split("\n");
  const i = lines.findIndex((l) => l.includes(text));
  return i >= 0 ? { line: i + 1, column: lines[i]!.indexOf(text) + 1 } : undefined;
}

/**
 * Checks a chart's headline against its rows: the fingerprint of the rows drawn is the one reviewed, every
 * direction word of the title is covered by a declared claim, and every claim holds.
 */
export function checkHeadline(file: string, spec: ChartSpec, rows: Row[], dataset: Dataset, source?: string): Problem[] {
  const problems: Problem[] = [];
  const found = rowsFingerprint(rows, dataset, spec.columns);
  const titleAt = lineOf(source, spec.title);
  if (spec.reviewedRows !== found) {
    const at = (spec.reviewedRows && lineOf(source, spec.reviewedRows)) || titleAt;
    problems.push({
      file,
      ...at,
      code: spec.reviewedRows ? "headline/rows-changed" : "headline/unreviewed",
      message: `chart "${spec.id}": rows drawn ${spec.reviewedRows ? "changed since its headline was reviewed" : "never reviewed against its headline"}, re-read the title « ${spec.title} »: expected rows fingerprint ${JSON.stringify(spec.reviewedRows ?? "")}, found ${JSON.stringify(found)}`,
      hint: `read the title against the chart's rows (page /graphiques/${spec.id}/ or its table), correct it if it no longer holds, then set reviewedRows: "${found}" — or run npm run data:check -- --accept-headlines, which prints the titles to re-read and writes the new fingerprints`
    });
  }
  const claims = spec.claims ?? [];
  for (const claim of claims) {
    if (!spec.title.includes(claim.says)) {
      problems.push({
        file,
        ...(lineOf(source, claim.says) ?? titleAt),
        code: "headline/stale-claim",
        message: `chart "${spec.id}" claim: expected words of the title, found « ${claim.says} », which the title « ${spec.title} » does not say`,
        hint: "make the claim's `says` the words of the title it checks, or remove the claim"
      });
      continue;
    }
    const failure = claim.check(rows);
    if (failure)
      problems.push({
        file,
        ...(lineOf(source, claim.says) ?? titleAt),
        code: "headline/claim-false",
        message: `chart "${spec.id}" headline: expected the rows drawn to bear out « ${claim.says} », found ${failure}`,
        hint: "rewrite the title so that it says what the rows show (then update its claim and reviewedRows)"
      });
  }
  for (const d of directionWords(spec.title)) {
    const covered = claims.some((c) => {
      const start = spec.title.indexOf(c.says);
      return start >= 0 && start <= d.index && d.index + d.word.length <= start + c.says.length;
    });
    if (!covered)
      problems.push({
        file,
        ...titleAt,
        code: "headline/unchecked-direction",
        message: `chart "${spec.id}" headline: expected a claim checking « ${d.word} » against the rows, found none in the title « ${spec.title} »`,
        hint: "declare it in `claims` (see src/charts/claims.ts), or write a title that states no direction"
      });
  }
  return problems;
}
