/**
 * `npm run build`: checks the data, then builds the site into a fresh folder and swaps it in.
 * On any problem the previous dist/ stays exactly as it was, so a bad CSV never takes the site down.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { formatProblem, sortProblems } from "../src/lib/problems.ts";
import { loadSite } from "../src/lib/site.ts";
import { postBuild } from "./postbuild.ts";

export function buildSite(root: string, outDir: string): void {
  const site = loadSite(root);
  if (site.problems.length > 0) {
    const list = sortProblems(site.problems).map(formatProblem).join("\n");
    throw new Error(`${list}\n\n${site.problems.length} problème(s) dans les données : construction annulée, dist/ inchangé.`);
  }
  // Per-process staging and cache: two builds at once (tests, a maintainer) never write into each other.
  mkdirSync(resolve(root, ".build"), { recursive: true });
  const work = mkdtempSync(resolve(root, ".build", "run-"));
  const staging = resolve(work, "dist");
  const astro = spawnSync(process.execPath, [resolve(root, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, SO_OUT_DIR: staging, SO_CACHE_DIR: resolve(work, "cache"), ASTRO_TELEMETRY_DISABLED: "1" }
  });
  if (astro.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`astro build a échoué (code ${astro.status}) : dist/ inchangé.`);
  }
  try {
    postBuild(root, site, staging); // images, LISEZMOI, search index: into the staging folder, before the swap
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\nétapes après astro build en échec : dist/ inchangé.`);
  }
  const target = resolve(root, outDir);
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
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
