/**
 * Every page path of the site, built in one place: pages, links, the sitemap and the link checker
 * all ask here, so a page cannot be linked under two spellings or renamed in one place only.
 *
 * This is also the one place that knows the base path the site is published under (SO_BASE_PATH,
 * e.g. "/sous-objectif/" for https://<org>.github.io/sous-objectif/; "/" by default). Every helper
 * returns the path as a reader's browser requests it, base included, so `href={routes.chart(id)}` and
 * `new URL(routes.chart(id), site)` are right under any base. Files in dist/ do not carry the base:
 * fileOf() maps a path back to its place in the build folder. astro.config.mjs reads BASE_PATH here.
 */

/** A base path as the site uses it: "/" or "/a/b/" (leading and trailing slash, no empty segment). */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim();
  const segments = trimmed.split("/").filter(Boolean);
  for (const s of segments)
    if (!/^[A-Za-z0-9._~-]+$/.test(s) || s === "." || s === "..")
      throw new Error(`SO_BASE_PATH : attendu un chemin d'URL comme /sous-objectif/, trouvé ${JSON.stringify(raw)}`);
  return segments.length === 0 ? "/" : `/${segments.join("/")}/`;
}

/** The base path of this build (SO_BASE_PATH), normalized. */
export const BASE_PATH = normalizeBase(globalThis.process?.env.SO_BASE_PATH);

/** A path of the site ("/articles/x/", "/og.png") as served under the base ("/sous-objectif/articles/x/"). */
export function withBase(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith("/")) throw new Error(`withBase : attendu un chemin qui commence par "/", trouvé ${JSON.stringify(path)}`);
  return base === "/" ? path : `${base}${path.slice(1)}`;
}

/** The path of the site a served path names, base removed; undefined when it lies outside the base. */
export function withoutBase(path: string, base: string = BASE_PATH): string | undefined {
  if (base === "/") return path;
  if (path === base.slice(0, -1)) return "/";
  return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}

/** Where a served path lives in the build folder, relative to it ("graphiques/x/x.png"); throws outside the base. */
export function fileOf(path: string, base: string = BASE_PATH): string {
  const own = withoutBase(path, base);
  if (own === undefined) throw new Error(`${path} : attendu un chemin sous le chemin de base ${base}, trouvé un chemin hors de lui`);
  return own.split("/").filter(Boolean).join("/");
}

const page = (path: string) => withBase(path);

export const routes = {
  home: () => page("/"),
  articles: () => page("/articles/"),
  article: (slug: string) => page(`/articles/${slug}/`),
  charts: () => page("/graphiques/"),
  chart: (id: string) => page(`/graphiques/${id}/`),
  /** Every year of a map with a year control, fetched by its script (values and raw lines, no geometry). */
  chartFrames: (id: string) => page(`/graphiques/${id}/annees.json`),
  embed: (id: string) => page(`/embed/${id}/`),
  datasets: () => page("/donnees/"),
  dataset: (id: string) => page(`/donnees/${id}/`),
  departements: () => page("/departements/"),
  departement: (code: string) => page(`/departements/${code}/`),
  /** A static comparison of a group of départements (a région's, or the five DROM) with France. */
  comparison: (group: string) => page(`/departements/comparer/${group}/`),
  map: () => page("/carte/"),
  /** The maps of what the press reported of the controls (src/site/map-pages.ts). */
  mapControls: () => page("/carte/controles/"),
  timeline: () => page("/chronologie/"),
  glossary: () => page("/glossaire/"),
  sources: () => page("/sources/"),
  about: () => page("/a-propos/"),
  corrections: () => page("/corrections/"),
  legal: () => page("/mentions-legales/"),
  search: () => page("/recherche/"),
  /** The page a static host serves for any unknown path. */
  notFound: () => page("/404.html"),
  /** Any other file of the site (favicon, feeds, scripts, search index), under the base. */
  file: (path: string) => page(path)
};

export interface RouteInputs {
  articleSlugs: string[];
  chartIds: string[];
  datasetIds: string[];
  departementCodes: string[];
  /** Groups of départements compared without JavaScript (src/lib/comparison-groups.ts). */
  comparisonGroups?: string[];
}

/** The set of page paths an internal link may point to. */
export function allRoutes(inputs: RouteInputs): Set<string> {
  return new Set([
    routes.home(),
    routes.articles(),
    routes.charts(),
    routes.datasets(),
    routes.departements(),
    routes.map(),
    routes.mapControls(),
    routes.timeline(),
    routes.glossary(),
    routes.sources(),
    routes.about(),
    routes.corrections(),
    routes.legal(),
    routes.search(),
    ...inputs.articleSlugs.map(routes.article),
    ...inputs.chartIds.flatMap((id) => [routes.chart(id), routes.embed(id)]),
    ...inputs.datasetIds.map(routes.dataset),
    ...inputs.departementCodes.map(routes.departement),
    ...(inputs.comparisonGroups ?? []).map(routes.comparison)
  ]);
}
