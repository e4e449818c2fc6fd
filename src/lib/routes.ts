/**
 * Every page path of the site, built in one place: pages, links, the sitemap and the link checker
 * all ask here, so a page cannot be linked under two spellings or renamed in one place only.
 */
export const routes = {
  home: () => "/",
  articles: () => "/articles/",
  article: (slug: string) => `/articles/${slug}/`,
  charts: () => "/graphiques/",
  chart: (id: string) => `/graphiques/${id}/`,
  /** Every year of a map with a year control, fetched by its script (values and raw lines, no geometry). */
  chartFrames: (id: string) => `/graphiques/${id}/annees.json`,
  embed: (id: string) => `/embed/${id}/`,
  datasets: () => "/donnees/",
  dataset: (id: string) => `/donnees/${id}/`,
  departements: () => "/departements/",
  departement: (code: string) => `/departements/${code}/`,
  map: () => "/carte/",
  timeline: () => "/chronologie/",
  glossary: () => "/glossaire/",
  sources: () => "/sources/",
  about: () => "/a-propos/",
  corrections: () => "/corrections/",
  legal: () => "/mentions-legales/",
  search: () => "/recherche/"
};

export interface RouteInputs {
  articleSlugs: string[];
  chartIds: string[];
  datasetIds: string[];
  departementCodes: string[];
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
    ...inputs.departementCodes.map(routes.departement)
  ]);
}
