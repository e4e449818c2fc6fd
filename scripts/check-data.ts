/**
 * `npm run data:check`: checks every dataset, source and article without building the site.
 * Prints each problem (file:line:column message [code], then a hint line) and exits 1 if there is any.
 */
import { formatProblemWithHint, sortProblems } from "../src/lib/problems.ts";
import { legalWarning, loadSiteConfig } from "../src/lib/site-config.ts";
import { loadSite } from "../src/site/site.ts";

const root = process.argv[2] ?? process.cwd();
const site = loadSite(root);
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
