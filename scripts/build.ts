/**
 * `npm run build`: checks the data, then builds the site into a fresh folder and swaps it in.
 * On any problem the previous dist/ stays exactly as it was, so a bad CSV never takes the site down.
 * Failure points, each tested in tests/build-safety.test.ts: the check, astro build (non-zero exit or
 * no process at all), the post-build steps, and the swap itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { countOf } from "../src/lib/format.ts";
import { formatProblemWithHint, sortProblems } from "../src/lib/problems.ts";
import { legalWarning, loadSiteConfig } from "../src/lib/site-config.ts";
import { staleEmbedHeights } from "../src/site/embed-page.ts";
import { loadSite, type Site } from "../src/site/site.ts";
import { postBuild } from "./postbuild.ts";

/** The steps of a build. Tests replace one with a failing stand-in to prove dist/ survives it. */
export interface BuildSteps {
  /** Loads and checks data/, content/ and the charts; any problem stops the build before anything is written. */
  check(root: string): Site;
  /** `astro build` into the staging folder; returns its exit status (null when it was killed or never ran). */
  astro(root: string, staging: string, cacheDir: string): number | null;
  /** Images, LISEZMOI, search index: into the staging folder, before the swap. */
  postBuild(root: string, site: Site, staging: string): void;
}

function runAstro(root: string, staging: string, cacheDir: string): number | null {
  const astro = spawnSync(process.execPath, [resolve(root, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SO_OUT_DIR: staging, SO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: "1" }
  });
  return astro.error ? null : astro.status;
}

export const productionSteps: BuildSteps = { check: loadSite, astro: runAstro, postBuild };

export function buildSite(root: string, outDir: string, steps: BuildSteps = productionSteps): void {
  const site = steps.check(root);
  const config = loadSiteConfig(root);
  const problems = [...site.problems, ...config.problems];
  if (problems.length > 0) {
    const list = sortProblems(problems).map(formatProblemWithHint).join("\n");
    throw new Error(`${list}\n\n${problems.length} problème(s) dans les données : construction annulée, dist/ inchangé.`);
  }
  // Not a reason to stop: the site can be built and tried before the publisher's identity is known.
  const warning = legalWarning(config);
  if (warning) console.warn(warning);
  // (The build's tests replace the check by a stand-in site without charts.)
  const stale = site.charts ? staleEmbedHeights(site.charts.values(), site.catalogue) : [];
  if (stale.length > 0)
    console.warn(
      `Attention : ${countOf(stale.length, "graphique a changé", "graphiques ont changé")} de mise en page depuis la mesure de ${stale.length > 1 ? "leurs" : "sa"} hauteur d'intégration (${stale.join(", ")}) : ` +
        `le code d'intégration utilise une estimation. Lancez npm run embed:measure (voir README, « Intégrations »).`
    );
  // Per-process staging and cache: two builds at once (tests, a maintainer) never write into each other.
  mkdirSync(resolve(root, ".build"), { recursive: true });
  const work = mkdtempSync(resolve(root, ".build", "run-"));
  const staging = resolve(work, "dist");
  try {
    const status = steps.astro(root, staging, resolve(work, "cache"));
    if (status !== 0) throw new Error(`astro build a échoué (code ${status}) : dist/ inchangé.`);
    try {
      steps.postBuild(root, site, staging);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nétapes après astro build en échec : dist/ inchangé.`);
    }
    swapInto(staging, resolve(root, outDir));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Replaces `target` by `staging` with two renames. If the second fails, the previous folder is put back:
 * the old site stays online rather than none at all.
 */
export function swapInto(staging: string, target: string): void {
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadTarget) renameSync(previous, target);
    throw new Error(`${(error as Error).message}\nremplacement de dist/ en échec : dist/ inchangé.`);
  }
  rmSync(previous, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  try {
    buildSite(process.cwd(), process.env.SO_DIST ?? "dist");
    console.log(`Site construit dans dist/ en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
