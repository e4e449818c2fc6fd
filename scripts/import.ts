/**
 * `npm run data:import`: derives every dataset that comes from an official file of data/raw/
 * (see data/README.md). Each file's sha256 is checked against its card, then its importer runs;
 * the derived CSVs are written only when every file imported without a problem, so a refused file
 * leaves data/ exactly as it was. `--check` writes nothing and exits 1 if a derived file would change.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatProblem, sortProblems, type Problem } from "../src/lib/problems.ts";
import { deriveAll, formatDerived, readReference } from "../src/lib/raw/derive.ts";

export function runImport(args: string[], root = process.cwd()): number {
  const { values } = parseArgs({ args, options: { check: { type: "boolean", default: false } } });
  const problems: Problem[] = [];
  const departements = readReference(root);
  if (departements.length === 0) {
    console.error("data/departements.csv : attendu la référence des départements (npm run data:departements), trouvé aucune");
    return 1;
  }
  const { tables } = deriveAll(root, departements, problems);
  if (problems.length) {
    for (const p of sortProblems(problems)) console.error(formatProblem(p));
    console.error(`\n${problems.length} problème(s) : rien n'a été écrit.`);
    return 1;
  }
  let changed = 0;
  for (const table of tables) {
    const path = join(root, "data", `${table.id}.csv`);
    const text = formatDerived(table);
    const same = existsSync(path) && readFileSync(path, "utf8") === text;
    if (!same) changed++;
    if (values.check) {
      if (!same) console.error(`data/${table.id}.csv : diffère de ce que produit l'import`);
      continue;
    }
    if (!same) writeFileSync(path, text);
    console.log(`data/${table.id}.csv : ${table.rows.length} lignes${same ? " (inchangé)" : " écrites"}`);
  }
  return values.check && changed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(runImport(process.argv.slice(2)));
