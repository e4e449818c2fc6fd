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
      message: `graphique "${spec.id}" : lignes tracées ${spec.reviewedRows ? "modifiées depuis la relecture de son titre" : "jamais relues avec son titre"} ; relisez le titre « ${spec.title} » : attendu l'empreinte de lignes ${JSON.stringify(spec.reviewedRows ?? "")}, trouvé ${JSON.stringify(found)}`,
      hint: `relisez le titre contre les lignes du graphique (page /graphiques/${spec.id}/ ou son tableau), corrigez-le s'il ne tient plus, puis écrivez reviewedRows: "${found}" — ou lancez npm run data:check -- --accept-headlines, qui affiche les titres à relire et enregistre les nouvelles empreintes`
    });
  }
  const claims = spec.claims ?? [];
  for (const claim of claims) {
    if (!spec.title.includes(claim.says)) {
      problems.push({
        file,
        ...(lineOf(source, claim.says) ?? titleAt),
        code: "headline/stale-claim",
        message: `graphique "${spec.id}", affirmation : attendu des mots du titre, trouvé « ${claim.says} », que le titre « ${spec.title} » ne dit pas`,
        hint: "faites de `says` les mots du titre que l'affirmation vérifie, ou supprimez l'affirmation"
      });
      continue;
    }
    const failure = claim.check(rows);
    if (failure)
      problems.push({
        file,
        ...(lineOf(source, claim.says) ?? titleAt),
        code: "headline/claim-false",
        message: `graphique "${spec.id}", titre : attendu des lignes tracées qui confirment « ${claim.says} », trouvé ${failure}`,
        hint: "réécrivez le titre pour qu'il dise ce que montrent les lignes (puis mettez à jour son affirmation et reviewedRows)"
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
        message: `graphique "${spec.id}", titre : attendu une affirmation qui vérifie « ${d.word} » sur les lignes, trouvé aucune dans le titre « ${spec.title} »`,
        hint: "déclarez-la dans `claims` (voir src/charts/claims.ts), ou écrivez un titre qui n'énonce aucune tendance"
      });
  }
  return problems;
}
