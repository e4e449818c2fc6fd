import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { bibtex } from "../src/lib/citation-formats.ts";
import { builtSite } from "./setup/site.ts";

/**
 * Citation metadata read by reference tools, on the built site: `citation_*` (Highwire, Google Scholar)
 * and Dublin Core tags on a dossier and a chart page, and the chart's BibTeX and CSL-JSON downloads.
 * Expected values are written out from the sources (front matter, data/ij-depenses.yaml `updated`,
 * the chart's one source, DREES of 13 December 2024).
 */
const { distDir } = builtSite();
const page = (...parts: string[]) => parseHTML(readFileSync(join(distDir, ...parts, "index.html"), "utf8")).document;
const tags = (doc: Document) => [...doc.querySelectorAll('meta[name^="citation_"], meta[name^="DC."]')].map((m) => [m.getAttribute("name"), m.getAttribute("content")]);
const canonical = (doc: Document) => doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
const CHART_TITLE = "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières";

describe("citation metadata", () => {
  it("a dossier carries citation_* and Dublin Core tags with its title, author, date, publisher, language and URL", () => {
    const doc = page("articles", "pourquoi-les-ij-augmentent");
    const url = canonical(doc);
    expect(url).toMatch(/\/articles\/pourquoi-les-ij-augmentent\/$/);
    expect(tags(doc)).toEqual([
      ["citation_title", "Pourquoi les indemnités journalières augmentent"],
      ["citation_author", "La rédaction"],
      ["citation_publication_date", "2026/11/25"],
      ["citation_publisher", "Sous objectif"],
      ["citation_language", "fr"],
      ["citation_fulltext_html_url", url],
      ["DC.title", "Pourquoi les indemnités journalières augmentent"],
      ["DC.creator", "La rédaction"],
      ["DC.date", "2026-11-25"],
      ["DC.publisher", "Sous objectif"],
      ["DC.language", "fr"],
      ["DC.identifier", url],
      ["DC.type", "Text"]
    ]);
  });

  it("a chart page carries them too, dated by its data, and pages that are not works carry none", () => {
    const doc = page("graphiques", "ij-risques-2023");
    const url = canonical(doc);
    const found = Object.fromEntries(tags(doc));
    expect(found).toEqual({
      citation_title: CHART_TITLE,
      citation_author: "Sous objectif",
      citation_publication_date: "2026/11/25",
      citation_publisher: "Sous objectif",
      citation_language: "fr",
      citation_fulltext_html_url: url,
      "DC.title": CHART_TITLE,
      "DC.creator": "Sous objectif",
      "DC.date": "2026-11-25",
      "DC.publisher": "Sous objectif",
      "DC.language": "fr",
      "DC.identifier": url,
      "DC.type": "Image"
    });
    expect(tags(page("carte"))).toEqual([]);
    expect(tags(page("donnees"))).toEqual([]);
  });

  it("« Citer ce graphique » offers BibTeX and CSL-JSON files that parse and say the same", () => {
    const doc = page("graphiques", "ij-risques-2023");
    const url = canonical(doc);
    const links = [...doc.querySelectorAll(".toolkit-block a[download]")].map((a) => a.getAttribute("href"));
    expect(links).toContain("/graphiques/ij-risques-2023/ij-risques-2023.bib");
    expect(links).toContain("/graphiques/ij-risques-2023/ij-risques-2023.csl.json");
    const bib = readFileSync(join(distDir, "graphiques", "ij-risques-2023", "ij-risques-2023.bib"), "utf8");
    expect(bib).toBe(
      [
        "@misc{sous-objectif-ij-risques-2023,",
        `  title = {{${CHART_TITLE}}},`,
        "  author = {{Sous objectif}},",
        "  year = {2026},",
        "  date = {2026-11-25},",
        "  publisher = {Sous objectif},",
        `  howpublished = {\\url{${url}}},`,
        `  url = {${url}},`,
        "  language = {french},",
        "  note = {D'après DREES (13 décembre 2024)}",
        "}",
        ""
      ].join("\n")
    );
    const csl = JSON.parse(readFileSync(join(distDir, "graphiques", "ij-risques-2023", "ij-risques-2023.csl.json"), "utf8"));
    expect(csl).toEqual([
      {
        id: "sous-objectif-ij-risques-2023",
        type: "graphic",
        title: CHART_TITLE,
        author: [{ literal: "Sous objectif" }],
        issued: { "date-parts": [[2026, 11, 25]] },
        publisher: "Sous objectif",
        URL: url,
        language: "fr",
        note: "D'après DREES (13 décembre 2024)"
      }
    ]);
  });

  it("BibTeX escapes the characters TeX reads as commands", () => {
    const text = bibtex({ key: "k", kind: "chart", title: "50 % & {x}_y #1 $ ~ ^ \\", authors: ["A & B"], date: "2025", url: "https://e.org/a_b" });
    expect(text).toContain("title = {{50 \\% \\& \\{x\\}\\_y \\#1 \\$ \\textasciitilde{} \\textasciicircum{} \\textbackslash{}}},");
    expect(text).toContain("author = {{A \\& B}},");
    expect(text).toContain("url = {https://e.org/a_b}");
  });
});
