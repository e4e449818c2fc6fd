import type { Site } from "./site.ts";

export interface SourceUsage {
  datasets: { id: string; title: string; rows: number }[];
  charts: { id: string; title: string }[];
  articles: { slug: string; title: string }[];
}

/** Where each source is used: the rows that cite it, the charts that draw them, the articles that list it. */
export function sourceUsage(site: Site): Map<string, SourceUsage> {
  const usage = new Map<string, SourceUsage>();
  const entry = (id: string) => {
    let u = usage.get(id);
    if (!u) usage.set(id, (u = { datasets: [], charts: [], articles: [] }));
    return u;
  };
  for (const [id, dataset] of site.catalogue.datasets) {
    const counts = new Map<string, number>();
    for (const row of dataset.rows) counts.set(String(row.source), (counts.get(String(row.source)) ?? 0) + 1);
    for (const [source, rows] of counts) entry(source).datasets.push({ id, title: dataset.meta.title, rows });
  }
  for (const chart of site.charts.values())
    for (const source of new Set(chart.rows.map((r) => String(r.source)))) entry(source).charts.push({ id: chart.spec.id, title: chart.spec.title });
  for (const a of site.articles) for (const source of a.sources) entry(source).articles.push({ slug: a.slug, title: a.title });
  return usage;
}
