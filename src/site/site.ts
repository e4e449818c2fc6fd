import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ChartSpec } from "../charts/define.ts";
import { charts as chartSpecs } from "../charts/index.ts";
import { checkHeadline } from "../charts/headline.ts";
import { renderChart, type RenderedChart } from "../charts/render.ts";
import { checkArticleFigures, checkChartWords, figureRows } from "../lib/article-figures.ts";
import { frontMatterPosition, parseArticle, type Article } from "../lib/articles.ts";
import { loadCatalogue, readText, REFERENCE_DATASET, type Catalogue } from "../lib/catalogue.ts";
import { loadCorrections, type Correction } from "../lib/corrections.ts";
import { loadGlossary, type Glossary } from "../lib/glossary.ts";
import { ProblemsError, type Problem } from "../lib/problems.ts";
import { allRoutes, withBase } from "../lib/routes.ts";
import { HttpUrl } from "../lib/sources.ts";
import { comparisonGroups } from "../lib/comparison-groups.ts";

export interface Site {
  catalogue: Catalogue;
  articles: Article[];
  charts: Map<string, RenderedChart>;
  /** content/glossaire.yaml, checked: the glossary page and the first-use markup of articles. */
  glossary: Glossary;
  /** content/corrections.yaml, checked: the /corrections/ page, the dossiers' correction notes, the feed. */
  corrections: Correction[];
  /** Every problem found in data/, content/ and the chart declarations. */
  problems: Problem[];
}

/** Loads and cross-checks everything the site is built from. Never throws on bad input: it reports. */
export function loadSite(root: string = process.cwd(), specs: ChartSpec[] = chartSpecs): Site {
  const catalogue = loadCatalogue(root);
  const problems = [...catalogue.problems];
  const charts = new Map<string, RenderedChart>();
  const unavailable = new Set<string>();
  for (const spec of specs) {
    const file = `src/charts/${spec.id}.ts`;
    if (charts.has(spec.id)) problems.push({ file, message: `identifiant de graphique en double : attendu des identifiants uniques, trouvé "${spec.id}" deux fois` });
    const dataset = catalogue.datasets.get(spec.dataset);
    if (catalogue.broken.has(spec.dataset)) {
      unavailable.add(spec.id);
      continue;
    }
    if (!dataset) {
      problems.push({ file, message: `graphique "${spec.id}" : attendu un jeu de données de data/, trouvé "${spec.dataset}"` });
      continue;
    }
    try {
      charts.set(spec.id, renderChart(spec, dataset, catalogue));
    } catch (error) {
      problems.push({ file, message: `graphique "${spec.id}" : attendu un rendu, trouvé l'erreur ${(error as Error).message}` });
    }
  }
  const articles = loadArticles(root, problems);
  const glossary = loadGlossary(root, problems);
  const corrections = loadCorrections(root, problems, {
    articleSlugs: new Set(articles.map((a) => a.slug)),
    datasetIds: new Set(catalogue.datasets.keys()),
    chartIds: new Set(charts.keys()),
    sourceIds: new Set(catalogue.sources.keys())
  });
  const routes = allRoutes({
    articleSlugs: articles.map((a) => a.slug),
    chartIds: [...charts.keys(), ...unavailable],
    datasetIds: [...catalogue.datasets.keys(), ...catalogue.broken],
    departementCodes: catalogue.datasets.get(REFERENCE_DATASET)?.rows.map((r) => String(r.code)) ?? [],
    comparisonGroups: comparisonGroups(catalogue).map((g) => g.id)
  });
  for (const a of articles) problems.push(...checkArticleReferences(a, catalogue, charts, routes, unavailable));
  problems.push(...checkFigures(root, articles, catalogue, charts, new Set(problems.map((p) => p.file))));
  return { catalogue, articles, charts, glossary, corrections, problems };
}

function loadArticles(root: string, problems: Problem[]): Article[] {
  const dir = join(root, "content", "articles");
  if (!existsSync(dir)) return [];
  const articles: Article[] = [];
  for (const name of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort()) {
    const file = relative(root, join(dir, name));
    const text = readText(root, file, problems);
    if (text === undefined) continue;
    const slug = name.replace(/\.md$/, "").replace(/[\\/]/g, "-");
    const parsed = parseArticle(text, file, slug);
    problems.push(...parsed.problems);
    if (parsed.article) articles.push(parsed.article);
  }
  return articles.sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));
}

function checkArticleReferences(a: Article, catalogue: Catalogue, charts: Map<string, RenderedChart>, routes: Set<string>, unavailable: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const file = a.file;
  for (const c of a.charts)
    if (!charts.has(c.id) && !unavailable.has(c.id)) problems.push({ file, line: c.line, column: 1, message: `bloc chart : attendu un identifiant de graphique (${[...charts.keys()].join(", ")}), trouvé ${JSON.stringify(c.id)}` });
  for (const id of a.sources)
    if (!catalogue.sources.has(id) && !catalogue.invalidSourceIds.has(id)) problems.push({ file, ...frontMatterPosition(a, "sources", id), message: `front matter "sources" : attendu un identifiant de source déclaré dans data/sources/, trouvé ${JSON.stringify(id)}` });
  for (const id of a.datasets)
    if (!catalogue.datasets.has(id) && !catalogue.broken.has(id)) problems.push({ file, ...frontMatterPosition(a, "datasets", id), message: `front matter "datasets" : attendu un identifiant de jeu de données de data/, trouvé ${JSON.stringify(id)}` });
  const eventIds = new Set(catalogue.datasets.get("evenements")?.rows.map((r) => String(r.id)) ?? []);
  for (const id of a.events)
    if (!eventIds.has(id)) problems.push({ file, ...frontMatterPosition(a, "events", id), message: `front matter "events" : attendu un identifiant d'événement de data/evenements.csv, trouvé ${JSON.stringify(id)}` });
  for (const link of a.links) {
    if (link.href.startsWith("/")) {
      // Authors write site paths from the root; the routes are served under the base path.
      const path = withBase(link.href.replace(/[?#].*$/, ""));
      if (!routes.has(path.endsWith("/") ? path : `${path}/`))
        problems.push({ file, line: link.line, column: 1, message: `lien : attendu une page du site, trouvé ${JSON.stringify(link.href)}` });
    } else if (!link.href.startsWith("#") && !link.href.startsWith("mailto:") && !HttpUrl.safeParse(link.href).success)
      problems.push({ file, line: link.line, column: 1, message: `lien : attendu une URL http(s) bien formée, trouvé ${JSON.stringify(link.href)}` });
  }
  return problems;
}

/**
 * Figures in our own words, matched to the rows they claim: each article against the datasets it cites
 * (front matter and chart fences), each chart's words against the rows it draws, and each headline
 * against the rows it was reviewed on and the directions it claims (headline.ts). Skipped where a cited
 * dataset is broken: its own problems are already reported.
 */
function checkFigures(root: string, articles: Article[], catalogue: Catalogue, charts: Map<string, RenderedChart>, filesWithProblems: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const places = new Map((catalogue.datasets.get(REFERENCE_DATASET)?.rows ?? []).map((r) => [String(r.code), String(r.nom)] as const));
  const unsure = (id: string) => catalogue.broken.has(id) || !catalogue.datasets.has(id) || filesWithProblems.has(`data/${id}.csv`) || filesWithProblems.has(`data/${id}.yaml`);
  for (const a of articles) {
    const cited = [...new Set([...a.datasets, ...a.charts.flatMap((c) => charts.get(c.id)?.spec.dataset ?? [])])];
    if (cited.some(unsure) || a.charts.some((c) => !charts.has(c.id))) continue;
    problems.push(...checkArticleFigures(a, cited.flatMap((id) => figureRows(catalogue.datasets.get(id)!, undefined, places)), cited));
  }
  for (const chart of charts.values()) {
    const { spec } = chart;
    const dataset = catalogue.datasets.get(spec.dataset);
    if (!dataset || unsure(spec.dataset)) continue;
    const file = `src/charts/${spec.id}.ts`;
    const source = existsSync(join(root, file)) ? readFileSync(join(root, file), "utf8") : undefined;
    const texts: Record<string, string> = { title: spec.title, subtitle: spec.subtitle, alt: spec.alt, notes: (spec.notes ?? []).join(" "), legend: chart.legend.map((l) => l.label).join(" ; ") };
    // A Plot chart's text alternative is written from its rows and read as prose; a drawing of its own
    // (the maps) lists département codes and class bounds there, which the map tests check.
    if (spec.kind !== "map") texts["text alternative"] = chart.alt;
    problems.push(...checkChartWords(file, texts, figureRows(dataset, chart.rows, places), source));
    problems.push(...checkHeadline(file, spec, chart.rows, dataset, source));
  }
  return problems;
}

let cached: Site | undefined;

/** The checked site, for pages: loading twice would render every chart twice. Bad input stops the build. */
export function getSite(): Site {
  cached ??= loadSite();
  if (cached.problems.length > 0) throw new ProblemsError(cached.problems);
  return cached;
}
