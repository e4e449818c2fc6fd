import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { routes } from "../../src/lib/routes.ts";
import { loadSite } from "../../src/site/site.ts";
import { htmlPages, pageFile } from "../browser/lib.ts";
import { builtSite } from "../setup/site.ts";
import { curlyText } from "../../src/lib/apostrophes.ts";

/** What readers of a dossier or a chart see of a source, and what stays for maintainers (dataset pages, LISEZMOI). */
const { distDir } = builtSite();
const site = loadSite();
const text = (path: string) => {
  const { document } = parseHTML(readFileSync(pageFile(distDir, path), "utf8"));
  for (const el of document.querySelectorAll("script, style, template")) el.remove();
  return (document.body?.textContent ?? "").replace(/\s+/g, " ");
};
const readerPages = htmlPages(distDir).filter((p) => p.startsWith(routes.articles()) || p.startsWith(routes.charts()) || p.startsWith(routes.embed("x").replace(/x\/$/, "")));

describe("curation notes stay off reader pages", () => {
  const curated = [...site.catalogue.sources.values()].filter((s) => s.curation_note);

  it("some sources carry one, and none of the old back-office wording is left in a date note", () => {
    expect(curated.length).toBeGreaterThan(10);
    for (const s of site.catalogue.sources.values()) expect(s.date_note ?? "", s.id).not.toMatch(/Document source n°|Windows-1250|[Tt]itre (reconstitué|abrégé|décrit)/);
  });

  it("dossiers, chart pages and embeds never print them", () => {
    expect(readerPages.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const p of readerPages) {
      const t = text(p);
      if (/Document source n°|Windows-1250|Note de collecte/.test(t)) leaks.push(p);
    }
    expect(leaks).toEqual([]);
  });

  it("the dataset page that cites such a source prints it, as « Note de collecte »", () => {
    const bayonne = site.catalogue.sources.get("aquitaineinfo-2025-mso-pyrenees-atlantiques");
    expect(bayonne?.curation_note).toMatch(/Windows-1250/);
    const pages = [...site.catalogue.datasets.values()].filter((d) => d.rows.some((r: Record<string, unknown>) => r.source === bayonne!.id)).map((d) => routes.dataset(d.id));
    expect(pages.length).toBeGreaterThan(0);
    for (const p of pages) expect(text(p)).toContain(curlyText(`Note de collecte : ${bayonne!.curation_note}`));
  });

  it("a date note inside parentheses does not end in « .). »", () => {
    for (const p of readerPages.filter((x) => x.startsWith(routes.articles()))) expect(text(p), p).not.toMatch(/\p{L}\.\)\. Consulté/u);
  });
});

describe("French typography and order on reader pages", () => {
  it("chart pages space « : » and « · » in their download line", () => {
    const chart = [...site.charts.keys()][0]!;
    const t = text(routes.chart(chart));
    // (text() folds the no-break space before « : » into a plain one)
    const line = t.slice(t.indexOf("Télécharger :"), t.indexOf("Lien permanent") + 20);
    expect(line).toMatch(/^Télécharger : données CSV · image PNG · image vectorielle SVG ?Lien permanent : h/);
  });

  it("dataset pages list codes that are years or periods in chronological order (2006, 2006-2007, 2018…)", () => {
    let lists = 0;
    for (const id of site.catalogue.datasets.keys()) {
      const { document } = parseHTML(readFileSync(pageFile(distDir, routes.dataset(id)), "utf8"));
      for (const ul of document.querySelectorAll("ul.col-values")) {
        const codes = [...ul.querySelectorAll("li > code:first-child")].map((c) => c.textContent ?? "");
        if (codes.length < 2 || !codes.every((c) => /^\d{4}/.test(c))) continue;
        lists++;
        expect(codes, id).toEqual([...codes].sort((a, b) => a.localeCompare(b, "fr", { numeric: true })));
      }
    }
    expect(lists).toBeGreaterThan(0);
  });
});
