/**
 * `npm run bench`: speed and weight, measured and printed next to their budgets (not a test: figures
 * move with the machine, so they are reported, never asserted by `npm test`).
 *
 * 1. builds the real site (timed) and weighs every page (HTML, CSS, JS, gzip) by page type;
 * 2. builds copies of the project with a synthetic dataset making the data ×10 and ×100 (timed);
 * 3. runs Lighthouse (mobile preset) on the home, an article, a chart page and an embed, served on
 *    127.0.0.1 by the project's static server: nothing leaves the machine.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import type { Server } from "node:http";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { serveStatic } from "../scripts/static-server.ts";
import { rowsFingerprint } from "../src/charts/headline.ts";
import { loadCatalogue } from "../src/lib/catalogue.ts";
import { builtHtmlPages, pageType, pageWeight, type PageWeight } from "./weight.ts";

const ROOT = resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const COPIED = ["data", "content", "src", "public", "astro.config.mjs", "package.json", "tsconfig.json"];

/** Budgets (1 kB = 1 000 bytes of gzip). */
const BUDGET = {
  articleJs: 0,
  pageJs: 15_000,
  embedTotal: 25_000,
  /** /carte/ with every map (HTML, CSS, JS), the year control's script alone, and any page at all. */
  mapPage: 80_000,
  yearControlJs: 5_000,
  anyPage: 150_000,
  buildSeconds: 30,
  ratio100: 3,
  lighthouse: { performance: 99, accessibility: 100, "best-practices": 100, seo: 100 } as Record<string, number>,
  /** Heavier pages (many maps, a long timeline, a département's series): performance target only. */
  lighthouseHeavy: 95
};
const HEAVY = new Set(["carte", "carte des contrôles", "chronologie", "département"]);

/** Page types named in the weight table, in this order; any other type found is listed after them. */
const NAMED_TYPES: [string, string][] = [
  ["/", "accueil"],
  ["/articles/*/", "article"],
  ["/graphiques/*/", "graphique"],
  ["/embed/*/", "intégration (embed)"],
  ["/carte/", "carte"],
  ["/donnees/*/", "jeu de données"],
  ["/departements/*/", "département"]
];

const fr = (n: number, digits = 0) => n.toLocaleString("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kB = (bytes: number) => (bytes === 0 ? "0 B" : `${fr(bytes / 1000, 1)} kB`);
const mark = (ok: boolean | undefined) => (ok === undefined ? "—" : ok ? "✓" : "✗");
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

/**
 * Runs `npm run build` for a project folder into `dist`, pinned to 2 CPUs when the machine has more.
 * Best of RUNS runs: the first run of a series also pays for a cold disk cache.
 */
const RUNS = 2;
function timedBuild(root: string, dist: string): { seconds: number } | { error: string } {
  let best: { seconds: number } | { error: string } = { error: "no run" };
  for (let i = 0; i < RUNS; i++) {
    const run = buildOnce(root, dist);
    if ("error" in run) return run;
    if ("error" in best || run.seconds < best.seconds) best = run;
  }
  return best;
}

function buildOnce(root: string, dist: string): { seconds: number } | { error: string } {
  const args = [join(ROOT, "scripts", "build.ts")];
  const pin = availableParallelism() > 2 && existsSync("/usr/bin/taskset");
  const started = performance.now();
  const run = spawnSync(pin ? "/usr/bin/taskset" : process.execPath, pin ? ["-c", "0,1", process.execPath, ...args] : args, {
    cwd: root,
    env: { ...process.env, SO_DIST: dist, TZ: "Europe/Paris" },
    encoding: "utf8",
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) return { error: `${run.error?.message ?? ""}${run.stderr ?? ""}${run.stdout ?? ""}`.trim().split("\n").slice(-8).join("\n") };
  return { seconds };
}

/** A copy of the project (node_modules linked) to build with extra data. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "so-bench-copy-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function dataRows(root: string): number {
  return readdirSync(join(root, "data"))
    .filter((f) => f.endsWith(".csv"))
    .reduce((n, f) => n + readFileSync(join(root, "data", f), "utf8").split("\n").filter((l) => l.trim() !== "").length - 1, 0);
}

/**
 * A synthetic dataset of `rows` rows shaped like real départemental data: monthly values for the
 * 101 départements over 20 years (2006–2025), one block of 24 240 rows per indicator, cut at `rows`;
 * one source, and a chart (one département, one indicator: 240 points) registered in the copy.
 */
function addSyntheticData(root: string, rows: number): void {
  const codes = readFileSync(join(root, "data", "departements.csv"), "utf8")
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(",")[0]!);
  const months: string[] = [];
  for (let y = 2006; y < 2026; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, "0")}`);
  const perIndicator = codes.length * months.length;
  const indicators = Math.max(1, Math.ceil(rows / perIndicator));
  const lines = ["departement,indicateur,mois,valeur,source,extrait"];
  let n = 0;
  outer: for (let i = 1; i <= indicators; i++)
    for (const code of codes)
      for (const [k, mois] of months.entries()) {
        if (n++ >= rows) break outer;
        const valeur = 100 + ((k * 37 + i * 11 + code.charCodeAt(0) * 7 + code.charCodeAt(1)) % 900);
        lines.push(`${code},ind-${i},${mois},${valeur},synthetique,valeur synthétique : ${valeur}`);
      }
  writeFileSync(join(root, "data", "synthetique.csv"), lines.join("\n") + "\n");
  writeFileSync(
    join(root, "data", "synthetique.yaml"),
    `title: Données synthétiques (mesure de performance)
description: Valeurs inventées, générées par bench/run.ts pour mesurer la construction ; jamais publiées.
scope: 101 départements, mois de 2006 à 2025.
updated: 2026-01-01
licence: Aucune (données de test).
key: [departement, indicateur, mois, source]
columns:
  - name: departement
    type: departement
    label: Département
  - name: indicateur
    type: enum
    label: Indicateur
    values:
${Array.from({ length: indicators }, (_, i) => `      ind-${i + 1}: Indicateur ${i + 1}`).join("\n")}
  - name: mois
    type: date
    label: Mois
  - name: valeur
    type: number
    label: Valeur
    figure: true
  - name: source
    type: source
    label: Source
  - name: extrait
    type: text
    label: Extrait
`
  );
  writeFileSync(
    join(root, "data", "sources", "synthetique.yaml"),
    `- id: synthetique
  title: Données synthétiques
  publisher: Sous objectif (banc de mesure)
  url: https://example.org/synthetique
  date: 2026
  accessed: 2026-01-01
  tier: officiel
`
  );
  // Its headline counts as reviewed (the build refuses a chart whose rows were never read with its title).
  const synthetic = loadCatalogue(root).datasets.get("synthetique")!;
  const reviewed = rowsFingerprint(synthetic.rows.filter((r) => r.departement === "01" && r.indicateur === "ind-1"), synthetic);
  writeFileSync(
    join(root, "src", "charts", "synthetique.ts"),
    `import * as Plot from "@observablehq/plot";
import { defineChart } from "./define.ts";

export default defineChart({
  id: "synthetique",
  dataset: "synthetique",
  title: "Série synthétique (mesure de performance)",
  reviewedRows: "${reviewed}",
  subtitle: "Valeurs inventées, Ain, indicateur 1, par mois",
  alt: "Courbe de valeurs synthétiques.",
  rows: (d) => d.rows.filter((r) => r.departement === "01" && r.indicateur === "ind-1"),
  plot: (rows) => ({
    height: 240,
    x: { label: null, type: "band", ticks: [] },
    marks: [Plot.lineY(rows, { x: "mois", y: "valeur", stroke: "#1f5f8b" }), Plot.ruleY([0])]
  })
});
`
  );
  appendFileSync(join(root, "src", "charts", "index.ts"), `\nimport synthetique from "./synthetique.ts";\ncharts.push(synthetique);\n`);
}

/** Gzipped size of the map year control's script (src/components/MapFrames.astro) as /carte/ inlines it. */
function yearControlScript(dist: string): number | undefined {
  const html = readFileSync(join(dist, "carte", "index.html"), "utf8");
  const script = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((code) => code.includes("data-cadres") || code.includes("cadresCles"));
  return script === undefined ? undefined : gzipSync(script).length;
}

/** The largest file with that extension, as "path (size)". */
function largest(dir: string, ext: string): string {
  let best = { path: "—", size: 0 };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile() && e.name.endsWith(ext)) {
      const size = statSync(join(e.parentPath, e.name)).size;
      if (size > best.size) best = { path: "/" + join(e.parentPath, e.name).slice(dir.length + 1).replace(/index\.html$/, ""), size };
    }
  return `${best.path} (${fr(best.size / 1e6, 1)} Mo)`;
}

function dirBytes(dir: string, ext: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

interface LighthouseRow {
  label: string;
  path: string;
  scores?: Record<string, number>;
  error?: string;
}

async function runLighthouse(dist: string, targets: { label: string; path: string | undefined }[]): Promise<LighthouseRow[]> {
  const rows: LighthouseRow[] = targets.map((t) => ({ label: t.label, path: t.path ?? "—", ...(t.path ? {} : { error: "page absente" }) }));
  if (!existsSync(CHROMIUM)) return rows.map((r) => ({ ...r, error: `Chromium absent (${CHROMIUM})` }));
  const server: Server = await serveStatic(dist, 0, "127.0.0.1");
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    for (const row of rows) {
      if (row.error) continue;
      try {
        const result = await lighthouse(origin + row.path, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: Object.keys(BUDGET.lighthouse)
        });
        const categories = result?.lhr.categories ?? {};
        row.scores = Object.fromEntries(Object.keys(BUDGET.lighthouse).map((k) => [k, Math.round((categories[k]?.score ?? 0) * 100)]));
        // Audits that cost points: weighted in a category and not fully passed.
        const audits = result?.lhr.audits ?? {};
        const failing = [...new Set(Object.values(categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => r.id)))];
        if (failing.length) row.error = `audits en échec : ${failing.join(", ")}`;
      } catch (error) {
        row.error = (error as Error).message.split("\n")[0];
      }
    }
  } finally {
    chrome.kill();
    await new Promise((ok) => server.close(ok));
  }
  return rows;
}

async function main(): Promise<void> {
  const measured = new Date();
  const work = mkdtempSync(join(tmpdir(), "so-bench-"));
  const cleanup: string[] = [work];
  const out: string[] = [];
  const say = (s = "") => {
    out.push(s);
    console.log(s);
  };
  try {
    say(`# Mesures — ${measured.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" })}`);
    say();
    say(`Machine : ${availableParallelism()} cœur(s) (${cpus()[0]?.model.trim() ?? "?"}), Node ${process.versions.node}. Poids : gzip (zlib, niveau par défaut), 1 kB = 1 000 octets ; les <style> et <script> en ligne comptent en CSS et JS.`);
    say();

    // 1. The real site.
    const realDist = join(work, "real");
    const real = timedBuild(ROOT, realDist);
    if ("error" in real) {
      say(`✗ La construction du site réel a échoué :\n\n\`\`\`\n${real.error}\n\`\`\``);
      process.exitCode = 1;
      return;
    }
    const realRows = dataRows(ROOT);
    const pages = builtHtmlPages(realDist);
    const weights = pages.map((p) => pageWeight(realDist, p));
    const byType = new Map<string, PageWeight[]>();
    for (const w of weights) byType.set(pageType(w.path), [...(byType.get(pageType(w.path)) ?? []), w]);

    say("## Poids des pages (gzip) — page la plus lourde de chaque type");
    say();
    const heaviest = (list: PageWeight[]) => list.reduce((a, b) => (b.total > a.total ? b : a));
    const typeRows: string[][] = [];
    const seen = new Set<string>();
    for (const [type, label] of NAMED_TYPES) {
      seen.add(type);
      const list = byType.get(type);
      if (!list) {
        typeRows.push([label, type, "0", "—", "—", "—", "—", "—", "page absente"]);
        continue;
      }
      const w = heaviest(list);
      const jsBudget = type === "/articles/*/" ? BUDGET.articleJs : BUDGET.pageJs;
      const notes = [`JS ${type === "/articles/*/" ? "0 B" : `≤ ${kB(BUDGET.pageJs)}`} ${mark(Math.max(...list.map((x) => x.js)) <= jsBudget)}`];
      if (type === "/embed/*/") notes.push(`total ≤ ${kB(BUDGET.embedTotal)} ${mark(Math.max(...list.map((x) => x.total)) <= BUDGET.embedTotal)}`);
      typeRows.push([label, type, String(list.length), w.path, kB(w.html), kB(w.css), kB(w.js), kB(w.total), notes.join(" · ")]);
    }
    for (const [type, list] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
      if (seen.has(type)) continue;
      const w = heaviest(list);
      typeRows.push(["autre", type, String(list.length), w.path, kB(w.html), kB(w.css), kB(w.js), kB(w.total), `JS ≤ ${kB(BUDGET.pageJs)} ${mark(Math.max(...list.map((x) => x.js)) <= BUDGET.pageJs)}`]);
    }
    say(table(["type", "chemin", "pages", "page mesurée", "HTML", "CSS", "JS", "total", "budget"], typeRows));
    say();

    // 2. Synthetic data ×10 and ×100.
    const scales: { factor: number; rows: number; seconds?: number; html?: number; biggest?: string; error?: string }[] = [
      { factor: 1, rows: realRows, seconds: real.seconds, html: dirBytes(realDist, ".html"), biggest: largest(realDist, ".html") }
    ];
    for (const factor of [10, 100]) {
      const copy = copyProject();
      cleanup.push(copy);
      addSyntheticData(copy, realRows * (factor - 1));
      const rows = dataRows(copy);
      const dist = join(copy, "dist");
      const built = timedBuild(copy, dist);
      scales.push("error" in built ? { factor, rows, error: built.error } : { factor, rows, seconds: built.seconds, html: dirBytes(dist, ".html"), biggest: largest(dist, ".html") });
      rmSync(copy, { recursive: true, force: true });
    }

    say(`## Temps de construction (\`npm run build\` : vérification des données + Astro ; meilleur de ${RUNS} essais)`);
    say();
    say(
      table(
        ["données", "lignes CSV", "temps", "rapport au site réel", "HTML produit", "plus grosse page (non compressée)"],
        scales.map((s) => [
          s.factor === 1 ? "site réel" : `×${s.factor} (données synthétiques)`,
          fr(s.rows),
          s.seconds !== undefined ? `${fr(s.seconds, 1)} s` : `échec : ${s.error?.split("\n").at(-1) ?? "?"}`,
          s.seconds !== undefined ? `×${fr(s.seconds / real.seconds, 2)}` : "—",
          s.html !== undefined ? `${fr(s.html / 1e6, 1)} Mo` : "—",
          s.biggest ?? "—"
        ])
      )
    );
    say();

    // 3. Lighthouse.
    const target = (label: string, category: string) => (category === "performance" && HEAVY.has(label) ? BUDGET.lighthouseHeavy : BUDGET.lighthouse[category]!);
    const first = (type: string) => byType.get(type)?.[0]?.path;
    const lh = await runLighthouse(realDist, [
      { label: "accueil", path: "/" },
      { label: "article", path: first("/articles/*/") },
      { label: "graphique", path: first("/graphiques/*/") },
      { label: "carte", path: "/carte/" },
      { label: "carte des contrôles", path: "/carte/controles/" },
      { label: "chronologie", path: "/chronologie/" },
      { label: "département", path: "/departements/64/" },
      { label: "intégration (embed)", path: first("/embed/*/") }
    ]);
    say("## Lighthouse (préréglage mobile, servi sur 127.0.0.1)");
    say();
    const cats = Object.keys(BUDGET.lighthouse);
    say(
      table(
        ["page", "chemin", ...cats.map((c) => `${c} (cible ${BUDGET.lighthouse[c]})`), "remarques"],
        lh.map((r) => [r.label, r.path, ...cats.map((c) => (r.scores ? `${r.scores[c]} ${mark(r.scores[c]! >= target(r.label, c))}` : "—")), r.error ?? ""])
      )
    );
    say();

    // 4. Budgets.
    const maxBy = (list: PageWeight[], key: "js" | "total") => (list.length ? list.reduce((a, b) => (b[key] > a[key] ? b : a)) : undefined);
    const articleJs = maxBy(weights.filter((w) => pageType(w.path) === "/articles/*/"), "js");
    const pageJs = maxBy(weights, "js");
    const embed = maxBy(weights.filter((w) => pageType(w.path) === "/embed/*/"), "total");
    const x100 = scales.find((s) => s.factor === 100);
    const ratio = x100?.seconds !== undefined ? x100.seconds / real.seconds : undefined;
    const measuredLh = lh.filter((r) => r.path !== "—");
    const lhOk = measuredLh.length > 0 && measuredLh.every((r) => r.scores && cats.every((c) => r.scores![c]! >= target(r.label, c)));
    const mapPage = weights.find((w) => w.path === "/carte/");
    const heaviestPage = maxBy(weights, "total");
    const yearJs = yearControlScript(realDist);
    const budgets: [string, string, string, boolean | undefined][] = [
      ["JS pour lire un article", articleJs ? `${kB(articleJs.js)} (${articleJs.path})` : "aucun article", "0 B", articleJs ? articleJs.js <= BUDGET.articleJs : undefined],
      ["JS d'amélioration, page la plus lourde", pageJs ? `${kB(pageJs.js)} (${pageJs.path})` : "—", `≤ ${kB(BUDGET.pageJs)}`, pageJs ? pageJs.js <= BUDGET.pageJs : undefined],
      ["Intégration (embed), poids total", embed ? `${kB(embed.total)} (${embed.path})` : "aucune page /embed/", `≤ ${kB(BUDGET.embedTotal)}`, embed ? embed.total <= BUDGET.embedTotal : undefined],
      ["/carte/, toutes les cartes (HTML, CSS, JS)", mapPage ? kB(mapPage.total) : "page absente", `≤ ${kB(BUDGET.mapPage)}`, mapPage ? mapPage.total <= BUDGET.mapPage : false],
      ["Script du choix de l'année (cartes)", yearJs !== undefined ? kB(yearJs) : "absent", `≤ ${kB(BUDGET.yearControlJs)}`, yearJs !== undefined ? yearJs <= BUDGET.yearControlJs : false],
      ["Page la plus lourde du site", heaviestPage ? `${kB(heaviestPage.total)} (${heaviestPage.path})` : "—", `≤ ${kB(BUDGET.anyPage)}`, heaviestPage ? heaviestPage.total <= BUDGET.anyPage : undefined],
      ["Construction du site réel", `${fr(real.seconds, 1)} s (${availableParallelism()} cœurs)`, `≤ ${BUDGET.buildSeconds} s sur 2 cœurs`, real.seconds <= BUDGET.buildSeconds],
      ["Construction avec données ×100", ratio !== undefined ? `×${fr(ratio, 2)}` : `échec`, `≤ ×${BUDGET.ratio100}`, ratio !== undefined ? ratio <= BUDGET.ratio100 : false],
      ["Lighthouse", lhOk ? `cibles atteintes sur ${measuredLh.length} page(s)` : "voir le tableau", `≥ 99 / 100 / 100 / 100 (performance ≥ ${BUDGET.lighthouseHeavy} sur les cartes, la chronologie, un département)`, lhOk]
    ];
    say("## Budgets");
    say();
    say(table(["budget", "mesure", "cible", ""], budgets.map(([a, b, c, ok]) => [a, b, c, mark(ok)])));
    const report = join(ROOT, ".build", "bench-latest.md");
    mkdirSync(join(ROOT, ".build"), { recursive: true });
    writeFileSync(report, out.join("\n") + "\n");
    console.log(`\n(Rapport écrit dans ${report}.)`);
  } finally {
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
