/**
 * `npm run data:check`: checks every dataset, source and article without building the site.
 * Prints each problem (file:line:column message [code], then a hint line) and exits 1 if there is any.
 *
 * `npm run data:check -- --accept-headlines`: after the rows a chart draws changed, prints each such
 * chart's title to re-read and stores the new fingerprint of its rows next to the title (reviewedRows),
 * then checks again. It never touches a title: one that no longer holds must be rewritten by hand.
 */
import { formatProblemWithHint, sortProblems } from "../src/lib/problems.ts";
import { legalWarning, loadSiteConfig } from "../src/lib/site-config.ts";
import { acceptHeadline, headlinesToReview } from "../src/site/headline-review.ts";
import { loadSite } from "../src/site/site.ts";

const args = process.argv.slice(2);
const accept = args.includes("--accept-headlines");
const root = args.find((a) => !a.startsWith("--")) ?? process.cwd();
const site = loadSite(root);
if (accept) {
  const review = headlinesToReview(site);
  if (review.length === 0) console.log("Aucun titre à relire : les lignes tracées sont celles déjà relues.");
  for (const h of review) {
    const stored = acceptHeadline(root, h);
    console.log(`À relire — ${h.id} (${h.file}) :\n  « ${h.title} »\n  ${stored ? `empreinte ${h.reviewed ?? "(aucune)"} → ${h.found} enregistrée` : `collez reviewedRows: "${h.found}" dans sa déclaration`}`);
  }
  if (review.length > 0) {
    console.log(`\n${review.length} titre(s) à relire contre leurs lignes (page /graphiques/<id>/ ou son tableau) ; corrigez ceux qui ne tiennent plus.\n`);
    // The chart modules changed on disk: check again in a fresh process so they are read anew.
    const { spawnSync } = await import("node:child_process");
    const again = spawnSync(process.execPath, [process.argv[1]!, root], { stdio: "inherit" });
    process.exit(again.status ?? 1);
  }
}
const config = loadSiteConfig(root);
const problems = [...site.problems, ...config.problems];
if (problems.length > 0) {
  for (const p of sortProblems(problems)) console.error(formatProblemWithHint(p));
  console.error(`\n${problems.length} problème(s) : corrigez les fichiers ci-dessus puis relancez npm run data:check.`);
  process.exit(1);
}
const warning = legalWarning(config);
if (warning) console.warn(warning);
const rows = [...site.catalogue.datasets.values()].reduce((n, d) => n + d.rows.length, 0);
console.log(
  `OK — ${site.catalogue.datasets.size} jeux de données (${rows} lignes), ${site.catalogue.sources.size} sources, ` +
    `${site.charts.size} graphiques, ${site.articles.length} articles vérifiés.`
);
