/**
 * The citation of a chart or a dossier in the forms reference tools read: `citation_*` (Highwire Press,
 * read by Google Scholar and Zotero) and Dublin Core meta tags in the page head, a BibTeX entry and a
 * CSL-JSON item (Zotero, Pandoc, citeproc) downloaded next to « Citer ce graphique ». One record per
 * work, built from the same facts as the French citation text (title, date of the data, permalink,
 * original providers), so every form says the same thing.
 */
import { CREDIT_MAX, creditLine, creditOf, rowSources, SITE_NAME, type CitableChart } from "./citation.ts";
import type { Dataset } from "./dataset.ts";
import { routes } from "./routes.ts";
import type { Source } from "./sources.ts";

export interface CitationRecord {
  /** Citation key: « sous-objectif-<id> ». */
  key: string;
  kind: "chart" | "article";
  title: string;
  /** Authors as written (a newsroom is one literal name). */
  authors: string[];
  /** ISO day, or YYYY-MM / YYYY. */
  date: string;
  url: string;
  /** « D'après DREES (13 décembre 2024) ; … »: the original providers, credited first. */
  note?: string;
}

export const PUBLISHER = SITE_NAME;
export const LANGUAGE = "fr";

/** A chart's record: dated by its data's last update, as the French citation is. */
export function chartCitationRecord(chart: CitableChart, dataset: Dataset, sources: Map<string, Source>, site: URL | string): CitationRecord {
  const used = rowSources(chart.rows, sources);
  return {
    key: `sous-objectif-${chart.spec.id}`,
    kind: "chart",
    title: chart.spec.title,
    authors: [SITE_NAME],
    date: dataset.meta.updated,
    url: new URL(routes.chart(chart.spec.id), site).href,
    ...(used.length > 0 ? { note: providersNote(chart, used, sources) } : {})
  };
}

/**
 * « D'après DREES (13 décembre 2024) »: every source with its date while that fits CREDIT_MAX characters,
 * else the publishers as in the one-line credit (« d'après Cnam, DREES et 4 autres ») and where the full list is.
 */
function providersNote(chart: CitableChart, used: Source[], sources: Map<string, Source>): string {
  const full = `D'après ${used.map(creditOf).join(" ; ")}`;
  if (full.length <= CREDIT_MAX) return full;
  const line = creditLine(chart, sources);
  return `D'après ${line.slice(line.indexOf("d'après ") + "d'après ".length)} (liste complète sur la page du graphique)`;
}

export function articleCitationRecord(article: { slug: string; title: string; author: string; date: string }, site: URL | string): CitationRecord {
  return { key: `sous-objectif-${article.slug}`, kind: "article", title: article.title, authors: [article.author], date: article.date, url: new URL(routes.article(article.slug), site).href };
}

/** Head meta tags, in document order: Highwire `citation_*` then Dublin Core `DC.*`. */
export function citationMetaTags(r: CitationRecord): { name: string; content: string }[] {
  return [
    { name: "citation_title", content: r.title },
    ...r.authors.map((a) => ({ name: "citation_author", content: a })),
    // Highwire dates are YYYY/MM/DD.
    { name: "citation_publication_date", content: r.date.replaceAll("-", "/") },
    { name: "citation_publisher", content: PUBLISHER },
    { name: "citation_language", content: LANGUAGE },
    { name: "citation_fulltext_html_url", content: r.url },
    { name: "DC.title", content: r.title },
    ...r.authors.map((a) => ({ name: "DC.creator", content: a })),
    { name: "DC.date", content: r.date },
    { name: "DC.publisher", content: PUBLISHER },
    { name: "DC.language", content: LANGUAGE },
    { name: "DC.identifier", content: r.url },
    { name: "DC.type", content: r.kind === "chart" ? "Image" : "Text" }
  ];
}

/** BibTeX text of a field: special characters escaped, braces kept balanced. */
function tex(text: string): string {
  return text.replace(/[\\{}%&#$_^~]/g, (c) => ({ "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" })[c] ?? `\\${c}`);
}

/** A @misc entry (read by BibTeX and biblatex alike), UTF-8; the newsroom as a braced corporate author. */
export function bibtex(r: CitationRecord): string {
  const fields: [string, string][] = [
    ["title", `{${tex(r.title)}}`],
    ["author", r.authors.map((a) => `{${tex(a)}}`).join(" and ")],
    ["year", r.date.slice(0, 4)],
    ["date", r.date],
    ["publisher", tex(PUBLISHER)],
    ["howpublished", `\\url{${r.url}}`],
    ["url", r.url],
    ["language", "french"],
    ...(r.note ? [["note", tex(r.note)] as [string, string]] : [])
  ];
  return `@misc{${r.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}\n}\n`;
}

/** A CSL-JSON array of one item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export function cslJson(r: CitationRecord): string {
  const parts = r.date.split("-").map(Number);
  const item = {
    id: r.key,
    type: r.kind === "chart" ? "graphic" : "article-newspaper",
    title: r.title,
    author: r.authors.map((literal) => ({ literal })),
    issued: { "date-parts": [parts] },
    publisher: PUBLISHER,
    ...(r.kind === "article" ? { "container-title": PUBLISHER } : {}),
    URL: r.url,
    language: LANGUAGE,
    ...(r.note ? { note: r.note } : {})
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** Where a chart's citation files are served: beside its page. */
export function citationFiles(id: string): { bib: string; csl: string } {
  return { bib: `${routes.chart(id)}${id}.bib`, csl: `${routes.chart(id)}${id}.csl.json` };
}
