import { describe, expect, it } from "vitest";
import { extractFigures, matchesValue } from "../../src/lib/article-figures.ts";
import { renderMarkdown } from "../../src/lib/markdown.ts";
import { loadSite } from "../../src/lib/site.ts";

const site = loadSite();

/** Visible text of an article body, charts left out (their figures are checked by their own data). */
function articleText(body: string): string {
  return renderMarkdown(body, { figure: () => "" })
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&amp;/g, "&");
}

describe("every figure in an article is a value of the datasets it cites", () => {
  for (const article of site.articles) {
    it(article.file, () => {
      const datasets = new Set([...article.datasets, ...article.charts.map((c) => site.charts.get(c.id)?.spec.dataset ?? "")]);
      const values: number[] = [];
      for (const id of datasets)
        for (const row of site.catalogue.datasets.get(id)?.rows ?? []) for (const v of Object.values(row)) if (typeof v === "number") values.push(v);
      const unmatched = extractFigures(articleText(article.body))
        .filter((f) => !matchesValue(f, values))
        .map((f) => `${f.raw} in « ${f.context} »`);
      expect(unmatched, `figures not found in ${[...datasets].join(", ")}`).toEqual([]);
    });
  }
});
