import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { INFORMATION_CUTOFF } from "../../src/lib/edition.ts";
import { loadSite } from "../../src/site/site.ts";
import { builtSite } from "../setup/site.ts";
import { curlyText } from "../../src/lib/apostrophes.ts";

/** Corrections in public: the /corrections/ page, the note closing each corrected dossier, the feed; the cut-off date. */

const { distDir } = builtSite();
const site = loadSite();
const read = (...parts: string[]) => readFileSync(join(distDir, ...parts), "utf8");
const page = (...parts: string[]) => parseHTML(read(...parts, "index.html")).document;
const text = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();

describe("content/corrections.yaml", () => {
  it("is valid and logs the corrections of the December 2026 fact-check", () => {
    expect(site.problems.filter((p) => p.file === "content/corrections.yaml")).toEqual([]);
    expect(site.corrections.length).toBeGreaterThanOrEqual(10);
    expect(new Set(site.corrections.map((c) => c.id)).size).toBe(site.corrections.length);
  });
});

describe("/corrections/", () => {
  const doc = page("corrections");
  it("lists every correction, anchored, with what was wrong, what the page says now and its source", () => {
    for (const c of site.corrections) {
      const li = doc.getElementById(c.id);
      expect(li, c.id).not.toBeNull();
      const t = text(li!.textContent);
      expect(t).toContain(text(c.avant).slice(0, 40).replace(/'/g, "’"));
      expect(li!.querySelector(`a[href="${c.target.href}"]`), `${c.id} links to ${c.target.href}`).not.toBeNull();
      const source = site.catalogue.sources.get(c.source)!;
      expect(t).toContain(curlyText(source.publisher));
      expect(li!.querySelector(".tier")?.textContent).toBe(source.tier);
    }
  });
});

describe("dossiers", () => {
  const corrected = new Set(site.corrections.map((c) => c.target.articleSlug).filter(Boolean));
  for (const a of site.articles)
    it(`${a.slug}: states the cut-off date${corrected.has(a.slug) ? " and ends with its dated Correction note" : ""}`, () => {
      const doc = page("articles", a.slug);
      expect(doc.querySelector(`.cutoff time[datetime="${INFORMATION_CUTOFF}"]`)).not.toBeNull();
      expect(text(doc.querySelector(".cutoff")?.textContent)).toMatch(/^Informations arrêtées au \d{1,2}(er)? \S+ \d{4}/);
      const note = doc.querySelector(".story__corrections");
      if (!corrected.has(a.slug)) return expect(note).toBeNull();
      const mine = site.corrections.filter((c) => c.target.articleSlug === a.slug);
      const links = [...note!.querySelectorAll("a")].map((l) => l.getAttribute("href"));
      for (const c of mine) expect(links.some((h) => h?.endsWith(`/corrections/#${c.id}`)), c.id).toBe(true);
      expect(note!.querySelectorAll("time").length).toBe(mine.length);
    });
  it("the home page states the same cut-off date", () => {
    expect(page().querySelector(`.cutoff time[datetime="${INFORMATION_CUTOFF}"]`)).not.toBeNull();
  });
});

describe("/rss.xml", () => {
  const xml = read("rss.xml");
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
  it("announces every correction as an item linking to its entry", () => {
    const corrections = items.filter((i) => i.includes("<category>correction</category>"));
    expect(corrections.length).toBe(site.corrections.length);
    for (const c of site.corrections) expect(corrections.some((i) => i.includes(`/corrections/#${c.id}</link>`)), c.id).toBe(true);
  });
  it("still lists every dossier", () => {
    expect(items.length).toBe(site.articles.length + site.corrections.length);
  });
});
