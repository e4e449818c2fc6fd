import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/site/site.ts";
import { builtSite } from "../setup/site.ts";
import { linkChecker } from "./link-check.ts";

/**
 * Link integrity, read from the built HTML (what a reader clicks), and reference integrity, read from
 * the checked site (what the build was made of). The built site is walked, so new pages are covered.
 * The checker itself (./link-check.ts) also checks the build under a base path (tests/publish/).
 */

const { distDir } = builtSite();
const check = linkChecker(distDir);
const { htmlFiles, siteOrigin, urlPath } = check;

describe("links in the built site", () => {
  it("the build has pages and a canonical origin", () => {
    expect(htmlFiles.length).toBeGreaterThan(0);
    expect(siteOrigin).not.toBe("https://invalid.invalid");
  });

  for (const file of htmlFiles) {
    it(`${urlPath(file)}: every internal href/src resolves, every #anchor exists`, () => {
      expect(check.brokenReferences(file)).toEqual([]);
    });
  }

  it("every <loc> of the sitemaps resolves", () => {
    expect(check.brokenSitemapLocs()).toEqual([]);
  });
});

describe("references in the data and articles", () => {
  const site = loadSite();

  it("the checker finds no problem (chart fences, dataset and source references, links)", () => {
    expect(site.problems.map((p) => `${p.file}:${p.line ?? ""}:${p.column ?? ""} ${p.message}`)).toEqual([]);
  });

  it("every source URL is a well-formed absolute http(s) URL", () => {
    expect(site.catalogue.sources.size).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const s of site.catalogue.sources.values()) {
      if (s.url === null) {
        if (!s.date_note) bad.push(`${s.id}: no URL and no note saying where to find it`);
        continue;
      }
      let url: URL | undefined;
      try {
        url = new URL(s.url);
      } catch {
        bad.push(`${s.id}: ${s.url} does not parse`);
        continue;
      }
      if (!/^https?:$/.test(url.protocol)) bad.push(`${s.id}: ${s.url} is not http(s)`);
      else if (/\s/.test(s.url) || !url.hostname.includes(".") || url.username || url.password) bad.push(`${s.id}: ${s.url} is not a plain public URL`);
    }
    expect(bad).toEqual([]);
  });

  it("every chart draws from a declared dataset", () => {
    expect([...site.charts.values()].filter((c) => !site.catalogue.datasets.has(c.spec.dataset)).map((c) => c.spec.id)).toEqual([]);
  });

  for (const article of site.articles) {
    it(`${article.file}: its charts, datasets, sources and events exist, and its built page shows every chart`, () => {
      expect(article.charts.map((c) => c.id).filter((id) => !site.charts.has(id)), "unknown chart ids").toEqual([]);
      expect(article.datasets.filter((id) => !site.catalogue.datasets.has(id)), "unknown dataset ids").toEqual([]);
      expect(article.sources.filter((id) => !site.catalogue.sources.has(id)), "unknown source ids").toEqual([]);
      const events = new Set(site.catalogue.datasets.get("evenements")?.rows.map((r) => String(r.id)));
      expect(article.events.filter((id) => !events.has(id)), "unknown event ids").toEqual([]);
      const page = check.document(join(distDir, "articles", article.slug, "index.html"));
      expect(page, `built page of ${article.slug}`).toBeDefined();
      const missing = article.charts.filter((c) => !page?.querySelector(`figure.chart[id="graphique-${c.id}"] svg`)).map((c) => c.id);
      expect(missing, "charts not drawn on the built article page").toEqual([]);
    });
  }
});
