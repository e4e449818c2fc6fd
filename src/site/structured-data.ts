/**
 * Structured data (schema.org, as JSON-LD) that search engines and dataset search read: a NewsArticle
 * for each dossier, a Dataset for each dataset page, and for each chart page its picture (ImageObject)
 * and the rows it draws (Dataset). Built from the same facts as the page, the citation and the downloads.
 * Only the types and properties of tests/fixtures/schema-org/ are used: the test validates every page's
 * JSON-LD against that subset of the schema.org definitions.
 */
import type { Article } from "../lib/articles.ts";
import type { Catalogue } from "../lib/catalogue.ts";
import { creditLine, OUR_LICENCE, SITE_NAME, type CitableChart } from "../lib/citation.ts";
import type { Dataset } from "../lib/dataset.ts";
import { datasetFiles } from "../lib/dataset-files.ts";
import { packagePath } from "../lib/datapackage.ts";
import { chartFiles } from "../lib/embed.ts";
import { routes } from "../lib/routes.ts";

export type JsonLd = { [key: string]: unknown };

const CONTEXT = "https://schema.org";

function publisher(site: URL | string): JsonLd {
  return { "@type": "Organization", name: SITE_NAME, url: new URL(routes.home(), site).href };
}

/** A dossier: by the newsroom (« La rédaction ») or by a named person. */
export function articleJsonLd(article: Pick<Article, "slug" | "title" | "summary" | "date" | "author" | "tags">, image: string, site: URL | string): JsonLd {
  const url = new URL(routes.article(article.slug), site).href;
  const author = /^la rédaction$/i.test(article.author.trim()) ? publisher(site) : { "@type": "Person", name: article.author };
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary,
    url,
    mainEntityOfPage: url,
    image: [new URL(image, site).href],
    datePublished: article.date,
    author: [author],
    publisher: publisher(site),
    inLanguage: "fr",
    isAccessibleForFree: true,
    keywords: article.tags.join(", ")
  };
}

/** A licence stated in words (« Licence Ouverte 2.0 », a compilation's terms): a CreativeWork by name, as schema.org takes no plain text there. */
const licenceOf = (text: string) => ({ "@type": "CreativeWork", name: text });

/** A dataset page: its CSV, its JSON and its Data Package, in the site's catalogue. */
export function datasetJsonLd(dataset: Dataset, site: URL | string): JsonLd {
  const abs = (p: string) => new URL(p, site).href;
  const files = datasetFiles(dataset.id);
  return {
    "@context": CONTEXT,
    "@type": "Dataset",
    name: dataset.meta.title,
    description: dataset.meta.description,
    url: abs(routes.dataset(dataset.id)),
    identifier: dataset.id,
    inLanguage: "fr",
    dateModified: dataset.meta.updated,
    license: licenceOf(dataset.meta.licence),
    creator: publisher(site),
    isAccessibleForFree: true,
    includedInDataCatalog: { "@type": "DataCatalog", name: `Données de ${SITE_NAME}`, url: abs(routes.datasets()) },
    distribution: [
      { "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: abs(files.csv) },
      { "@type": "DataDownload", encodingFormat: "application/json", contentUrl: abs(files.json) },
      { "@type": "DataDownload", encodingFormat: "application/json", name: "Data Package (Frictionless)", contentUrl: abs(packagePath(dataset.id)) }
    ]
  };
}

/**
 * A chart page: the picture (ImageObject, with the credit and licence that reusing it requires) and the
 * rows it draws (Dataset, with the CSV download and the dataset they come from).
 */
export function chartJsonLd(chart: CitableChart & { spec: { dataset: string } }, dataset: Dataset, catalogue: Pick<Catalogue, "sources">, site: URL | string): JsonLd {
  const abs = (p: string) => new URL(p, site).href;
  const { id, title, subtitle } = chart.spec;
  const page = abs(routes.chart(id));
  const files = chartFiles(id);
  return {
    "@context": CONTEXT,
    "@graph": [
      {
        "@type": "ImageObject",
        "@id": `${page}#image`,
        name: title,
        caption: subtitle,
        description: chart.alt ?? chart.spec.alt,
        url: page,
        contentUrl: abs(files.png),
        encodingFormat: "image/png",
        creator: publisher(site),
        creditText: creditLine(chart, catalogue.sources),
        license: OUR_LICENCE.url,
        acquireLicensePage: page,
        dateModified: dataset.meta.updated,
        inLanguage: "fr",
        isBasedOn: { "@id": `${page}#donnees` }
      },
      {
        "@type": "Dataset",
        "@id": `${page}#donnees`,
        name: `Données du graphique « ${title} »`,
        description: subtitle,
        url: page,
        identifier: id,
        inLanguage: "fr",
        dateModified: dataset.meta.updated,
        license: licenceOf(dataset.meta.licence),
        creator: publisher(site),
        isAccessibleForFree: true,
        isBasedOn: abs(routes.dataset(dataset.id)),
        distribution: [{ "@type": "DataDownload", encodingFormat: "text/csv", contentUrl: abs(files.csv) }]
      }
    ]
  };
}

/**
 * JSON-LD as the text of a <script type="application/ld+json">: valid JSON in which no character can end
 * the element or open markup — every <, > and & is written as a \u escape (as are the line separators
 * U+2028/2029), so a title holding « </script><script>… » stays one string of the data.
 */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
