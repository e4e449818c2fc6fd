/**
 * Build steps after `astro build`, run on the staging folder before it replaces dist/ (scripts/build.ts):
 * chart images (PNG 2× and 1200×630 social card), the LISEZMOI of each chart's data, the social cards of
 * articles and of the site, then the search index (pagefind, French), and last the _headers file, whose
 * policy hashes the inline scripts and styles of the finished pages. Any failure stops the build and
 * leaves dist/ untouched.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { curlyApostrophes } from "../src/lib/apostrophes.ts";
import { MAX_CREDITED, readmeText, sourceLine } from "../src/lib/citation.ts";
import { chartFiles } from "../src/lib/embed.ts";
import { articleImagePath, SITE_IMAGE_PATH } from "../src/site/page-meta.ts";
import { fileOf, routes } from "../src/lib/routes.ts";
import type { Site } from "../src/site/site.ts";
import { formatDate } from "../src/lib/format.ts";
import { headerRules, headersFileText, siteFiles } from "../src/lib/headers.ts";
import { ARTICLE_DRAWING_WIDTH, articleCard, articlePicture, pictureChart, SITE_NAME, socialPicture } from "../src/charts/picture.ts";
import { chartDates, dataDateLine, datesLine } from "../src/site/chart-dates.ts";
import { PNG_PICTURE, renderPng } from "./png.ts";

/**
 * The site's public address, as astro build used it (astro.config.mjs `site`, SO_SITE_URL): read back
 * from the robots.txt it wrote, so the images and the pages can never disagree on it.
 */
export function builtSiteAddress(outDir: string): string {
  const robots = readFileSync(join(outDir, "robots.txt"), "utf8");
  const m = /^Sitemap:\s*(\S+)$/m.exec(robots);
  if (!m) throw new Error(`${outDir}/robots.txt : attendu une ligne Sitemap:, trouvé aucune`);
  return new URL("/", m[1]).href;
}

/** Writes the file a served path names (base path included, as routes.ts gives it) into the build folder. */
function write(dir: string, path: string, data: string | Buffer): void {
  const file = join(dir, ...fileOf(path).split("/"));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** Images and LISEZMOI files: every chart, every article, the site card. */
export function writeAssets(site: Pick<Site, "charts" | "articles" | "catalogue">, outDir: string, base: string): { files: number } {
  let files = 0;
  for (const chart of site.charts.values()) {
    const { id } = chart.spec;
    const dataset = site.catalogue.datasets.get(chart.spec.dataset);
    if (!dataset) throw new Error(`graphique ${id} : jeu de données ${chart.spec.dataset} introuvable`);
    const paths = chartFiles(id);
    const permalink = new URL(routes.chart(id), base).href;
    const line = sourceLine(chart, site.catalogue.sources, MAX_CREDITED);
    const dates = chartDates(site.catalogue.root, chart, dataset);
    const picture = articlePicture(pictureChart(chart, site.catalogue, ARTICLE_DRAWING_WIDTH), line, permalink, PNG_PICTURE, datesLine(dates));
    write(outDir, paths.png, renderPng(picture).png);
    // The card links to the chart page, where every source is listed: its footer names the page, not a cut list.
    const footer = `Graphique\u00a0: ${SITE_NAME} · ${dataDateLine(dates)} · sources et données\u00a0: ${permalink.replace(/^https?:\/\//, "")}`;
    const social = socialPicture(pictureChart(chart, site.catalogue, ARTICLE_DRAWING_WIDTH), (w, h) => pictureChart(chart, site.catalogue, w, h), footer, PNG_PICTURE);
    write(outDir, paths.social, renderPng(social).png);
    const raw = dataset.meta.derived ? site.catalogue.raws.get(dataset.meta.derived.from)?.card : undefined;
    write(outDir, paths.readme, readmeText(chart, dataset, site.catalogue.sources, permalink, paths, raw, datesLine(dates)));
    files += 3;
  }
  const host = new URL(base).host;
  for (const a of site.articles) {
    write(outDir, articleImagePath(a.slug), renderPng(articleCard(a.title, a.summary, `${host} · Dossier · ${formatDate(a.date)}`, PNG_PICTURE)).png);
    files++;
  }
  write(
    outDir,
    SITE_IMAGE_PATH,
    renderPng(
      articleCard(
        "Arrêts de travail : ce que montrent les chiffres des contrôles",
        "Indemnités journalières, contrôles des médecins « gros prescripteurs », réforme du service médical : des dossiers sourcés, des graphiques réutilisables, des données téléchargeables.",
        `${host} · data-journalisme`,
        PNG_PICTURE
      )
    ).png
  );
  return { files: files + 1 };
}

/** Runs pagefind (bundled binary, French stemming) over the built pages: writes <outDir>/pagefind/. */
export function indexSearch(root: string, outDir: string): void {
  const bin = resolve(import.meta.dirname, "..", "node_modules", "pagefind", "lib", "runner", "bin.cjs");
  if (!existsSync(bin)) throw new Error(`pagefind introuvable (${bin}) : npm ci`);
  const run = spawnSync(process.execPath, [bin, "--site", outDir, "--force-language", "fr", "--silent"], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pagefind a échoué (code ${run.status}) :\n${run.stdout}\n${run.stderr}`);
  if (!existsSync(join(outDir, "pagefind", "pagefind.js"))) throw new Error("pagefind n'a pas écrit pagefind/pagefind.js");
}

/** Every post-build step, on the freshly built staging folder. */
export function postBuild(root: string, site: Pick<Site, "charts" | "articles" | "catalogue">, outDir: string): void {
  writeAssets(site, outDir, builtSiteAddress(outDir));
  typesetPages(outDir);
  indexSearch(root, outDir);
  writeHeaders(outDir);
}

/** Every built page with French apostrophes in its text (src/lib/apostrophes.ts), before the search index reads them. */
export function typesetPages(outDir: string): void {
  for (const path of siteFiles(outDir).filter((p) => p.endsWith(".html"))) {
    const file = join(outDir, path);
    const html = readFileSync(file, "utf8");
    const set = curlyApostrophes(html);
    if (set !== html) writeFileSync(file, set);
  }
}

/** dist/_headers: the security, framing and cache headers (src/lib/headers.ts), once every file is there. */
export function writeHeaders(outDir: string): void {
  writeFileSync(join(outDir, "_headers"), headersFileText(headerRules(outDir)));
}
